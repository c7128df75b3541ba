import { describe, expect, it } from '@jest/globals';
import { Rng } from '@app/population';
import { AbandonLedger } from './abandon-ledger';
import { DriftingRate, DurationEstimate } from './duration-estimate';

describe('DurationEstimate', () => {
  it('starts at its prior and moves to the data', () => {
    const d = new DurationEstimate({ priorMean: 100, priorWeight: 10, step: 1, max: 1000 });
    expect(d.cdf(100)).toBeCloseTo(1 - Math.exp(-1), 3);
    const rng = new Rng(5);
    for (let i = 0; i < 2000; i++) d.add(20 + 20 * rng.next()); // uniform 20-40
    expect(d.cdf(19)).toBeLessThan(0.01);
    expect(d.cdf(30)).toBeGreaterThan(0.45);
    expect(d.cdf(30)).toBeLessThan(0.55);
    expect(d.cdf(41)).toBeGreaterThan(0.99);
    expect(d.mean()).toBeGreaterThan(29);
    expect(d.mean()).toBeLessThan(32);
    expect(d.quantile(0.5)).toBeGreaterThanOrEqual(29);
    expect(d.quantile(0.5)).toBeLessThanOrEqual(31);
  });

  it('forgets observations outside its window', () => {
    const d = new DurationEstimate({ priorMean: 10, priorWeight: 1, window: 100, step: 1, max: 500 });
    for (let i = 0; i < 100; i++) d.add(200);
    for (let i = 0; i < 100; i++) d.add(5);
    expect(d.cdf(10)).toBeGreaterThan(0.95);
  });
});

describe('DriftingRate', () => {
  it('follows a rate that changes through the day', () => {
    const r = new DriftingRate(0.5, 10, 600);
    const rng = new Rng(9);
    let t = 0;
    for (let i = 0; i < 3000; i++) r.add((t += 1000), rng.next() < 0.3);
    expect(r.value()).toBeGreaterThan(0.25);
    expect(r.value()).toBeLessThan(0.35);
    for (let i = 0; i < 3000; i++) r.add((t += 1000), rng.next() < 0.1);
    expect(r.value()).toBeLessThan(0.14);
  });
});

describe('AbandonLedger', () => {
  it('keeps the run total and a rolling window', () => {
    const l = new AbandonLedger(3600);
    const t0 = Date.parse('2026-05-05T09:00:00Z');
    for (let i = 0; i < 100; i++) l.record(t0, i < 10);
    expect(l.window(t0 + 30 * 60000)).toEqual({ answered: 100, abandoned: 10 });
    for (let i = 0; i < 100; i++) l.record(t0 + 2 * 3600000, false);
    expect(l.runRate()).toBeCloseTo(10 / 200);
    expect(l.window(t0 + 2 * 3600000)).toEqual({ answered: 100, abandoned: 0 });
  });
});
