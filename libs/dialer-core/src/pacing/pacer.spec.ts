import { describe, expect, it } from '@jest/globals';
import { Rng } from '@app/population';
import { BaselinePacer } from './baseline-pacer';
import { PacingSnapshot, progressiveCount } from './pacer';
import { PredictivePacer } from './predictive-pacer';
import { PreviewPacer, ProgressivePacer } from './progressive-pacer';

const NOW = Date.parse('2026-05-05T14:00:00Z');

/** Builder for snapshots. */
function snap(over: Partial<PacingSnapshot> = {}): PacingSnapshot {
  return {
    now: NOW,
    ready: 0,
    reserved: 0,
    talkingElapsed: [],
    wrapElapsed: [],
    paused: 0,
    dialingElapsed: [],
    waiting: 0,
    ...over,
  };
}

/** A predictive pacer that has seen a realistic history: p = 0.2, ring ~9 s, talk ~120 s, wrap ~10 s. */
function trainedPacer(answered: number, abandoned: number): PredictivePacer {
  const p = new PredictivePacer();
  const rng = new Rng(3);
  for (let i = 0; i < 3000; i++) {
    const human = rng.next() < 0.2;
    p.observe({
      kind: 'dial-resolved',
      at: NOW - 1000,
      seconds: human ? 4 + 10 * rng.next() : 3 + 17 * rng.next(),
      human,
    });
  }
  for (let i = 0; i < 500; i++) {
    p.observe({ kind: 'talk-ended', at: NOW, seconds: -120 * Math.log(1 - rng.next()) });
    p.observe({ kind: 'wrap-ended', at: NOW, seconds: 5 + 10 * rng.next() });
  }
  // As production does at start: the ledger is seeded from the database.
  p.ledger.seed(answered, abandoned, NOW - 60000);
  return p;
}

/** 30 agents: 2 ready, the rest talking for a while; a few dials in flight. */
const busyFloor = (): PacingSnapshot =>
  snap({
    ready: 2,
    talkingElapsed: Array.from({ length: 28 }, (_, i) => 10 + i * 8),
    dialingElapsed: [1, 3],
  });

describe('progressive', () => {
  it('never has more calls out than ready agents', () => {
    const rng = new Rng(11);
    const pacer = new ProgressivePacer();
    for (let i = 0; i < 500; i++) {
      const s = snap({
        ready: rng.nextInt(20),
        waiting: rng.nextInt(3),
        dialingElapsed: Array.from({ length: rng.nextInt(25) }, () => rng.next() * 20),
        talkingElapsed: Array.from({ length: rng.nextInt(20) }, () => rng.next() * 300),
      });
      const n = pacer.decide(s);
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n + s.dialingElapsed.length + s.waiting).toBeLessThanOrEqual(
        Math.max(s.ready, s.dialingElapsed.length + s.waiting),
      );
      if (s.ready > s.dialingElapsed.length + s.waiting) expect(n + s.dialingElapsed.length + s.waiting).toBe(s.ready);
    }
  });
});

describe('preview', () => {
  it('dials only for agents who have had the preview time, never more than progressive', () => {
    const p = new PreviewPacer(10);
    const s = { ...snap({ ready: 3, dialingElapsed: [2] }), readyElapsed: [30, 12, 4] };
    expect(p.decide(s)).toBe(1); // two agents previewed, one of them already has a call out
    expect(p.decide({ ...s, readyElapsed: [3, 2, 1] })).toBe(0);
    expect(p.decide({ ...s, readyElapsed: [30, 30, 30] })).toBe(progressiveCount(s));
  });
});

