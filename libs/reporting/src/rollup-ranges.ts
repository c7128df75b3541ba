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
