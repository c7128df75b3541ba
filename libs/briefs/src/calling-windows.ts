/** The calling-window and retry-policy shapes shared by briefs and campaigns, without decorators. */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Calling after this local time counts as "evening". */
export const EVENING_STARTS = '18:00';

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** True for a zone name Intl knows (e.g. Europe/London); Intl throws a RangeError for anything else. */
export function isIanaTimeZone(v: unknown): boolean {
  if (typeof v !== 'string' || !v.includes('/')) return v === 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: v });
    return true;
  } catch {
    return false;
  }
}

/** YYYY-MM-DD that is a real calendar date. */
export const isCalendarDate = (v: unknown): boolean =>
  typeof v === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(v) &&
  !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
  new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

export const RETRY_OUTCOMES = ['busy', 'noAnswer', 'machine', 'failed', 'abandoned', 'congestion'] as const;
export type RetryOutcome = (typeof RETRY_OUTCOMES)[number];

export interface RetryRule {
  retryAfterMinutes: number;
  maxRetries: number;
}

/** The stored shape (briefs.retry_policy, campaigns.retry_policy): every outcome filled in. */
export type RetryPolicy = Record<RetryOutcome, RetryRule> & { maxAttemptsPerContact: number };

export interface CallingWindows {
  weekdays: { day: Weekday; ranges: { from: string; to: string }[] }[];
  evenings: boolean;
  weekends: boolean;
  holidays: boolean;
  holidayCalendarId?: string;
  holidayDates: string[];
  timeZone: string;
}

export const DEFAULT_RETRY_RULES: Record<RetryOutcome, RetryRule> = {
  busy: { retryAfterMinutes: 15, maxRetries: 3 },
  noAnswer: { retryAfterMinutes: 120, maxRetries: 3 },
  machine: { retryAfterMinutes: 240, maxRetries: 2 },
  failed: { retryAfterMinutes: 60, maxRetries: 2 },
  abandoned: { retryAfterMinutes: 60, maxRetries: 2 },
  // Network congestion (dial status CONGESTION): not the person's doing, so soon and a few times.
  congestion: { retryAfterMinutes: 10, maxRetries: 3 },
};

/** Windows open around the clock, every day, holidays included (the demo, and tests not about windows). */
export const ALWAYS_OPEN_WINDOWS = {
  weekdays: WEEKDAYS.map((day) => ({ day, ranges: [{ from: '00:00', to: '24:00' }] })),
  evenings: true,
  weekends: true,
  holidays: true,
  holidayDates: [] as string[],
  timeZone: 'UTC',
};
