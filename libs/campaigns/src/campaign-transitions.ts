import { AppError } from '@app/common';
import type { CampaignState } from '@app/database';

/**
 * The campaign lifecycle. A campaign is dialled first as a pilot (pilot rows only), reviewed, then launched; it can
 * be cancelled from any non-final state and completed from running or paused. A pilot can be paused (and edited)
 * and resumed; from its review a planner may run another pilot round (a new sample) instead of launching.
 */
export const CAMPAIGN_TRANSITIONS: Readonly<Record<CampaignState, readonly CampaignState[]>> = {
  draft: ['pilot', 'cancelled'],
  pilot: ['pilot_review', 'pilot_paused', 'cancelled'],
  pilot_paused: ['pilot', 'pilot_review', 'cancelled'],
  pilot_review: ['running', 'pilot', 'cancelled'],
  running: ['paused', 'completed', 'cancelled'],
  paused: ['running', 'completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** Settings may be changed (PATCH) only while nothing is being dialled. */
export const EDITABLE_CAMPAIGN_STATES: readonly CampaignState[] = ['draft', 'pilot_paused', 'pilot_review', 'paused'];

/** The pacing limits (abandon target, dial ratio) may be turned in these states too: the runner applies them live. */
export const LIVE_PACING_STATES: readonly CampaignState[] = ['pilot', 'pilot_paused', 'running', 'paused'];

export const FINAL_CAMPAIGN_STATES: readonly CampaignState[] = ['completed', 'cancelled'];

/** The states the engine dials in; in `pilot` it dials pilot rows only. */
export const DIALING_CAMPAIGN_STATES: readonly CampaignState[] = ['pilot', 'running'];

export const allowedCampaignTransitions = (from: CampaignState): readonly CampaignState[] => CAMPAIGN_TRANSITIONS[from];

/** Throws 409 `illegal-transition` with `details.allowed` unless from → to is in the table. */
export function assertCampaignTransition(from: CampaignState, to: CampaignState): void {
  const allowed = CAMPAIGN_TRANSITIONS[from];
  if (!allowed.includes(to))
    throw new AppError('illegal-transition', `a ${from} campaign cannot move to ${to}`, { from, to, allowed });
}

/**
 * Named actions of the REST API and the state each one moves to from a given state: `pause` and `resume` work on
 * a pilot (pilot ⇄ pilot_paused) and on the full run (running ⇄ paused); `start-pilot` from pilot_review starts
 * another round.
 */
export const CAMPAIGN_ACTIONS = {
  'start-pilot': () => 'pilot',
  'review-pilot': () => 'pilot_review',
  launch: () => 'running',
  pause: (from) => (from === 'pilot' ? 'pilot_paused' : 'paused'),
  resume: (from) => (from === 'pilot_paused' ? 'pilot' : 'running'),
  complete: () => 'completed',
  cancel: () => 'cancelled',
} as const satisfies Record<string, (from: CampaignState) => CampaignState>;
export type CampaignAction = keyof typeof CAMPAIGN_ACTIONS;

/** The state `action` leads to from `from` (checked against the table by the caller). */
export const targetOf = (action: CampaignAction, from: CampaignState): CampaignState => CAMPAIGN_ACTIONS[action](from);
