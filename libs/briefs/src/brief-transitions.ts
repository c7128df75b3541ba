import { AppError } from '@app/common';
import type { BriefStatus } from '@app/database';

/**
 * Who may move a brief where. A rejected brief goes back to its department: it can be edited there and submitted
 * again. `converted` means a campaign was made from it (more may follow); `completed` that its last campaign is over.
 */
export const BRIEF_TRANSITIONS: Readonly<Record<BriefStatus, readonly BriefStatus[]>> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['accepted', 'rejected', 'withdrawn'],
  rejected: ['submitted', 'withdrawn'],
  accepted: ['converted', 'withdrawn'],
  converted: ['completed'],
  withdrawn: [],
  // a further campaign (a second wave) reopens a completed brief
  completed: ['converted'],
};

/** Statuses in which the requester may still edit the brief. */
export const EDITABLE_BRIEF_STATUSES: readonly BriefStatus[] = ['draft', 'rejected'];

export const allowedBriefTransitions = (from: BriefStatus): readonly BriefStatus[] => BRIEF_TRANSITIONS[from];

/** Throws 409 `illegal-transition` with `details.allowed` unless from → to is in the table. */
export function assertBriefTransition(from: BriefStatus, to: BriefStatus): void {
  const allowed = BRIEF_TRANSITIONS[from];
  if (!allowed.includes(to))
    throw new AppError('illegal-transition', `a ${from} brief cannot become ${to}`, { from, to, allowed });
}
