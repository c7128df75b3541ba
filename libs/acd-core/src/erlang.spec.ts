import { describe, expect, it } from '@jest/globals';
import { agentsForServiceLevel, erlangAMetrics, erlangB, erlangC, erlangCMetrics } from './erlang';

describe('Erlang formulas', () => {
  it('Erlang B and C match textbook values', () => {
    // 10 servers, 5 Erlangs: B = 0.01838, C = 0.03610
    expect(erlangB(10, 5)).toBeCloseTo(0.01838, 4);
    expect(erlangC(10, 5)).toBeCloseTo(0.0361, 4);
    expect(erlangC(5, 5)).toBe(1);
  });

  it("the issue's Erlang C case: 600 calls/h, 240 s, 46 agents", () => {
    const r = erlangCMetrics({ lambda: 600 / 3600, handleSeconds: 240, agents: 46, targetSeconds: 20 });
    expect(r.serviceLevel).toBeCloseTo(0.84, 2);
    expect(r.asaSeconds).toBeGreaterThan(10.1);
    expect(r.asaSeconds).toBeLessThan(11.1);
    expect(r.occupancy).toBeCloseTo(0.87, 2);
  });

  it('Erlang A with mean patience 120 s abandons about 2.1 %', () => {
    const r = erlangAMetrics({
      lambda: 600 / 3600,
      handleSeconds: 240,
      agents: 46,
      targetSeconds: 20,
      patienceSeconds: 120,
    });
    expect(r.abandonRate).toBeGreaterThan(0.018);
    expect(r.abandonRate).toBeLessThan(0.024);
    expect(r.serviceLevel).toBeGreaterThan(0.84);
    expect(r.occupancy).toBeLessThan(0.87);
  });

  it('Erlang A tends to Erlang C as patience grows', () => {
    const base = { lambda: 600 / 3600, handleSeconds: 240, agents: 46, targetSeconds: 20 };
    const a = erlangAMetrics({ ...base, patienceSeconds: 1e7 });
    const c = erlangCMetrics(base);
    expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 3);
    expect(a.probWait).toBeCloseTo(c.probWait, 3);
    expect(a.abandonRate).toBeLessThan(1e-4);
  });

  it('sizes a queue for 80/20', () => {
    const n = agentsForServiceLevel(300 / 3600, 240, 20, 0.8);
    expect(n).toBeGreaterThanOrEqual(22);
    expect(n).toBeLessThanOrEqual(25);
  });
});
