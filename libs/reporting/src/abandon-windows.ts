import type { DataSource, EntityManager } from 'typeorm';
import { rate } from './aggregate';
import { Params } from './rollup-ranges';

export interface WorstWindow {
  hours: number;
  windows: number;
  windowsOverCap: number;
  worst: { windowEnd: Date; liveAnswered: number; abandoned: number; rate: number | null } | null;
}

/** The worst window of a group of summaries (highest rate, then the earliest), as three columns. */
const WORST = (t: string): string => {
  const order = `ORDER BY ${t}.worst_abandoned::numeric / ${t}.worst_live DESC, ${t}.worst_end`;
  return `(array_agg(${t}.worst_end ${order}))[1] AS worst_end, (array_agg(${t}.worst_live ${order}))[1] AS worst_live,
          (array_agg(${t}.worst_abandoned ${order}))[1] AS worst_abandoned`;
};

/** The campaign's abandon cap in SQL, as capPercentOf reads it (3 % unless pacing.abandonCapPercent is a number). */
export const CAP_SQL = `CASE WHEN jsonb_typeof(c.pacing -> 'abandonCapPercent') = 'number'
  THEN (c.pacing ->> 'abandonCapPercent')::numeric ELSE 3 END`;

/**
 * Every rolling window of 24 h and 30 days (hour granularity, UTC) with its live-answered and abandoned calls, for
 * the campaigns and window ends given. The distinct windows are the ones ending just after an hour with attempts
 * and the ones ending just after such an hour drops out, so those ends are evaluated (zero rows are added where an
 * hour leaves the window). `hourRows` selects (campaign_id, t, live, abandoned) hour rows; the ends kept are those
 * for which `endFilter` (over campaign_id, window_end) holds.
 */
const windowsSql = (hourRows: string, endFilter: string): string => `WITH h AS (${hourRows}),
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
  SELECT * FROM roll WHERE live > 0 AND ${endFilter}`;

/**
 * Recomputes abandon_window_days for the campaign days marked dirty (by the rollup trigger when an attempt settles or
 * changes), each with the 30 days after it. `campaignIds` null: every campaign.
 * Returns the campaigns refreshed. One refresh at a time (advisory lock), so two never write the same days.
 */
export async function refreshAbandonWindows(ds: DataSource, campaignIds: string[] | null): Promise<number> {
  const [{ any }] = await ds.query<{ any: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM abandon_window_dirty WHERE $1::uuid[] IS NULL OR campaign_id = ANY($1::uuid[])) AS any`,
    [campaignIds],
  );
  if (!any) return 0;
  return ds.transaction(async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('reporting.abandon_windows'))`);
    return refreshIn(m, campaignIds);
  });
}

