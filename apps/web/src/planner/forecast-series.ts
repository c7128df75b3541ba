import type { Forecast } from '@app/briefs';

/**
 * The chart's points: x (seconds since the epoch) at now, the deadline, the expected finish and a little after; the
 * contacts left at the forecast's pace (flat when it never finishes) and at the pace that meets the deadline (none
 * after it).
 */
export function forecastSeries(
  fc: Pick<Forecast, 'computedAt' | 'deadline' | 'expectedFinishAt' | 'contactsRemaining'>,
  now = new Date(fc.computedAt).getTime(),
): [number[], number[], (number | null)[]] {
  const deadline = new Date(fc.deadline).getTime();
  const finish = fc.expectedFinishAt ? new Date(fc.expectedFinishAt).getTime() : null;
  const end = Math.max(deadline, finish ?? deadline) + 0.1 * Math.max(deadline - now, 3600_000);
  const xs = [...new Set([now, deadline, ...(finish ? [finish] : []), end])]
    .filter((x) => x >= now)
    .sort((a, b) => a - b);
  const left = fc.contactsRemaining;
  const line = (until: number | null) =>
    xs.map((x) => (until === null ? left : until <= now ? 0 : Math.max(0, left * (1 - (x - now) / (until - now)))));
  const needed = xs.map((x) => (x > deadline ? null : deadline <= now ? 0 : left * (1 - (x - now) / (deadline - now))));
  return [xs.map((x) => x / 1000), line(finish), needed];
}
