import { describe, expect, it } from '@jest/globals';
import { AppError } from '@app/common';
import { BRIEF_STATUSES } from '@app/database';
import { assertBriefTransition, BRIEF_TRANSITIONS } from './brief-transitions';

describe('brief transitions', () => {
  it('covers every status', () => {
    expect(Object.keys(BRIEF_TRANSITIONS).sort()).toEqual([...BRIEF_STATUSES].sort());
  });

  it('allows the review round trip', () => {
    expect(() => assertBriefTransition('draft', 'submitted')).not.toThrow();
    expect(() => assertBriefTransition('submitted', 'rejected')).not.toThrow();
    expect(() => assertBriefTransition('rejected', 'submitted')).not.toThrow();
    expect(() => assertBriefTransition('submitted', 'accepted')).not.toThrow();
    expect(() => assertBriefTransition('accepted', 'converted')).not.toThrow();
  });

  it('refuses an illegal move with the allowed targets', () => {
    try {
      assertBriefTransition('draft', 'accepted');
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('illegal-transition');
      expect((e as AppError).details).toEqual({ from: 'draft', to: 'accepted', allowed: ['submitted', 'withdrawn'] });
    }
  });
});
