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

describe('estimateWaitSeconds: what the router knows', () => {
  const busy = (n: number, elapsed = 0) =>
    Array.from({ length: n }, () => ({ idle: false, busyElapsedSeconds: elapsed }));

  it('priority callers arriving ahead slow the line: p ÷ (n μ − vip rate) for exponential times', () => {
    const agents = busy(10);
    const plain = estimateWaitSeconds({ position: 4, agents, handle: expo(200), statistic: 'mean' });
    const withVip = estimateWaitSeconds({
      position: 4,
      agents,
      handle: expo(200),
      statistic: 'mean',
      priorityArrivalsPerSecond: 0.01,
    });
    expect(plain).toBeCloseTo(80, 6);
    expect(withVip).toBeCloseTo(4 / (10 / 200 - 0.01), 6);
    expect(estimateWaitSeconds({ position: 4, agents, handle: expo(200), priorityArrivalsPerSecond: 10 / 200 })).toBe(
      Infinity,
    );
  });

  it("counts agents shared with other queues by their share of this queue's work", () => {
    const whole = estimateWaitSeconds({ position: 3, agents: busy(4), handle: expo(120), statistic: 'mean' });
    const half = estimateWaitSeconds({
      position: 3,
      agents: busy(4).map((a) => ({ ...a, share: 0.5 })),
      handle: expo(120),
      statistic: 'mean',
    });
    expect(half).toBeCloseTo(2 * whole, 6);
    // Half-idle agents: two halves make one agent free for the first caller.
    const idleHalves = [
      { idle: true, busyElapsedSeconds: 0, share: 0.5 },
      { idle: true, busyElapsedSeconds: 0, share: 0.5 },
    ];
    expect(estimateWaitSeconds({ position: 1, agents: [...idleHalves, ...busy(2)], handle: expo(120) })).toBe(0);
  });

  it('is infinite with nobody to serve the queue', () => {
    expect(estimateWaitSeconds({ position: 1, agents: [], handle: expo(100) })).toBe(Infinity);
  });

  it('with learned long-tailed handle times, an agent deep into a call frees later than a fresh one', () => {
    const s = new HandleTimeStats(1000, 180, 10);
    // Two kinds of calls: most end at 60 s, one in five runs to 600 s (mean 168 s).
    for (let k = 0; k < 1000; k++) s.add(k % 5 === 0 ? 600 : 60);
    const fresh = estimateWaitSeconds({ position: 1, agents: busy(1, 10), handle: s, statistic: 'mean' });
    const deep = estimateWaitSeconds({ position: 1, agents: busy(1, 100), handle: s, statistic: 'mean' });
    expect(s.meanResidual(100)).toBeCloseTo(500, 6);
    expect(deep).toBeGreaterThan(fresh * 2);
  });
});

describe('MovingAverageWait as app_queue keeps it', () => {
  it('starts from the first hold time and weighs each new one by a quarter', () => {
    const m = new MovingAverageWait();
    expect(m.estimate()).toBe(0);
    m.observe(100);
    expect(m.estimate()).toBe(100);
    m.observe(20);
    m.observe(20);
    expect(m.estimate()).toBeCloseTo((3 * 80 + 20) / 4, 6);
  });
});