async function refreshIn(m: EntityManager, campaignIds: string[] | null): Promise<number> {
  // claiming the marks: a settle that commits later marks its day again (its upsert waits for this delete)
  const claimed = await m.query<{ campaign_id: string; lo: string; hi: string }[]>(
    `WITH d AS (DELETE FROM abandon_window_dirty WHERE $1::uuid[] IS NULL OR campaign_id = ANY($1::uuid[])
                RETURNING campaign_id, day)
     SELECT campaign_id, to_char(min(day), 'YYYY-MM-DD') AS lo, to_char(max(day) + 30, 'YYYY-MM-DD') AS hi
       FROM d GROUP BY campaign_id`,
    [campaignIds],
  );
  if (!claimed.length) return 0;
  const todo = [claimed.map((c) => c.campaign_id), claimed.map((c) => c.lo), claimed.map((c) => c.hi)];
  await m.query(
    `DELETE FROM abandon_window_days w USING unnest($1::uuid[], $2::date[], $3::date[]) AS t(campaign_id, lo, hi)
      WHERE w.campaign_id = t.campaign_id AND w.day >= t.lo AND w.day <= t.hi`,
    todo,
  );
  await m.query(
    `WITH t AS (SELECT * FROM unnest($1::uuid[], $2::date[], $3::date[]) AS t(campaign_id, lo, hi)),
          r AS (${windowsSql(
            `SELECT r.campaign_id, r.hour AS t, r.human + r.abandoned AS live, r.abandoned
               FROM campaign_hour_rollups r JOIN t ON t.campaign_id = r.campaign_id
              WHERE r.hour >= (t.lo::timestamp AT TIME ZONE 'UTC') - interval '720 hours'
                AND r.hour < (t.hi::timestamp AT TIME ZONE 'UTC') + interval '1 day' AND r.attempts <> 0`,
            `EXISTS (SELECT 1 FROM t WHERE t.campaign_id = roll.campaign_id
                       AND roll.window_end > (t.lo::timestamp AT TIME ZONE 'UTC')
                       AND roll.window_end <= (t.hi::timestamp AT TIME ZONE 'UTC') + interval '1 day')`,
          )}),
          k AS (SELECT r.*, ${CAP_SQL} AS cap FROM r JOIN campaigns c ON c.id = r.campaign_id)
     INSERT INTO abandon_window_days (campaign_id, day, hours, cap_percent, windows, windows_over_cap, worst_end,
         worst_live, worst_abandoned)
     SELECT campaign_id, ((window_end - interval '1 hour') AT TIME ZONE 'UTC')::date, hours, min(cap), count(*),
            count(*) FILTER (WHERE abandoned::numeric / live * 100 > cap),
            (array_agg(window_end ORDER BY abandoned::numeric / live DESC, window_end))[1],
            (array_agg(live ORDER BY abandoned::numeric / live DESC, window_end))[1],
            (array_agg(abandoned ORDER BY abandoned::numeric / live DESC, window_end))[1]
       FROM k GROUP BY 1, 2, 3`,
    todo,
  );
  // the months those days fall in, summed again from the days
  await m.query(
    `DELETE FROM abandon_window_months w USING unnest($1::uuid[], $2::date[], $3::date[]) AS t(campaign_id, lo, hi)
      WHERE w.campaign_id = t.campaign_id AND w.month >= date_trunc('month', t.lo)::date AND w.month <= t.hi`,
    todo,
  );
  await m.query(
    `INSERT INTO abandon_window_months (campaign_id, month, hours, cap_percent, windows, windows_over_cap, worst_end,
         worst_live, worst_abandoned)
     SELECT w.campaign_id, date_trunc('month', w.day)::date, w.hours, min(w.cap_percent), sum(w.windows),
            sum(w.windows_over_cap), ${WORST('w')}
       FROM abandon_window_days w JOIN unnest($1::uuid[], $2::date[], $3::date[]) AS t(campaign_id, lo, hi)
         ON w.campaign_id = t.campaign_id
        AND w.day >= date_trunc('month', t.lo)::date AND w.day < (date_trunc('month', t.hi) + interval '1 month')::date
      GROUP BY 1, 2, 3`,
    todo,
  );
  return claimed.length;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The whole calendar months inside the days [from, to) (YYYY-MM-DD), as [first, end) or an empty pair. */
export function wholeMonths(from: string | null, to: string | null): [string, string] {
  if (!from || !to) return ['1970-01-01', '1970-01-01'];
  const f = new Date(`${from}T00:00:00Z`);
  const first = f.getUTCDate() === 1 ? f : new Date(Date.UTC(f.getUTCFullYear(), f.getUTCMonth() + 1, 1));
  const t = new Date(`${to}T00:00:00Z`);
  const end = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1));
  if (first >= end) return ['1970-01-01', '1970-01-01'];
  return [first.toISOString().slice(0, 10), end.toISOString().slice(0, 10)];
}

/**
 * Window ends (whole hours) in (from, to]: the whole days [wholeFrom, wholeTo) whose ends (day, day + 1] all lie
 * inside, and the spans (a, b] of ends around them.
 */
