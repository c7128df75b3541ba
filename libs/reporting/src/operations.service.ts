import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@app/auth';
import { rate } from './aggregate';
import { REPORT_CLOCK, type ReportClock } from './report-clock';
import { departmentFilter, reportRange, type ReportRange } from './report-scope';

export interface OperationsFilter {
  departmentId?: string;
  campaignId?: string;
  agentId?: string;
  mode?: string;
  from?: string;
  to?: string;
}

export interface AbandonWindow {
  hours: number;
  /** the window ends at `to` (or now) */
  windowEnd: Date;
  liveAnswered: number;
  abandoned: number;
  rate: number | null;
  capPercent: number;
  /** abandons still allowed in this window before the cap is reached (negative: over it) */
  budgetLeft: number;
}

export interface CampaignOperations {
  campaignId: string;
  name: string;
  departmentId: string;
  mode: string;
  state: string;
  dials: number;
  answered: number;
  humanAnswered: number;
  abandoned: number;
  machine: number;
  successes: number;
  activeHours: number;
  contactsPerHour: number | null;
  answerRate: number | null;
  /** abandoned ÷ (answered by a person: taken or abandoned), over the range */
  abandonRate: number | null;
  amdRate: number | null;
  talkSeconds: number;
  wrapSeconds: number;
  averageTalkSeconds: number | null;
  averageWrapSeconds: number | null;
  /** seconds agents of this campaign spent ready (waiting for a call) in the range */
  idleSeconds: number;
  /** every dial of the campaign ÷ contacts it ever dialled */
  dialsPerContact: number | null;
  abandonWindows: AbandonWindow[];
}

export interface BucketRow {
  dials: number;
  humanAnswered: number;
  abandoned: number;
  successes: number;
}

export interface CampaignOperationsReport {
  from: Date;
  to: Date;
  campaigns: CampaignOperations[];
  byDay: ({ day: string } & BucketRow)[];
  byHour: ({ hour: number } & BucketRow)[];
}

export interface AgentOperations {
  agentId: string;
  name: string | null;
  departmentId: string;
  loggedInSeconds: number;
  readySeconds: number;
  talkSeconds: number;
  wrapSeconds: number;
  pausedSeconds: number;
  pauseByReason: Record<string, number>;
  calls: number;
  successes: number;
  successRate: number | null;
  /** (talk + wrap of the agent's calls) ÷ calls */
  averageHandleSeconds: number | null;
}

export interface AgentOperationsReport {
  from: Date;
  to: Date;
  agents: AgentOperations[];
}

/** The hour rows of attempt_rollups inside [from, to), for the campaigns in scope. $1 from, $2 to. */
const IN_RANGE = `r.day BETWEEN ($1::timestamptz AT TIME ZONE 'UTC')::date AND ($2::timestamptz AT TIME ZONE 'UTC')::date
  AND (r.day + r.hour * interval '1 hour') >= ($1::timestamptz AT TIME ZONE 'UTC')
  AND (r.day + r.hour * interval '1 hour') < ($2::timestamptz AT TIME ZONE 'UTC')`;

/** Campaign filter: $3 departments (null: all), $4 campaign, $5 mode. */
const CAMPAIGN_FILTER = `($3::uuid[] IS NULL OR c.department_id = ANY($3::uuid[])) AND ($4::uuid IS NULL OR c.id = $4)
  AND ($5::text IS NULL OR c.mode = $5)`;

const num = (v: unknown): number => Number(v ?? 0);

