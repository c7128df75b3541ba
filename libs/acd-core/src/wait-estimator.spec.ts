import { describe, expect, it } from '@jest/globals';
import {
  AbandonmentRate,
  estimateWaitSeconds,
  EwtAgent,
  exponentialHandleTimes,
  HandleTimeStats,
  MovingAverageWait,
} from './wait-estimator';

const expo = exponentialHandleTimes;
const busy = (n: number, elapsed = 0): EwtAgent[] =>
  Array.from({ length: n }, () => ({ idle: false, busyElapsedSeconds: elapsed }));

/** Median of a gamma(shape p, rate) by bisection on P(p, x) = 1 − e^(−x) Σ_{k<p} x^k ÷ k!. */
function gammaMedian(p: number, rate: number): number {
  const cdf = (x: number): number => {
    let term = 1;
    let sum = 1;
    for (let k = 1; k < p; k++) {
      term *= x / k;
      sum += term;
    }
    return 1 - Math.exp(-x) * sum;
  };
  let lo = 0;
  let hi = 10 * p + 10;
  for (let it = 0; it < 200; it++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < 0.5) lo = mid;
    else hi = mid;
  }
  return lo / rate;
}

/** Handle-time statistics learned from the given samples. */
function learned(samples: number[]): HandleTimeStats {
  const s = new HandleTimeStats(samples.length, 180, 10);
  for (const x of samples) s.add(x);
  return s;
}