export function splitEnds(
  from: Date,
  to: Date,
): { wholeFrom: string | null; wholeTo: string | null; edges: [Date, Date][] } {
  const lo = Math.ceil((Math.floor(from.getTime() / HOUR) * HOUR) / DAY) * DAY;
  const hi = Math.floor(to.getTime() / DAY) * DAY;
  if (lo >= hi) return { wholeFrom: null, wholeTo: null, edges: [[from, to]] };
  const edges: [Date, Date][] = [];
  if (from.getTime() < lo) edges.push([from, new Date(lo)]);
  if (hi < to.getTime()) edges.push([new Date(hi), to]);
  const day = (t: number): string => new Date(t).toISOString().slice(0, 10);
  return { wholeFrom: day(lo), wholeTo: day(hi), edges };
}

/**
 * Every rolling window ending in (a, b] computed from the hour rollup and summarised in SQL per campaign × window
 * length (how many, how many over the cap, the worst), as the day summaries are. `$1` campaign ids, `$2` their caps.
 */
const windowSummarySql = (a: string, b: string): string => `WITH x AS (${windowsSql(
  `SELECT campaign_id, hour AS t, human + abandoned AS live, abandoned FROM campaign_hour_rollups
    WHERE campaign_id = ANY($1::uuid[]) AND hour >= ${a}::timestamptz - interval '721 hours' AND hour < ${b}
      AND attempts <> 0`,
  `window_end > ${a}::timestamptz AND window_end <= ${b}::timestamptz`,
)}),
  k AS (SELECT x.*, cap.cap FROM x JOIN unnest($1::uuid[], $2::numeric[]) AS cap(campaign_id, cap)
          ON cap.campaign_id = x.campaign_id)
  SELECT campaign_id, hours, count(*) AS windows, count(*) FILTER (WHERE abandoned::numeric / live * 100 > cap) AS over,
         (array_agg(window_end ORDER BY abandoned::numeric / live DESC, window_end))[1] AS worst_end,
         (array_agg(live ORDER BY abandoned::numeric / live DESC, window_end))[1] AS worst_live,
         (array_agg(abandoned ORDER BY abandoned::numeric / live DESC, window_end))[1] AS worst_abandoned
    FROM k GROUP BY campaign_id, hours`;

interface SummaryRow {
  campaign_id: string;
  hours: number;
  windows: string;
  over: string;
  worst_end: Date;
  worst_live: number | string;
  worst_abandoned: number | string;
}

/**
 * The rolling windows ending inside (from, to] per campaign, read-only: whole days and months from the summaries
 * (abandon_window_days / _months) and the partial days at the edges computed from the hour rollup. A campaign whose
 * summaries are not current for the range (a day marked dirty since the last refresh, or a cap changed since they
 * were made) is computed from the hour rollup over the whole range instead; the refresh job
 * (AbandonWindowsJob) brings the summaries up to date in the background.
 */