describe('predictive', () => {
  it('over-dials when the budget is healthy', () => {
    const p = trainedPacer(1000, 10);
    const s = busyFloor();
    expect(p.decide(s)).toBeGreaterThan(progressiveCount(s));
    expect(p.last.reason).toBe('predictive');
  });

  it('holds to progressive when the abandon budget is exhausted', () => {
    const p = trainedPacer(1000, 31); // 3.1 % > 3 %
    const s = busyFloor();
    expect(p.decide(s)).toBe(progressiveCount(s));
    expect(p.last.reason).toBe('over-cap');
  });

  it('spends less when the budget is nearly used up', () => {
    const healthy = trainedPacer(1000, 5).decide(busyFloor());
    const tight = trainedPacer(1000, 29).decide(busyFloor()); // 2.9 %: one abandon left before the cap
    expect(tight).toBeLessThan(healthy);
  });

  it('also honours the rolling window, not only the run', () => {
    const p = new PredictivePacer({ windowSeconds: 3600 });
    for (let i = 0; i < 3000; i++) p.observe({ kind: 'connected', at: NOW - 5 * 3600000 });
    for (let i = 0; i < 100; i++) p.observe({ kind: i < 5 ? 'abandoned' : 'connected', at: NOW - 60000 });
    // 5 / 3100 over the run, but 5 / 100 in the last hour.
    const s = busyFloor();
    expect(p.decide(s)).toBe(progressiveCount(s));
    expect(p.last.reason).toBe('over-cap');
  });

  it('feedback: abandons lower the target, answers while predicting raise it', () => {
    const p = trainedPacer(1000, 10);
    p.decide(busyFloor());
    const start = p.target(NOW);
    p.observe({ kind: 'abandoned', at: NOW });
    const lowered = p.target(NOW);
    expect(lowered).toBeLessThan(start);
    for (let i = 0; i < 100; i++) p.observe({ kind: 'connected', at: NOW });
    expect(p.target(NOW)).toBeGreaterThan(lowered);
  });

  it('falls back to progressive with few agents or few observations', () => {
    const few = trainedPacer(1000, 0);
    const s = snap({ ready: 1, talkingElapsed: [30], dialingElapsed: [] });
    expect(few.decide(s)).toBe(1);
    expect(few.last.reason).toBe('few-agents');
    const fresh = new PredictivePacer();
    expect(fresh.decide(busyFloor())).toBe(progressiveCount(busyFloor()));
    expect(fresh.last.reason).toBe('warm-up');
  });

  it('places nothing extra while answers already outnumber free agents', () => {
    const p = trainedPacer(1000, 10);
    const s = snap({ ready: 0, talkingElapsed: Array.from({ length: 10 }, () => 5), waiting: 3 });
    expect(p.decide(s)).toBe(0);
  });
});

describe('baseline (VICIdial kind)', () => {
  it('raises the dial level when agents sit idle and drops are under target', () => {
    const b = new BaselinePacer();
    const s = snap({ ready: 5, talkingElapsed: [10, 20, 30, 40, 50] });
    b.decide(s);
    b.decide({ ...s, now: NOW + 15000 });
    expect(b.level).toBeGreaterThan(1);
  });

  it('lowers the dial level when the day’s drop rate reaches the target, never below the minimum', () => {
    const b = new BaselinePacer({ minLevel: 1 });
    b.level = 2;
    for (let i = 0; i < 100; i++) b.observe({ kind: i < 5 ? 'abandoned' : 'connected', at: NOW });
    b.adjust(NOW);
    expect(b.level).toBeLessThan(2);
    for (let i = 0; i < 20; i++) b.adjust(NOW);
    expect(b.level).toBe(1);
  });

  it('places level × agents minus live calls', () => {
    const b = new BaselinePacer();
    b.level = 2;
    const s = snap({ ready: 2, talkingElapsed: [5, 5], dialingElapsed: [1] });
    // 2 × 4 active agents - (1 dialing + 2 talking) = 5
    expect(b.decide(s)).toBe(5);
    const a = new BaselinePacer({ availableOnly: true });
    a.level = 3;
    expect(a.decide(s)).toBe(5); // 3 × 2 ready - 1 dialing
  });
});
