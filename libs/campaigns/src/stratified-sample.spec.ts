import { describe, expect, it } from '@jest/globals';
import { stratifiedSample, type SampleCandidate } from './stratified-sample';

const population = (spec: [string, string | null, number][]): SampleCandidate[] => {
  const out: SampleCandidate[] = [];
  let id = 1;
  for (const [timeZone, segment, count] of spec)
    for (let i = 0; i < count; i++) out.push({ id: String(id++), timeZone, segment });
  return out;
};

describe('stratified pilot sample', () => {
  const pop = population([
    ['Europe/London', 'retail', 50],
    ['Europe/London', 'business', 30],
    ['Europe/Dublin', 'retail', 15],
    ['America/New_York', null, 5],
  ]);

  it('allocates proportionally with the largest remainder', () => {
    const s = stratifiedSample(pop, 10, 42);
    expect(s.ids).toHaveLength(10);
    const quota = Object.fromEntries(s.strata.map((x) => [`${x.timeZone}/${x.segment}`, x.sampled]));
    // exact shares: 5, 3, 1.5, 0.5 -> floors 5, 3, 1, 0 and one left: the tie between 0.5 and 0.5 goes to the larger
    expect(quota).toEqual({
      'Europe/London/retail': 5,
      'Europe/London/business': 3,
      'Europe/Dublin/retail': 2,
      'America/New_York/null': 0,
    });
    const byId = new Map(pop.map((c) => [c.id, c]));
    expect(s.ids.filter((id) => byId.get(id)!.timeZone === 'Europe/Dublin')).toHaveLength(2);
  });

  it('is deterministic for a seed and independent of input order; another seed picks others', () => {
    const a = stratifiedSample(pop, 20, 7);
    const b = stratifiedSample([...pop].reverse(), 20, 7);
    expect(a.ids).toEqual(b.ids);
    const c = stratifiedSample(pop, 20, 8);
    expect(c.ids).not.toEqual(a.ids);
    expect(c.strata).toEqual(a.strata);
    expect(new Set(a.ids).size).toBe(20);
  });

  it('takes everyone when the pilot is larger than the list, nobody from an empty list', () => {
    expect(stratifiedSample(pop, 500, 1).ids).toHaveLength(100);
    expect(stratifiedSample([], 10, 1)).toEqual({ ids: [], seed: 1, strata: [] });
  });

  it('sums quotas to the sample size for awkward proportions', () => {
    const odd = population([
      ['A/a', 'x', 7],
      ['B/b', 'y', 7],
      ['C/c', 'z', 7],
    ]);
    const s = stratifiedSample(odd, 10, 3);
    expect(s.strata.map((x) => x.sampled).sort()).toEqual([3, 3, 4]);
    expect(s.ids).toHaveLength(10);
  });
});
