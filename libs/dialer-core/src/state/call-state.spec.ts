import { describe, expect, it } from '@jest/globals';
import { CallMachine, CallState } from './call-state';
import { unwrap } from './transition';

describe('call state machine', () => {
  it('records every timestamp of a bridged call', () => {
    let c: CallState = CallMachine.queued(1);
    c = unwrap(CallMachine.originate(c, 2));
    c = unwrap(CallMachine.ringing(c, 3));
    c = unwrap(CallMachine.answeredPendingAmd(c, 4));
    expect(c.phase).toBe('amd-pending');
    c = unwrap(CallMachine.answered(c, 'human', 5));
    c = unwrap(CallMachine.bridged(c, 'agent-1', 6));
    c = unwrap(CallMachine.ended(c, 7));
    expect(c.at).toEqual({ queued: 1, originated: 2, ringing: 3, answered: 4, bridged: 6, ended: 7 });
    expect(c.outcome).toBe('answered-human');
    expect(c.endedFrom).toBe('bridged');
  });

  it('abandons an answered human, never a machine', () => {
    const human = unwrap(CallMachine.answered(unwrap(CallMachine.originate(CallMachine.queued(0), 0)), 'human', 1));
    expect(unwrap(CallMachine.abandoned(human)).outcome).toBe('abandoned');
    const machine = unwrap(CallMachine.answered(unwrap(CallMachine.originate(CallMachine.queued(0), 0)), 'machine', 1));
    expect(CallMachine.abandoned(machine).ok).toBe(false);
    expect(CallMachine.bridged(machine, 'a', 2).ok).toBe(false);
    expect(unwrap(CallMachine.machineHandled(machine)).outcome).toBe('machine');
  });

  it('a person hanging up while waiting for an agent is an abandon', () => {
    const waiting = unwrap(CallMachine.answered(unwrap(CallMachine.originate(CallMachine.queued(0), 0)), 'human', 1));
    expect(unwrap(CallMachine.ended(waiting, 2)).outcome).toBe('abandoned');
  });

  it('fails only before an answer', () => {
    const ringing = unwrap(CallMachine.ringing(unwrap(CallMachine.originate(CallMachine.queued(0), 0)), 1));
    expect(unwrap(CallMachine.failed(ringing, 'busy', 2))).toMatchObject({ phase: 'ended', outcome: 'busy' });
    const answered = unwrap(CallMachine.answered(ringing, 'human', 2));
    expect(CallMachine.failed(answered, 'busy', 3).ok).toBe(false);
    expect(CallMachine.ringing(CallMachine.queued(0), 1).ok).toBe(false);
  });
});
