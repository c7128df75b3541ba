import { addDays, instantAtOrAfter, isoDate, LocalDate, wallTime, weekday } from './local-time';

export type WeekdayName = 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat';
const WEEKDAYS: WeekdayName[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Local wall-clock range 'HH:MM'-'HH:MM', end exclusive; '24:00' is midnight at the end of the day. */
export interface TimeRange {
  start: string;
  end: string;
}

export interface Holiday {
  /** Local date 'YYYY-MM-DD'. */
  date: string;
  /** Time zones (IANA) where it applies; absent = everywhere. Regions map to their zones upstream. */
  zones?: string[];
}

export interface CallingRules {
  weekly: Partial<Record<WeekdayName, TimeRange[]>>;
  eveningsAllowed: boolean;
  /** Where the evening begins ('HH:MM'): without evenings, every range is cut there. */
  eveningStart: string;
  weekendsAllowed: boolean;
  weekendDays: WeekdayName[];
  holidaysAllowed: boolean;
  holidays: Holiday[];
  /** Kept free before the window closes, on top of the ring timeout, so a call never rings after the close. */
  safetyMarginSeconds: number;
}

export const defaultCallingRules: CallingRules = {
  weekly: {
    mon: [{ start: '09:00', end: '21:00' }],
    tue: [{ start: '09:00', end: '21:00' }],
    wed: [{ start: '09:00', end: '21:00' }],
    thu: [{ start: '09:00', end: '21:00' }],
    fri: [{ start: '09:00', end: '21:00' }],
    sat: [{ start: '10:00', end: '17:00' }],
  },
  eveningsAllowed: true,
  eveningStart: '18:00',
  weekendsAllowed: true,
  weekendDays: ['sat', 'sun'],
  holidaysAllowed: false,
  holidays: [],
  safetyMarginSeconds: 60,
};

function parseClock(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`calling window time '${hhmm}' is not HH:MM`);
  const s = Number(m[1]) * 3600 + Number(m[2]) * 60;
  if (s > 86400 || Number(m[2]) > 59) throw new Error(`calling window time '${hhmm}' is out of range`);
  return s;
}

function isHoliday(rules: CallingRules, timeZone: string, date: LocalDate): boolean {
  const iso = isoDate(date);
  return rules.holidays.some((h) => h.date === iso && (h.zones == null || h.zones.includes(timeZone)));
}

/** The local ranges (seconds since midnight) in force on a local date, after the weekend/holiday/evening flags. */
export function rangesOn(rules: CallingRules, timeZone: string, date: LocalDate): { start: number; end: number }[] {
  const day = WEEKDAYS[weekday(date)];
  if (!rules.weekendsAllowed && rules.weekendDays.includes(day)) return [];
  if (!rules.holidaysAllowed && isHoliday(rules, timeZone, date)) return [];
  const evening = parseClock(rules.eveningStart);
  const out: { start: number; end: number }[] = [];
  for (const r of rules.weekly[day] ?? []) {
    const start = parseClock(r.start);
    let end = parseClock(r.end);
    if (!rules.eveningsAllowed) end = Math.min(end, evening);
    if (end > start) out.push({ start, end });
  }
  return out.sort((a, b) => a.start - b.start);
}

export interface WindowInterval {
  /** First instant a call may be placed. */
  open: number;
  /** The window's close: nothing may ring after it. */
  close: number;
}

/** Absolute windows whose local date is within `days` days from the local date of `instant` (DST-correct). */
function computeWindows(rules: CallingRules, timeZone: string, instant: number, days: number): WindowInterval[] {
  const today = wallTime(timeZone, instant);
  const out: WindowInterval[] = [];
  for (let i = -1; i <= days; i++) {
    const date = addDays(today, i);
    for (const r of rangesOn(rules, timeZone, date)) {
      const open = instantAtOrAfter(timeZone, date, r.start);
      const close = instantAtOrAfter(timeZone, date, r.end);
      if (close > open) out.push({ open, close });
    }
  }
  return out.sort((a, b) => a.open - b.open);
}

/**
 * Intl formatting costs microseconds and the dialer asks for every call, so the absolute windows of a zone are
 * cached for a week past the instant they were computed at (they cover two weeks). Rules are treated as immutable:
 * pass a new object to change them.
 */
const cache = new WeakMap<
  CallingRules,
  Map<string, { from: number; to: number; days: number; windows: WindowInterval[] }>
>();
const WEEK = 7 * 86400000;

export function windowsAround(rules: CallingRules, timeZone: string, instant: number, days: number): WindowInterval[] {
  let byZone = cache.get(rules);
  if (!byZone) {
    byZone = new Map();
    cache.set(rules, byZone);
  }
  const hit = byZone.get(timeZone);
  if (hit && instant >= hit.from && instant < hit.to && days <= hit.days - 7) return hit.windows;
  const span = Math.max(days + 7, 14);
  const windows = computeWindows(rules, timeZone, instant, span);
  byZone.set(timeZone, { from: instant, to: instant + WEEK, days: span, windows });
  return windows;
}

function lastPlacement(rules: CallingRules, w: WindowInterval, ringTimeoutSeconds: number): number {
  return w.close - (ringTimeoutSeconds + rules.safetyMarginSeconds) * 1000;
}

/** A call may be placed at `instant` iff now ≥ open and now + ring timeout + margin ≤ close, in the contact's zone. */
export function isWithinWindow(
  rules: CallingRules,
  timeZone: string,
  instant: number,
  ringTimeoutSeconds: number,
): boolean {
  return windowsAround(rules, timeZone, instant, 0).some(
    (w) => instant >= w.open && instant <= lastPlacement(rules, w, ringTimeoutSeconds),
  );
}

export interface Callability {
  callable: boolean;
  /** Callable: the current window's opening. Not callable: the next opening (undefined if none within the horizon). */
  from?: number;
  /** The last instant a call may be placed in that window (close − ring timeout − margin). */
  until?: number;
}

/**
 * Whether a contact in `timeZone` is callable at `instant`, and the bounds of the placement interval; the SQL side
 * stores them as callable_from / callable_until and prefilters with `now() between callable_from and callable_until`,
 * recomputing a row's bounds when `now()` passes its `callable_until`.
 */
export function callability(
  rules: CallingRules,
  timeZone: string,
  instant: number,
  ringTimeoutSeconds: number,
  horizonDays = 14,
): Callability {
  for (const w of windowsAround(rules, timeZone, instant, horizonDays)) {
    const until = lastPlacement(rules, w, ringTimeoutSeconds);
    if (until < w.open || until < instant) continue;
    if (instant >= w.open) return { callable: true, from: w.open, until };
    return { callable: false, from: w.open, until };
  }
  return { callable: false };
}

/**
 * The earliest instant at or after `instant` at which a call may be placed (with the given ring timeout; 0 gives
 * the bare window opening). Undefined when nothing opens within `horizonDays`.
 */
export function nextWindowOpening(
  rules: CallingRules,
  timeZone: string,
  instant: number,
  ringTimeoutSeconds = 0,
  horizonDays = 14,
): number | undefined {
  const c = callability(rules, timeZone, instant, ringTimeoutSeconds, horizonDays);
  if (c.callable) return instant;
  return c.from;
}
