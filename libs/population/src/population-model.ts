import { Distribution } from './distribution';

/** Probability by local hour of day: step function, each entry holds from its hour until the next entry's hour. */
export type HourlyProbability = { hour: number; p: number }[];

export interface NonHumanShares {
  noAnswer: number;
  machine: number;
  busy: number;
  invalid: number;
  rejected?: number;
  congestion?: number;
}

export interface PopulationModel {
  /** P(a person answers), optionally by local hour of day (piecewise constant). */
  humanAnswer: number | HourlyProbability;
  /** Shares of the remaining dials (normalised, need not sum to 1). */
  nonHuman: NonHumanShares;
  ringToHuman: Distribution;
  ringToMachine: Distribution;
  busyAfter: Distribution;
  /** Ring time before invalid / rejected / congestion. */
  failAfter: Distribution;
  talk: Distribution;
  wrap: Distribution;
  /** Inbound caller patience. */
  patience: Distribution;
  /** P(AMD verdict is right); default 1. Wrong verdicts split evenly between the other verdict and NOTSURE. */
  amdAccuracy?: number;
  /** How long an answering machine stays on the line (greeting + recording) before it hangs up; default 20-40 s. */
  machineTalk?: Distribution;
  /**
   * How long a person who answered waits in silence for someone to speak before hanging up (an abandoned call).
   * Unset = they wait as long as their talk time. Used by the simulator: a person not bridged to anyone by then
   * hangs up.
   */
  silencePatience?: Distribution;
}

/**
 * The common scenario: a person answers 15 % of dials after ~9 s of ringing; of the other dials 55 % ring out,
 * 25 % reach a machine after ~11 s, 20 % are busy / invalid after ~3 s. Talk time has mean 90 s and overall CV 1.0, with
 * 30 % of answered calls over within 20 s (a lognormal alone cannot give both, hence the mixture: 30 % short calls
 * uniform 2-20 s, 70 % lognormal mean 123.9 s CV 0.71; the parts were solved for overall mean 90 and CV 1).
 */
export function defaultPopulation(): PopulationModel {
  return {
    humanAnswer: 0.15,
    nonHuman: { noAnswer: 0.55, machine: 0.25, busy: 0.15, invalid: 0.05 },
    ringToHuman: { kind: 'lognormal', mean: 9, sd: 5 },
    ringToMachine: { kind: 'lognormal', mean: 11, sd: 3 },
    busyAfter: { kind: 'uniformAround', mean: 3, spread: 0.5 },
    failAfter: { kind: 'uniformAround', mean: 3, spread: 0.5 },
    talk: {
      kind: 'mixture',
      parts: [
        { weight: 0.3, dist: { kind: 'uniform', min: 2, max: 20 } },
        { weight: 0.7, dist: { kind: 'lognormal', mean: 123.86, cv: 0.71 } },
      ],
    },
    wrap: { kind: 'uniformAround', mean: 15, spread: 0.5 },
    patience: { kind: 'exponential', mean: 60 },
    amdAccuracy: 1,
    machineTalk: { kind: 'uniform', min: 20, max: 40 },
  };
}

/** P(person answers) at a local hour; without an hour, the day's average. */
export function humanAnswerProbability(model: PopulationModel, localHour?: number): number {
  const h = model.humanAnswer;
  if (typeof h === 'number') return clamp01(h);
  if (h.length === 0) return 0;
  const sorted = [...h].sort((a, b) => a.hour - b.hour);
  const at = (hour: number): number => {
    let p = sorted[sorted.length - 1].p; // before the first entry: the previous day's last step
    for (const e of sorted) if (e.hour <= hour) p = e.p;
    return clamp01(p);
  };
  if (localHour == null) {
    let sum = 0;
    for (let hour = 0; hour < 24; hour++) sum += at(hour + 0.5);
    return sum / 24;
  }
  return at(((localHour % 24) + 24) % 24);
}

function clamp01(p: number): number {
  return Math.min(1, Math.max(0, p));
}
