import { DialerCoreErrorCode, IllegalTransitionError, ok, Transition } from './transition';

/** Times are epoch milliseconds. `since` is when the agent entered the state. */
export type AgentState =
  | { kind: 'offline'; since: number }
  | { kind: 'ready'; since: number }
  | { kind: 'reserved'; since: number; callId: string }
  | { kind: 'talking'; since: number; callId: string }
  | { kind: 'wrap-up'; since: number; callId: string; deadline: number }
  | { kind: 'paused'; since: number; reason: string };

export type AgentStateKind = AgentState['kind'];

function illegal(from: AgentState, event: string): Transition<AgentState> {
  return { ok: false, error: new IllegalTransitionError(DialerCoreErrorCode.AgentIllegalTransition, from.kind, event) };
}

export const AgentMachine = {
  initial(now: number): AgentState {
    return { kind: 'offline', since: now };
  },

  login(s: AgentState, now: number): Transition<AgentState> {
    return s.kind === 'offline' ? ok({ kind: 'ready', since: now }) : illegal(s, 'login');
  },

  /** The engine picked this agent for a call a person answered; the bridge is being set up. */
  reserve(s: AgentState, callId: string, now: number): Transition<AgentState> {
    return s.kind === 'ready' ? ok({ kind: 'reserved', since: now, callId }) : illegal(s, 'reserve');
  },

  /** The bridge failed or the caller left before it completed: the agent goes back to ready. */
  unreserve(s: AgentState, now: number): Transition<AgentState> {
    return s.kind === 'reserved' ? ok({ kind: 'ready', since: now }) : illegal(s, 'unreserve');
  },

  bridged(s: AgentState, callId: string, now: number): Transition<AgentState> {
    return s.kind === 'reserved' && s.callId === callId
      ? ok({ kind: 'talking', since: now, callId })
      : illegal(s, 'bridge');
  },

  /** Either side hung up; wrap-up lasts until a disposition or the campaign's wrap-up time, whichever comes first. */
  hangup(s: AgentState, now: number, wrapUpSeconds: number): Transition<AgentState> {
    return s.kind === 'talking'
      ? ok({ kind: 'wrap-up', since: now, callId: s.callId, deadline: now + wrapUpSeconds * 1000 })
      : illegal(s, 'hangup');
  },

  dispose(s: AgentState, now: number): Transition<AgentState> {
    return s.kind === 'wrap-up' ? ok({ kind: 'ready', since: now }) : illegal(s, 'dispose');
  },

  wrapUpTimeout(s: AgentState, now: number): Transition<AgentState> {
    return s.kind === 'wrap-up' && now >= s.deadline
      ? ok({ kind: 'ready', since: now })
      : illegal(s, 'wrap-up-timeout');
  },

  /** Pausing mid-call is not allowed: the agent pauses from ready or while wrapping up (pausing ends the wrap-up). */
  pause(s: AgentState, reason: string, now: number): Transition<AgentState> {
    return s.kind === 'ready' || s.kind === 'wrap-up' || s.kind === 'paused'
      ? ok({ kind: 'paused', since: now, reason })
      : illegal(s, 'pause');
  },

  resume(s: AgentState, now: number): Transition<AgentState> {
    return s.kind === 'paused' ? ok({ kind: 'ready', since: now }) : illegal(s, 'resume');
  },

  logout(s: AgentState, now: number): Transition<AgentState> {
    return s.kind === 'ready' || s.kind === 'paused' || s.kind === 'wrap-up'
      ? ok({ kind: 'offline', since: now })
      : illegal(s, 'logout');
  },
};
