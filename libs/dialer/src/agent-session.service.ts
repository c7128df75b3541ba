import { isAriError, type TelephonyEvent, type TelephonyPort } from '@app/ari';
import { AppError, invalid, notFound, pollUntil } from '@app/common';
import { Agent, Campaign } from '@app/database';
import {
  type AgentState,
  type AgentStateKind,
  type Disposition,
  type DispositionCategory,
  type Transition,
} from '@app/dialer-core';
import type { DataSource } from 'typeorm';
import { AgentSessionEvents, type OfferContact } from './agent-session.events';
import type { CallStateName, LiveCallView } from './ari-call-port';
import type { CampaignHandle, CampaignRunner, RunnerSessions } from './campaign-runner';
import type { PgLease } from './pg-contact-source';

/** What GET /api/agent/session answers (and the socket gateway may send). */
export interface AgentSessionView {
  agentId: string;
  loggedIn: boolean;
  state: AgentStateKind;
  reason: string | null;
  since: string;
  campaignId: string | null;
  /** The campaign the agent works on, by name, and how it was chosen at login. */
  campaign: CampaignRef | null;
  endpoint: string | null;
  channelId: string | null;
  bridgeId: string | null;
  /** The call the agent is reserved for, talking on or wrapping up. */
  call: LiveCallView | { callId: string; state: 'wrap-up' } | null;
  /** The contact of that call (or of the preview offer). */
  contact: OfferContact | null;
  offer: { attemptId: string; contact: OfferContact; autoDialAt: string | null } | null;
}

/**
 * How the agent's campaign was chosen: `requested` (the login named it), `only-one` (the login named none and this
 * was the only campaign dialing that the agent qualifies for). With several, a login without a campaign is refused
 * with the list to choose from; with none, the agent is logged in on no campaign.
 */
export type CampaignChoice = 'requested' | 'only-one';

export interface CampaignRef {
  id: string;
  name: string;
  mode: string;
  state: string;
  chosen: CampaignChoice | null;
}

export interface LoginCommand {
  endpoint?: string;
  campaignId?: string;
}

export interface DispositionCommand {
  code: string;
  answers?: Record<string, unknown>;
  /** ISO date-time, for callback dispositions. */
  callbackAt?: string;
  note?: string;
}

interface Offer {
  lease: PgLease;
  callId: string;
  contact: OfferContact;
  autoDialAt: number | null;
  timer?: NodeJS.Timeout;
}

interface Session {
  agentId: string;
  departmentId: string;
  endpoint: string;
  channelId: string;
  bridgeId: string;
  campaignId: string | null;
  campaignChoice: CampaignChoice | null;
  state: AgentStateKind;
  reason: string | null;
  since: number;
  callId: string | null;
  offer?: Offer;
  claiming: boolean;
  /** The agent's phone hung up: log out as soon as the state allows. */
  gone: boolean;
  /** Being logged into a newly built engine (attachAll): its offline → ready is not a change of ours. */
  attaching?: boolean;
  lastCallbackCheck: number;
}

export interface AgentSessionOptions {
  instanceId: string;
  /** How long the agent's phone may take to answer the login call. Default 30 s. */
  answerTimeoutMs?: number;
  /** A skipped preview contact comes back after this. Default 5 minutes. */
  skipDelayMs?: number;
  log?: { log(m: string): void; warn(m: string): void; error(m: string): void };
}

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The ACD's side of the agent registry (blending): asked first whenever a logged-in agent becomes ready. It answers
 * synchronously; true means it took the agent for an inbound call (the agent is then paused with reason `inbound`
 * until the ACD releases them).
 */
export interface InboundDesk {
  agentReady(agentId: string): boolean;
}

/** Pause reasons the ACD uses while an agent is on or wrapping up an inbound call. */
export const INBOUND_REASON = 'inbound';
export const INBOUND_WRAP_REASON = 'inbound-wrap-up';
const CALLBACK_CHECK_MS = 2000;

function illegal(t: Transition<unknown>): AppError | undefined {
  if (t.ok) return undefined;
  const e = t.error;
  return new AppError('illegal-transition', e.message, { from: e.from, event: e.event });
}

function qualifies(
  agent: Pick<Agent, 'groups' | 'skills'>,
  c: Pick<Campaign, 'agentGroup' | 'requiredSkills'>,
): boolean {
  if (c.agentGroup && !(agent.groups ?? []).includes(c.agentGroup)) return false;
  return Object.entries(c.requiredSkills ?? {}).every(([skill, level]) => (agent.skills?.[skill] ?? 0) >= level);
}

/**
 * Agents' sessions, telephony side and persisted state. At login the dialer calls the agent's endpoint once, puts
 * the channel in the agent's own mixing bridge and keeps it there for the shift: connecting a customer is one
 * addToBridge, and when the customer leaves the agent stays in their bridge. The state (ready, reserved, talking,
 * wrap-up, paused, offline) comes from the engine's state machine of the campaign the agent works on and is written
 * to agents + agent_state_changes; `events` carries offers, call progress and state changes to the socket gateway.
 */
