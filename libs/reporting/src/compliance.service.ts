import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@app/auth';
import { rollingWindows, type WorstWindow } from './abandon-windows';
import { capPercentOf } from './operations.service';
import { REPORT_CLOCK, type ReportClock } from './report-clock';
import { departmentFilter, reportRange } from './report-scope';
import { REPORT_READER } from './report-reader';
import { campaignFigureRows, Params, splitRange } from './rollup-ranges';

export interface ComplianceFilter {
  departmentId?: string;
  campaignId?: string;
  from?: string;
  to?: string;
}

export interface CampaignCompliance {
  campaignId: string;
  name: string;
  departmentId: string;
  capPercent: number;
  abandon: WorstWindow[];
  outsideWindow: number;
  dncPrevented: { contactsClosedBeforeDial: number; attemptsRejectedByRule: number };
  attemptsPerNumberPerDay: { cap: number; capSource: string; max: number; numberDaysOverCap: number };
}

export interface ComplianceReport {
  from: Date;
  to: Date;
  campaigns: CampaignCompliance[];
  outsideWindow: {
    total: number;
    /** The query that finds them: run it with the parameters to check the figure independently. */
    proofQuery: string;
    parameters: unknown[];
    samples: { attemptId: string; campaignId: string; originatedAt: Date; localTime: string; timeZone: string }[];
  };
  notes: string[];
}

/**
 * Attempts dialled outside the calling windows of their campaign, in the contact's own time zone: no range of the
 * local weekday contains the local time the call was originated. $1 campaign ids, $2 from, $3 to.
 */
export const OUTSIDE_WINDOW_QUERY = `SELECT a.id AS "attemptId", a.campaign_id AS "campaignId", a.originated_at AS "originatedAt",
       to_char(a.originated_at AT TIME ZONE cc.time_zone, 'Dy YYYY-MM-DD HH24:MI') AS "localTime",
       cc.time_zone AS "timeZone"
  FROM call_attempts a
  JOIN campaign_contacts cc ON cc.id = a.campaign_contact_id
  JOIN campaigns c ON c.id = a.campaign_id
 WHERE a.campaign_id = ANY($1::uuid[]) AND a.created_at >= $2 AND a.created_at < $3
   AND a.originated_at IS NOT NULL
   AND NOT EXISTS (
     SELECT 1 FROM jsonb_array_elements(coalesce(c.windows -> 'weekdays', '[]'::jsonb)) d,
                   jsonb_array_elements(coalesce(d -> 'ranges', '[]'::jsonb)) r
      WHERE d ->> 'day' = lower(to_char(a.originated_at AT TIME ZONE cc.time_zone, 'Dy'))
        AND to_char(a.originated_at AT TIME ZONE cc.time_zone, 'HH24:MI') >= r ->> 'from'
        AND to_char(a.originated_at AT TIME ZONE cc.time_zone, 'HH24:MI') < r ->> 'to')
 ORDER BY a.created_at`;

const num = (v: unknown): number => Number(v ?? 0);

/** The per-number daily cap: retryPolicy.maxAttemptsPerNumberPerDay, else maxAttemptsPerNumber, else 4. */
function numberCap(policy: Record<string, unknown> | null): { cap: number; source: string } {
  const p = policy ?? {};
  if (typeof p.maxAttemptsPerNumberPerDay === 'number')
    return { cap: p.maxAttemptsPerNumberPerDay, source: 'maxAttemptsPerNumberPerDay' };
  if (typeof p.maxAttemptsPerNumber === 'number')
    return { cap: p.maxAttemptsPerNumber, source: 'maxAttemptsPerNumber' };
  return { cap: 4, source: 'default' };
}

@Injectable()
export class ComplianceService {
  constructor(
    @Inject(REPORT_READER) private readonly ds: DataSource,
    @Inject(REPORT_CLOCK) private readonly clock: ReportClock,
  ) {}

