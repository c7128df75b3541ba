import { hostname } from 'node:os';
import type { TelephonyPort } from '@app/ari';
import { Campaign, HolidayCalendar } from '@app/database';
import { DialerEngine, type AgentState } from '@app/dialer-core';
import { In, type DataSource } from 'typeorm';
import { pollUntil } from '@app/common';
import { AriCallPort, type CallStateName } from './ari-call-port';
import { engineSettingsOf, pacerFor, retunePacer, type EngineSettings } from './campaign-settings';
import { KillableClock, LatencyStats } from './clock';
import { AttemptStore, PgAttemptSink, settleContact } from './pg-attempt-sink';
import { PgContactSource, sweepExpiredLeases, updated } from './pg-contact-source';

/** A campaign this process runs: its engine and the ports under it. */
export interface CampaignHandle {
  campaign: Campaign;
  settings: EngineSettings;
  /** The holiday calendar's dates the settings were built with: a change to the calendar rebuilds them. */
  holidayDates: string;
  engine: DialerEngine;
  source: PgContactSource;
  calls: AriCallPort;
  store: AttemptStore;
  clock: KillableClock;
  latency: LatencyStats;
  /** Left pilot/running/paused (or lost interest): no new dials, dropped once its calls are over. */
  draining: boolean;
  loops: number;
}

/** What the runner needs from the agent sessions (implemented by AgentSessionService). */
export interface RunnerSessions {
  bridgeOf(agentId: string): string | undefined;
  onAgentChanged(campaignId: string, agentId: string, from: AgentState, to: AgentState): void;
  onCallState(campaignId: string, callId: string, state: CallStateName, agentId: string | null): void;
  /** Logs the campaign's logged-in agents into a newly built engine. */
  attachAll(h: CampaignHandle): void;
  /** Per loop: preview offers and agent-owned callbacks for ready agents. */
  step(h: CampaignHandle): Promise<void>;
  /** Some agent of the campaign is reserved, talking or wrapping up. */
  busyIn(campaignId: string): boolean;
  /** Blending: an agent of the campaign became ready; true when the ACD took them for an inbound call. */
  inboundFirst?(agentId: string): boolean;
}

/** The campaigns library's lifecycle, when present: it owns the state machine (audit, pilot summary, forecast). */
export interface CampaignLifecycleHook {
  /** running → completed; false when the move was refused. */
  complete(campaignId: string): Promise<boolean>;
  /** pilot → pilot_review once every pilot contact is final; false when it did not move. */
  pilotDone(campaignId: string): Promise<boolean>;
}

export interface CampaignRunnerOptions {
  instanceId: string;
  tickMs: number;
  leaseSeconds: number;
  endpointTemplate: string;
  /** How often campaigns, leases and completion are checked. Default 1000 ms. */
  pollMs?: number;
  /** Shifts the dialer's "now" (tests of calling windows); default 0. */
  clockOffsetMs?: number;
  log?: { log(m: string): void; warn(m: string): void; error(m: string): void };
}

const ACTIVE = ['pilot', 'running', 'paused', 'pilot_paused'] as const;
/** Held by a planner: no new dials, live calls finish. */
const PAUSED: readonly string[] = ['paused', 'pilot_paused'];
const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Watches campaigns in pilot/running/paused, takes a campaign's lease (campaigns.lease_owner / lease_expires_at,
 * renewed every poll, taken over when it lapses), reconciles what a dead holder left (open attempts closed as `lost`
 * and retried, stale contact leases released), then runs a DialerEngine over PostgreSQL and ARI for it. Paused
 * campaigns place no new calls (live ones finish); a campaign with nothing left to dial and nothing live completes.
 */
export class CampaignRunner {
  readonly handles = new Map<string, CampaignHandle>();
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  private running = false;
  /** Shutting down: no campaign is taken and none places new calls; the loop goes on until live calls end. */
  private draining = false;
  private sessions: RunnerSessions | undefined;
  private readonly log: NonNullable<CampaignRunnerOptions['log']>;
  readonly latency = new LatencyStats();