export class AgentSessionService implements RunnerSessions {
  readonly events = new AgentSessionEvents();
  private readonly sessions = new Map<string, Session>();
  /** Agents whose login is calling their phone right now. */
  private readonly loggingIn = new Set<string>();
  private readonly chains = new Map<string, Promise<void>>();
  private readonly unsubscribe: () => void;
  private readonly log: NonNullable<AgentSessionOptions['log']>;
  /** Shutting down: no new sessions. */
  private closing = false;
  private desk: InboundDesk | undefined;

  constructor(
    private readonly ds: DataSource,
    private readonly telephony: TelephonyPort,
    private runner: CampaignRunner,
    private readonly opts: AgentSessionOptions,
  ) {
    this.log = opts.log ?? silent;
    this.bindRunner(runner);
    this.unsubscribe = telephony.subscribe((e) => this.onTelephonyEvent(e));
  }

  /**
   * Serves the sessions from another runner (a new runner instance in this process, e.g. after the previous one
   * died): campaigns it takes over get these agents.
   */
  bindRunner(runner: CampaignRunner): void {
    this.runner = runner;
    runner.attachSessions(this);
  }

  /** Sessions another (now dead) dialer held, or this one before a restart, are closed: their channels are gone. */
  async init(): Promise<void> {
    const rows: { id: string; state: string; campaign_id: string | null }[] = await this.ds
      .query(
        `UPDATE agents SET state = 'offline', state_reason = NULL, state_since = now(), session_endpoint = NULL,
              session_channel_id = NULL, session_bridge_id = NULL, session_owner = NULL, current_attempt_id = NULL
          FROM (SELECT id AS old_id, state AS old_state FROM agents WHERE state <> 'offline' FOR UPDATE) old
        WHERE agents.id = old.old_id AND (session_owner IS NULL OR session_owner = $1 OR NOT EXISTS (
              SELECT 1 FROM dialer_instances d WHERE d.id = agents.session_owner AND d.heartbeat_at > now() - interval '1 minute'))
        RETURNING agents.id, old.old_state AS state, agents.campaign_id`,
        [this.opts.instanceId],
      )
      .then((r: unknown) => (Array.isArray(r) && Array.isArray(r[0]) ? (r[0] as never) : (r as never)));
    for (const r of rows) {
      await this.ds.query(
        `INSERT INTO agent_state_changes (agent_id, from_state, to_state, reason, campaign_id) VALUES ($1, $2, 'offline', 'dialer restarted', $3)`,
        [r.id, r.state, r.campaign_id],
      );
    }
  }

  // ---- blending: the ACD's hooks -------------------------------------------------------------------------------

  attachInbound(desk: InboundDesk | undefined): void {
    this.desk = desk;
  }

  /** The campaign engine asks this when one of its agents becomes ready (see RunnerSessions.inboundFirst). */
  inboundFirst(agentId: string): boolean {
    const s = this.sessions.get(agentId);
    if (!s || s.gone || s.offer) return false;
    return this.desk?.agentReady(agentId) ?? false;
  }

  /** Takes a ready agent for an inbound call the ACD found for them: paused with reason `inbound`. */
  takeForInbound(agentId: string): boolean {
    const s = this.sessions.get(agentId);
    if (!s || s.state !== 'ready' || s.offer || s.gone) return false;
    const h = this.handleOf(s);
    if (h) return h.engine.agentPause(agentId, INBOUND_REASON).ok;
    this.setState(s, { kind: 'paused', since: Date.now(), reason: INBOUND_REASON });
    return true;
  }

  /** The inbound caller left: the agent wraps up (still away from outbound calls). */
  inboundWrapUp(agentId: string): void {
    const s = this.sessions.get(agentId);
    if (!s || s.state !== 'paused' || s.reason !== INBOUND_REASON) return;
    const h = this.handleOf(s);
    if (h) h.engine.agentPause(agentId, INBOUND_WRAP_REASON);
    else this.setState(s, { kind: 'paused', since: Date.now(), reason: INBOUND_WRAP_REASON });
  }

  /** The inbound call and its wrap-up are over: the agent is ready again (and the ACD is asked first). */
  releaseFromInbound(agentId: string): void {
    const s = this.sessions.get(agentId);
    if (!s || s.state !== 'paused' || (s.reason !== INBOUND_REASON && s.reason !== INBOUND_WRAP_REASON)) return;
    if (s.gone) {
      void this.logout(agentId).catch(() => undefined);
      return;
    }
    const h = this.handleOf(s);
    if (h) h.engine.agentResume(agentId);
    else this.setState(s, { kind: 'ready', since: Date.now() });
  }

  /** Department of a logged-in agent (the ACD's offers carry the department's script). */
  departmentOf(agentId: string): string | undefined {
    return this.sessions.get(agentId)?.departmentId;
  }

  stateOf(agentId: string): { state: AgentStateKind; reason: string | null } | undefined {
    const s = this.sessions.get(agentId);
    return s ? { state: s.state, reason: s.reason } : undefined;
  }

  close(): void {
    this.unsubscribe();
    for (const s of this.sessions.values()) if (s.offer?.timer) clearTimeout(s.offer.timer);
  }

  // ---- shutdown ------------------------------------------------------------------------------------------------