  async report(p: Principal, f: ComplianceFilter): Promise<ComplianceReport> {
    const { from, to } = reportRange(this.clock.now(), f.from, f.to);
    const deps = departmentFilter(p, f.departmentId);
    const campaigns = await this.ds.query<
      { id: string; name: string; department_id: string; pacing: unknown; retry_policy: Record<string, unknown> }[]
    >(
      `SELECT c.id, c.name, c.department_id, c.pacing, c.retry_policy FROM campaigns c
        WHERE ($1::uuid[] IS NULL OR c.department_id = ANY($1::uuid[])) AND ($2::uuid IS NULL OR c.id = $2)
          AND EXISTS (SELECT 1 FROM campaign_day_rollups r WHERE r.campaign_id = c.id
                       AND r.day BETWEEN ($3::timestamptz AT TIME ZONE 'UTC')::date - 30
                                     AND ($4::timestamptz AT TIME ZONE 'UTC')::date)
        ORDER BY c.name, c.id`,
      [deps, f.campaignId ?? null, from, to],
    );
    const ids = campaigns.map((c) => c.id);
    const caps = new Map(campaigns.map((c) => [c.id, capPercentOf(c.pacing)]));
    // read-only: summaries not yet refreshed (AbandonWindowsJob) are bypassed, not written (rollingWindows)
    const rq = new Params([ids]);
    const split = splitRange(from, to, 'day');
    const [windows, outside, outsideCount, dnc, perNumber] = await Promise.all([
      rollingWindows(this.ds, ids, from, to, caps),
      this.ds.query<ComplianceReport['outsideWindow']['samples']>(
        `SELECT attempt_id AS "attemptId", campaign_id AS "campaignId", originated_at AS "originatedAt",
                local_time AS "localTime", time_zone AS "timeZone"
           FROM outside_window_attempts WHERE campaign_id = ANY($1::uuid[]) AND created_at >= $2 AND created_at < $3
          ORDER BY created_at LIMIT 20`,
        [ids, from, to],
      ),
      this.ds.query<{ campaignId: string; n: string }[]>(
        `SELECT campaign_id AS "campaignId", count(*) AS n FROM outside_window_attempts
          WHERE campaign_id = ANY($1::uuid[]) AND created_at >= $2 AND created_at < $3 GROUP BY campaign_id`,
        [ids, from, to],
      ),
      this.ds.query<{ campaign_id: string; closed: string; rejected: string }[]>(
        `SELECT x.campaign_id, coalesce(t.dnc_before_dial, 0) AS closed, coalesce(r.rejected, 0) AS rejected
           FROM unnest($1::uuid[]) AS x(campaign_id)
           LEFT JOIN campaign_contact_totals t ON t.campaign_id = x.campaign_id
           LEFT JOIN (SELECT campaign_id, sum(rejected) AS rejected
                        FROM (${campaignFigureRows(split, rq, 'campaign_id = ANY($1::uuid[])')}) f
                       GROUP BY campaign_id) r ON r.campaign_id = x.campaign_id`,
        rq.values,
      ),
      this.perNumberPerDay(
        ids,
        from,
        to,
        campaigns.map((c) => numberCap(c.retry_policy).cap),
      ),
    ]);
    const outsideBy = new Map(outsideCount.map((o) => [o.campaignId, num(o.n)]));
    const dncBy = new Map(dnc.map((d) => [d.campaign_id, d]));
    const perNumberBy = new Map(perNumber.map((x) => [x.campaign_id, x]));
    const out: CampaignCompliance[] = campaigns.map((c) => {
      const { cap, source } = numberCap(c.retry_policy);
      const mine = perNumberBy.get(c.id);
      const d = dncBy.get(c.id);
      return {
        campaignId: c.id,
        name: c.name,
        departmentId: c.department_id,
        capPercent: caps.get(c.id)!,
        abandon: [24, 720].map(
          (h) => windows.get(`${c.id}:${h}`) ?? { hours: h, windows: 0, windowsOverCap: 0, worst: null },
        ),
        outsideWindow: outsideBy.get(c.id) ?? 0,
        dncPrevented: {
          contactsClosedBeforeDial: num(d?.closed),
          attemptsRejectedByRule: num(d?.rejected),
        },
        attemptsPerNumberPerDay: {
          cap,
          capSource: source,
          max: num(mine?.max),
          numberDaysOverCap: num(mine?.over),
        },
      };
    });
    return {
      from,
      to,
      campaigns: out,
      outsideWindow: {
        total: [...outsideBy.values()].reduce((s, n) => s + n, 0),
        proofQuery: OUTSIDE_WINDOW_QUERY,
        parameters: [ids, from, to],
        samples: outside,
      },
      notes: [
        'Abandon rate = abandoned ÷ (answered by a person: put through or abandoned), over every rolling window ' +
          '(24 h and 30 days) ending on an hour boundary inside the range, at hour granularity (UTC).',
        'Calls outside a window are checked against the campaign weekday ranges in the contact time zone; ' +
          'holiday dates are not part of the proof query.',
        'DNC hits prevented: contacts closed as do-not-call before any dial, and attempts refused by a rule.',
        'The abandon message timing (played within 2 s) is not recorded per attempt and is not reported.',
      ],
    };
  }

