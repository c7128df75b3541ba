import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REPORT_READER } from './report-reader';
import type { Principal } from '@app/auth';
import { rate } from './aggregate';
import { REPORT_CLOCK, type ReportClock } from './report-clock';
import { departmentFilter, reportRange, type ReportRange } from './report-scope';
import { campaignFigureRows, coverByMonths, Params, spansCondition, splitRange } from './rollup-ranges';

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

/** Rollup rows in scope: $1 departments (null: all), $2 campaign, $3 mode (columns of every coarse rollup). */
const ROLLUP_FILTER = `($1::uuid[] IS NULL OR department_id = ANY($1::uuid[])) AND ($2::uuid IS NULL OR campaign_id = $2)
  AND ($3::text IS NULL OR mode = $3)`;

const num = (v: unknown): number => Number(v ?? 0);

/** Planners' and supervisors' figures per campaign and per agent, from the rollups and agent state history. */
@Injectable()
export class OperationsService {
  constructor(
    @Inject(REPORT_READER) private readonly ds: DataSource,
    @Inject(REPORT_CLOCK) private readonly clock: ReportClock,
  ) {}

  range(f: OperationsFilter): ReportRange {
    return reportRange(this.clock.now(), f.from, f.to);
  }

  async campaigns(p: Principal, f: OperationsFilter): Promise<CampaignOperationsReport> {
    const { from, to } = this.range(f);
    const deps = departmentFilter(p, f.departmentId);
    const scope = [deps, f.campaignId ?? null, f.mode ?? null];
    const q = new Params(scope);
    const days = splitRange(from, to, 'day');
    // by day and by hour need only the filter: they run while the per-campaign figures are read
    const dq = new Params(scope);
    const hq = new Params(scope);
    const months = coverByMonths(from, to);
    const buckets = Promise.all([
      this.ds.query<({ day: string } & BucketRow)[]>(
        `WITH f AS (${campaignFigureRows(days, dq, ROLLUP_FILTER, { day: ', day', hour: `, (hour AT TIME ZONE 'UTC')::date AS day` })})
         SELECT to_char(day, 'YYYY-MM-DD') AS day, ${BUCKETS} FROM f GROUP BY day HAVING sum(attempts) <> 0
          ORDER BY day`,
        dq.values,
      ),
      this.ds.query<({ hour: number } & BucketRow)[]>(
        // whole months from the month × hour-of-day rollup, hours added or taken away at the ends (coverByMonths)
        `WITH f AS (
           ${
             months.monthFrom
               ? `SELECT hour, dials, human, abandoned, successes FROM campaign_hour_of_day_rollups
                   WHERE month >= ${hq.p(months.monthFrom)}::date AND month < ${hq.p(months.monthTo)}::date
                     AND ${ROLLUP_FILTER} UNION ALL`
               : ''
           }
           SELECT extract(hour FROM hour AT TIME ZONE 'UTC')::smallint AS hour, dials, human, abandoned, successes
             FROM campaign_hour_rollups WHERE ${spansCondition('hour', months.plus, hq.p)} AND ${ROLLUP_FILTER}
           UNION ALL
           SELECT extract(hour FROM hour AT TIME ZONE 'UTC')::smallint AS hour, -dials, -human, -abandoned, -successes
             FROM campaign_hour_rollups WHERE ${spansCondition('hour', months.minus, hq.p)} AND ${ROLLUP_FILTER})
         SELECT hour::int AS hour, sum(dials) AS dials, sum(human) AS "humanAnswered", sum(abandoned) AS abandoned,
                sum(successes) AS successes
           FROM f GROUP BY hour HAVING sum(dials) + sum(human) + sum(abandoned) <> 0 ORDER BY hour`,
        hq.values,
      ),
    ]);
    // awaited below; handled here too, so a failure of the first query does not leave it unhandled
    buckets.catch(() => undefined);
    const rows = await this.ds.query<Record<string, unknown>[]>(
      `WITH f AS (${campaignFigureRows(days, q, ROLLUP_FILTER)}),
            s AS (SELECT campaign_id, sum(attempts) AS attempts, sum(dials) AS dials, sum(answered) AS answered,
                         sum(human) AS human, sum(abandoned) AS abandoned, sum(machine) AS machine,
                         sum(successes) AS successes, sum(active_hours) AS active_hours, sum(talk_seconds) AS talk,
                         sum(wrap_seconds) AS wrap
                    FROM f GROUP BY campaign_id HAVING sum(attempts) <> 0)
       SELECT c.id, c.name, c.department_id, c.mode, c.state, c.pacing, s.*
         FROM s JOIN campaigns c ON c.id = s.campaign_id
        ORDER BY c.name, c.id`,
      q.values,
    );
    const ids = rows.map((r) => String(r.id));
    const [[byDay, byHour], perContact, idle, windows] = await Promise.all([
      buckets,
      this.ds.query<{ campaign_id: string; dials: string; contacts: string }[]>(
        `SELECT r.campaign_id, r.dials, t.contacts_dialled AS contacts FROM
           (SELECT campaign_id, sum(dials) AS dials FROM campaign_day_rollups
             WHERE campaign_id = ANY($1::uuid[]) GROUP BY campaign_id) r
           LEFT JOIN campaign_contact_totals t ON t.campaign_id = r.campaign_id`,
        [ids],
      ),
      this.stateSeconds({ from, to, deps, agentId: null, campaignIds: ids }),
      this.abandonWindows(ids, to),
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
    const out = new Map<string, { live: number; abandoned: number }>();
    await Promise.all(
      [24, 720].map(async (hours) => {
        const q = new Params([ids]);
        const split = splitRange(new Date(end.getTime() - hours * 3_600_000), end, 'day');
        const rows = await this.ds.query<{ campaign_id: string; live: string; abandoned: string }[]>(
          `SELECT campaign_id, sum(human + abandoned) AS live, sum(abandoned) AS abandoned
             FROM (${campaignFigureRows(split, q, 'campaign_id = ANY($1::uuid[])')}) f GROUP BY campaign_id`,
          q.values,
        );
        for (const r of rows) out.set(`${r.campaign_id}:${hours}`, { live: num(r.live), abandoned: num(r.abandoned) });
      }),
    );
    return out;
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
      // per agent × day over every campaign unless the report is narrowed to a campaign or a mode
      f.campaignId || f.mode
        ? this.ds.query<{ agent_id: string; calls: string; successes: string; talk: string; wrap: string }[]>(
            `SELECT r.agent_id, sum(r.calls) AS calls, sum(r.successes) AS successes, sum(r.talk_seconds) AS talk,
                    sum(r.wrap_seconds) AS wrap
               FROM agent_attempt_rollups r JOIN campaigns c ON c.id = r.campaign_id
              WHERE r.day >= ($1::timestamptz AT TIME ZONE 'UTC')::date AND r.day < ($2::timestamptz AT TIME ZONE 'UTC')::date + 1
                AND ($3::uuid[] IS NULL OR r.department_id = ANY($3::uuid[])) AND ($4::uuid IS NULL OR r.campaign_id = $4)
                AND ($5::text IS NULL OR c.mode = $5) AND ($6::uuid IS NULL OR r.agent_id = $6)
              GROUP BY r.agent_id`,
            [from, to, deps, f.campaignId ?? null, f.mode ?? null, f.agentId ?? null],
          )
        : this.ds.query<{ agent_id: string; calls: string; successes: string; talk: string; wrap: string }[]>(
            `SELECT r.agent_id, sum(r.calls) AS calls, sum(r.successes) AS successes, sum(r.talk_seconds) AS talk,
                    sum(r.wrap_seconds) AS wrap
               FROM agent_day_rollups r
              WHERE r.day >= ($1::timestamptz AT TIME ZONE 'UTC')::date AND r.day < ($2::timestamptz AT TIME ZONE 'UTC')::date + 1
                AND ($3::uuid[] IS NULL OR r.department_id = ANY($3::uuid[])) AND ($4::uuid IS NULL OR r.agent_id = $4)
              GROUP BY r.agent_id`,
            [from, to, deps, f.agentId ?? null],
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

const BUCKETS = `sum(dials) AS dials, sum(human) AS "humanAnswered", sum(abandoned) AS abandoned,
  sum(successes) AS successes`;

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
