import { describe, expect, it } from '@jest/globals';
import {
  AttemptHistory,
  decideNextStep,
  defaultRetryPolicy,
  PastAttempt,
  RETRYABLE_OUTCOMES,
  RetryableOutcome,
  RetryPolicy,
} from './retry-policy';

const NOW = Date.parse('2026-05-05T12:00:00Z');
const A = '+12125550001';
const B = '+12125550002';

/** Builder for a contact's history. */
function history(numbers: string[] = [A]) {
  const attempts: PastAttempt[] = [];
  const b = {
    tried(result: PastAttempt['result'], phone = numbers[0], times = 1) {
      for (let i = 0; i < times; i++) attempts.push({ phone, at: NOW - 3600000, result });
      return b;
    },
    build: (): AttemptHistory => ({ numbers, attempts: [...attempts] }),
  };
  return b;
}

function policy(over: Partial<RetryPolicy> = {}): RetryPolicy {
  return { ...defaultRetryPolicy, maxAttemptsPerContact: 10, maxAttemptsPerNumber: 10, ...over };
}

describe('decideNextStep: outcomes', () => {
  it.each(RETRYABLE_OUTCOMES.map((o) => [o]))('%s retries after its own delay', (outcome: RetryableOutcome) => {
    const p = policy();
    const step = decideNextStep(p, history().build(), A, { kind: 'outcome', outcome }, NOW);
    expect(step).toEqual({ kind: 'retry-at', at: NOW + p.perOutcome[outcome].retryAfterMinutes * 60000, phone: A });
  });

  it.each(RETRYABLE_OUTCOMES.map((o) => [o]))('%s stops after its maximum retries', (outcome: RetryableOutcome) => {
    const p = policy();
    const max = p.perOutcome[outcome].maxRetries;
    // max earlier dials of this outcome (the first plus max - 1 retries) + this one = max retries used.
    const before = history()
      .tried(outcome, A, max - 1)
      .build();
    expect(decideNextStep(p, before, A, { kind: 'outcome', outcome }, NOW).kind).toBe('retry-at');
    const full = history().tried(outcome, A, max).build();
    expect(decideNextStep(p, full, A, { kind: 'outcome', outcome }, NOW)).toEqual({ kind: 'exhausted' });
  });

  it('counts retries per outcome, not across outcomes', () => {
    const p = policy();
    const h = history().tried('no-answer', A, 3).build();
    expect(decideNextStep(p, h, A, { kind: 'outcome', outcome: 'busy' }, NOW).kind).toBe('retry-at');
  });
});

describe('decideNextStep: caps', () => {
  it('caps attempts per contact', () => {
    const p = policy({ maxAttemptsPerContact: 3 });
    const h = history().tried('busy').tried('no-answer').build();
    expect(decideNextStep(p, h, A, { kind: 'outcome', outcome: 'machine' }, NOW)).toEqual({ kind: 'exhausted' });
    const h1 = history().tried('busy').build();
    expect(decideNextStep(p, h1, A, { kind: 'outcome', outcome: 'machine' }, NOW).kind).toBe('retry-at');
  });

  it('moves to the next number when one reaches its cap, and gives up when all have', () => {
    const p = policy({ maxAttemptsPerNumber: 2 });
    const h = history([A, B]).tried('busy', A).build();
    expect(decideNextStep(p, h, A, { kind: 'outcome', outcome: 'no-answer' }, NOW)).toMatchObject({
      kind: 'retry-at',
      phone: B,
    });
    const h2 = history([A, B]).tried('busy', A, 2).tried('busy', B).build();
    expect(decideNextStep(p, h2, B, { kind: 'outcome', outcome: 'no-answer' }, NOW)).toEqual({ kind: 'exhausted' });
  });

  it('does not count dials refused by a rule', () => {
    const p = policy({ maxAttemptsPerContact: 2 });
    const h = history().tried('rejected-by-rule', A, 5).build();
    expect(decideNextStep(p, h, A, { kind: 'outcome', outcome: 'busy' }, NOW).kind).toBe('retry-at');
  });
});

describe('decideNextStep: dispositions', () => {
  const d = (category: 'success' | 'contact' | 'no-contact' | 'callback' | 'do-not-call', callbackAt?: number) => ({
    kind: 'disposition' as const,
    disposition: { code: 'X', category, callbackAt, callbackAgentId: callbackAt ? 'agent-7' : undefined },
  });

  it('settles success and contact', () => {
    expect(decideNextStep(policy(), history().build(), A, d('success'), NOW)).toEqual({ kind: 'done' });
    expect(decideNextStep(policy(), history().build(), A, d('contact'), NOW)).toEqual({ kind: 'done' });
  });

  it('do-not-call wins', () => {
    expect(decideNextStep(policy(), history().build(), A, d('do-not-call'), NOW)).toEqual({ kind: 'dnc' });
  });

  it('keeps callbacks at the asked time, even past the caps', () => {
    const at = NOW + 86400000;
    const capped = policy({ maxAttemptsPerContact: 1 });
    expect(decideNextStep(capped, history().build(), A, d('callback', at), NOW)).toEqual({
      kind: 'callback-at',
      at,
      phone: A,
      agentId: 'agent-7',
    });
    expect(decideNextStep(policy(), history().build(), A, d('callback'), NOW)).toMatchObject({
      kind: 'callback-at',
      at: NOW + defaultRetryPolicy.callbackDefaultMinutes * 60000,
    });
  });

  it('retries no-contact under its own rule', () => {
    const p = policy();
    expect(decideNextStep(p, history().build(), A, d('no-contact'), NOW)).toEqual({
      kind: 'retry-at',
      at: NOW + p.noContact.retryAfterMinutes * 60000,
      phone: A,
    });
    const h: AttemptHistory = {
      numbers: [A],
      attempts: Array.from({ length: p.noContact.maxRetries }, () => ({
        phone: A,
        at: NOW,
        result: 'answered-human' as const,
        category: 'no-contact' as const,
      })),
    };
    expect(decideNextStep(p, h, A, d('no-contact'), NOW)).toEqual({ kind: 'exhausted' });
  });
});
