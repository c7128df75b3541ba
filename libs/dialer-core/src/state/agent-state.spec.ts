import { describe, expect, it } from '@jest/globals';
import { AgentMachine, AgentState } from './agent-state';
import { DialerCoreErrorCode, unwrap } from './transition';

const T = 1_000_000;

describe('agent state machine', () => {
  it('runs the happy path with timestamps', () => {
    let s: AgentState = AgentMachine.initial(T);
    s = unwrap(AgentMachine.login(s, T + 1));
    expect(s).toEqual({ kind: 'ready', since: T + 1 });
    s = unwrap(AgentMachine.reserve(s, 'c1', T + 2));
    s = unwrap(AgentMachine.bridged(s, 'c1', T + 3));
    expect(s).toEqual({ kind: 'talking', since: T + 3, callId: 'c1' });
    s = unwrap(AgentMachine.hangup(s, T + 4, 30));
    expect(s).toEqual({ kind: 'wrap-up', since: T + 4, callId: 'c1', deadline: T + 4 + 30000 });
    s = unwrap(AgentMachine.dispose(s, T + 5));
    expect(s.kind).toBe('ready');
  });

  it('ends wrap-up on the campaign timeout, not before', () => {
    const wrap = unwrap(AgentMachine.hangup({ kind: 'talking', since: T, callId: 'c' }, T, 10));
    expect(AgentMachine.wrapUpTimeout(wrap, T + 9999).ok).toBe(false);
    expect(unwrap(AgentMachine.wrapUpTimeout(wrap, T + 10000))).toEqual({ kind: 'ready', since: T + 10000 });
  });

  it('pauses with a reason from ready or wrap-up only', () => {
    const ready: AgentState = { kind: 'ready', since: T };
    expect(unwrap(AgentMachine.pause(ready, 'lunch', T))).toEqual({ kind: 'paused', since: T, reason: 'lunch' });
    const talking: AgentState = { kind: 'talking', since: T, callId: 'c' };
    const r = AgentMachine.pause(talking, 'lunch', T);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(DialerCoreErrorCode.AgentIllegalTransition);
      expect(r.error.from).toBe('talking');
      expect(r.error.event).toBe('pause');
    }
  });

  it.each([
    ['reserve from talking', () => AgentMachine.reserve({ kind: 'talking', since: T, callId: 'x' }, 'y', T)],
    ['bridge another call', () => AgentMachine.bridged({ kind: 'reserved', since: T, callId: 'x' }, 'y', T)],
    ['hang up while ready', () => AgentMachine.hangup({ kind: 'ready', since: T }, T, 5)],
    ['log in twice', () => AgentMachine.login({ kind: 'ready', since: T }, T)],
    ['log out mid-call', () => AgentMachine.logout({ kind: 'talking', since: T, callId: 'x' }, T)],
    ['resume when not paused', () => AgentMachine.resume({ kind: 'ready', since: T }, T)],
    ['dispose outside wrap-up', () => AgentMachine.dispose({ kind: 'ready', since: T }, T)],
  ])('refuses to %s', (_n, f) => {
    const r = f();
    expect(r.ok).toBe(false);
  });
});