  constructor(
    private readonly ds: DataSource,
    private readonly telephony: TelephonyPort,
    readonly opts: CampaignRunnerOptions,
  ) {
    this.log = opts.log ?? silent;
  }

  get instanceId(): string {
    return this.opts.instanceId;
  }

  private lifecycle: CampaignLifecycleHook | undefined;

  setLifecycle(l: CampaignLifecycleHook): void {
    this.lifecycle = l;
  }

  attachSessions(s: RunnerSessions): void {
    this.sessions = s;
  }

  handle(campaignId: string): CampaignHandle | undefined {
    return this.handles.get(campaignId);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.timer = setInterval(() => void this.loopOnce(), this.opts.pollMs ?? 1000);
    void this.loopOnce();
  }

  /** Graceful: no new dials, leases given back. Live calls are left to Asterisk; the next holder reconciles them. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const h of this.handles.values()) this.drop(h);
    const ids = [...this.handles.keys()];
    this.handles.clear();
    if (ids.length > 0) {
      await this.ds
        .query(
          `UPDATE campaigns SET lease_owner = NULL, lease_expires_at = NULL WHERE id = ANY($1::uuid[]) AND lease_owner = $2`,
          [ids, this.instanceId],
        )
        .catch(() => undefined);
    }
    await this.ds.query(`DELETE FROM dialer_instances WHERE id = $1`, [this.instanceId]).catch(() => undefined);
  }

  /** Calls not yet final, over every campaign this process runs. */
  liveCalls(): number {
    let n = 0;
    for (const h of this.handles.values()) n += h.engine.liveCalls();
    return n;
  }

  /**
   * Shutdown, first step: no new calls. Every campaign stops pacing (preview offers too, as the sessions only offer
   * while a campaign dials) and no campaign is taken any more; live calls and wrap-ups go on, and each campaign's
   * lease is given back as soon as nothing of it is live (the loop keeps running for that).
   */
  drain(): void {
    this.draining = true;
    for (const h of this.handles.values()) {
      h.draining = true;
      h.engine.stop();
    }
  }

