import type { Principal } from '@app/auth';
import { canSeeDepartment } from '@app/auth';
import { notFound } from '@app/common';
import { Campaign } from '@app/database';
import type { DialingStatus } from '@app/dialer-core';
import { dialingStatusOf } from './campaign-hold';
import { engineSettingsOf } from './campaign-settings';
import type { CampaignRunner } from './campaign-runner';
import type { DataSource } from 'typeorm';

export interface AgentOnCampaign {
  agentId: string;
  userId: string;
  name: string;
  email: string;
  state: string;
  reason: string | null;
  since: string;
}

export interface CampaignLiveView {
  campaignId: string;
  state: string;
  mode: string;
  /** The dialer process running it (campaigns.lease_owner), if any. */
  runner: string | null;
  liveCalls: {
    callId: string;
    contactId: string;
    calledNumber: string;
    agentId: string | null;
    /** The display name of that agent (as in /api/users), when they are on this campaign. */
    agentName: string | null;
    /** dialing, ringing, answered, bridged, abandoned, machine */
    state: string;
    since: string;
  }[];
  agents: {
    byState: Record<string, number>;
    /**
     * `agentId` is the agent profile (what /api/agent/* and the sockets use); `userId` is the same person in
     * /api/users; `name` is their display name.
     */
    list: AgentOnCampaign[];
  };
  dials: { total: number; last15Minutes: number };
  contacts: Record<string, number>;
  /** Calls a person answered: closed ones (connected or abandoned) and live ones already with an agent. */
  answeredByPerson: number;
  abandoned: number;
  abandonRate: { run: number; window: number; windowHours: number; cap: number };
  /** Verdict → bridge latency of this process's calls (ms). */
  bridgeLatencyMs: { count: number; p50: number | null; p95: number | null; max: number | null } | null;
  /** Whether it dials now, and if not what holds it back (codes, sentences, until when). */
  dialing: DialingStatus;
}

/** Shared reads older than this are dropped when a new one is made. */
const SHARED_KEEP_MS = 60_000;
/** Shared reads (the wallboard's) reuse a dialing status up to this old. */
const SHARED_HOLD_MAX_AGE_MS = 5000;

/** GET /api/campaigns/:id/live: read from the database (any process may answer), with live details when local. */
export class CampaignLiveService {
  private readonly recent = new Map<
    string,
    { at: Date; read: Promise<{ departmentId: string; view: CampaignLiveView }> }
  >();

  constructor(
    private readonly ds: DataSource,
    private readonly runner: CampaignRunner,
  ) {}

  /** For pushes (wallboard, idle agents): the dialing status of a campaign, reused up to `maxAgeMs` old. */
  async dialingStatus(campaignId: string, maxAgeMs = 5000): Promise<DialingStatus | null> {
    const c = await this.ds.getRepository(Campaign).findOne({ where: { id: campaignId } });
    return c ? dialingStatusOf(this.ds, c, { maxAgeMs }) : null;
  }

  /** `maxAgeMs`: pushes may reuse a dialing status computed that recently (REST computes it afresh). */
  async live(p: Principal, campaignId: string, o: { maxAgeMs?: number } = {}): Promise<CampaignLiveView> {
    const c = await this.ds.getRepository(Campaign).findOne({ where: { id: campaignId } });
    if (!c || !canSeeDepartment(p, c.departmentId)) throw notFound('campaign', campaignId);
    return this.read(c, o);
  }

  /**
   * For the wallboard: one read per campaign shared by every caller within `maxAgeMs` of its start (the second's
   * push and a burst of `subscribe`s, e.g. 500 wall screens reconnecting after a restart, read once rather than
   * once per screen); the caller's access is checked on the shared read. `at`: when that read started.
   */
  async shared(p: Principal, campaignId: string, maxAgeMs: number): Promise<{ at: Date; view: CampaignLiveView }> {
    const now = Date.now();
    let hit = this.recent.get(campaignId);
    if (!hit || now - hit.at.getTime() > maxAgeMs) {
      for (const [id, r] of this.recent) if (now - r.at.getTime() > SHARED_KEEP_MS) this.recent.delete(id);
      const read = (async () => {
        const c = await this.ds.getRepository(Campaign).findOne({ where: { id: campaignId } });
        if (!c) throw notFound('campaign', campaignId);
        return { departmentId: c.departmentId, view: await this.read(c, { maxAgeMs: SHARED_HOLD_MAX_AGE_MS }) };
      })();
      const entry = { at: new Date(now), read };
      hit = entry;
      this.recent.set(campaignId, entry);
      read.catch(() => {
        if (this.recent.get(campaignId) === entry) this.recent.delete(campaignId);
      });
    }
    const { departmentId, view } = await hit.read;
    if (!canSeeDepartment(p, departmentId)) throw notFound('campaign', campaignId);
    return { at: hit.at, view };
  }

