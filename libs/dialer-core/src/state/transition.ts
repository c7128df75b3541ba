/** Codes for domain errors raised by the dialer core; the API layer maps them to HTTP/socket errors in one place. */
export enum DialerCoreErrorCode {
  AgentIllegalTransition = 'AGENT_ILLEGAL_TRANSITION',
  CallIllegalTransition = 'CALL_ILLEGAL_TRANSITION',
}

export class IllegalTransitionError extends Error {
  constructor(
    readonly code: DialerCoreErrorCode,
    readonly from: string,
    readonly event: string,
  ) {
    super(`${code}: cannot ${event} from ${from}`);
    this.name = 'IllegalTransitionError';
  }
}

/** A transition either yields the next state or says why it is illegal; callers must look before using the state. */
export type Transition<S> = { ok: true; state: S } | { ok: false; error: IllegalTransitionError };

export function ok<S>(state: S): Transition<S> {
  return { ok: true, state };
}

/** Unwraps a transition the caller has already proven legal (engine internals); throws otherwise. */
export function unwrap<S>(t: Transition<S>): S {
  if (!t.ok) throw t.error;
  return t.state;
}