/** Planners' and supervisors' figures per campaign and per agent, from the rollups and agent state history. */
@Injectable()
export class OperationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(REPORT_CLOCK) private readonly clock: ReportClock,
  ) {}

  range(f: OperationsFilter): ReportRange {
    return reportRange(this.clock.now(), f.from, f.to);
  }

  async campaigns(p: Principal, f: OperationsFilter): Promise<CampaignOperationsReport> {
    const { from, to } = this.range(f);
    const deps = departmentFilter(p, f.departmentId);
    const params = [from, to, deps, f.campaignId ?? null, f.mode ?? null];
    const rows = await this.ds.query<Record<string, unknown>[]>(
      `SELECT c.id, c.name, c.department_id, c.mode, c.state, c.pacing,
              coalesce(sum(r.attempts) FILTER (WHERE r.outcome <> 'rejected-by-rule'), 0) AS dials,
              coalesce(sum(r.answered), 0) AS answered,
              coalesce(sum(r.attempts) FILTER (WHERE r.outcome = 'answered-human'), 0) AS human,
              coalesce(sum(r.attempts) FILTER (WHERE r.outcome = 'abandoned'), 0) AS abandoned,
              coalesce(sum(r.attempts) FILTER (WHERE r.outcome = 'machine'), 0) AS machine,
              coalesce(sum(r.attempts) FILTER (WHERE coalesce(d.category, r.disposition_category) = 'success'), 0)
                AS successes,
              count(DISTINCT (r.day, r.hour)) FILTER (WHERE r.attempts <> 0) AS active_hours,
              coalesce(sum(r.talk_seconds), 0) AS talk, coalesce(sum(r.wrap_seconds), 0) AS wrap
         FROM campaigns c
         JOIN attempt_rollups r ON r.campaign_id = c.id AND ${IN_RANGE}
         LEFT JOIN dispositions d ON d.campaign_id = r.campaign_id AND d.code = r.disposition_code
        WHERE ${CAMPAIGN_FILTER}
        GROUP BY c.id
        HAVING sum(r.attempts) <> 0
        ORDER BY c.name, c.id`,
      params,
    );
    const ids = rows.map((r) => String(r.id));
    const [perContact, idle, windows, byDay, byHour] = await Promise.all([
      this.ds.query<{ campaign_id: string; dials: string; contacts: string }[]>(
        `SELECT r.campaign_id, r.dials, cc.contacts FROM
           (SELECT campaign_id, sum(attempts) FILTER (WHERE outcome <> 'rejected-by-rule') AS dials
              FROM attempt_rollups WHERE campaign_id = ANY($1::uuid[]) GROUP BY campaign_id) r
           LEFT JOIN (SELECT campaign_id, count(*) AS contacts FROM campaign_contacts
                       WHERE campaign_id = ANY($1::uuid[]) AND attempts > 0 GROUP BY campaign_id) cc
             ON cc.campaign_id = r.campaign_id`,
        [ids],
      ),
      this.stateSeconds({ from, to, deps, agentId: null, campaignIds: ids }),
      this.abandonWindows(ids, to),
      this.ds.query<({ day: string } & BucketRow)[]>(
        `SELECT to_char(r.day, 'YYYY-MM-DD') AS day, ${BUCKETS} FROM attempt_rollups r
           JOIN campaigns c ON c.id = r.campaign_id
           LEFT JOIN dispositions d ON d.campaign_id = r.campaign_id AND d.code = r.disposition_code
          WHERE ${IN_RANGE} AND ${CAMPAIGN_FILTER} GROUP BY r.day HAVING sum(r.attempts) <> 0 ORDER BY r.day`,
        params,
      ),
      this.ds.query<({ hour: number } & BucketRow)[]>(
        `SELECT r.hour::int AS hour, ${BUCKETS} FROM attempt_rollups r JOIN campaigns c ON c.id = r.campaign_id
           LEFT JOIN dispositions d ON d.campaign_id = r.campaign_id AND d.code = r.disposition_code
          WHERE ${IN_RANGE} AND ${CAMPAIGN_FILTER} GROUP BY r.hour HAVING sum(r.attempts) <> 0 ORDER BY r.hour`,
        params,
      ),
    ]);
    const dpc = new Map(perContact.map((x) => [x.campaign_id, rate(num(x.dials), num(x.contacts))]));
    const idleBy = new Map<string, number>();
    for (const s of idle)
      if (s.state === 'ready' && s.campaign_id) idleBy.set(s.campaign_id, (idleBy.get(s.campaign_id) ?? 0) + s.seconds);
    return {
      from,
      to,
      campaigns: rows.map((r): CampaignOperations => {
        const id = String(r.id);
        const cap = capPercentOf(r.pacing);
        const human = num(r.human);
        const abandoned = num(r.abandoned);
        const activeHours = num(r.active_hours);
        return {
          campaignId: id,
          name: String(r.name),
          departmentId: String(r.department_id),
          mode: String(r.mode),
          state: String(r.state),
          dials: num(r.dials),
          answered: num(r.answered),
          humanAnswered: human,
          abandoned,
          machine: num(r.machine),
          successes: num(r.successes),
          activeHours,
          contactsPerHour: activeHours ? Math.round((human / activeHours) * 100) / 100 : null,
          answerRate: rate(num(r.answered), num(r.dials)),
          abandonRate: rate(abandoned, human + abandoned),
          amdRate: rate(num(r.machine), num(r.answered)),
          talkSeconds: num(r.talk),
          wrapSeconds: num(r.wrap),
          averageTalkSeconds: human ? Math.round(num(r.talk) / human) : null,
          averageWrapSeconds: human ? Math.round(num(r.wrap) / human) : null,
          idleSeconds: idleBy.get(id) ?? 0,
          dialsPerContact: dpc.get(id) ?? null,
          abandonWindows: [24, 720].map((hours) => {
            const w = windows.get(`${id}:${hours}`) ?? { live: 0, abandoned: 0 };
            return {
              hours,
              windowEnd: to,
              liveAnswered: w.live,
              abandoned: w.abandoned,
              rate: rate(w.abandoned, w.live),
              capPercent: cap,
              budgetLeft: Math.floor((cap / 100) * w.live) - w.abandoned,
            };
          }),
        };
      }),
      byDay: byDay.map((b) => ({ ...b, ...bucket(b) })),
      byHour: byHour.map((b) => ({ ...b, ...bucket(b) })),
    };
  }

  /** Live-answered and abandoned calls per campaign in the 24 h and 30 day windows ending at `end`. */
  private async abandonWindows(ids: string[], end: Date): Promise<Map<string, { live: number; abandoned: number }>> {
    const rows = await this.ds.query<{ campaign_id: string; hours: number; live: string; abandoned: string }[]>(
      `SELECT r.campaign_id, w.hours,
              coalesce(sum(r.attempts) FILTER (WHERE r.outcome IN ('answered-human', 'abandoned')), 0) AS live,
              coalesce(sum(r.attempts) FILTER (WHERE r.outcome = 'abandoned'), 0) AS abandoned
         FROM (VALUES (24), (720)) w(hours)
         JOIN attempt_rollups r ON r.campaign_id = ANY($1::uuid[])
          AND r.day >= (($2::timestamptz - w.hours * interval '1 hour') AT TIME ZONE 'UTC')::date
          AND (r.day + r.hour * interval '1 hour') >= (($2::timestamptz - w.hours * interval '1 hour') AT TIME ZONE 'UTC')
          AND (r.day + r.hour * interval '1 hour') < ($2::timestamptz AT TIME ZONE 'UTC')
        GROUP BY r.campaign_id, w.hours`,
      [ids, end],
    );
    return new Map(
      rows.map((r) => [`${r.campaign_id}:${r.hours}`, { live: num(r.live), abandoned: num(r.abandoned) }]),
    );
  }

  /**
   * Seconds per agent × state × reason × campaign inside [from, to), from agent_state_changes: each change lasts
   * until the agent's next one (the last until min(to, now)); the state an agent was in at `from` counts from `from`.
   */
  async stateSeconds(o: {
    from: Date;
    to: Date;
    deps: string[] | null;
    agentId: string | null;
    campaignIds?: string[];
  }): Promise<
    { agent_id: string; state: string; reason: string | null; campaign_id: string | null; seconds: number }[]
  > {
    const end = new Date(Math.min(o.to.getTime(), this.clock.now().getTime()));
    const rows = await this.ds.query<
      { agent_id: string; state: string; reason: string | null; campaign_id: string | null; seconds: string }[]
    >(
      `WITH ag AS (SELECT id FROM agents WHERE ($3::uuid[] IS NULL OR department_id = ANY($3::uuid[]))
                     AND ($4::uuid IS NULL OR id = $4)),
            ch AS (
              SELECT s.agent_id, s.to_state, s.reason, s.campaign_id, s.at, s.id FROM agent_state_changes s
               WHERE s.agent_id IN (SELECT id FROM ag) AND s.at >= $1 AND s.at < $2
              UNION ALL
              SELECT b.agent_id, b.to_state, b.reason, b.campaign_id, b.at, b.id FROM ag
                CROSS JOIN LATERAL (SELECT * FROM agent_state_changes s WHERE s.agent_id = ag.id AND s.at < $1
                                     ORDER BY s.at DESC, s.id DESC LIMIT 1) b),
            spans AS (
              SELECT agent_id, to_state, reason, campaign_id, greatest(at, $1) AS s,
                     least(coalesce(lead(at) OVER (PARTITION BY agent_id ORDER BY at, id), $5), $5) AS e
                FROM ch)
       SELECT agent_id, to_state AS state, reason, campaign_id,
              sum(extract(epoch FROM e - s)) AS seconds
         FROM spans WHERE e > s AND ($6::uuid[] IS NULL OR campaign_id = ANY($6::uuid[]))
        GROUP BY 1, 2, 3, 4`,
      [o.from, o.to, o.deps, o.agentId, end, o.campaignIds ?? null],
    );
    return rows.map((r) => ({ ...r, seconds: Math.round(num(r.seconds)) }));
  }

  async agents(p: Principal, f: OperationsFilter): Promise<AgentOperationsReport> {
    const { from, to } = this.range(f);
    const deps = departmentFilter(p, f.departmentId);
    const [states, calls, people] = await Promise.all([
      this.stateSeconds({
        from,
        to,
        deps,
        agentId: f.agentId ?? null,
        campaignIds: f.campaignId ? [f.campaignId] : undefined,
      }),
      this.ds.query<{ agent_id: string; calls: string; successes: string; talk: string; wrap: string }[]>(
        `SELECT r.agent_id, sum(r.calls) AS calls, sum(r.successes) AS successes, sum(r.talk_seconds) AS talk,
                sum(r.wrap_seconds) AS wrap
           FROM agent_attempt_rollups r JOIN campaigns c ON c.id = r.campaign_id
          WHERE r.day >= ($1::timestamptz AT TIME ZONE 'UTC')::date AND r.day < ($2::timestamptz AT TIME ZONE 'UTC')::date + 1
            AND ($3::uuid[] IS NULL OR r.department_id = ANY($3::uuid[])) AND ($4::uuid IS NULL OR r.campaign_id = $4)
            AND ($5::text IS NULL OR c.mode = $5) AND ($6::uuid IS NULL OR r.agent_id = $6)
          GROUP BY r.agent_id`,
        [from, to, deps, f.campaignId ?? null, f.mode ?? null, f.agentId ?? null],
      ),
      this.ds.query<{ id: string; name: string | null; department_id: string }[]>(
        `SELECT a.id, u.display_name AS name, a.department_id FROM agents a LEFT JOIN users u ON u.id = a.user_id
          WHERE ($1::uuid[] IS NULL OR a.department_id = ANY($1::uuid[])) AND ($2::uuid IS NULL OR a.id = $2)`,
        [deps, f.agentId ?? null],
      ),
    ]);
    const byAgent = new Map<string, AgentOperations>();
    const get = (id: string): AgentOperations | undefined => byAgent.get(id);
    for (const a of people)
      byAgent.set(a.id, {
        agentId: a.id,
        name: a.name,
        departmentId: a.department_id,
        loggedInSeconds: 0,
        readySeconds: 0,
        talkSeconds: 0,
        wrapSeconds: 0,
        pausedSeconds: 0,
        pauseByReason: {},
        calls: 0,
        successes: 0,
        successRate: null,
        averageHandleSeconds: null,
      });
    for (const s of states) {
      const a = get(s.agent_id);
      if (!a || s.state === 'offline') continue;
      a.loggedInSeconds += s.seconds;
      if (s.state === 'ready') a.readySeconds += s.seconds;
      else if (s.state === 'talking') a.talkSeconds += s.seconds;
      else if (s.state === 'wrap-up') a.wrapSeconds += s.seconds;
      else if (s.state === 'paused') {
        a.pausedSeconds += s.seconds;
        const reason = s.reason ?? 'unspecified';
        a.pauseByReason[reason] = (a.pauseByReason[reason] ?? 0) + s.seconds;
      }
    }
    for (const c of calls) {
      const a = get(c.agent_id);
      if (!a) continue;
      a.calls = num(c.calls);
      a.successes = num(c.successes);
      a.successRate = rate(a.successes, a.calls);
      a.averageHandleSeconds = a.calls ? Math.round((num(c.talk) + num(c.wrap)) / a.calls) : null;
    }
    const agents = [...byAgent.values()].filter((a) => a.loggedInSeconds > 0 || a.calls > 0);
    agents.sort((x, y) => (x.name ?? '').localeCompare(y.name ?? '') || x.agentId.localeCompare(y.agentId));
    return { from, to, agents };
  }
}

const BUCKETS = `coalesce(sum(r.attempts) FILTER (WHERE r.outcome <> 'rejected-by-rule'), 0) AS dials,
  coalesce(sum(r.attempts) FILTER (WHERE r.outcome = 'answered-human'), 0) AS "humanAnswered",
  coalesce(sum(r.attempts) FILTER (WHERE r.outcome = 'abandoned'), 0) AS abandoned,
  coalesce(sum(r.attempts) FILTER (WHERE coalesce(d.category, r.disposition_category) = 'success'), 0) AS successes`;

const bucket = (b: BucketRow): BucketRow => ({
  dials: num(b.dials),
  humanAnswered: num(b.humanAnswered),
  abandoned: num(b.abandoned),
  successes: num(b.successes),
});

/** The campaign's abandon cap in percent (pacing.abandonCapPercent; 3 % when unset, the common regulator figure). */
export function capPercentOf(pacing: unknown): number {
  const v = (pacing as Record<string, unknown> | null)?.abandonCapPercent;
  return typeof v === 'number' && Number.isFinite(v) ? v : 3;
}
