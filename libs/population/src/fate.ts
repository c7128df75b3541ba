import { meanOf, sample } from './distribution';
import { humanAnswerProbability, PopulationModel } from './population-model';
import { hashString, Rng } from './rng';

export type FateKind = 'human' | 'machine' | 'busy' | 'noanswer' | 'invalid' | 'rejected' | 'congestion';
export type AmdVerdict = 'HUMAN' | 'MACHINE' | 'NOTSURE';

export interface Fate {
  kind: FateKind;
  /** Seconds of ringing before the outcome; `Infinity` for `noanswer` (it rings until the caller gives up). */
  ringSeconds: number;
  /** For human / machine: seconds after the answer at which the far end hangs up. */
  talkSeconds?: number;
  /** For human / machine: what AMD says. */
  amdVerdict?: AmdVerdict;
  /** For human, when the model has `silencePatience`: seconds after the answer they hang up if nobody speaks. */
  silenceSeconds?: number;
}

export interface FateOptions {
  localHour?: number;
}

/** Draws one dial's fate. Uses a fixed number of draws per branch so results stay stable for a seed. */
export function decideFate(model: PopulationModel, rng: Rng, opts: FateOptions = {}): Fate {
  const pHuman = humanAnswerProbability(model, opts.localHour);
  if (rng.next() < pHuman) {
    const fate: Fate = {
      kind: 'human',
      ringSeconds: sample(model.ringToHuman, rng),
      talkSeconds: sample(model.talk, rng),
      amdVerdict: amdVerdict('HUMAN', model, rng),
    };
    // drawn last so that adding silencePatience to a model leaves every other draw unchanged
    if (model.silencePatience) fate.silenceSeconds = sample(model.silencePatience, rng);
    return fate;
  }
  const nh = model.nonHuman;
  const shares: [FateKind, number][] = [
    ['noanswer', nh.noAnswer],
    ['machine', nh.machine],
    ['busy', nh.busy],
    ['invalid', nh.invalid],
    ['rejected', nh.rejected ?? 0],
    ['congestion', nh.congestion ?? 0],
  ];
  const total = shares.reduce((s, [, w]) => s + Math.max(0, w), 0);
  let kind: FateKind = 'noanswer';
  if (total > 0) {
    let u = rng.next() * total;
    for (const [k, w] of shares) {
      u -= Math.max(0, w);
      if (u < 0) {
        kind = k;
        break;
      }
    }
  }
  switch (kind) {
    case 'noanswer':
      return { kind, ringSeconds: Number.POSITIVE_INFINITY };
    case 'machine':
      return {
        kind,
        ringSeconds: sample(model.ringToMachine, rng),
        talkSeconds: sample(model.machineTalk ?? { kind: 'uniform', min: 20, max: 40 }, rng),
        amdVerdict: amdVerdict('MACHINE', model, rng),
      };
    case 'busy':
      return { kind, ringSeconds: sample(model.busyAfter, rng) };
    case 'human':
    case 'invalid':
    case 'rejected':
    case 'congestion':
      return { kind, ringSeconds: sample(model.failAfter, rng) };
  }
}

function amdVerdict(truth: 'HUMAN' | 'MACHINE', model: PopulationModel, rng: Rng): AmdVerdict {
  const accuracy = model.amdAccuracy ?? 1;
  const u = rng.next();
  if (u < accuracy) return truth;
  if (u < accuracy + (1 - accuracy) / 2) return 'NOTSURE';
  return truth === 'HUMAN' ? 'MACHINE' : 'HUMAN';
}

/** An Rng for one number's attempt, independent of the order in which calls are placed. */
export function rngForNumber(seed: number, number: string, attempt: number): Rng {
  return new Rng(hashString(`${number}#${attempt}`, Math.floor(seed) >>> 0));
}

/** The fate of `number` on `attempt` (1-based or 0-based, your choice, but be consistent) for a given seed. */
export function fateForNumber(
  model: PopulationModel,
  seed: number,
  number: string,
  attempt: number,
  localHour?: number,
): Fate {
  return decideFate(model, rngForNumber(seed, number, attempt), { localHour });
}

/** Expected share of dials answered by a person (useful for pacing baselines). */
export function expectedHumanShare(model: PopulationModel, localHour?: number): number {
  return humanAnswerProbability(model, localHour);
}

/** Mean talk seconds of the model (convenience for benchmarks). */
export function meanTalkSeconds(model: PopulationModel): number {
  return meanOf(model.talk);
}
