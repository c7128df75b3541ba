import { defaultPopulation, Distribution, HourlyProbability, PopulationModel } from '@app/population';

/**
 * Talk time as the scenarios describe it: overall mean and coefficient of variation, with a share of calls over
 * within a few seconds. @app/population has no such kind, so this adapter solves the mixture (short calls uniform,
 * the rest lognormal) for the overall mean and CV — the same construction as its defaultPopulation().
 */
export interface ShortCallsTalk {
  kind: 'lognormalWithShortCalls';
  mean: number;
  cv: number;
  shortShare: number;
  shortMin: number;
  shortMax: number;
}

export type ScenarioDistribution = Distribution | ShortCallsTalk;

export interface Scenario {
  name: string;
  agents: number;
  hours: number;
  /** ISO instant the day starts (agents log in). */
  start: string;
  listSize: number;
  seed: number;
  ringTimeoutSeconds: number;
  bridgeSeconds: number;
  /** Zones of the contacts, assigned round-robin. */
  timeZones: string[];
  /** Preview time per call for the preview mode. */
  previewSeconds: number;
  population: {
    humanAnswer: number | HourlyProbability;
    nonHuman?: PopulationModel['nonHuman'];
    ringToHuman?: ScenarioDistribution;
    ringToMachine?: ScenarioDistribution;
    busyAfter?: ScenarioDistribution;
    failAfter?: ScenarioDistribution;
    talk: ScenarioDistribution;
    wrap: ScenarioDistribution;
  };
}

export function resolveDistribution(d: ScenarioDistribution): Distribution {
  if (d.kind !== 'lognormalWithShortCalls') return d;
  const s = d.shortShare;
  const uMean = (d.shortMin + d.shortMax) / 2;
  const uSq = (d.shortMax ** 3 - d.shortMin ** 3) / (3 * (d.shortMax - d.shortMin));
  const longMean = (d.mean - s * uMean) / (1 - s);
  const longSq = ((1 + d.cv * d.cv) * d.mean * d.mean - s * uSq) / (1 - s);
  const longCv = Math.sqrt(Math.max(0, longSq - longMean * longMean)) / longMean;
  return {
    kind: 'mixture',
    parts: [
      { weight: s, dist: { kind: 'uniform', min: d.shortMin, max: d.shortMax } },
      { weight: 1 - s, dist: { kind: 'lognormal', mean: longMean, cv: longCv } },
    ],
  };
}

export function populationOf(sc: Scenario): PopulationModel {
  const base = defaultPopulation();
  const p = sc.population;
  const opt = (d: ScenarioDistribution | undefined, fallback: Distribution): Distribution =>
    d ? resolveDistribution(d) : fallback;
  return {
    ...base,
    humanAnswer: p.humanAnswer,
    nonHuman: p.nonHuman ?? base.nonHuman,
    ringToHuman: opt(p.ringToHuman, base.ringToHuman),
    ringToMachine: opt(p.ringToMachine, base.ringToMachine),
    busyAfter: opt(p.busyAfter, base.busyAfter),
    failAfter: opt(p.failAfter, base.failAfter),
    talk: resolveDistribution(p.talk),
    wrap: resolveDistribution(p.wrap),
  };
}

export function parseScenario(json: string, fallbackName: string): Scenario {
  const raw = JSON.parse(json) as Partial<Scenario>;
  if (!raw.population || raw.agents == null) throw new Error(`${fallbackName}: needs "agents" and "population"`);
  return {
    name: raw.name ?? fallbackName,
    agents: raw.agents,
    hours: raw.hours ?? 8,
    start: raw.start ?? '2026-03-10T13:00:00Z',
    listSize: raw.listSize ?? 1_000_000,
    seed: raw.seed ?? 1,
    ringTimeoutSeconds: raw.ringTimeoutSeconds ?? 20,
    bridgeSeconds: raw.bridgeSeconds ?? 0.3,
    timeZones: raw.timeZones ?? ['America/New_York'],
    previewSeconds: raw.previewSeconds ?? 10,
    population: raw.population,
  };
}