export async function rollingWindows(
  ds: DataSource,
  ids: string[],
  from: Date,
  to: Date,
  caps: Map<string, number>,
): Promise<Map<string, WorstWindow>> {
  const out = new Map<string, WorstWindow>();
  if (!ids.length) return out;
  const capOf = (id: string): number => caps.get(id) ?? 3;
  const add = (r: SummaryRow) => {
    const key = `${r.campaign_id}:${r.hours}`;
    const w = out.get(key) ?? { hours: r.hours, windows: 0, windowsOverCap: 0, worst: null };
    w.windows += Number(r.windows);
    w.windowsOverCap += Number(r.over);
    const live = Number(r.worst_live);
    const ab = Number(r.worst_abandoned);
    const end = new Date(r.worst_end);
    // the same order as SQL's abandoned::numeric / live DESC, worst_end: compared as cross products (exact)
    const cmp = w.worst ? ab * w.worst.liveAnswered - w.worst.abandoned * live : 1;
    if (!w.worst || cmp > 0 || (cmp === 0 && end < w.worst.windowEnd))
      w.worst = { windowEnd: end, liveAnswered: live, abandoned: ab, rate: rate(ab, live) };
    out.set(key, w);
  };
  const days = splitEnds(from, to);
  // campaigns whose summaries cannot be used for this range: a dirty day whose 30 following days reach into it, or
  // a summary made under another cap
  const fromDay = new Date(Math.floor(from.getTime() / DAY) * DAY - 31 * DAY).toISOString().slice(0, 10);
  const toDay = new Date(to.getTime()).toISOString().slice(0, 10);
  const capList = ids.map(capOf);
  const [months0, months1] = wholeMonths(days.wholeFrom, days.wholeTo);
  // the days read from the day summaries: the whole days outside the whole months (two index ranges, not a filter)
  const dayRanges =
    months0 === months1
      ? [days.wholeFrom, days.wholeTo, days.wholeTo, days.wholeTo]
      : [days.wholeFrom, months0, months1, days.wholeTo];
  const notCurrent = days.wholeFrom
    ? await ds.query<{ campaign_id: string }[]>(
        `SELECT campaign_id FROM abandon_window_dirty
          WHERE campaign_id = ANY($1::uuid[]) AND day >= $3::date AND day <= $4::date
         UNION
         SELECT w.campaign_id FROM abandon_window_months w
           JOIN unnest($1::uuid[], $2::numeric[]) AS cap(campaign_id, cap) ON cap.campaign_id = w.campaign_id
          WHERE w.month >= $5::date AND w.month < $6::date AND w.cap_percent <> cap.cap
         UNION
         SELECT w.campaign_id FROM abandon_window_days w
           JOIN unnest($1::uuid[], $2::numeric[]) AS cap(campaign_id, cap) ON cap.campaign_id = w.campaign_id
          WHERE (w.day >= $7::date AND w.day < $8::date OR w.day >= $9::date AND w.day < $10::date)
            AND w.cap_percent <> cap.cap`,
        [ids, capList, fromDay, toDay, months0, months1, ...dayRanges],
      )
    : [];
  const direct = new Set(notCurrent.map((r) => r.campaign_id));
  const summarised = ids.filter((id) => !direct.has(id));
  const spans: { ids: string[]; a: Date; b: Date }[] = [];
  if (direct.size) spans.push({ ids: [...direct], a: from, b: to });
  if (summarised.length) {
    for (const [a, b] of days.edges) spans.push({ ids: summarised, a, b });
    if (days.wholeFrom) {
      const rows = await ds.query<SummaryRow[]>(
        // whole months from the month summaries, the days around them from the day summaries
        `WITH w AS (
           SELECT campaign_id, hours, windows, windows_over_cap, worst_end, worst_live, worst_abandoned
             FROM abandon_window_months
            WHERE campaign_id = ANY($1::uuid[]) AND month >= $4::date AND month < $5::date
           UNION ALL
           SELECT campaign_id, hours, windows, windows_over_cap, worst_end, worst_live, worst_abandoned
             FROM abandon_window_days
            WHERE campaign_id = ANY($1::uuid[]) AND (day >= $2::date AND day < $3::date OR day >= $6::date AND day < $7::date))
         SELECT w.campaign_id, w.hours, sum(w.windows) AS windows, sum(w.windows_over_cap) AS over, ${WORST('w')}
           FROM w GROUP BY w.campaign_id, w.hours`,
        [summarised, dayRanges[0], dayRanges[1], months0, months1, dayRanges[2], dayRanges[3]],
      );
      for (const r of rows) add(r);
    }
  }
  for (const span of spans) {
    const q = new Params([span.ids, span.ids.map(capOf)]);
    const rows = await ds.query<SummaryRow[]>(windowSummarySql(q.p(span.a), q.p(span.b)), q.values);
    for (const r of rows) add(r);
  }
  return out;
}

/**
 * Marks for a new summary every month of a campaign summarised under another cap than the campaign's current one (the
 * cap is part of "over the cap"): the first day of each such month, so the refresh (a marked day and the 30 after)
 * covers them all.
 */
export async function markChangedCaps(ds: DataSource): Promise<number> {
  const rows = await ds.query<{ campaign_id: string }[]>(
    `INSERT INTO abandon_window_dirty (campaign_id, day)
     SELECT DISTINCT w.campaign_id, w.month FROM abandon_window_months w JOIN campaigns c ON c.id = w.campaign_id
      WHERE w.cap_percent <> ${CAP_SQL}
     ON CONFLICT (campaign_id, day) DO UPDATE SET marked_at = now()
     RETURNING campaign_id`,
  );
  return rows.length;
}
