import { describe, expect, it } from '@jest/globals';
import {
  decideFate,
  defaultPopulation,
  Distribution,
  fateForNumber,
  humanAnswerProbability,
  meanOf,
  PopulationModel,
  Rng,
  sample,
} from './index';

function sampleMean(dist: Distribution, n: number, seed = 7): number {
  const rng = new Rng(seed);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sample(dist, rng);
  return sum / n;
}

describe('Rng', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('forks independent streams that do not depend on the parent position', () => {
    const a = new Rng(1);
    const f1 = a.fork('talk').next();
    a.next();
    a.next();
    expect(a.fork('talk').next()).toBe(f1);
    expect(a.fork('ring').next()).not.toBe(f1);
  });
});

describe('distributions', () => {
  const cases: Distribution[] = [
    { kind: 'fixed', value: 4 },
    { kind: 'exponential', mean: 10 },
    { kind: 'lognormal', mean: 9, sd: 5 },
    { kind: 'lognormal', mean: 90, cv: 1 },
    { kind: 'uniform', min: 2, max: 6 },
    { kind: 'uniformAround', mean: 15, spread: 0.5 },
    defaultPopulation().talk,
  ];
  it.each(cases)('sample mean matches meanOf for %j', (dist) => {
    const m = sampleMean(dist, 100_000);
    expect(Math.abs(m - meanOf(dist)) / meanOf(dist)).toBeLessThan(0.03);
  });

  it('uniformAround stays within ±spread', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 10_000; i++) {
      const x = sample({ kind: 'uniformAround', mean: 15, spread: 0.5 }, rng);
      expect(x).toBeGreaterThanOrEqual(7.5);
      expect(x).toBeLessThanOrEqual(22.5);
    }
  });

  it('default talk time: mean 90 s and about 30% of answered calls end within 20 s', () => {
    const talk = defaultPopulation().talk;
    const rng = new Rng(11);
    const n = 100_000;
    let within20 = 0;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const x = sample(talk, rng);
      if (x <= 20) within20++;
      sum += x;
      sumSq += x * x;
    }
    const mean = sum / n;
    const cv = Math.sqrt(sumSq / n - mean * mean) / mean;
    expect(within20 / n).toBeGreaterThan(0.28);
    expect(within20 / n).toBeLessThan(0.34);
    expect(Math.abs(mean - 90)).toBeLessThan(3);
    expect(cv).toBeGreaterThan(0.9);
    expect(cv).toBeLessThan(1.1);
  });
});

describe('fates', () => {
  it('are deterministic per (seed, number, attempt) regardless of call order', () => {
    const model = defaultPopulation();
    const numbers = Array.from({ length: 50 }, (_, i) => `+3361234${String(i).padStart(4, '0')}`);
    const forward = numbers.map((n) => fateForNumber(model, 5, n, 1));
    const backward = [...numbers].reverse().map((n) => fateForNumber(model, 5, n, 1));
    expect(backward.reverse()).toEqual(forward);
    const otherAttempt = numbers.map((n) => fateForNumber(model, 5, n, 2));
    expect(otherAttempt).not.toEqual(forward);
    const otherSeed = numbers.map((n) => fateForNumber(model, 6, n, 1));
    expect(otherSeed).not.toEqual(forward);
  });

  it('decideFate follows the default shares', () => {
    const model = defaultPopulation();
    const rng = new Rng(99);
    const counts: Record<string, number> = {};
    const n = 100_000;
    let humanRing = 0;
    for (let i = 0; i < n; i++) {
      const f = decideFate(model, rng);
      counts[f.kind] = (counts[f.kind] ?? 0) + 1;
      if (f.kind === 'human') {
        humanRing += f.ringSeconds;
        if (!(f.talkSeconds! >= 0) || f.amdVerdict !== 'HUMAN') throw new Error(`bad human fate ${JSON.stringify(f)}`);
      }
      if (f.kind === 'noanswer' && f.ringSeconds !== Number.POSITIVE_INFINITY) throw new Error('noanswer must ring on');
    }
    expect(counts.human / n).toBeCloseTo(0.15, 2);
    expect(counts.noanswer / n).toBeCloseTo(0.85 * 0.55, 2);
    expect(counts.machine / n).toBeCloseTo(0.85 * 0.25, 2);
    expect((counts.busy + counts.invalid) / n).toBeCloseTo(0.85 * 0.2, 2);
    expect(humanRing / counts.human).toBeGreaterThan(8.6);
    expect(humanRing / counts.human).toBeLessThan(9.4);
  });

  it('varies P(human) by local hour', () => {
    const model: PopulationModel = {
      ...defaultPopulation(),
      humanAnswer: [
        { hour: 9, p: 0.1 },
        { hour: 18, p: 0.4 },
        { hour: 21, p: 0.05 },
      ],
    };
    expect(humanAnswerProbability(model, 10)).toBe(0.1);
    expect(humanAnswerProbability(model, 19)).toBe(0.4);
    expect(humanAnswerProbability(model, 3)).toBe(0.05);
    const share = (hour: number): number => {
      const rng = new Rng(hour);
      let h = 0;
      for (let i = 0; i < 20_000; i++) if (decideFate(model, rng, { localHour: hour }).kind === 'human') h++;
      return h / 20_000;
    };
    expect(share(10)).toBeCloseTo(0.1, 1);
    expect(share(19)).toBeCloseTo(0.4, 1);
  });

  it('silencePatience adds silenceSeconds to humans without changing the other draws', () => {
    const base = defaultPopulation();
    const withSilence: PopulationModel = { ...base, silencePatience: { kind: 'fixed', value: 6 } };
    for (let i = 0; i < 200; i++) {
      const a = fateForNumber(base, 1, `n${i}`, 1);
      const b = fateForNumber(withSilence, 1, `n${i}`, 1);
      expect({ ...b, silenceSeconds: undefined }).toEqual({ ...a, silenceSeconds: undefined });
      expect(b.silenceSeconds).toBe(a.kind === 'human' ? 6 : undefined);
    }
  });

  it('AMD accuracy below 1 produces wrong verdicts at the expected rate', () => {
    const model: PopulationModel = { ...defaultPopulation(), humanAnswer: 1, amdAccuracy: 0.8 };
    const rng = new Rng(5);
    let right = 0;
    for (let i = 0; i < 20_000; i++) if (decideFate(model, rng).amdVerdict === 'HUMAN') right++;
    expect(right / 20_000).toBeCloseTo(0.8, 1);
  });
});
