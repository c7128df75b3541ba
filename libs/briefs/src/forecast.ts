import type { CallingWindows, RetryPolicy, Weekday } from './calling-windows';

/**
 * Deadline forecast: can the list be worked through before the deadline with the staffing at hand?
 *
 * The model is deliberately simple and explainable to a planner:
 * - each dial reaches a person with probability `contactRate` (pilot figure, else 0.2);
 * - a contact is dialled until reached or until N dials, N = min(attempt cap, 1 + the largest retry count of the
 *   no-contact outcomes), so the expected dials per contact are (1 - (1-p)^N) / p;
 * - a reached contact costs one average handle time of agent time, any other dial `nonContactAgentSeconds`;
 * - agents work at `occupancy` during callable hours: the calling windows, skipping days without ranges, weekends
 *   when not allowed and holidays when not allowed, read in each contact's own time zone (`zones`): work for New
 *   York contacts can only be done while New York's window is open, so a London-and-New-York list cannot finish
 *   before New York opens. Without `zones` every contact is in the windows' default zone.
 */
export interface ForecastInput {
  now: Date;
  deadline: Date;
  contactsRemaining: number;
  windows: CallingWindows;
  retryPolicy: RetryPolicy;
  agents: number;
  contactRate?: number | null;
  averageHandleSeconds?: number | null;
  nonContactAgentSeconds?: number;
  occupancy?: number;
  /** Remaining contacts per time zone (they should add up to `contactsRemaining`). */
  zones?: { timeZone: string; contacts: number }[];
}

export interface ForecastZone {
  timeZone: string;
  contacts: number;
  /** The first instant the zone's window is open (now when it is open); null when it never opens in a year. */
  firstCallableAt: string | null;
}

export interface Forecast {
  computedAt: string;
  deadline: string;
  contactsRemaining: number;
  agents: number;
  contactRate: number;
  contactRateSource: 'pilot' | 'default';
  averageHandleSeconds: number;
  averageHandleSource: 'pilot' | 'default';
  maxDialsPerContact: number;
  expectedDialsPerContact: number;
  expectedDials: number;
  expectedContacts: number;
  workloadAgentHours: number;
  callableHoursUntilDeadline: number;
  canFinishByDeadline: boolean;
  /** null when it cannot finish within a year of calling (or there are no agents). */
  expectedFinishAt: string | null;
  /** Agents needed to finish by the deadline; null when no number of agents can (no callable hour left for a zone). */
  agentsNeeded: number | null;
  /** The remaining contacts per time zone and when each can first be called. */
  zones: ForecastZone[];
  /** When the first remaining contact can be called (now when some window is open); null: never within a year. */
  firstCallableAt: string | null;
}

export const DEFAULT_CONTACT_RATE = 0.2;
/** 120 s talk + 15 s wrap-up. */
export const DEFAULT_HANDLE_SECONDS = 135;
const HORIZON_DAYS = 366;
const DAY_NAMES: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Milliseconds to add to UTC to get the wall clock in `tz` at `instant`. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function tzOffsetMs(instant: number, tz: string): number {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  const parts = f.formatToParts(new Date(instant));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant at which the wall clock in `tz` shows `date` (YYYY-MM-DD) `hhmm`. */
export function zonedToUtc(date: string, hhmm: string, tz: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [h, mi] = hhmm.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, h, mi);
  let t = wall - tzOffsetMs(wall, tz);
  t = wall - tzOffsetMs(t, tz); // second pass lands on the right side of a DST change
  return new Date(t);
}

/** The local calendar date (YYYY-MM-DD) in `tz` at `instant`. */
export function localDate(instant: Date, tz: string): string {
  return new Date(instant.getTime() + tzOffsetMs(instant.getTime(), tz)).toISOString().slice(0, 10);
}

const nextDate = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 24 * 3600 * 1000).toISOString().slice(0, 10);

