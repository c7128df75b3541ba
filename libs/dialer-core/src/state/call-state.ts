import { DialerCoreErrorCode, IllegalTransitionError, ok, Transition } from './transition';

export type CallPhase =
  | 'queued'
  | 'originating'
  | 'ringing'
  | 'answered'
  | 'amd-pending'
  | 'bridged'
  | 'abandoned'
  | 'machine-handled'
  | 'ended';

export type AmdResult = 'human' | 'machine' | 'unknown';

/** Final outcome of one dial, as stored on the attempt. */
export type AttemptOutcome =
  'answered-human' | 'machine' | 'busy' | 'no-answer' | 'congestion' | 'failed' | 'abandoned' | 'rejected-by-rule';

export interface CallTimestamps {
  queued: number;
  originated?: number;
  ringing?: number;
  answered?: number;
  bridged?: number;
  ended?: number;
}

export interface CallState {
  phase: CallPhase;
  /** The phase before `ended`, kept so reports can tell how the call finished. */
  endedFrom?: CallPhase;
  at: CallTimestamps;
  amd?: AmdResult;
  outcome?: AttemptOutcome;
  agentId?: string;
}

function illegal(s: CallState, event: string): Transition<CallState> {
  return { ok: false, error: new IllegalTransitionError(DialerCoreErrorCode.CallIllegalTransition, s.phase, event) };
}

export const CallMachine = {
  queued(now: number): CallState {
    return { phase: 'queued', at: { queued: now } };
  },

  originate(s: CallState, now: number): Transition<CallState> {
    return s.phase === 'queued'
      ? ok({ ...s, phase: 'originating', at: { ...s.at, originated: now } })
      : illegal(s, 'originate');
  },

  ringing(s: CallState, now: number): Transition<CallState> {
    if (s.phase === 'ringing') return ok(s);
    return s.phase === 'originating'
      ? ok({ ...s, phase: 'ringing', at: { ...s.at, ringing: now } })
      : illegal(s, 'ringing');
  },

  /** Answer with AMD still running: the engine waits for the verdict before deciding. */
  answeredPendingAmd(s: CallState, now: number): Transition<CallState> {
    return s.phase === 'originating' || s.phase === 'ringing'
      ? ok({ ...s, phase: 'amd-pending', at: { ...s.at, answered: now } })
      : illegal(s, 'answer');
  },

  /** Answer with the AMD verdict known (or AMD off: `unknown` is treated as a person by the engine). */
  answered(s: CallState, amd: AmdResult, now: number): Transition<CallState> {
    if (s.phase === 'originating' || s.phase === 'ringing' || s.phase === 'amd-pending') {
      return ok({ ...s, phase: 'answered', amd, at: { ...s.at, answered: s.at.answered ?? now } });
    }
    return illegal(s, 'answer');
  },

  bridged(s: CallState, agentId: string, now: number): Transition<CallState> {
    return s.phase === 'answered' && s.amd !== 'machine'
      ? ok({ ...s, phase: 'bridged', agentId, outcome: 'answered-human', at: { ...s.at, bridged: now } })
      : illegal(s, 'bridge');
  },

  abandoned(s: CallState): Transition<CallState> {
    return s.phase === 'answered' && s.amd !== 'machine'
      ? ok({ ...s, phase: 'abandoned', outcome: 'abandoned' })
      : illegal(s, 'abandon');
  },

  machineHandled(s: CallState): Transition<CallState> {
    return s.phase === 'answered' && s.amd === 'machine'
      ? ok({ ...s, phase: 'machine-handled', outcome: 'machine' })
      : illegal(s, 'machine-handled');
  },

  /** Before an answer: the dial failed (busy, no answer, network failure). */
  failed(
    s: CallState,
    outcome: 'busy' | 'no-answer' | 'congestion' | 'failed' | 'rejected-by-rule',
    now: number,
  ): Transition<CallState> {
    return s.phase === 'queued' || s.phase === 'originating' || s.phase === 'ringing'
      ? ok({ ...s, phase: 'ended', endedFrom: s.phase, outcome, at: { ...s.at, ended: now } })
      : illegal(s, 'fail');
  },

  ended(s: CallState, now: number): Transition<CallState> {
    if (s.phase === 'ended') return illegal(s, 'end');
    if (s.phase === 'queued') return illegal(s, 'end');
    // A hangup while the person waits for an agent is an abandon from the caller's side: it still counts.
    const outcome: AttemptOutcome =
      s.outcome ??
      (s.phase === 'answered' || s.phase === 'amd-pending'
        ? s.amd === 'machine'
          ? 'machine'
          : 'abandoned'
        : 'failed');
    return ok({ ...s, phase: 'ended', endedFrom: s.phase, outcome, at: { ...s.at, ended: now } });
  },
};
