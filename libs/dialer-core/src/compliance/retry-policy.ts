/** Outcomes of a dial that did not reach an agent and may be retried. */
export type RetryableOutcome = 'busy' | 'no-answer' | 'machine' | 'failed' | 'abandoned' | 'congestion';
export const RETRYABLE_OUTCOMES: readonly RetryableOutcome[] = [
  'busy',
  'no-answer',
  'machine',
  'failed',
  'abandoned',
  'congestion',
];

export type DispositionCategory = 'success' | 'contact' | 'no-contact' | 'callback' | 'do-not-call';

export interface Disposition {
  code: string;
  category: DispositionCategory;
  /** For callbacks: when the contact asked to be called (epoch ms); the policy's default delay otherwise. */
  callbackAt?: number;
  /** For callbacks: the agent who promised it, or anyone when absent. */
  callbackAgentId?: string;
}

export interface RetryRule {
  retryAfterMinutes: number;
  /** Retries allowed after this outcome over the contact's life (the first dial is not a retry). */
  maxRetries: number;
}

export interface RetryPolicy {
  perOutcome: Record<RetryableOutcome, RetryRule>;
  /** 'no-contact' dispositions (the agent reached the line but not the person) retry like this. */
  noContact: RetryRule;
  maxAttemptsPerContact: number;
  maxAttemptsPerNumber: number;
  callbackDefaultMinutes: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  perOutcome: {
    busy: { retryAfterMinutes: 15, maxRetries: 3 },
    'no-answer': { retryAfterMinutes: 120, maxRetries: 3 },
    machine: { retryAfterMinutes: 240, maxRetries: 2 },
    failed: { retryAfterMinutes: 60, maxRetries: 1 },
    abandoned: { retryAfterMinutes: 60, maxRetries: 2 },
    // Network congestion (all circuits busy, carrier overload) says nothing about the person: retry soon, a few
    // times, as VICIdial and Genesys keep it apart from busy and failed.
    congestion: { retryAfterMinutes: 10, maxRetries: 3 },
  },
  noContact: { retryAfterMinutes: 240, maxRetries: 2 },
  maxAttemptsPerContact: 6,
  maxAttemptsPerNumber: 4,
  callbackDefaultMinutes: 60,
};

export interface PastAttempt {
  phone: string;
  at: number;
  /** The dial outcome, or for calls that reached an agent the disposition category. */
  result: RetryableOutcome | 'answered-human' | 'rejected-by-rule';
  category?: DispositionCategory;
}

export interface AttemptHistory {
  /** All numbers of the contact, in the order they should be tried. */
  numbers: string[];
  /** Earlier attempts, oldest first (NOT including the attempt being decided). */
  attempts: PastAttempt[];
}

export type AttemptResult =
  { kind: 'outcome'; outcome: RetryableOutcome } | { kind: 'disposition'; disposition: Disposition };

export type NextStep =
  | { kind: 'done' }
  | { kind: 'retry-at'; at: number; phone: string }
  | { kind: 'callback-at'; at: number; phone: string; agentId?: string }
  | { kind: 'dnc' }
  | { kind: 'exhausted' };

/** A contact's next number with attempts left under the per-number cap, preferring the current one's successors. */
export function nextNumber(policy: RetryPolicy, history: AttemptHistory, current: string): string | undefined {
  const used = (n: string): number =>
    history.attempts.filter((a) => a.phone === n && a.result !== 'rejected-by-rule').length + (n === current ? 1 : 0);
  const start = Math.max(0, history.numbers.indexOf(current));
  for (let i = 0; i < history.numbers.length; i++) {
    const n = history.numbers[(start + i) % history.numbers.length];
    if (used(n) < policy.maxAttemptsPerNumber) return n;
  }
  return undefined;
}

/**
 * What happens to a contact after one attempt on `phone`. Do-not-call always wins; success and contact settle it;
 * callbacks are promises and are kept even past the attempt caps (the person asked for it); everything else retries
 * after its rule's delay while that outcome's retries, the contact's attempts and some number's attempts allow.
 */
export function decideNextStep(
  policy: RetryPolicy,
  history: AttemptHistory,
  phone: string,
  result: AttemptResult,
  now: number,
): NextStep {
  const counted = history.attempts.filter((a) => a.result !== 'rejected-by-rule');
  const attemptsIncludingThis = counted.length + 1;
  let rule: RetryRule;
  let sameKindBefore: number;
  if (result.kind === 'disposition') {
    const d = result.disposition;
    switch (d.category) {
      case 'do-not-call':
        return { kind: 'dnc' };
      case 'success':
      case 'contact':
        return { kind: 'done' };
      case 'callback':
        return {
          kind: 'callback-at',
          at: d.callbackAt ?? now + policy.callbackDefaultMinutes * 60000,
          phone,
          agentId: d.callbackAgentId,
        };
      case 'no-contact':
        rule = policy.noContact;
        sameKindBefore = counted.filter((a) => a.category === 'no-contact').length;
        break;
    }
  } else {
    rule = policy.perOutcome[result.outcome];
    sameKindBefore = counted.filter((a) => a.result === result.outcome).length;
  }
  if (attemptsIncludingThis >= policy.maxAttemptsPerContact) return { kind: 'exhausted' };
  // This attempt is the (sameKindBefore + 1)-th of its kind; a retry is allowed while retries so far < maxRetries.
  if (sameKindBefore >= rule.maxRetries) return { kind: 'exhausted' };
  const next = nextNumber(policy, history, phone);
  if (next == null) return { kind: 'exhausted' };
  return { kind: 'retry-at', at: now + rule.retryAfterMinutes * 60000, phone: next };
}