  /** Tells every agent's screen that the dialer stops, and until when a call in progress may go on. */
  announceShutdown(deadline: number, drainSeconds: number): void {
    this.closing = true;
    this.events.emit('shutdown', {
      deadline: new Date(deadline).toISOString(),
      drainSeconds,
      message:
        `the dialer is shutting down: no new calls; a call in progress may finish until ` +
        `${new Date(deadline).toISOString()}, then it is ended and you are logged out`,
    });
  }

  /** Preview offers not dialed yet go back to their campaign (their contacts stay due). */
  async releaseOffers(): Promise<void> {
    for (const s of this.sessions.values()) await this.dropOffer(s).catch(() => undefined);
  }

  /**
   * Shutdown, last step: every session on this process ends — offline with a state change that says why, the
   * agent's phone hung up and their bridge destroyed. Returns how many sessions were closed.
   */
  async shutdown(reason = 'dialer shut down'): Promise<number> {
    const all = [...this.sessions.values()];
    for (const s of all) {
      if (s.offer?.timer) clearTimeout(s.offer.timer);
      s.offer = undefined;
      this.sessions.delete(s.agentId);
      await this.flush(s.agentId);
      const from = s.state;
      const since = new Date();
      await this.ds.query(
        `UPDATE agents SET state = 'offline', state_reason = NULL, state_since = $2, session_endpoint = NULL,
                session_channel_id = NULL, session_bridge_id = NULL, session_owner = NULL, current_attempt_id = NULL,
                updated_at = now() WHERE id = $1`,
        [s.agentId, since],
      );
      await this.ds.query(
        `INSERT INTO agent_state_changes (agent_id, from_state, to_state, reason, campaign_id) VALUES ($1, $2, 'offline', $3, $4)`,
        [s.agentId, from, reason.slice(0, 64), s.campaignId],
      );
      this.events.emit('state', {
        agentId: s.agentId,
        campaignId: s.campaignId,
        state: 'offline',
        reason,
        since: since.toISOString(),
        callId: null,
      });
      await this.telephony.hangup(s.channelId).catch(() => undefined);
      await this.telephony.destroyBridge(s.bridgeId).catch(() => undefined);
    }
    return all.length;
  }

  // ---- queries ---------------------------------------------------------------------------------------------------

  isLoggedIn(agentId: string): boolean {
    return this.sessions.has(agentId);
  }

  /** Agent ids with a session on this process (for wallboards and tests). */
  loggedIn(): string[] {
    return [...this.sessions.keys()];
  }

  bridgeOf(agentId: string): string | undefined {
    return this.sessions.get(agentId)?.bridgeId;
  }

  busyIn(campaignId: string): boolean {
    for (const s of this.sessions.values())
      if (s.campaignId === campaignId && (s.state === 'reserved' || s.state === 'talking' || s.state === 'wrap-up'))
        return true;
    return false;
  }

  async view(agentId: string): Promise<AgentSessionView> {
    const s = this.sessions.get(agentId);
    if (!s) {
      const a = await this.ds.getRepository(Agent).findOne({ where: { id: agentId } });
      if (!a) throw notFound('agent', agentId);
      return {
        agentId,
        loggedIn: false,
        state: 'offline',
        reason: null,
        since: a.stateSince.toISOString(),
        campaignId: a.campaignId,
        campaign: await this.campaignRef(a.campaignId, null),
        endpoint: a.endpoint,
        channelId: null,
        bridgeId: null,
        call: null,
        contact: null,
        offer: null,
      };
    }
    const h = s.campaignId ? this.runner.handle(s.campaignId) : undefined;
    const live = s.callId ? h?.calls.call(s.callId) : undefined;
    const call = live ?? (s.callId ? { callId: s.callId, state: 'wrap-up' as const } : null);
    let contact: OfferContact | null = s.offer?.contact ?? null;
    if (!contact && s.callId) {
      const row: { contact_id: string; called_number: string }[] = await this.ds.query(
        `SELECT contact_id, called_number FROM call_attempts WHERE channel_id = $1`,
        [s.callId],
      );
      if (row[0]) contact = await this.loadContact(row[0].contact_id, row[0].called_number);
    }
    return {
      agentId,
      loggedIn: true,
      state: s.state,
      reason: s.reason,
      since: new Date(s.since).toISOString(),
      campaignId: s.campaignId,
      campaign: await this.campaignRef(s.campaignId, s.campaignChoice),
      endpoint: s.endpoint,
      channelId: s.channelId,
      bridgeId: s.bridgeId,
      call,
      contact,
      offer: s.offer
        ? {
            attemptId: s.offer.callId,
            contact: s.offer.contact,
            autoDialAt: s.offer.autoDialAt ? new Date(s.offer.autoDialAt).toISOString() : null,
          }
        : null,
    };
  }

  // ---- login / logout --------------------------------------------------------------------------------------------

  async login(agentId: string, cmd: LoginCommand = {}): Promise<AgentSessionView> {
    if (this.sessions.has(agentId)) return this.view(agentId);
    if (this.closing) throw new AppError('unavailable', 'the dialer is shutting down: log in again once it is back');
    // Two logins at once would both call a phone and the second session would orphan the first's channel.
    if (this.loggingIn.has(agentId)) throw new AppError('conflict', 'a login of this agent is in progress');
    this.loggingIn.add(agentId);
    try {
      return await this.startSession(agentId, cmd);
    } finally {
      this.loggingIn.delete(agentId);
    }
  }

