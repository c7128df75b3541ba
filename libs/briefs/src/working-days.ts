/** Working-day arithmetic for the review SLA: Saturdays, Sundays and the given holiday dates do not count. */

const DAY_MS = 24 * 3600 * 1000;

/** YYYY-MM-DD of an instant, in UTC. */
export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

export function isWorkingDay(d: Date, holidays: ReadonlySet<string>): boolean {
  const wd = d.getUTCDay();
  return wd !== 0 && wd !== 6 && !holidays.has(isoDate(d));
}

/**
 * The instant `days` working days after `start`, at the same time of day. A brief submitted on Friday 10:00 with a
 * 2-day SLA is due on Tuesday 10:00; one submitted on Saturday is due Tuesday at the same time too (the weekend days
 * themselves never count).
 */
export function addWorkingDays(start: Date, days: number, holidays: ReadonlySet<string> = new Set()): Date {
  let t = start.getTime();
  let left = days;
  while (left > 0) {
    t += DAY_MS;
    if (isWorkingDay(new Date(t), holidays)) left--;
  }
  return new Date(t);
}

/** True when a brief submitted at `submittedAt` has waited longer than the SLA at `now`. */
export function isReviewOverdue(
  submittedAt: Date,
  now: Date,
  slaWorkingDays: number,
  holidays: ReadonlySet<string> = new Set(),
): boolean {
  return now.getTime() > addWorkingDays(submittedAt, slaWorkingDays, holidays).getTime();
}
