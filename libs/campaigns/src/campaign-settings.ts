import type { CallingWindows, RetryPolicy } from '@app/briefs';
import type { Campaign, CampaignMode, DispositionCategory } from '@app/database';

/** campaigns.pacing, as stored. */
export interface PacingSettings {
  /** Percent (0 < cap ≤ 5) of person-answered calls that may be abandoned over the rolling window. */
  abandonCapPercent: number;
  abandonWindowHours: 24 | 720;
  maxLinesPerAgent: number;
  ringTimeoutSeconds: number;
  /** A person-answered call no agent takes within this is abandoned (regulation: 2 s). */
  answerToAgentSeconds: number;
}

export const defaultPacing = (mode: CampaignMode): PacingSettings => ({
  abandonCapPercent: 3,
  abandonWindowHours: 24,
  maxLinesPerAgent: mode === 'predictive' ? 3 : 1,
  ringTimeoutSeconds: 25,
  answerToAgentSeconds: 2,
});

export interface DispositionSpec {
  code: string;
  label: string;
  category: DispositionCategory;
}

/** Offered to agents when the planner gives no set. */
export const DEFAULT_DISPOSITIONS: readonly DispositionSpec[] = [
  { code: 'COMPLETED', label: 'Completed / agreed', category: 'success' },
  { code: 'INTERESTED', label: 'Interested', category: 'success' },
  { code: 'NOT_INTERESTED', label: 'Not interested', category: 'contact' },
  { code: 'WRONG_PERSON', label: 'Wrong person', category: 'contact' },
  { code: 'NOT_AVAILABLE', label: 'Person not available', category: 'no-contact' },
  { code: 'CALLBACK', label: 'Call back later', category: 'callback' },
  { code: 'DO_NOT_CALL', label: 'Asked not to be called', category: 'do-not-call' },
];

/** Always present, set by the system from the call's outcome, never offered to agents. */
export const SYSTEM_DISPOSITIONS: readonly DispositionSpec[] = [
  { code: 'ABANDONED', label: 'Abandoned (no agent within 2 s)', category: 'no-contact' },
  { code: 'MACHINE', label: 'Answering machine', category: 'no-contact' },
  { code: 'NO_ANSWER', label: 'No answer', category: 'no-contact' },
  { code: 'BUSY', label: 'Busy', category: 'no-contact' },
  { code: 'CONGESTION', label: 'Network congestion', category: 'no-contact' },
  { code: 'REJECTED', label: 'Call rejected', category: 'no-contact' },
  { code: 'INVALID_NUMBER', label: 'Invalid number', category: 'no-contact' },
  { code: 'FAILED', label: 'Call failed', category: 'no-contact' },
  { code: 'NOT_DIALED', label: 'Not dialed (outside the calling window)', category: 'no-contact' },
  { code: 'LOST', label: 'Lost (dialer restarted during the call)', category: 'no-contact' },
  { code: 'INTERRUPTED', label: 'Interrupted (the dialer shut down)', category: 'no-contact' },
  { code: 'HANGUP_BEFORE_TALK', label: 'Hung up before talking to an agent', category: 'no-contact' },
  { code: 'WRAP_TIMEOUT', label: 'No disposition given in time', category: 'contact' },
];

/**
 * The system disposition of an attempt no agent disposed of, by its outcome: every attempt ends with a disposition
 * (call_attempts.disposition_code), the agent's or this one.
 */
export const SYSTEM_DISPOSITION_BY_OUTCOME: Readonly<Record<string, string>> = {
  abandoned: 'ABANDONED',
  machine: 'MACHINE',
  'no-answer': 'NO_ANSWER',
  busy: 'BUSY',
  congestion: 'CONGESTION',
  rejected: 'REJECTED',
  'invalid-number': 'INVALID_NUMBER',
  failed: 'FAILED',
  'rejected-by-rule': 'NOT_DIALED',
  lost: 'LOST',
  interrupted: 'INTERRUPTED',
  'answered-human': 'HANGUP_BEFORE_TALK',
};

/** The system disposition for an outcome (FAILED for one this table does not know). */
export function systemDispositionFor(outcome: string): DispositionSpec {
  const code = SYSTEM_DISPOSITION_BY_OUTCOME[outcome] ?? 'FAILED';
  return SYSTEM_DISPOSITIONS.find((d) => d.code === code)!;
}

/** Dispositions after which a contact is not dialled again. */
export const FINAL_DISPOSITION_CATEGORIES: readonly DispositionCategory[] = ['success', 'contact', 'do-not-call'];

/** What the dialer engine needs of a campaign, typed (the entity keeps jsonb as Record<string, unknown>). */
export interface CampaignSettings {
  id: string;
  departmentId: string;
  state: Campaign['state'];
  mode: CampaignMode;
  scriptVersionId: string | null;
  agentGroup: string | null;
  requiredSkills: Record<string, number>;
  callerId: string | null;
  pacing: PacingSettings;
  amdEnabled: boolean;
  machineAction: Campaign['machineAction'];
  machineMessage: string | null;
  abandonMessage: string | null;
  wrapUpSeconds: number;
  previewAutoDialSeconds: number | null;
  windows: CallingWindows;
  retryPolicy: RetryPolicy;
  priority: number;
  deadline: Date | null;
  /** In `pilot` the engine dials only campaign_contacts rows with pilot = true. */
  pilotOnly: boolean;
}

export function campaignSettings(c: Campaign): CampaignSettings {
  return {
    id: c.id,
    departmentId: c.departmentId,
    state: c.state,
    mode: c.mode,
    scriptVersionId: c.scriptVersionId,
    agentGroup: c.agentGroup,
    requiredSkills: c.requiredSkills ?? {},
    callerId: c.callerId,
    pacing: { ...defaultPacing(c.mode), ...(c.pacing as Partial<PacingSettings>) },
    amdEnabled: c.amdEnabled,
    machineAction: c.machineAction,
    machineMessage: c.machineMessage,
    abandonMessage: c.abandonMessage,
    wrapUpSeconds: c.wrapUpSeconds,
    previewAutoDialSeconds: c.previewAutoDialSeconds,
    windows: c.windows as unknown as CallingWindows,
    retryPolicy: c.retryPolicy as unknown as RetryPolicy,
    priority: c.priority,
    deadline: c.deadline,
    pilotOnly: c.state === 'pilot',
  };
}