  private async read(c: Campaign, o: { maxAgeMs?: number }): Promise<CampaignLiveView> {
    const settings = engineSettingsOf(c);
    const h = this.runner.handle(c.id);
    // One round trip for the four reads (a wallboard asks every second; on a busy database each round trip waits
    // for a pool connection and for the server): the rows come back as JSON, timestamps as ISO strings.
    const [row]: {
      open: {
        channel_id: string;
        contact_id: string;
        called_number: string;
        agent_id: string | null;
        queued_at: string;
        state: string;
      }[];
      agents: {
        id: string;
        user_id: string;
        display_name: string;
        email: string;
        state: string;
        state_reason: string | null;
        state_since: string;
      }[];
      counts: { total: number; recent: number; human: number; abandoned: number; w_human: number; w_abandoned: number };
      statuses: Record<string, number>;
    }[] = await this.ds.query(
      `SELECT
         (SELECT coalesce(json_agg(o ORDER BY o.queued_at), '[]') FROM (
            SELECT channel_id, contact_id, called_number, agent_id, queued_at,
                   CASE WHEN bridged_at IS NOT NULL THEN 'bridged' WHEN answered_at IS NOT NULL THEN 'answered'
                        WHEN ringing_at IS NOT NULL THEN 'ringing' ELSE 'dialing' END AS state
              FROM call_attempts WHERE campaign_id = $1 AND ended_at IS NULL) o) AS open,
         (SELECT coalesce(json_agg(g ORDER BY g.display_name, g.id), '[]') FROM (
            SELECT a.id, a.user_id, u.display_name, u.email, a.state, a.state_reason, a.state_since
              FROM agents a JOIN users u ON u.id = a.user_id
             WHERE a.campaign_id = $1 AND a.state <> 'offline') g) AS agents,
         (SELECT row_to_json(k) FROM (
            SELECT count(*) AS total,
                   count(*) FILTER (WHERE queued_at > now() - interval '15 minutes') AS recent,
                   count(*) FILTER (WHERE outcome IN ('answered-human', 'abandoned')
                                       OR (ended_at IS NULL AND (bridged_at IS NOT NULL OR amd_result = 'human'))) AS human,
                   count(*) FILTER (WHERE outcome = 'abandoned') AS abandoned,
                   count(*) FILTER (WHERE outcome IN ('answered-human', 'abandoned') AND ended_at > now() - make_interval(secs => $2)) AS w_human,
                   count(*) FILTER (WHERE outcome = 'abandoned' AND ended_at > now() - make_interval(secs => $2)) AS w_abandoned
              FROM call_attempts WHERE campaign_id = $1 AND outcome IS DISTINCT FROM 'rejected-by-rule') k) AS counts,
         (SELECT coalesce(json_object_agg(status, n), '{}') FROM (
            SELECT status, count(*) AS n FROM campaign_contacts WHERE campaign_id = $1 GROUP BY status) s) AS statuses`,
      [c.id, settings.abandonWindowSeconds],
    );
    const { open, agents, counts, statuses } = row;
    const local = new Map((h?.calls.live() ?? []).map((x) => [x.callId, x]));
    const names = new Map(agents.map((a) => [a.id, a.display_name]));
    const byState: Record<string, number> = { ready: 0, reserved: 0, talking: 0, 'wrap-up': 0, paused: 0 };
    for (const a of agents) byState[a.state] = (byState[a.state] ?? 0) + 1;
    const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
    return {
      campaignId: c.id,
      state: c.state,
      mode: c.mode,
      runner: c.leaseOwner,
      liveCalls: open.map((o) => {
        const agentId = local.get(o.channel_id)?.agentId ?? o.agent_id;
        return {
          callId: o.channel_id,
          contactId: o.contact_id,
          calledNumber: o.called_number,
          agentId,
          agentName: (agentId && names.get(agentId)) ?? null,
          state: local.get(o.channel_id)?.state ?? o.state,
          since: new Date(o.queued_at).toISOString(),
        };
      }),
      agents: {
        byState,
        list: agents.map((a) => ({
          agentId: a.id,
          userId: a.user_id,
          name: a.display_name,
          email: a.email,
          state: a.state,
          reason: a.state_reason,
          since: new Date(a.state_since).toISOString(),
        })),
      },
      dials: { total: Number(counts.total), last15Minutes: Number(counts.recent) },
      contacts: Object.fromEntries(Object.entries(statuses).map(([k, n]) => [k, Number(n)])),
      answeredByPerson: Number(counts.human),
      abandoned: Number(counts.abandoned),
      abandonRate: {
        run: ratio(Number(counts.abandoned), Number(counts.human)),
        window: ratio(Number(counts.w_abandoned), Number(counts.w_human)),
        windowHours: settings.abandonWindowSeconds / 3600,
        cap: settings.abandonCap,
      },
      bridgeLatencyMs: h ? h.latency.summary() : null,
      dialing: await dialingStatusOf(this.ds, c, { maxAgeMs: o.maxAgeMs }),
    };
  }
}