  /**
   * Shutdown, last step (the drain deadline passed): agents still wrapping up get the wrap-up timeout disposition,
   * then the engines stop and every attempt this process left open is closed as `interrupted` with its channel hung
   * up. An attempt that was originated counts and its contact is due again at once; one only queued (never dialed)
   * does not count. Contact leases of this process go back to pending. Then the runner stops (campaign leases given
   * back).
   */
  async interruptAll(): Promise<{ interrupted: number; notDialed: number; releasedContacts: number }> {
    for (const h of this.handles.values())
      for (const a of [...h.engine.agents.all()])
        if (a.state.kind === 'wrap-up') h.engine.submitDisposition(a.id, h.engine.cfg.wrapUpTimeoutDisposition);
    await Promise.all([...this.handles.values()].map((h) => h.store.flush().catch(() => undefined)));
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    // A loop pass in progress must not write after us.
    await pollUntil(() => !this.busy, { timeoutMs: 10_000, intervalMs: 20 }).catch(() => undefined);
    for (const h of this.handles.values()) this.drop(h);
    const open: {
      id: string;
      channel_id: string;
      campaign_id: string;
      department_id: string;
      campaign_contact_id: string | null;
      contact_id: string;
      phone_number_id: string | null;
      called_number: string;
      agent_id: string | null;
      originated: boolean;
    }[] = await this.ds.query(
      `SELECT a.id, a.channel_id, a.campaign_id, a.department_id, a.campaign_contact_id, a.contact_id,
              a.phone_number_id, a.called_number, a.agent_id, a.originated_at IS NOT NULL AS originated
         FROM call_attempts a WHERE a.dialer_instance = $1 AND a.ended_at IS NULL`,
      [this.instanceId],
    );
    let interrupted = 0;
    let notDialed = 0;
    for (const a of open) {
      // Hang up whatever might exist: an originate may have gone out before its time was written.
      await this.telephony.hangup(a.channel_id, 16).catch(() => undefined);
      await this.ds.transaction(async (m) => {
        const closed = updated<{ id: string }>(
          await m.query(
            `UPDATE call_attempts SET ended_at = now(), outcome = 'interrupted', hangup_by = 'system',
                    hangup_cause_text = $2, disposition_code = COALESCE(disposition_code, 'INTERRUPTED'),
                    disposition_category = COALESCE(disposition_category, 'no-contact')
              WHERE id = $1 AND ended_at IS NULL RETURNING id`,
            [a.id, a.originated ? 'dialer shut down: call ended' : 'dialer shut down before dialing'],
          ),
        );
        if (closed.length === 0) return;
        if (a.originated) interrupted++;
        else notDialed++;
        if (!a.campaign_contact_id || !a.phone_number_id) return;
        await settleContact(m, {
          lease: {
            campaignContactId: a.campaign_contact_id,
            contactId: a.contact_id,
            phoneNumberId: a.phone_number_id,
            phone: a.called_number,
          },
          owner: null,
          step: { kind: 'retry-at', at: Date.now(), phone: a.called_number },
          outcome: 'interrupted',
          counted: a.originated,
          dispositionCode: null,
          departmentId: a.department_id,
          campaignId: a.campaign_id,
          attemptChannelId: a.channel_id,
          agentId: a.agent_id,
        });
      });
    }
    const releasedContacts = updated<{ id: string }>(
      await this.ds.query(
        `UPDATE campaign_contacts SET status = 'pending', lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
          WHERE lease_owner = $1 AND status IN ('leased', 'dialing') RETURNING id`,
        [this.instanceId],
      ),
    ).length;
    await this.stop();
    return { interrupted, notDialed, releasedContacts };
  }