/** Callable intervals [start, end) in ms from `from`, in order, for `days` local calendar days. */
export function* callableIntervals(
  windows: CallingWindows,
  from: Date,
  days = HORIZON_DAYS,
  timeZone = windows.timeZone,
): Generator<[number, number]> {
  windows = { ...windows, timeZone };
  const holidays = new Set(windows.holidayDates ?? []);
  let date = localDate(from, windows.timeZone);
  for (let i = 0; i < days; i++, date = nextDate(date)) {
    const wd = DAY_NAMES[new Date(`${date}T00:00:00Z`).getUTCDay()];
    if (!windows.weekends && (wd === 'sat' || wd === 'sun')) continue;
    if (!windows.holidays && holidays.has(date)) continue;
    const day = windows.weekdays.find((w) => w.day === wd);
    if (!day) continue;
    const ranges = [...day.ranges].sort((a, b) => a.from.localeCompare(b.from));
    for (const r of ranges) {
      const start = Math.max(zonedToUtc(date, r.from, windows.timeZone).getTime(), from.getTime());
      const end =
        r.to === '24:00'
          ? zonedToUtc(nextDate(date), '00:00', windows.timeZone).getTime()
          : zonedToUtc(date, r.to, windows.timeZone).getTime();
      if (end > start) yield [start, end];
    }
  }
}

/** How many dials a contact gets at most under the policy. */
export function maxDialsPerContact(p: RetryPolicy): number {
  const retries = Math.max(p.busy.maxRetries, p.noAnswer.maxRetries, p.machine.maxRetries, p.failed.maxRetries);
  return Math.max(1, Math.min(p.maxAttemptsPerContact, 1 + retries));
}

/** Elementary segments [start, end) of time over which the same zones are open, in order, up to `until`. */
function openSegments(perZone: [number, number][][], until: number): { start: number; end: number; open: number[] }[] {
  const cuts = new Set<number>();
  for (const list of perZone)
    for (const [s, e] of list) {
      if (s >= until) break;
      cuts.add(s);
      cuts.add(Math.min(e, until));
    }
  const points = [...cuts].sort((a, b) => a - b);
  const idx = perZone.map(() => 0);
  const out: { start: number; end: number; open: number[] }[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const open: number[] = [];
    perZone.forEach((list, z) => {
      while (idx[z] < list.length && list[idx[z]][1] <= a) idx[z]++;
      if (idx[z] < list.length && list[idx[z]][0] <= a) open.push(z);
    });
    if (open.length) out.push({ start: a, end: b, open });
  }
  return out;
}

/**
 * When the work of every zone is done, if `perSecond` agent-seconds per second are shared by the zones whose window
 * is open (in proportion to what each still has to do); null when some zone's work never gets done.
 */
function finishTime(
  segments: { start: number; end: number; open: number[] }[],
  work: number[],
  perSecond: number,
): number | null {
  const remaining = [...work];
  let left = remaining.filter((w) => w > 0).length;
  if (left === 0) return segments[0]?.start ?? null;
  if (perSecond <= 0) return null;
  for (const seg of segments) {
    const open = seg.open.filter((z) => remaining[z] > 0);
    if (open.length === 0) continue;
    const pool = open.reduce((sum, z) => sum + remaining[z], 0);
    const capacity = ((seg.end - seg.start) / 1000) * perSecond;
    if (pool <= capacity) {
      for (const z of open) remaining[z] = 0;
      left -= open.length;
      if (left === 0) return seg.start + (pool / perSecond) * 1000;
    } else for (const z of open) remaining[z] -= (capacity * remaining[z]) / pool;
  }
  return null;
}