  /**
   * The most dials of one number on one UTC day and the number-days over the cap: whole days from the histogram
   * number_day_counts, the partial days at the edges of the range from call_attempts (index campaign_id, created_at).
   */
  private async perNumberPerDay(
    ids: string[],
    from: Date,
    to: Date,
    caps: number[],
  ): Promise<{ campaign_id: string; max: string; over: string }[]> {
    const DAY = 86_400_000;
    const lo = Math.ceil(from.getTime() / DAY) * DAY;
    const hi = Math.floor(to.getTime() / DAY) * DAY;
    const whole = lo < hi ? [new Date(lo).toISOString().slice(0, 10), new Date(hi).toISOString().slice(0, 10)] : null;
    const edges: [Date, Date][] = whole
      ? ([
          [from, new Date(lo)],
          [new Date(hi), to],
        ].filter(([a, b]) => a.getTime() < b.getTime()) as [Date, Date][])
      : [[from, to]];
    // the edges as range conditions (partition pruning and the created_at index), the campaigns as a join (an
    // array of thousands of ids in `= ANY` costs more to plan on the partitioned table than to run)
    const q = new Params([ids, caps, whole?.[0] ?? null, whole?.[1] ?? null]);
    const edgeSql = edges.map((e) => `(a.created_at >= ${q.p(e[0])} AND a.created_at < ${q.p(e[1])})`).join(' OR ');
    return this.ds.query(
      `WITH cap AS (SELECT * FROM unnest($1::uuid[], $2::int[]) AS cap(campaign_id, cap)),
            x AS (
              SELECT n.campaign_id, n.dials AS n, sum(n.numbers) AS numbers FROM number_day_counts n
               WHERE $3::date IS NOT NULL AND n.campaign_id IN (SELECT campaign_id FROM cap)
                 AND n.day >= $3::date AND n.day < $4::date AND n.numbers > 0
               GROUP BY n.campaign_id, n.dials
              UNION ALL
              SELECT a.campaign_id, count(*) AS n, 1 AS numbers FROM call_attempts a
               WHERE (${edgeSql || 'false'}) AND a.campaign_id IN (SELECT campaign_id FROM cap)
                 AND a.ended_at IS NOT NULL AND a.outcome IS DISTINCT FROM 'rejected-by-rule'
               GROUP BY a.campaign_id, a.called_number, (a.created_at AT TIME ZONE 'UTC')::date)
       SELECT x.campaign_id, max(x.n) AS max, coalesce(sum(x.numbers) FILTER (WHERE x.n > cap.cap), 0) AS over
         FROM x JOIN cap ON cap.campaign_id = x.campaign_id GROUP BY x.campaign_id`,
      q.values,
    );
  }
}
