import type { CallingWindows, RetryPolicy, Weekday } from './calling-windows';

/**
 * Deadline forecast: can the list be worked through before the deadline with the staffing at hand?
 *
 * The model is deliberately simple and explainable to a planner:
 * - each dial reaches a person with probability `contactRate` (pilot figure, else 0.2);
 * - a contact is dialled until reached or until N dials, N = min(attempt cap, 1 + the largest retry count of the
 *   no-contact outcomes), so the expected dials per contact are (1 - (1-p)^N) / p;
 * - a reached contact costs one average handle time of agent time, any other dial `nonContactAgentSeconds`;
 * - agents work at `occupancy` during callable hours: the calling windows in the default time zone, skipping days
 *   without ranges, weekends when not allowed and holidays when not allowed.
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
  /** Agents needed to finish by the deadline; null when no callable hour is left before it. */
  agentsNeeded: number | null;
}

export const DEFAULT_CONTACT_RATE = 0.2;
/** 120 s talk + 15 s wrap-up. */
export const DEFAULT_HANDLE_SECONDS = 135;
const HORIZON_DAYS = 366;
const DAY_NAMES: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Milliseconds to add to UTC to get the wall clock in `tz` at `instant`. */
function tzOffsetMs(instant: number, tz: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
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
): Generator<[number, number]> {
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

  let callableSecondsUntilDeadline = 0;
  let finishAt: number | null = workloadSeconds <= 0 ? i.now.getTime() : null;
  let done = 0;
  const perSecond = i.agents * occupancy;
  for (const [s, e] of callableIntervals(i.windows, i.now)) {
    if (s < i.deadline.getTime()) callableSecondsUntilDeadline += (Math.min(e, i.deadline.getTime()) - s) / 1000;
    if (finishAt === null && perSecond > 0) {
      const capacity = ((e - s) / 1000) * perSecond;
      if (done + capacity >= workloadSeconds) finishAt = s + ((workloadSeconds - done) / perSecond) * 1000;
      else done += capacity;
    }
    if (finishAt !== null && s >= i.deadline.getTime()) break;
  }
  const agentsNeeded =
    workloadSeconds <= 0
      ? 0
      : callableSecondsUntilDeadline > 0
        ? Math.ceil(workloadSeconds / (callableSecondsUntilDeadline * occupancy))
        : null;
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
    canFinishByDeadline: finishAt !== null && finishAt <= i.deadline.getTime(),
    expectedFinishAt: finishAt === null ? null : new Date(finishAt).toISOString(),
    agentsNeeded,
  };
}
