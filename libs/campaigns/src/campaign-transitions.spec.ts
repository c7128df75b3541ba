import { describe, expect, it } from '@jest/globals';
import { AppError } from '@app/common';
import { CAMPAIGN_STATES } from '@app/database';
import {
  assertCampaignTransition,
  CAMPAIGN_TRANSITIONS,
  EDITABLE_CAMPAIGN_STATES,
  FINAL_CAMPAIGN_STATES,
  targetOf,
} from './campaign-transitions';

describe('campaign transitions', () => {
  it('covers every state; final states lead nowhere', () => {
    expect(Object.keys(CAMPAIGN_TRANSITIONS).sort()).toEqual([...CAMPAIGN_STATES].sort());
    for (const s of FINAL_CAMPAIGN_STATES) expect(CAMPAIGN_TRANSITIONS[s]).toEqual([]);
  });

  it('allows cancel from every non-final state and complete only from running or paused', () => {
    for (const s of CAMPAIGN_STATES.filter((x) => !FINAL_CAMPAIGN_STATES.includes(x)))
      expect(CAMPAIGN_TRANSITIONS[s]).toContain('cancelled');
    const completable = CAMPAIGN_STATES.filter((s) => CAMPAIGN_TRANSITIONS[s].includes('completed'));
    expect(completable.sort()).toEqual(['paused', 'running']);
  });

  it('walks the happy path', () => {
    const path = ['draft', 'pilot', 'pilot_review', 'running', 'paused', 'running', 'completed'] as const;
    for (let i = 1; i < path.length; i++) expect(() => assertCampaignTransition(path[i - 1], path[i])).not.toThrow();
  });

  it('refuses an illegal move with 409 details listing the allowed targets', () => {
    let err: unknown;
    try {
      assertCampaignTransition('draft', 'running');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('illegal-transition');
    expect((err as AppError).details).toEqual({ from: 'draft', to: 'running', allowed: ['pilot', 'cancelled'] });
  });

  it('lets a planner pause, edit and resume a pilot, and run another round from its review', () => {
    const path = [
      'draft',
      'pilot',
      'pilot_paused',
      'pilot',
      'pilot_review',
      'pilot',
      'pilot_review',
      'running',
    ] as const;
    for (let i = 1; i < path.length; i++) expect(() => assertCampaignTransition(path[i - 1], path[i])).not.toThrow();
    expect(EDITABLE_CAMPAIGN_STATES).toContain('pilot_paused');
    expect(() => assertCampaignTransition('pilot_paused', 'running')).toThrow(AppError);
  });

  it('resolves pause and resume against the current state', () => {
    expect(targetOf('pause', 'pilot')).toBe('pilot_paused');
    expect(targetOf('pause', 'running')).toBe('paused');
    expect(targetOf('resume', 'pilot_paused')).toBe('pilot');
    expect(targetOf('resume', 'paused')).toBe('running');
    expect(targetOf('start-pilot', 'pilot_review')).toBe('pilot');
  });
});