  private async startSession(agentId: string, cmd: LoginCommand): Promise<AgentSessionView> {
    const agent = await this.ds.getRepository(Agent).findOne({ where: { id: agentId } });
    if (!agent) throw notFound('agent', agentId);
    const endpoint = cmd.endpoint ?? agent.endpoint;
    if (!endpoint) throw invalid([{ field: 'endpoint', reason: 'the agent has no default endpoint: give one' }]);
    await this.checkEndpoint(agent, endpoint);
    const { campaign, chosen } = await this.chooseCampaign(agent, cmd.campaignId);
    this.requireAri();
    const stamp = Date.now().toString(36);
    const channelId = `agent-${agentId}-${stamp}`;
    const bridgeId = `agentbr-${agentId}-${stamp}`;
    const answered = this.waitForStasis(channelId, this.opts.answerTimeoutMs ?? 30_000);
    try {
      await this.tel(this.telephony.createBridge(bridgeId, 'mixing', `agent ${agentId}`));
      await this.tel(
        this.telephony.originate({
          channelId,
          endpoint,
          appArgs: ['agent', agentId],
          timeoutSeconds: 30,
          formats: 'ulaw',
        }),
      ).catch((e: unknown) => {
        // Asterisk refuses a dial string it cannot parse or route (400, 422, or 500 "Allocation failed"): that is
        // the caller's endpoint, not a telephony outage.
        if (isAriError(e, 'ari-bad-request') || isAriError(e, 'ari-unprocessable') || isAriError(e, 'ari-server-error'))
          throw invalid([{ field: 'endpoint', reason: `Asterisk cannot dial it (${e.message})` }]);
        throw e;
      });
      await answered.promise;
      await this.tel(this.telephony.addToBridge(bridgeId, [channelId]));
    } catch (e) {
      answered.cancel();
      await this.telephony.hangup(channelId).catch(() => undefined);
      await this.telephony.destroyBridge(bridgeId).catch(() => undefined);
      if (e instanceof AppError) throw e;
      if (isAriError(e, 'ari-endpoint-unreachable')) {
        // Asterisk's 500 "Allocation failed": no such endpoint, or its phone is not registered / reachable.
        throw new AppError('unavailable', `the agent's phone ${endpoint}: endpoint not reachable or not registered`, [
          { field: 'endpoint', reason: 'not reachable or not registered' },
        ]);
      }
      // The phone rang out, was busy or does not exist: about the endpoint, not a server fault (was a 503).
      throw new AppError('conflict', `the agent's phone ${endpoint} did not answer: ${(e as Error).message}`, [
        { field: 'endpoint', reason: `did not answer (${(e as Error).message})` },
      ]);
    }
    const s: Session = {
      agentId,
      departmentId: agent.departmentId,
      endpoint,
      channelId,
      bridgeId,
      campaignId: campaign?.id ?? null,
      campaignChoice: campaign ? chosen : null,
      state: 'offline',
      reason: null,
      since: Date.now(),
      callId: null,
      claiming: false,
      gone: false,
      lastCallbackCheck: 0,
    };
    this.sessions.set(agentId, s);
    await this.ds.query(
      `UPDATE agents SET session_endpoint = $2, session_channel_id = $3, session_bridge_id = $4, session_owner = $5,
              campaign_id = $6, updated_at = now() WHERE id = $1`,
      [agentId, endpoint, channelId, bridgeId, this.opts.instanceId, s.campaignId],
    );
    const h = s.campaignId ? this.runner.handle(s.campaignId) : undefined;
    if (h) {
      h.engine.agentLogin(agentId);
      const now = h.engine.agents.get(agentId)?.state;
      if (s.state === 'offline' && now && now.kind !== 'offline') this.setState(s, now);
    } else this.setState(s, { kind: 'ready', since: Date.now() });
    await this.flush(agentId);
    this.log.log(
      campaign
        ? `agent ${agentId} logged in on campaign ${campaign.id} (${campaign.name})${chosen === 'only-one' ? ': the only campaign dialing for them' : ''}`
        : `agent ${agentId} logged in on no campaign: none is dialing for them`,
    );
    return this.view(agentId);
  }

  /**
   * The dialer calls the login endpoint for the whole shift, so it must be one an admin or supervisor assigned: the
   * agent's own (default or listed) or its department's pool; anything else would let an agent have the dialer call
   * any number. An endpoint held by another logged-in agent is refused too.
   */
  private async checkEndpoint(agent: Agent, endpoint: string): Promise<void> {
    const rows: { agent_endpoints: string[] }[] = await this.ds.query(
      `SELECT agent_endpoints FROM departments WHERE id = $1`,
      [agent.departmentId],
    );
    const allowed = new Set([
      ...(agent.endpoint ? [agent.endpoint] : []),
      ...(agent.endpoints ?? []),
      ...(rows[0]?.agent_endpoints ?? []),
    ]);
    if (!allowed.has(endpoint))
      throw new AppError('forbidden', `endpoint ${endpoint} is not assigned to this agent or its department`, [
        { field: 'endpoint', reason: `${endpoint} is not assigned to this agent or its department` },
      ]);
    const busy: { id: string }[] = await this.ds.query(
      `SELECT id FROM agents WHERE session_endpoint = $1 AND id <> $2 AND session_channel_id IS NOT NULL LIMIT 1`,
      [endpoint, agent.id],
    );
    if (busy[0])
      throw new AppError('conflict', `endpoint ${endpoint} is in use by another agent's session`, [
        { field: 'endpoint', reason: `${endpoint} is in use by another logged-in agent` },
      ]);
  }

