// Stored as varchar: new values need no ALTER TYPE, and TypeScript keeps the sets closed.

export const ROLES = ['requester', 'planner', 'supervisor', 'agent', 'qa', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const BRIEF_STATUSES = [
  'draft',
  'submitted',
  'accepted',
  'rejected',
  'withdrawn',
  'converted',
  // every campaign made from it is over (at least one completed)
  'completed',
] as const;
export type BriefStatus = (typeof BRIEF_STATUSES)[number];

export const CAMPAIGN_MODES = ['preview', 'progressive', 'predictive'] as const;
export type CampaignMode = (typeof CAMPAIGN_MODES)[number];

export const CAMPAIGN_STATES = [
  'draft',
  'pilot',
  'pilot_review',
  'running',
  'paused',
  'completed',
  'cancelled',
  // a pilot paused by the planner: nothing dialled, settings editable, resumes as a pilot
  'pilot_paused',
] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

export const MACHINE_ACTIONS = ['hangup', 'message'] as const;
export type MachineAction = (typeof MACHINE_ACTIONS)[number];

export const DISPOSITION_CATEGORIES = ['success', 'contact', 'no-contact', 'callback', 'do-not-call'] as const;
export type DispositionCategory = (typeof DISPOSITION_CATEGORIES)[number];

/** Where a contact stands in one campaign. `leased` rows carry a lease owner and expiry. */
export const CAMPAIGN_CONTACT_STATUSES = [
  'pending',
  'leased',
  'dialing',
  'done',
  'exhausted',
  'dnc',
  'excluded',
] as const;
export type CampaignContactStatus = (typeof CAMPAIGN_CONTACT_STATUSES)[number];

export const ATTEMPT_OUTCOMES = [
  'answered-human',
  'machine',
  'busy',
  'no-answer',
  'rejected',
  'invalid-number',
  'failed',
  'abandoned',
  'rejected-by-rule',
  'lost',
  'congestion', // dial status CONGESTION / causes 34, 38, 41, 42...: the network, not the person; its own retry rule
  /** The dialer shut down before the call ended (drain deadline passed) or before it was dialed. */
  'interrupted',
] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

export const PHONE_STATUSES = ['active', 'invalid', 'dnc', 'disconnected', 'exhausted'] as const;
export type PhoneStatus = (typeof PHONE_STATUSES)[number];

export const DNC_SCOPES = ['global', 'department', 'campaign'] as const;
export type DncScope = (typeof DNC_SCOPES)[number];

export const AGENT_STATES = ['offline', 'ready', 'reserved', 'talking', 'wrap-up', 'paused'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

export const QUEUE_STRATEGIES = [
  'longest-idle',
  'round-robin',
  'fewest-calls',
  'skills-based',
  'random',
  'ring-all',
  'linear',
] as const;
export type QueueStrategy = (typeof QUEUE_STRATEGIES)[number];

export const CALLBACK_STATUSES = ['pending', 'done', 'cancelled', 'missed'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

export const LIST_STATUSES = ['importing', 'ready', 'failed'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

/** Who put a number on a do-not-call list: an admin by hand, an admin's file upload, an agent during a call. */
export const DNC_SOURCES = ['admin', 'upload', 'agent'] as const;
export type DncSource = (typeof DNC_SOURCES)[number];
