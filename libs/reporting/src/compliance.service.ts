import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@app/auth';
import { rate } from './aggregate';
import { capPercentOf } from './operations.service';
import { REPORT_CLOCK, type ReportClock } from './report-clock';
import { departmentFilter, reportRange } from './report-scope';

export interface ComplianceFilter {
  departmentId?: string;
  campaignId?: string;
  from?: string;
  to?: string;
}

export interface WorstWindow {
  hours: number;
  windows: number;
  windowsOverCap: number;
  worst: { windowEnd: Date; liveAnswered: number; abandoned: number; rate: number | null } | null;
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
    @InjectDataSource() private readonly ds: DataSource,
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
          AND EXISTS (SELECT 1 FROM attempt_rollups r WHERE r.campaign_id = c.id
                       AND r.day BETWEEN ($3::timestamptz AT TIME ZONE 'UTC')::date - 30
                                     AND ($4::timestamptz AT TIME ZONE 'UTC')::date)
        ORDER BY c.name, c.id`,
      [deps, f.campaignId ?? null, from, to],
    );
    const ids = campaigns.map((c) => c.id);
    const caps = new Map(campaigns.map((c) => [c.id, capPercentOf(c.pacing)]));
    const [windows, outside, outsideCount, dnc, perNumber] = await Promise.all([
      this.rollingWindows(ids, from, to, caps),
      this.ds.query<ComplianceReport['outsideWindow']['samples']>(`${OUTSIDE_WINDOW_QUERY} LIMIT 20`, [ids, from, to]),
      this.ds.query<{ campaignId: string; n: string }[]>(
        `SELECT "campaignId", count(*) AS n FROM (${OUTSIDE_WINDOW_QUERY}) x GROUP BY "campaignId"`,
        [ids, from, to],
      ),
      this.ds.query<{ campaign_id: string; closed: string; rejected: string }[]>(
        `SELECT c.id AS campaign_id,
                (SELECT count(*) FROM campaign_contacts cc WHERE cc.campaign_id = c.id AND cc.status = 'dnc'
                    AND cc.attempts = 0) AS closed,
                (SELECT coalesce(sum(r.attempts), 0) FROM attempt_rollups r WHERE r.campaign_id = c.id
                    AND r.outcome = 'rejected-by-rule'
                    AND (r.day + r.hour * interval '1 hour') >= ($2::timestamptz AT TIME ZONE 'UTC')
                    AND (r.day + r.hour * interval '1 hour') < ($3::timestamptz AT TIME ZONE 'UTC')) AS rejected
           FROM campaigns c WHERE c.id = ANY($1::uuid[])`,
        [ids, from, to],
      ),
      this.ds.query<{ campaign_id: string; max: string; over: string }[]>(
        `SELECT x.campaign_id, max(x.n) AS max, count(*) FILTER (WHERE x.n > cap.cap) AS over
           FROM (SELECT campaign_id, called_number, (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS n
                   FROM call_attempts WHERE campaign_id = ANY($1::uuid[]) AND created_at >= $2 AND created_at < $3
                    AND outcome IS DISTINCT FROM 'rejected-by-rule'
                  GROUP BY 1, 2, 3) x
           JOIN unnest($1::uuid[], $4::int[]) AS cap(campaign_id, cap) ON cap.campaign_id = x.campaign_id
          GROUP BY x.campaign_id`,
        [ids, from, to, campaigns.map((c) => numberCap(c.retry_policy).cap)],
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
   * Every rolling window of 24 h and 30 days (at hour granularity) ending inside (from, to]: the distinct windows are
   * the ones ending just after an hour with calls, and the ones ending just after an hour drops out of the window,
   * so those ends are evaluated (zero rows are added where an hour leaves the window).
   */
  private async rollingWindows(
    ids: string[],
    from: Date,
    to: Date,
    caps: Map<string, number>,
  ): Promise<Map<string, WorstWindow>> {
    const rows = await this.ds.query<
      { campaign_id: string; hours: number; window_end: Date; live: string; abandoned: string }[]
    >(
      `WITH h AS (
         SELECT campaign_id, (day + hour * interval '1 hour') AS t,
                coalesce(sum(attempts) FILTER (WHERE outcome IN ('answered-human', 'abandoned')), 0) AS live,
                coalesce(sum(attempts) FILTER (WHERE outcome = 'abandoned'), 0) AS abandoned
           FROM attempt_rollups
          WHERE campaign_id = ANY($1::uuid[])
            AND day BETWEEN ($2::timestamptz AT TIME ZONE 'UTC')::date - 31 AND ($3::timestamptz AT TIME ZONE 'UTC')::date
          GROUP BY 1, 2),
       w(hours) AS (VALUES (24), (720)),
       pts AS (
         SELECT w.hours, h.campaign_id, h.t, h.live, h.abandoned FROM w CROSS JOIN h
         UNION ALL
         SELECT w.hours, h.campaign_id, h.t + w.hours * interval '1 hour', 0, 0 FROM w CROSS JOIN h),
       g AS (SELECT hours, campaign_id, t, sum(live) AS live, sum(abandoned) AS abandoned FROM pts GROUP BY 1, 2, 3),
       roll AS (
         SELECT hours, campaign_id, t + interval '1 hour' AS window_end,
                CASE WHEN hours = 24 THEN sum(live) OVER d1 ELSE sum(live) OVER d30 END AS live,
                CASE WHEN hours = 24 THEN sum(abandoned) OVER d1 ELSE sum(abandoned) OVER d30 END AS abandoned
           FROM g
         WINDOW d1 AS (PARTITION BY hours, campaign_id ORDER BY t RANGE BETWEEN interval '23 hours' PRECEDING AND CURRENT ROW),
                d30 AS (PARTITION BY hours, campaign_id ORDER BY t RANGE BETWEEN interval '719 hours' PRECEDING AND CURRENT ROW))
       SELECT campaign_id, hours, window_end AT TIME ZONE 'UTC' AS window_end, live, abandoned FROM roll
        WHERE window_end > ($2::timestamptz AT TIME ZONE 'UTC') AND window_end <= ($3::timestamptz AT TIME ZONE 'UTC')
          AND live > 0`,
      [ids, from, to],
    );
    const out = new Map<string, WorstWindow>();
    for (const r of rows) {
      const key = `${r.campaign_id}:${r.hours}`;
      const w = out.get(key) ?? { hours: r.hours, windows: 0, windowsOverCap: 0, worst: null };
      const live = num(r.live);
      const abandoned = num(r.abandoned);
      const ratio = abandoned / live;
      w.windows++;
      if (ratio * 100 > caps.get(r.campaign_id)!) w.windowsOverCap++;
      if (!w.worst || ratio > (w.worst.rate ?? 0))
        w.worst = { windowEnd: new Date(r.window_end), liveAnswered: live, abandoned, rate: rate(abandoned, live) };
      out.set(key, w);
    }
    return out;
  }
}
