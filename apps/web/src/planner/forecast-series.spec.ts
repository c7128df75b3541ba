import { describe, expect, it } from '@jest/globals';
import { forecastSeries } from './forecast-series';

const H = 3600_000;
const now = Date.UTC(2026, 11, 1, 9);
const at = (h: number) => new Date(now + h * H).toISOString();

describe('the forecast chart points', () => {
  it('reaches zero at the expected finish and at the deadline, with the deadline line ending there', () => {
    const [xs, expected, needed] = forecastSeries(
      { computedAt: at(0), deadline: at(10), expectedFinishAt: at(5), contactsRemaining: 100 },
      now,
    );
    expect(xs).toEqual([now, now + 5 * H, now + 10 * H, now + 11 * H].map((x) => x / 1000));
    expect(expected).toEqual([100, 0, 0, 0]);
    expect(needed).toEqual([100, 50, 0, null]);
  });

  it('stays flat when the campaign never finishes', () => {
    const [xs, expected, needed] = forecastSeries(
      { computedAt: at(0), deadline: at(10), expectedFinishAt: null, contactsRemaining: 40 },
      now,
    );
    expect(xs).toHaveLength(3);
    expect(expected).toEqual([40, 40, 40]);
    expect(needed).toEqual([40, 0, null]);
  });

  it('runs past the deadline when the finish is later', () => {
    const [xs, expected] = forecastSeries(
      { computedAt: at(0), deadline: at(4), expectedFinishAt: at(8), contactsRemaining: 80 },
      now,
    );
    expect(xs).toEqual([now, now + 4 * H, now + 8 * H, now + 8.4 * H].map((x) => x / 1000));
    expect(expected).toEqual([80, 40, 0, 0]);
  });
});