  /** Test seam: the process "dies" — timers stop, nothing more is sent or written, leases stay as they are. */
  crash(): void {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const h of this.handles.values()) this.drop(h);
    this.handles.clear();
  }

  private drop(h: CampaignHandle): void {
    h.engine.stop();
    h.clock.kill();
    h.calls.close();
  }

  /** One pass; exposed for tests that drive the runner step by step. */
  async loopOnce(): Promise<void> {
    if (this.busy || !this.running) return;
    this.busy = true;
    try {
      await this.heartbeat();
      await sweepExpiredLeases(this.ds);
      const rows = await this.ds.getRepository(Campaign).find({ where: { state: In([...ACTIVE]) } });
      const seen = new Set<string>();
      for (const c of rows) {
        if (!this.running) return;
        seen.add(c.id);
        const h = this.handles.get(c.id);
        if (h) await this.renew(h, c);
        else if (!this.draining) await this.tryAcquire(c);
      }
      for (const h of [...this.handles.values()]) {
        if (!this.running) return;
        if (!seen.has(h.campaign.id)) {
          const fresh = await this.ds.getRepository(Campaign).findOne({ where: { id: h.campaign.id } });
          if (fresh) h.campaign = fresh;
          h.draining = true;
          await this.renew(h, h.campaign);
        }
        if (this.handles.has(h.campaign.id)) await this.step(h);
      }
    } catch (e) {
      this.log.error(`runner loop: ${(e as Error).stack ?? String(e)}`);
    } finally {
      this.busy = false;
    }
  }

  private async heartbeat(): Promise<void> {
    await this.ds.query(
      `INSERT INTO dialer_instances (id, host, heartbeat_at) VALUES ($1, $2, now())
       ON CONFLICT (id) DO UPDATE SET heartbeat_at = now()`,
      [this.instanceId, hostname()],
    );
  }

  private async renew(h: CampaignHandle, c: Campaign): Promise<void> {
    const rows = updated<{ id: string }>(
      await this.ds.query(
        `UPDATE campaigns SET lease_expires_at = now() + make_interval(secs => $3)
          WHERE id = $1 AND lease_owner = $2 RETURNING id`,
        [c.id, this.instanceId, this.opts.leaseSeconds],
      ),
    );
    if (rows.length === 0) {
      // Someone else holds it now (we stalled past the lease): stop at once, touch nothing.
      this.log.warn(`lost the lease of campaign ${c.id}`);
      this.drop(h);
      this.handles.delete(c.id);
      return;
    }
    // A holiday added to the campaign's calendar (admin pages) stops calls on that day from the next renewal, as
    // a change to the campaign itself does.
    const holidays = await this.holidays(c);
    if (c.updatedAt?.getTime() !== h.campaign.updatedAt?.getTime() || holidays.join() !== h.holidayDates) {
      h.campaign = c;
      h.holidayDates = holidays.join();
      h.settings = engineSettingsOf(c, holidays);
      // The engine reads its config on every decision: new limits apply from the next tick.
      Object.assign(h.engine.cfg, h.settings.config);
      retunePacer(h.engine.pacer, h.settings);
    } else h.campaign = c;
    await h.source.renewLeases();
  }

  private async tryAcquire(c: Campaign): Promise<void> {
    const rows = updated<{ id: string }>(
      await this.ds.query(
        `UPDATE campaigns SET lease_owner = $2, lease_expires_at = now() + make_interval(secs => $3)
          WHERE id = $1 AND (lease_owner = $2 OR lease_owner IS NULL OR lease_expires_at IS NULL OR lease_expires_at < now())
          RETURNING id`,
        [c.id, this.instanceId, this.opts.leaseSeconds],
      ),
    );
    if (rows.length === 0) return;
    this.log.log(`campaign ${c.id} (${c.name}): lease taken by ${this.instanceId}`);
    try {
      await this.reconcile(c);
    } catch (e) {
      // Without knowing what is live we must not dial: give the lease back and try again later.
      this.log.warn(`campaign ${c.id}: reconciliation failed (${(e as Error).message}); retrying`);
      await this.ds.query(
        `UPDATE campaigns SET lease_owner = NULL, lease_expires_at = NULL WHERE id = $1 AND lease_owner = $2`,
        [c.id, this.instanceId],
      );
      return;
    }
    const h = await this.build(c);
    this.handles.set(c.id, h);
    this.sessions?.attachAll(h);
  }

  /**
   * What a previous holder left: attempts still open (ended_at null) are closed as `lost` — their channel hung up if
   * it still exists — and their contact goes back to pending for an immediate retry; leases of other owners are
   * released. Runs before this process dials anything for the campaign.
   */
  async reconcile(c: Campaign): Promise<{ lost: number; hungUp: number; released: number }> {
    const open: {
      id: string;
      channel_id: string;
      campaign_contact_id: string | null;
      contact_id: string;
      phone_number_id: string | null;
      called_number: string;
      agent_id: string | null;
    }[] = await this.ds.query(
      `SELECT id, channel_id, campaign_contact_id, contact_id, phone_number_id, called_number, agent_id
         FROM call_attempts WHERE campaign_id = $1 AND ended_at IS NULL`,
      [c.id],
    );
    let hungUp = 0;
    if (open.length > 0) {
      const channels = new Set((await this.telephony.listChannels()).map((ch) => ch.id));
      for (const a of open) {
        if (!channels.has(a.channel_id)) continue;
        hungUp++;
        await this.telephony.hangup(a.channel_id, 16).catch(() => undefined);
      }
      for (const a of open) {
        await this.ds.transaction(async (m) => {
          const closed = updated<{ id: string }>(
            await m.query(
              `UPDATE call_attempts SET ended_at = now(), outcome = 'lost', hangup_by = 'system',
                      hangup_cause_text = 'dialer restarted: call lost',
                      disposition_code = COALESCE(disposition_code, 'LOST'),
                      disposition_category = COALESCE(disposition_category, 'no-contact')
                WHERE id = $1 AND ended_at IS NULL RETURNING id`,
              [a.id],
            ),
          );
          if (closed.length === 0 || !a.campaign_contact_id || !a.phone_number_id) return;
          await settleContact(m, {
            lease: {
              campaignContactId: a.campaign_contact_id,
              contactId: a.contact_id,
              phoneNumberId: a.phone_number_id,
              phone: a.called_number,
            },
            owner: null,
            step: { kind: 'retry-at', at: Date.now(), phone: a.called_number },
            outcome: 'lost',
            counted: true,
            dispositionCode: 'LOST',
            departmentId: c.departmentId,
            campaignId: c.id,
            attemptChannelId: a.channel_id,
            agentId: a.agent_id,
          });
        });
      }
    }
    const released = updated<{ id: string }>(
      await this.ds.query(
        `UPDATE campaign_contacts SET status = 'pending', lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
          WHERE campaign_id = $1 AND status IN ('leased', 'dialing') AND lease_owner IS DISTINCT FROM $2 RETURNING id`,
        [c.id, this.instanceId],
      ),
    ).length;
    if (open.length + released > 0)
      this.log.warn(
        `campaign ${c.id}: ${open.length} lost attempt(s) closed (${hungUp} hung up), ${released} lease(s) released`,
      );
    return { lost: open.length, hungUp, released };
  }

  private async holidays(c: Campaign): Promise<string[]> {
    const id = (c.windows as { holidayCalendarId?: string } | null)?.holidayCalendarId;
    if (!id) return [];
    const cal = await this.ds.getRepository(HolidayCalendar).findOne({ where: { id } });
    return cal?.dates.map((d) => d.date) ?? [];
  }

  private async build(c: Campaign): Promise<CampaignHandle> {
    const holidays = await this.holidays(c);
    const settings = engineSettingsOf(c, holidays);
    const clock = new KillableClock(this.opts.clockOffsetMs ?? 0);
    const store = new AttemptStore(this.ds, {
      campaignId: c.id,
      departmentId: c.departmentId,
      mode: c.mode,
      callerId: c.callerId,
      dialerInstance: this.instanceId,
    });
    const h = {
      campaign: c,
      settings,
      holidayDates: holidays.join(),
      clock,
      store,
      latency: new LatencyStats(),
      draining: false,
      loops: 0,
    } as CampaignHandle;
    h.source = new PgContactSource(
      this.ds,
      () => ({
        id: c.id,
        departmentId: c.departmentId,
        pilotOnly: h.campaign.state === 'pilot' || h.campaign.state === 'pilot_paused',
        rules: h.settings.rules,
        ringTimeoutSeconds: h.settings.config.ringTimeoutSeconds,
        policy: h.settings.config.retryPolicy,
      }),
      this.instanceId,
      this.opts.leaseSeconds,
    );
    const onError = (e: unknown, where: string): void =>
      this.log.warn(`campaign ${c.id} ${where}: ${e instanceof Error ? e.message : String(e)}`);
    h.calls = new AriCallPort(this.telephony, store, {
      campaignId: c.id,
      endpointTemplate: this.opts.endpointTemplate,
      abandonMessage: () => h.campaign.abandonMessage,
      machineMessage: () => h.campaign.machineMessage,
      bridgeOf: (agentId) => this.sessions?.bridgeOf(agentId),
      leaseOf: (contactId) => h.source.leased.get(contactId),
      onCallState: (callId, state, agentId) => this.sessions?.onCallState(c.id, callId, state, agentId),
      onBridgeLatency: (ms) => {
        h.latency.add(ms);
        this.latency.add(ms);
      },
      onError,
    });
    const sink = new PgAttemptSink(
      store,
      (contactId) => h.source.leased.get(contactId),
      (callId) => h.calls.takeDetail(callId),
      this.instanceId,
      (e) => onError(e, 'attempt'),
    );
    const seed = await this.abandonSeed(c, settings.abandonWindowSeconds);
    h.engine = new DialerEngine(
      { ...settings.config, tickMs: this.opts.tickMs },
      {
        clock,
        contacts: h.source,
        calls: h.calls,
        attempts: sink,
        observer: {
          agentChanged: (agentId, from, to) => this.sessions?.onAgentChanged(c.id, agentId, from, to),
          error: (e, where) => onError(e, where),
        },
        inbound: { agentReady: (agentId) => this.sessions?.inboundFirst?.(agentId) ?? false },
      },
      pacerFor(c, settings, seed),
    );
    return h;
  }

  /** Answered-by-a-person and abandoned counts of the rolling window, so a restart does not forget the budget. */
  private async abandonSeed(
    c: Campaign,
    windowSeconds: number,
  ): Promise<{ answered: number; abandoned: number; at: number }> {
    const [r]: { answered: string; abandoned: string }[] = await this.ds.query(
      `SELECT count(*) FILTER (WHERE outcome IN ('answered-human', 'abandoned')) AS answered,
              count(*) FILTER (WHERE outcome = 'abandoned') AS abandoned
         FROM call_attempts WHERE campaign_id = $1 AND ended_at > now() - make_interval(secs => $2)`,
      [c.id, windowSeconds],
    );
    return { answered: Number(r.answered), abandoned: Number(r.abandoned), at: Date.now() };
  }

  private async step(h: CampaignHandle): Promise<void> {
    h.loops++;
    const c = h.campaign;
    const dialing = !h.draining && !PAUSED.includes(c.state) && this.telephony.status() === 'up';
    if (dialing) h.engine.start();
    else h.engine.stop();
    if (dialing) await this.sessions?.step(h);
    if (h.loops % 5 === 1) await h.source.retireUndialable(h.clock.now());
    const live = h.engine.liveCalls() > 0 || (this.sessions?.busyIn(c.id) ?? false) || h.source.leased.size > 0;
    if (h.draining) {
      if (!live) await this.release(h);
      return;
    }
    if (live || PAUSED.includes(c.state)) return;
    const [r]: { open: string; pilot_open: string }[] = await this.ds.query(
      `SELECT count(*) FILTER (WHERE status IN ('pending', 'leased', 'dialing')) AS open,
              count(*) FILTER (WHERE pilot AND status IN ('pending', 'leased', 'dialing')) AS pilot_open
         FROM campaign_contacts WHERE campaign_id = $1`,
      [c.id],
    );
    if (c.state === 'running' && Number(r.open) === 0) await this.finish(h, 'running', 'completed');
    else if (c.state === 'pilot' && Number(r.pilot_open) === 0) await this.finish(h, 'pilot', 'pilot_review');
  }

  private async finish(h: CampaignHandle, from: string, to: string): Promise<void> {
    if (this.lifecycle) {
      const moved =
        to === 'completed'
          ? await this.lifecycle.complete(h.campaign.id)
          : await this.lifecycle.pilotDone(h.campaign.id);
      // the lifecycle logs the move (once, at info)
      if (moved) await this.release(h);
      return;
    }
    // Without the campaigns library (tests of the engine alone), the runner writes the end state itself.
    const rows = updated<{ id: string }>(
      await this.ds.query(
        `UPDATE campaigns SET state = $3::varchar, completed_at = CASE WHEN $3::varchar = 'completed' THEN now() ELSE completed_at END,
                updated_at = now(), version = version + 1
          WHERE id = $1 AND state = $2 AND lease_owner = $4 RETURNING id`,
        [h.campaign.id, from, to, this.instanceId],
      ),
    );
    if (rows.length > 0) {
      this.log.log(`campaign ${h.campaign.id}: ${from} → ${to}`);
      await this.release(h);
    }
  }

  private async release(h: CampaignHandle): Promise<void> {
    this.drop(h);
    this.handles.delete(h.campaign.id);
    await this.ds.query(
      `UPDATE campaigns SET lease_owner = NULL, lease_expires_at = NULL WHERE id = $1 AND lease_owner = $2`,
      [h.campaign.id, this.instanceId],
    );
  }
}
