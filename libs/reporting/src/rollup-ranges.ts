/*
 * A report range read from the coarse rollups: whole UTC days (or months) from the day (month) rollups and the
 * hours at the edges from the hour rollup, so a range of five years reads a few rows per campaign and day and at
 * most two days of hours. Hour rows count when their hour starts inside [from, to): the bounds are rounded up to the
 * hour, as the hour rollup cannot split an hour.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const ceilTo = (t: number, unit: number): number => Math.ceil(t / unit) * unit;
const floorTo = (t: number, unit: number): number => Math.floor(t / unit) * unit;

function ceilMonth(t: number): number {
  const d = new Date(t);
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return first === t ? t : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}
function floorMonth(t: number): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** Whole units [wholeFrom, wholeTo) as dates (YYYY-MM-DD) and the hour edges around them ([a, b) instants). */
export interface RangeSplit {
  wholeFrom: string | null;
  wholeTo: string | null;
  /** at most two [from, to) spans of hours, null when empty */
  edge1: [Date, Date] | null;
  edge2: [Date, Date] | null;
}

const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** Splits [from, to) (hour granularity) into whole days or months and the hours around them. */
export function splitRange(from: Date, to: Date, unit: 'day' | 'month' = 'day'): RangeSplit {
  const a = ceilTo(from.getTime(), HOUR);
  const b = ceilTo(to.getTime(), HOUR);
  if (b <= a) return { wholeFrom: null, wholeTo: null, edge1: null, edge2: null };
  const lo = unit === 'day' ? ceilTo(a, DAY) : ceilMonth(a);
  const hi = unit === 'day' ? floorTo(b, DAY) : floorMonth(b);
  if (lo >= hi) return { wholeFrom: null, wholeTo: null, edge1: [new Date(a), new Date(b)], edge2: null };
  return {
    wholeFrom: iso(lo),
    wholeTo: iso(hi),
    edge1: a < lo ? [new Date(a), new Date(lo)] : null,
    edge2: hi < b ? [new Date(hi), new Date(b)] : null,
  };
}

/** The edge spans as range conditions on a timestamptz column (lets the planner use an index on it). */
export function edgeCondition(col: string, s: RangeSplit, next: (v: unknown) => string): string {
  const parts = [s.edge1, s.edge2]
    .filter((e): e is [Date, Date] => e !== null)
    .map((e) => `(${col} >= ${next(e[0])} AND ${col} < ${next(e[1])})`);
  return parts.length ? `(${parts.join(' OR ')})` : 'false';
}

/** Builds positional parameters: `p(v)` appends v and returns its placeholder. */
export class Params {
  readonly values: unknown[] = [];
  constructor(initial: unknown[] = []) {
    this.values.push(...initial);
  }
  p = (v: unknown): string => {
    this.values.push(v);
    return `$${this.values.length}`;
  };
}

/**
 * Rows of campaign figures over a range from campaign_day_rollups (whole days) and campaign_hour_rollups (edge
 * hours), already filtered by `where` (columns campaign_id, department_id, mode are on both). `extra` adds columns
 * (e.g. the day) to both sides.
 */
export function campaignFigureRows(
  split: RangeSplit,
  q: Params,
  where: string,
  extra: { day: string; hour: string } = { day: '', hour: '' },
): string {
  const cols = `campaign_id, department_id, mode, attempts, dials, answered, human, abandoned, machine, rejected,
                successes, talk_seconds, wrap_seconds`;
  const parts: string[] = [];
  if (split.wholeFrom)
    parts.push(`SELECT ${cols}, active_hours${extra.day} FROM campaign_day_rollups
                 WHERE day >= ${q.p(split.wholeFrom)}::date AND day < ${q.p(split.wholeTo)}::date AND ${where}`);
  const edge = edgeCondition('hour', split, q.p);
  if (edge !== 'false')
    parts.push(`SELECT ${cols}, (attempts <> 0)::int AS active_hours${extra.hour} FROM campaign_hour_rollups
                 WHERE ${edge} AND ${where}`);
  if (!parts.length)
    parts.push(`SELECT ${cols}, 0 AS active_hours${extra.hour} FROM campaign_hour_rollups WHERE false`);
  return parts.join(' UNION ALL ');
}

/**
 * [from, to) (hour granularity) as whole months of a month rollup plus hour spans to add and hour spans to take away:
 * at each end, either the hours from the bound to the month boundary are added, or the bound's whole month is taken
 * and the hours on the other side of the bound are subtracted, whichever reads fewer hours. A month range of 30
 * days ending on the 1st reads one month and a day of hours instead of 30 days of hours. Sums only (the figures read
 * this way are additive).
 */
export interface MonthCover {
  monthFrom: string | null;
  monthTo: string | null;
  plus: [Date, Date][];
  minus: [Date, Date][];
}

export function coverByMonths(from: Date, to: Date): MonthCover {
  const a = ceilTo(from.getTime(), HOUR);
  const b = ceilTo(to.getTime(), HOUR);
  const none: MonthCover = { monthFrom: null, monthTo: null, plus: [], minus: [] };
  if (b <= a) return none;
  const span = (x: number, y: number): [Date, Date][] => (x < y ? [[new Date(x), new Date(y)]] : []);
  const m0 = floorMonth(a);
  const m1 = ceilMonth(b);
  const lo = ceilMonth(a);
  const hi = floorMonth(b);
  if (lo > hi) {
    // inside one month: its hours, or the month less the hours around them
    return b - a <= m1 - m0 - (b - a)
      ? { ...none, plus: span(a, b) }
      : { monthFrom: iso(m0), monthTo: iso(m1), plus: [], minus: [...span(m0, a), ...span(b, m1)] };
  }
  const left = lo - a <= a - m0;
  const right = b - hi <= m1 - b;
  const first = left ? lo : m0;
  const last = right ? hi : m1;
  return {
    monthFrom: first < last ? iso(first) : null,
    monthTo: first < last ? iso(last) : null,
    plus: [...(left ? span(a, lo) : []), ...(right ? span(hi, b) : [])],
    minus: [...(left ? [] : span(m0, a)), ...(right ? [] : span(b, m1))],
  };
}

/** Spans as range conditions on a timestamptz column ('false' when none). */
export function spansCondition(col: string, spans: [Date, Date][], next: (v: unknown) => string): string {
  const parts = spans.map((e) => `(${col} >= ${next(e[0])} AND ${col} < ${next(e[1])})`);
  return parts.length ? `(${parts.join(' OR ')})` : 'false';
}