  private async campaignRef(id: string | null, chosen: CampaignChoice | null): Promise<CampaignRef | null> {
    if (!id) return null;
    const c = await this.ds.getRepository(Campaign).findOne({ where: { id } });
    return c ? { id: c.id, name: c.name, mode: c.mode, state: c.state, chosen } : null;
  }

  async logout(agentId: string): Promise<AgentSessionView> {
    const s = this.session(agentId);
    if (s.state === 'reserved' || s.state === 'talking')
      throw new AppError('illegal-transition', 'hang up the call before logging out', {
        from: s.state,
        event: 'logout',
      });
    const h = s.campaignId ? this.runner.handle(s.campaignId) : undefined;
    await this.dropOffer(s);
    if (h && s.state === 'wrap-up') h.engine.submitDisposition(agentId, { code: 'WRAP_TIMEOUT', category: 'contact' });
    if (h) {
      const t = h.engine.agentLogout(agentId);
      if (!t.ok && h.engine.agents.get(agentId)?.state.kind !== 'offline') throw illegal(t);
    }
    // Whatever the engine said, the session ends offline (the history must not jump from ready to a next login).
    if (s.state !== 'offline') this.setState(s, { kind: 'offline', since: Date.now() });
    this.sessions.delete(agentId);
    await this.flush(agentId);
    await this.ds.query(
      `UPDATE agents SET state = 'offline', session_endpoint = NULL, session_channel_id = NULL, session_bridge_id = NULL,
              session_owner = NULL, current_attempt_id = NULL, updated_at = now() WHERE id = $1`,
      [agentId],
    );
    await this.telephony.hangup(s.channelId).catch(() => undefined);
    await this.telephony.destroyBridge(s.bridgeId).catch(() => undefined);
    return this.view(agentId);
  }

  private async chooseCampaign(
    agent: Agent,
    campaignId?: string,
  ): Promise<{ campaign: Campaign | null; chosen: CampaignChoice }> {
    const repo = this.ds.getRepository(Campaign);
    if (campaignId) {
      const c = await repo.findOne({ where: { id: campaignId } });
      if (!c || c.departmentId !== agent.departmentId) throw notFound('campaign', campaignId);
      if (!['pilot', 'running', 'paused', 'pilot_paused'].includes(c.state))
        throw new AppError('conflict', `campaign ${c.id} is ${c.state}, not dialing`);
      if (!qualifies(agent, c))
        throw new AppError('conflict', `the agent is not in group '${c.agentGroup}' or lacks the required skills`, {
          agentGroup: c.agentGroup,
          requiredSkills: c.requiredSkills,
        });
      return { campaign: c, chosen: 'requested' };
    }
    const list = (
      await repo.find({
        where: [
          { departmentId: agent.departmentId, state: 'running' },
          { departmentId: agent.departmentId, state: 'pilot' },
        ],
        order: { priority: 'DESC', createdAt: 'ASC' },
      })
    ).filter((c) => qualifies(agent, c));
    if (list.length > 1) {
      // Putting the agent on one of them silently surprises everyone: let the agent (or their screen) choose.
      const choices = list.map((c) => ({ id: c.id, name: c.name, mode: c.mode, state: c.state }));
      throw new AppError('validation-failed', `${list.length} campaigns are dialing for this agent: choose one`, [
        {
          field: 'campaignId',
          reason: `required: choose one of ${choices.map((c) => `${c.name} (${c.id})`).join(', ')}`,
          choices,
        },
      ]);
    }
    return { campaign: list[0] ?? null, chosen: 'only-one' };
  }

  // ---- agent actions ---------------------------------------------------------------------------------------------

  async ready(agentId: string): Promise<AgentSessionView> {
    const s = this.session(agentId);
    if (s.state === 'ready') return this.view(agentId);
    // On an inbound ACD call the agent is paused for the ACD; ending an inbound wrap-up early is fine.
    if (s.state === 'paused' && s.reason === INBOUND_REASON)
      throw new AppError('illegal-transition', 'the agent is on an inbound call', { from: 'talking', event: 'ready' });
    const h = this.handleOf(s);
    if (h) {
      const e = illegal(h.engine.agentResume(agentId));
      if (e) throw e;
    } else if (s.state === 'paused') this.setState(s, { kind: 'ready', since: Date.now() });
    else
      throw new AppError('illegal-transition', `cannot become ready from ${s.state}`, {
        from: s.state,
        event: 'ready',
      });
    await this.flush(agentId);
    return this.view(agentId);
  }

  async pause(agentId: string, reason: string): Promise<AgentSessionView> {
    const s = this.session(agentId);
    const h = this.handleOf(s);
    await this.dropOffer(s);
    if (h) {
      const e = illegal(h.engine.agentPause(agentId, reason));
      if (e) throw e;
    } else if (s.state === 'ready' || s.state === 'paused')
      this.setState(s, { kind: 'paused', since: Date.now(), reason });
    else throw new AppError('illegal-transition', `cannot pause from ${s.state}`, { from: s.state, event: 'pause' });
    await this.flush(agentId);
    return this.view(agentId);
  }

