/**
 * Wall-clock arithmetic in IANA time zones on top of Intl (Node ships full ICU), without a date library.
 * All instants are epoch milliseconds.
 */
export interface LocalDate {
  y: number;
  m: number;
  d: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallTime extends LocalDate {
  /** Seconds since local midnight. */
  seconds: number;
}

export function wallTime(timeZone: string, instant: number): WallTime {
  const parts = formatter(timeZone).formatToParts(new Date(instant));
  const get = (t: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const ms = ((instant % 1000) + 1000) % 1000;
  return {
    y: get('year'),
    m: get('month'),
    d: get('day'),
    seconds: get('hour') * 3600 + get('minute') * 60 + get('second') + ms / 1000,
  };
}

/** Offset of local time from UTC at `instant`, in milliseconds (New York in winter: -5 h). */
export function utcOffset(timeZone: string, instant: number): number {
  const w = wallTime(timeZone, instant);
  return Date.UTC(w.y, w.m - 1, w.d) + w.seconds * 1000 - instant;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
}

export function isoDate(date: LocalDate): string {
  return `${String(date.y).padStart(4, '0')}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
}

/**
 * The earliest instant at which the wall clock on `date` reads `seconds` or later (`seconds` may be 86400: the next
 * midnight). In a spring-forward gap that is the end of the gap; in a fall-back repeated hour, the first pass. Both
 * are the conservative reading for a window: it opens no earlier and closes no later than the wall clock says.
 */
export function instantAtOrAfter(timeZone: string, date: LocalDate, seconds: number): number {
  const naive = Date.UTC(date.y, date.m - 1, date.d) + seconds * 1000;
  const offsets = new Set([
    utcOffset(timeZone, naive - 86400000),
    utcOffset(timeZone, naive),
    utcOffset(timeZone, naive + 86400000),
  ]);
  const target = (x: number): boolean => {
    const w = wallTime(timeZone, x);
    const c = compareDates(w, date);
    return c > 0 || (c === 0 && w.seconds >= seconds - 1e-6);
  };
  let best = Number.POSITIVE_INFINITY;
  for (const o of offsets) {
    const c = naive - o;
    const w = wallTime(timeZone, c);
    if (compareDates(w, date) === 0 && Math.abs(w.seconds - seconds) < 1e-6) best = Math.min(best, c);
  }
  if (Number.isFinite(best)) return best;
  // In a gap (or at 24:00): bisect for the first instant whose wall time reaches the target.
  const list = [...offsets];
  let lo = naive - Math.max(...list) - 3600000;
  let hi = naive - Math.min(...list) + 3600000;
  while (target(lo)) lo -= 3600000;
  while (!target(hi)) hi += 3600000;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (target(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