export function computeForecast(i: ForecastInput): Forecast {
  const contactRateSource = i.contactRate != null && i.contactRate > 0 ? 'pilot' : 'default';
  const p = Math.min(1, contactRateSource === 'pilot' ? (i.contactRate as number) : DEFAULT_CONTACT_RATE);
  const averageHandleSource = i.averageHandleSeconds != null && i.averageHandleSeconds > 0 ? 'pilot' : 'default';
  const aht = averageHandleSource === 'pilot' ? (i.averageHandleSeconds as number) : DEFAULT_HANDLE_SECONDS;
  const nonContact = i.nonContactAgentSeconds ?? 10;
  const occupancy = i.occupancy ?? 0.85;
  const n = maxDialsPerContact(i.retryPolicy);
  const reachPerContact = 1 - (1 - p) ** n;
  const dialsPerContact = reachPerContact / p;
  const contacts = Math.max(0, i.contactsRemaining);
  const expectedDials = contacts * dialsPerContact;
  const expectedContacts = contacts * reachPerContact;
  const workloadSeconds = expectedContacts * aht + (expectedDials - expectedContacts) * nonContact;
  const deadline = i.deadline.getTime();

  const zoneList = (i.zones ?? []).filter((z) => z.contacts > 0);
  const zones = zoneList.length ? zoneList : [{ timeZone: i.windows.timeZone, contacts: Math.max(1, contacts) }];
  const zoneTotal = zones.reduce((s, z) => s + z.contacts, 0);
  const work = zones.map((z) => (workloadSeconds * z.contacts) / zoneTotal);
  // A month past the deadline is usually enough to place the finish; a year when it is not.
  const daysToDeadline = Math.ceil((deadline - i.now.getTime()) / 86_400_000);
  const intervals = (days: number): [number, number][][] =>
    zones.map((z) => [...callableIntervals(i.windows, i.now, days, z.timeZone)]);
  const segmentsOf = (lists: [number, number][][]) =>
    openSegments(lists, Math.max(deadline, ...lists.map((l) => (l.length ? l[l.length - 1][1] : 0))));
  let perZone = intervals(Math.min(HORIZON_DAYS, Math.max(0, daysToDeadline) + 31));
  let segments = segmentsOf(perZone);
  const perSecond = i.agents * occupancy;
  if (workloadSeconds > 0 && finishTime(segments, work, perSecond) === null && perSecond > 0) {
    perZone = intervals(HORIZON_DAYS);
    segments = segmentsOf(perZone);
  }

  let callableSecondsUntilDeadline = 0;
  for (const seg of segments) {
    if (seg.start >= deadline) break;
    callableSecondsUntilDeadline += (Math.min(seg.end, deadline) - seg.start) / 1000;
  }
  const finishAt = workloadSeconds <= 0 ? i.now.getTime() : finishTime(segments, work, perSecond);
  let agentsNeeded: number | null;
  if (workloadSeconds <= 0) agentsNeeded = 0;
  else if (callableSecondsUntilDeadline <= 0) agentsNeeded = null;
  else {
    // the fewest agents whose finish lands by the deadline: from the one-pool bound upwards, by doubling and halving
    const beforeDeadline = segments
      .filter((s) => s.start < deadline)
      .map((s) => ({ ...s, end: Math.min(s.end, deadline) }));
    const fits = (k: number): boolean => {
      const t = finishTime(beforeDeadline, work, k * occupancy);
      return t !== null && t <= deadline;
    };
    let lo = Math.max(1, Math.ceil(workloadSeconds / (callableSecondsUntilDeadline * occupancy))) - 1;
    let hi = lo + 1;
    while (!fits(hi) && hi < 1_000_000) {
      lo = hi;
      hi *= 2;
    }
    if (!fits(hi)) agentsNeeded = null;
    else {
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (fits(mid)) hi = mid;
        else lo = mid;
      }
      agentsNeeded = hi;
    }
  }
  const firstOf = (l: [number, number][]): number | null => (l.length ? l[0][0] : null);
  const firsts = perZone.map(firstOf).filter((x): x is number => x !== null);
  return {
    computedAt: i.now.toISOString(),
    deadline: i.deadline.toISOString(),
    contactsRemaining: contacts,
    agents: i.agents,
    contactRate: round(p, 4),
    contactRateSource,
    averageHandleSeconds: round(aht, 1),
    averageHandleSource,
    maxDialsPerContact: n,
    expectedDialsPerContact: round(dialsPerContact),
    expectedDials: Math.round(expectedDials),
    expectedContacts: Math.round(expectedContacts),
    workloadAgentHours: round(workloadSeconds / 3600),
    callableHoursUntilDeadline: round(callableSecondsUntilDeadline / 3600),
    canFinishByDeadline: finishAt !== null && finishAt <= deadline,
    expectedFinishAt: finishAt === null ? null : new Date(finishAt).toISOString(),
    agentsNeeded,
    zones: zoneList.map((z, k) => {
      const first = firstOf(perZone[k]);
      return {
        timeZone: z.timeZone,
        contacts: z.contacts,
        firstCallableAt: first === null ? null : new Date(first).toISOString(),
      };
    }),
    firstCallableAt: firsts.length ? new Date(Math.min(...firsts)).toISOString() : null,
  };
}