  /** Ends the customer's leg; the agent stays in their bridge and goes to wrap-up. */
  async hangup(agentId: string): Promise<AgentSessionView> {
    const s = this.session(agentId);
    if (!s.callId || (s.state !== 'talking' && s.state !== 'reserved'))
      throw new AppError('illegal-transition', 'no call to hang up', { from: s.state, event: 'hangup' });
    this.handleOf(s)?.calls.annotate(s.callId, { hungUpBy: 'agent' });
    await this.tel(this.telephony.hangup(s.callId, 16)).catch((e: unknown) => {
      if (!isAriError(e, 'ari-not-found')) throw e;
    });
    return this.view(agentId);
  }

  async disposition(agentId: string, cmd: DispositionCommand): Promise<AgentSessionView> {
    const s = this.session(agentId);
    if (!s.campaignId) throw new AppError('conflict', 'the agent works on no campaign');
    const rows: { category: DispositionCategory }[] = await this.ds.query(
      `SELECT category FROM dispositions WHERE campaign_id = $1 AND code = $2 AND NOT system`,
      [s.campaignId, cmd.code],
    );
    if (!rows[0]) throw invalid([{ field: 'code', reason: `'${cmd.code}' is not a disposition of this campaign` }]);
    const callbackAt = cmd.callbackAt ? Date.parse(cmd.callbackAt) : undefined;
    return this.dispose(s, { code: cmd.code, category: rows[0].category, ...(callbackAt ? { callbackAt } : {}) }, cmd);
  }

  /** A promise to call back at `at`: for this agent only (`mine`) or for anyone on the campaign. */
  callback(agentId: string, at: string, mine = false, note?: string): Promise<AgentSessionView> {
    const s = this.session(agentId);
    const when = Date.parse(at);
    if (Number.isNaN(when)) throw invalid([{ field: 'at', reason: 'must be an ISO 8601 date-time' }]);
    return this.dispose(
      s,
      { code: 'CALLBACK', category: 'callback', callbackAt: when, ...(mine ? { callbackAgentId: agentId } : {}) },
      { note },
    );
  }

  /** The person asked not to be called again: the number goes on the department's do-not-call list. */
  dnc(agentId: string, note?: string): Promise<AgentSessionView> {
    return this.dispose(this.session(agentId), { code: 'DNC', category: 'do-not-call' }, { note });
  }

  private async dispose(
    s: Session,
    d: Disposition,
    extra: { answers?: Record<string, unknown>; note?: string },
  ): Promise<AgentSessionView> {
    const h = this.handleOf(s);
    if (!h) throw new AppError('conflict', 'the agent works on no running campaign');
    if ((s.state === 'talking' || s.state === 'reserved') && s.callId) {
      // Disposing during the call ends it first.
      h.calls.annotate(s.callId, { hungUpBy: 'agent' });
      await this.tel(this.telephony.hangup(s.callId, 16)).catch((e: unknown) => {
        if (!isAriError(e, 'ari-not-found')) throw e;
      });
      await pollUntil(() => s.state === 'wrap-up', { timeoutMs: 5000, what: 'wrap-up' }).catch(() => undefined);
    }
    if (s.state !== 'wrap-up' || !s.callId)
      throw new AppError('illegal-transition', `no call to dispose of (state ${s.state})`, {
        from: s.state,
        event: 'dispose',
      });
    const callId = s.callId;
    h.calls.annotate(callId, { answers: extra.answers, note: extra.note });
    const e = illegal(h.engine.submitDisposition(s.agentId, d));
    if (e) throw e;
    // The attempt row and the contact are settled before we answer.
    await h.store.flush(callId);
    await this.flush(s.agentId);
    return this.view(s.agentId);
  }

  async previewDial(agentId: string): Promise<AgentSessionView> {
    const s = this.session(agentId);
    const offer = s.offer;
    const h = this.handleOf(s);
    if (!offer || !h) throw new AppError('conflict', 'no preview offer to dial');
    this.requireAri();
    if (offer.timer) clearTimeout(offer.timer);
    s.offer = undefined;
    const e = illegal(h.engine.dialFor(offer.lease, agentId, offer.callId));
    if (e) {
      s.offer = offer;
      throw e;
    }
    await this.flush(agentId);
    return this.view(agentId);
  }

  async previewSkip(agentId: string, reason: string): Promise<AgentSessionView> {
    const s = this.session(agentId);
    if (!s.offer) throw new AppError('conflict', 'no preview offer to skip');
    await this.dropOffer(s, reason);
    return this.view(agentId);
  }

  private async dropOffer(s: Session, skipReason?: string): Promise<void> {
    const offer = s.offer;
    if (!offer) return;
    if (offer.timer) clearTimeout(offer.timer);
    s.offer = undefined;
    const h = this.handleOf(s);
    const back = new Date(Date.now() + (skipReason ? (this.opts.skipDelayMs ?? 5 * 60_000) : 0));
    await h?.source.release(offer.lease, back, skipReason ? `SKIP:${skipReason}`.slice(0, 32) : undefined);
  }

