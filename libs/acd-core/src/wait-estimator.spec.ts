import { describe, expect, it } from '@jest/globals';
import { estimateWaitSeconds, HandleTimeModel, HandleTimeStats, MovingAverageWait } from './wait-estimator';

const expo = (mean: number): HandleTimeModel => ({ mean: () => mean, meanResidual: () => mean });

describe('estimateWaitSeconds', () => {
  it('is zero when an idle agent is there for the caller', () => {
    expect(
      estimateWaitSeconds({ position: 1, agents: [{ idle: true, busyElapsedSeconds: 0 }], handle: expo(100) }),
    ).toBe(0);
  });

  it('is exact for exponential handle times: p ÷ (n μ)', () => {
    const agents = Array.from({ length: 10 }, () => ({ idle: false, busyElapsedSeconds: 50 }));
    expect(estimateWaitSeconds({ position: 1, agents, handle: expo(200), statistic: 'mean' })).toBeCloseTo(20, 6);
    expect(estimateWaitSeconds({ position: 5, agents, handle: expo(200), statistic: 'mean' })).toBeCloseTo(100, 6);
    // median of a gamma(5) wait of mean 100 is about 93.4
    expect(estimateWaitSeconds({ position: 5, agents, handle: expo(200) })).toBeCloseTo(93.4, 0);
  });

  it("uses each agent's remaining time: agents near the end of long calls free sooner", () => {
    const nearEnd: HandleTimeModel = { mean: () => 200, meanResidual: (e) => Math.max(5, 200 - e) };
    const early = estimateWaitSeconds({
      position: 1,
      agents: [{ idle: false, busyElapsedSeconds: 10 }],
      handle: nearEnd,
    });
    const late = estimateWaitSeconds({
      position: 1,
      agents: [{ idle: false, busyElapsedSeconds: 190 }],
      handle: nearEnd,
    });
    expect(late).toBeLessThan(early);
    expect(
      estimateWaitSeconds({
        position: 1,
        agents: [{ idle: false, busyElapsedSeconds: 190 }],
        handle: nearEnd,
        statistic: 'mean',
      }),
    ).toBeCloseTo(10, 6);
  });

  it('shortens with abandonment of callers ahead', () => {
    const agents = [{ idle: false, busyElapsedSeconds: 0 }];
    const none = estimateWaitSeconds({ position: 4, agents, handle: expo(100) });
    const some = estimateWaitSeconds({ position: 4, agents, handle: expo(100), abandonRatePerSecond: 1 / 60 });
    expect(some).toBeLessThan(none);
  });
});

describe('HandleTimeStats', () => {
  it('falls back to the prior, then learns the mean and the residual life', () => {
    const s = new HandleTimeStats(100, 180, 10);
    expect(s.mean()).toBe(180);
    for (let i = 1; i <= 100; i++) s.add(i * 2); // uniform 2..200, mean 101
    expect(s.mean()).toBeCloseTo(101, 6);
    expect(s.meanResidual(0)).toBeCloseTo(101, 6);
    expect(s.meanResidual(150)).toBeCloseTo(26, 0);
  });
});

describe('MovingAverageWait', () => {
  it("is app_queue's (3 old + new) ÷ 4", () => {
    const m = new MovingAverageWait();
    m.observe(40);
    m.observe(0);
    expect(m.estimate()).toBe(30);
  });
});