describe('estimateWaitSeconds', () => {
  it('is zero when an idle agent is there for the caller', () => {
    expect(
      estimateWaitSeconds({ position: 1, agents: [{ idle: true, busyElapsedSeconds: 0 }], handle: expo(100) }),
    ).toBe(0);
  });

  it("near-constant handle times: the caller is served at the p-th agent's finish, almost to the second", () => {
    // Every call lasts 240 s (± 1 s); ten agents 0, 20, …, 180 s into their calls finish at 240 − elapsed.
    const s = learned(Array.from({ length: 500 }, (_, k) => 239 + (k % 3)));
    const agents = Array.from({ length: 10 }, (_, k) => ({ idle: false, busyElapsedSeconds: 20 * k }));
    // Finishes come at 60, 80, …, 240 s: the 1st caller is served at 60 s, the 4th at 120 s.
    expect(estimateWaitSeconds({ position: 1, agents, handle: s })).toBeCloseTo(60, -0.5);
    expect(estimateWaitSeconds({ position: 4, agents, handle: s })).toBeCloseTo(120, -0.5);
    // The 11th waits for the first agent's second call: 60 + 240.
    expect(Math.abs(estimateWaitSeconds({ position: 11, agents, handle: s }) - 300)).toBeLessThan(3);
  });

  it('exponential handle times: the median of a gamma(p, n ÷ mean) wait, the mean p × mean ÷ n', () => {
    for (const p of [1, 5, 20]) {
      const median = estimateWaitSeconds({ position: p, agents: busy(10, 50), handle: expo(200), samples: 2001 });
      expect(Math.abs(median / gammaMedian(p, 10 / 200) - 1)).toBeLessThan(0.06);
      const mean = estimateWaitSeconds({
        position: p,
        agents: busy(10, 50),
        handle: expo(200),
        samples: 2001,
        statistic: 'mean',
      });
      expect(Math.abs(mean / ((p * 200) / 10) - 1)).toBeLessThan(0.06);
    }
  });

  it('learned exponential handle times give the gamma median too, whatever the elapsed times', () => {
    // 2,000 handle times at the quantiles of an exponential of mean 240 s.
    const s = learned(Array.from({ length: 2000 }, (_, k) => -240 * Math.log(1 - (k + 0.5) / 2000)));
    const agents = Array.from({ length: 30 }, (_, k) => ({ idle: false, busyElapsedSeconds: 10 * k }));
    const got = estimateWaitSeconds({ position: 8, agents, handle: s, samples: 2001 });
    expect(Math.abs(got / gammaMedian(8, 30 / 240) - 1)).toBeLessThan(0.06);
  });

  it('is deterministic: the same state gives the same estimate, another seed a close one', () => {
    const s = learned(Array.from({ length: 300 }, (_, k) => 30 + ((k * 37) % 400)));
    const agents = Array.from({ length: 12 }, (_, k) => ({ idle: false, busyElapsedSeconds: 13 * k }));
    const a = estimateWaitSeconds({ position: 6, agents, handle: s });
    expect(estimateWaitSeconds({ position: 6, agents, handle: s })).toBe(a);
    const b = estimateWaitSeconds({ position: 6, agents, handle: s, seed: 42 });
    expect(Math.abs(b - a)).toBeLessThan(0.15 * a);
  });

  it("uses each agent's remaining time: agents near the end of near-constant calls free sooner", () => {
    const s = learned(Array.from({ length: 200 }, (_, k) => 195 + (k % 11)));
    const early = estimateWaitSeconds({ position: 1, agents: busy(1, 10), handle: s });
    const late = estimateWaitSeconds({ position: 1, agents: busy(1, 190), handle: s });
    expect(Math.abs(early - 190)).toBeLessThan(6);
    expect(Math.abs(late - 10)).toBeLessThan(6);
  });

  it('shortens with abandonment of callers ahead, the more the higher the rate', () => {
    const none = estimateWaitSeconds({ position: 4, agents: busy(1), handle: expo(100) });
    const some = estimateWaitSeconds({
      position: 4,
      agents: busy(1),
      handle: expo(100),
      abandonRatePerSecond: 1 / 600,
    });
    const many = estimateWaitSeconds({ position: 4, agents: busy(1), handle: expo(100), abandonRatePerSecond: 1 / 60 });
    expect(some).toBeLessThan(none);
    expect(many).toBeLessThan(some);
    // The first in line has nobody ahead to give up.
    expect(estimateWaitSeconds({ position: 1, agents: busy(3), handle: expo(90), abandonRatePerSecond: 1 / 10 })).toBe(
      estimateWaitSeconds({ position: 1, agents: busy(3), handle: expo(90) }),
    );
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

  it('draws new calls from the samples and remaining times from the samples longer than the elapsed time', () => {
    const s = learned(Array.from({ length: 100 }, (_, k) => 2 * (k + 1))); // 2, 4, …, 200
    expect(s.quantile(0)).toBe(2);
    expect(s.quantile(0.999)).toBe(200);
    const after150 = s.residual(150); // samples 152 … 200 (25 of them)
    expect(after150(0)).toBe(2);
    expect(after150(0.999)).toBe(50);
    // Past (almost) every sample: a short exponential remaining time of the tail's mean excess, never negative.
    const past = s.residual(199);
    expect(past(0.5)).toBeGreaterThan(0);
    expect(past(0.5)).toBeLessThan(20);
  });

  it('assumes exponential handle times of the prior mean until it has enough samples', () => {
    const s = new HandleTimeStats(100, 180, 10);
    for (let i = 0; i < 5; i++) s.add(30);
    expect(s.mean()).toBe(180);
    expect(s.quantile(0.5)).toBeCloseTo(180 * Math.LN2, 6);
    expect(s.residual(500)(0.5)).toBeCloseTo(180 * Math.LN2, 6);
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
  it('priority callers arriving ahead slow the line: p ÷ (n μ − vip rate) for exponential times', () => {
    const agents = busy(10);
    const mean = (vip: number): number =>
      estimateWaitSeconds({
        position: 4,
        agents,
        handle: expo(200),
        statistic: 'mean',
        samples: 4001,
        priorityArrivalsPerSecond: vip,
      });
    expect(Math.abs(mean(0) / 80 - 1)).toBeLessThan(0.05);
    expect(Math.abs(mean(0.01) / (4 / (10 / 200 - 0.01)) - 1)).toBeLessThan(0.06);
    expect(estimateWaitSeconds({ position: 4, agents, handle: expo(200), priorityArrivalsPerSecond: 10 / 200 })).toBe(
      Infinity,
    );
  });

  it("counts agents shared with other queues by their share of this queue's work", () => {
    const whole = estimateWaitSeconds({ position: 3, agents: busy(4), handle: expo(120), samples: 2001 });
    const half = estimateWaitSeconds({
      position: 3,
      agents: busy(4).map((a) => ({ ...a, share: 0.5 })),
      handle: expo(120),
      samples: 2001,
    });
    // Half the finishes serve this queue: the wait is that of the 3rd of 8 finishes' worth (gamma(3) at rate 2/120).
    expect(Math.abs(half / gammaMedian(3, 2 / 120) - 1)).toBeLessThan(0.06);
    expect(half).toBeGreaterThan(1.7 * whole);
    // Half-idle agents: one of the two takes the first caller at once three times in four.
    const idleHalves = [
      { idle: true, busyElapsedSeconds: 0, share: 0.5 },
      { idle: true, busyElapsedSeconds: 0, share: 0.5 },
    ];
    expect(estimateWaitSeconds({ position: 1, agents: [...idleHalves, ...busy(2)], handle: expo(120) })).toBe(0);
  });

  it('is infinite with nobody to serve the queue', () => {
    expect(estimateWaitSeconds({ position: 1, agents: [], handle: expo(100) })).toBe(Infinity);
    expect(
      estimateWaitSeconds({ position: 1, agents: busy(2).map((a) => ({ ...a, share: 0 })), handle: expo(100) }),
    ).toBe(Infinity);
  });

  it('with learned long-tailed handle times, an agent deep into a call frees later than a fresh one', () => {
    // Two kinds of calls: most end at 60 s, one in five runs to 600 s (mean 168 s).
    const s = learned(Array.from({ length: 1000 }, (_, k) => (k % 5 === 0 ? 600 : 60)));
    const fresh = estimateWaitSeconds({ position: 1, agents: busy(1, 10), handle: s, statistic: 'mean' });
    const deep = estimateWaitSeconds({ position: 1, agents: busy(1, 100), handle: s, statistic: 'mean' });
    expect(s.meanResidual(100)).toBeCloseTo(500, 6);
    // 10 s in: 50 s left four times in five, 590 s once in five (158 s on average).
    expect(Math.abs(fresh / 158 - 1)).toBeLessThan(0.15);
    expect(deep).toBe(500);
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

describe('AbandonmentRate', () => {
  it('learns give-ups per second waited, held back by the prior at first', () => {
    const r = new AbandonmentRate(1e9, 600);
    expect(r.rate()).toBe(0);
    r.abandoned(5);
    // One give-up after 5 s is not yet a rate of one per 5 s.
    expect(r.rate()).toBeCloseTo(1 / 605, 9);
    for (let k = 0; k < 2000; k++) {
      if (k % 4 === 0) r.abandoned(60);
      else r.served(60);
    }
    // 501 give-ups in 120,005 s waited (+ 600 s prior).
    expect(r.rate()).toBeCloseTo(501 / 120_605, 6);
  });

  it('forgets old observations over its window', () => {
    const r = new AbandonmentRate(100, 0);
    for (let k = 0; k < 1000; k++) r.abandoned(10);
    for (let k = 0; k < 1000; k++) r.served(10);
    expect(r.rate()).toBeLessThan(0.001);
  });
});