  // ---- runner hooks ----------------------------------------------------------------------------------------------

  attachAll(h: CampaignHandle): void {
    for (const s of this.sessions.values()) {
      if (s.campaignId !== h.campaign.id || s.gone) continue;
      if (s.offer?.timer) clearTimeout(s.offer.timer);
      s.offer = undefined; // its lease belonged to the previous holder; reconciliation released it
      const paused = s.state === 'paused' ? (s.reason ?? 'paused') : undefined;
      s.callId = null;
      // A new engine starts every agent offline; the session was ready (or paused) all along, e.g. while the
      // campaign sat in pilot review. Only a real difference is recorded, so the state history stays one chain.
      s.attaching = true;
      try {
        h.engine.agentLogin(s.agentId);
        if (paused) h.engine.agentPause(s.agentId, paused);
      } finally {
        s.attaching = false;
      }
      const now = h.engine.agents.get(s.agentId)?.state;
      if (now) this.setState(s, now);
    }
  }

  async step(h: CampaignHandle): Promise<void> {
    const now = h.clock.now();
    for (const s of this.sessions.values()) {
      if (s.campaignId !== h.campaign.id || s.state !== 'ready' || s.offer || s.claiming || s.gone) continue;
      if (h.campaign.mode === 'preview') {
        s.claiming = true;
        try {
          const lease = await h.source.claimFor(s.agentId, now, true);
          if (lease && this.sessions.get(s.agentId) === s && s.state === 'ready') await this.offer(h, s, lease);
          else if (lease) await h.source.release(lease, new Date());
        } finally {
          s.claiming = false;
        }
        continue;
      }
      // Progressive / predictive: a due callback an agent promised goes to that agent, dialed for them alone.
      if (Date.now() - s.lastCallbackCheck < CALLBACK_CHECK_MS) continue;
      s.lastCallbackCheck = Date.now();
      s.claiming = true;
      try {
        const lease = await h.source.claimFor(s.agentId, now, false);
        if (!lease) continue;
        if (s.state !== 'ready' || !h.engine.dialFor(lease, s.agentId).ok) await h.source.release(lease, new Date());
      } finally {
        s.claiming = false;
      }
    }
  }

  private async offer(h: CampaignHandle, s: Session, lease: PgLease): Promise<void> {
    const contact = await this.loadContact(lease.contactId, lease.phone);
    const autoSeconds = h.campaign.previewAutoDialSeconds;
    const offer: Offer = {
      lease,
      callId: h.engine.nextCallId(),
      contact,
      autoDialAt: autoSeconds != null ? Date.now() + autoSeconds * 1000 : null,
    };
    s.offer = offer;
    if (autoSeconds != null) {
      offer.timer = setTimeout(() => {
        if (s.offer !== offer) return;
        this.previewDial(s.agentId).catch((e: unknown) => this.log.warn(`auto-dial: ${(e as Error).message}`));
      }, autoSeconds * 1000);
      offer.timer.unref();
    }
    this.events.emit('offer', {
      agentId: s.agentId,
      campaignId: h.campaign.id,
      attemptId: offer.callId,
      scriptVersionId: h.campaign.scriptVersionId,
      contact,
      preview: true,
      ...(offer.autoDialAt ? { autoDialAt: new Date(offer.autoDialAt).toISOString() } : {}),
    });
  }

  onAgentChanged(campaignId: string, agentId: string, _from: AgentState, to: AgentState): void {
    const s = this.sessions.get(agentId);
    if (!s || s.campaignId !== campaignId) return;
    if (s.attaching) return; // attachAll records the outcome of the re-login once
    this.setState(s, to);
    const h = this.runner.handle(campaignId);
    if (to.kind === 'reserved' && h && h.campaign.mode !== 'preview') {
      // Screen pop: the contact of the call being connected to the agent.
      const call = h.calls.call(to.callId);
      const lease = call ? h.source.leased.get(call.contactId) : undefined;
      if (lease) {
        void this.loadContact(lease.contactId, lease.phone)
          .then((contact) =>
            this.events.emit('offer', {
              agentId,
              campaignId,
              attemptId: to.callId,
              scriptVersionId: h.campaign.scriptVersionId,
              contact,
              preview: false,
            }),
          )
          .catch((e: unknown) => this.log.warn(`offer: ${(e as Error).message}`));
      }
    }
    if (s.gone && h) {
      if (to.kind === 'wrap-up') h.engine.submitDisposition(agentId, { code: 'WRAP_TIMEOUT', category: 'contact' });
      else if (to.kind === 'ready' || to.kind === 'paused') void this.logout(agentId).catch(() => undefined);
    }
  }

  onCallState(campaignId: string, callId: string, state: CallStateName, agentId: string | null): void {
    let s = agentId ? this.sessions.get(agentId) : undefined;
    if (!s || s.callId !== callId) s = [...this.sessions.values()].find((x) => x.callId === callId);
    if (!s) return;
    this.events.emit('call-state', { agentId: s.agentId, campaignId, callId, state, at: new Date().toISOString() });
  }

