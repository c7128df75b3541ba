/** What the engine knows at decision time. Only the past and present: elapsed times, never drawn durations. */
export interface PacingSnapshot {
  /** Epoch milliseconds. */
  now: number;
  /** Agents ready and not reserved for a call. */
  ready: number;
  /** Agents reserved for an answered call whose bridge is being set up (talk is about to start). */
  reserved: number;
  /** Elapsed talk seconds of each agent on a call. */
  talkingElapsed: readonly number[];
  /** Elapsed wrap-up seconds of each agent in wrap-up. */
  wrapElapsed: readonly number[];
  /** Agents paused (not available, not counted as staffed for pacing). */
  paused: number;
  /** Seconds since origination of each dial not yet answered or failed. */
  dialingElapsed: readonly number[];
  /** Calls answered by a person that wait for an agent (they will be abandoned 2 s after the answer). */
  waiting: number;
}

export type PacingObservation =
  /** A dial resolved: a person answered after `seconds`, or it ended another way (machine, busy, no answer, failure). */
  | { kind: 'dial-resolved'; at: number; seconds: number; human: boolean }
  | { kind: 'talk-ended'; at: number; seconds: number }
  | { kind: 'wrap-ended'; at: number; seconds: number }
  /** A person-answered call got an agent in time. */
  | { kind: 'connected'; at: number }
  /** A person-answered call got no agent within the abandon limit. */
  | { kind: 'abandoned'; at: number };

export type PacingMode = 'preview' | 'progressive' | 'predictive' | 'baseline';

export interface Pacer {
  readonly mode: PacingMode;
  /** How many NEW calls to place now (never negative). */
  decide(s: PacingSnapshot): number;
  observe(o: PacingObservation): void;
}

export function staffed(s: PacingSnapshot): number {
  return s.ready + s.reserved + s.talkingElapsed.length + s.wrapElapsed.length;
}

/** Progressive: every call in flight (or waiting) has a ready agent of its own, so no call can be abandoned. */
export function progressiveCount(s: PacingSnapshot): number {
  return Math.max(0, s.ready - s.dialingElapsed.length - s.waiting);
}