  private onTelephonyEvent(e: TelephonyEvent): void {
    if (e.type !== 'destroyed') return;
    for (const s of this.sessions.values()) {
      if (s.channelId !== e.channelId) continue;
      // The agent's phone is gone: a call in progress is ended, and the session closes once it may.
      s.gone = true;
      this.log.warn(`agent ${s.agentId}: phone channel gone, logging out`);
      if (s.callId && (s.state === 'talking' || s.state === 'reserved'))
        void this.telephony.hangup(s.callId).catch(() => undefined);
      else if (s.state === 'wrap-up')
        this.handleOf(s)?.engine.submitDisposition(s.agentId, { code: 'WRAP_TIMEOUT', category: 'contact' });
      else void this.logout(s.agentId).catch(() => undefined);
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  private session(agentId: string): Session {
    const s = this.sessions.get(agentId);
    if (!s) throw new AppError('conflict', 'the agent is not logged in');
    return s;
  }

  private handleOf(s: Session): CampaignHandle | undefined {
    return s.campaignId ? this.runner.handle(s.campaignId) : undefined;
  }

  private requireAri(): void {
    if (this.telephony.status() !== 'up') throw new AppError('ari-unavailable', 'telephony (ARI) is down');
  }

  private async tel<T>(p: Promise<T>): Promise<T> {
    try {
      return await p;
    } catch (e) {
      if (isAriError(e, 'ari-unavailable')) throw new AppError('ari-unavailable', 'telephony (ARI) is down');
      throw e;
    }
  }

  private waitForStasis(channelId: string, timeoutMs: number): { promise: Promise<void>; cancel(): void } {
    let cancel = (): void => undefined;
    const promise = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error('no answer in time'));
      }, timeoutMs);
      const off = this.telephony.subscribe((e) => {
        if (!('channelId' in e) || e.channelId !== channelId) return;
        if (e.type === 'stasisStart') {
          clearTimeout(timer);
          off();
          resolve();
        } else if (e.type === 'destroyed') {
          clearTimeout(timer);
          off();
          reject(new Error(`call ended (${e.causeTxt})`));
        }
      });
      cancel = () => {
        clearTimeout(timer);
        off();
      };
    });
    promise.catch(() => undefined);
    return { promise, cancel: () => cancel() };
  }

  private async loadContact(contactId: string, phone: string): Promise<OfferContact> {
    const rows: {
      id: string;
      first_name: string | null;
      last_name: string | null;
      time_zone: string;
      fields: Record<string, unknown>;
    }[] = await this.ds.query(`SELECT id, first_name, last_name, time_zone, fields FROM contacts WHERE id = $1`, [
      contactId,
    ]);
    const r = rows[0];
    return {
      id: contactId,
      firstName: r?.first_name ?? null,
      lastName: r?.last_name ?? null,
      phone,
      timeZone: r?.time_zone ?? 'UTC',
      fields: r?.fields ?? {},
    };
  }

  /** Records a state change: memory at once, then agents + agent_state_changes in order, then the event. */
  private setState(s: Session, to: AgentState): void {
    // `from` is what this session last recorded, not what an engine believed (a new engine starts everyone offline):
    // each agent_state_changes row then starts where the previous one ended.
    const from: AgentStateKind = s.state;
    const reason = to.kind === 'paused' ? to.reason : null;
    const callId = 'callId' in to ? to.callId : null;
    if (from === to.kind && s.reason === reason && s.callId === callId) return;
    s.state = to.kind;
    s.reason = to.kind === 'paused' ? to.reason : null;
    s.since = to.since;
    s.callId = 'callId' in to ? to.callId : null;
    const snapshot = {
      state: s.state,
      reason: s.reason,
      since: new Date(s.since),
      callId: s.callId,
      campaignId: s.campaignId,
    };
    this.events.emit('state', {
      agentId: s.agentId,
      campaignId: snapshot.campaignId,
      state: snapshot.state,
      reason: snapshot.reason,
      since: snapshot.since.toISOString(),
      callId: snapshot.callId,
    });
    const prev = this.chains.get(s.agentId) ?? Promise.resolve();
    const next = prev
      .then(async () => {
        await this.ds.query(
          `UPDATE agents SET state = $2, state_reason = $3, state_since = $4, campaign_id = $5,
                  current_attempt_id = (SELECT id FROM call_attempts WHERE channel_id = $6), updated_at = now()
            WHERE id = $1`,
          [s.agentId, snapshot.state, snapshot.reason, snapshot.since, snapshot.campaignId, snapshot.callId],
        );
        await this.ds.query(
          `INSERT INTO agent_state_changes (agent_id, from_state, to_state, reason, campaign_id) VALUES ($1, $2, $3, $4, $5)`,
          [s.agentId, from, snapshot.state, snapshot.reason, snapshot.campaignId],
        );
      })
      .catch((e: unknown) => this.log.error(`agent ${s.agentId} state write: ${(e as Error).message}`));
    this.chains.set(s.agentId, next);
    // Agents without a campaign engine: the ACD is asked here (engines ask through inboundFirst).
    if (to.kind === 'ready' && !this.handleOf(s) && !s.gone && this.desk?.agentReady(s.agentId))
      this.setState(s, { kind: 'paused', since: Date.now(), reason: INBOUND_REASON });
  }

  /** Waits until the agent's state writes are in the database. */
  async flush(agentId: string): Promise<void> {
    await this.chains.get(agentId);
  }
}
