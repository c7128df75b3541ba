import type { NextStep, AttemptHistory, Disposition } from '../compliance/retry-policy';
import type { AgentState } from '../state/agent-state';
import type { AmdResult, AttemptOutcome, CallTimestamps } from '../state/call-state';

/** Ports may answer synchronously (the benchmark, for speed) or with a promise (PostgreSQL, ARI). */
export type MaybePromise<T> = T | Promise<T>;

export type TimerHandle = unknown;

/** Wall clock in production, a discrete-event clock in the benchmark. Times are epoch milliseconds. */
export interface Clock {
  now(): number;
  setTimer(delayMs: number, fn: () => void): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

/** A contact claimed for one dial. The source has already applied the calling window and do-not-call rules. */
export interface ContactLease {
  /** Opaque to the engine; the SQL source can put its lease row id / expiry token here. */
  leaseId: string;
  contactId: string;
  /** E.164 number to dial on this attempt. */
  phone: string;
  /** IANA zone of the contact, used for the engine's last-moment calling-window check. */
  timeZone: string;
  /** Previous attempts of this contact (all its numbers), for the retry policy. */
  history: AttemptHistory;
}

export interface ContactSource {
  /** Claims up to `n` callable contacts (fewer if none are due). Production: FOR UPDATE SKIP LOCKED under a lease. */
  claim(n: number, now: number): MaybePromise<ContactLease[]>;
  /** The attempt is over: store the next step (done, retry-at, callback-at, dnc, exhausted) and drop the lease. */
  settle(lease: ContactLease, step: NextStep, now: number): MaybePromise<void>;
}

export interface OriginateRequest {
  callId: string;
  campaignId: string;
  contactId: string;
  phone: string;
  callerId?: string;
  /** Asterisk gives up after this and reports no-answer. */
  ringTimeoutSeconds: number;
  /** Run answering-machine detection before reporting the answer. */
  amd: boolean;
}

/** Events the telephony adapter reports back for a call (ARI: ChannelStateChange, AMD result, StasisEnd, ...). */
export type CallEvent =
  | { type: 'ringing'; callId: string; at?: number }
  /** Answered; `amd` is the verdict after detection (or `unknown` when AMD is off or undecided). */
  | { type: 'answered'; callId: string; amd: AmdResult; at?: number }
  /** Never answered. */
  | {
      type: 'failed';
      callId: string;
      outcome: 'busy' | 'no-answer' | 'congestion' | 'failed';
      cause?: string;
      at?: number;
    }
  /** The agent's channel and the customer's are in one bridge. */
  | { type: 'bridged'; callId: string; at?: number }
  /** The customer leg is gone (either side hung up, or the adapter hung it up on request). */
  | { type: 'hungup'; callId: string; cause?: string; at?: number };

export interface CallPort {
  /** The engine registers once; the adapter calls the listener for every event of every call it originated. */
  subscribe(listener: (event: CallEvent) => void): void;
  originate(req: OriginateRequest): MaybePromise<void>;
  /** Connect the answered customer to the agent's endpoint; report `bridged` when done. */
  bridge(callId: string, agentId: string): MaybePromise<void>;
  /** Play the regulatory abandon message (identity + callback number), then hang up. */
  playAbandonMessage(callId: string): MaybePromise<void>;
  /** Leave the campaign's message on an answering machine, then hang up. */
  leaveMachineMessage(callId: string): MaybePromise<void>;
  hangup(callId: string, cause?: string): MaybePromise<void>;
}

export interface AttemptRecord {
  callId: string;
  campaignId: string;
  contactId: string;
  phone: string;
  at: CallTimestamps;
  outcome: AttemptOutcome;
  amd?: AmdResult;
  hangupCause?: string;
  agentId?: string;
  disposition?: Disposition;
  next: NextStep;
}

export interface AttemptSink {
  /** Called once per attempt, when it is final (after the disposition for calls that reached an agent). */
  record(attempt: AttemptRecord): MaybePromise<void>;
}

/** Optional: live notifications for wallboards and benchmarks. */
export interface EngineObserver {
  agentChanged?(agentId: string, from: AgentState, to: AgentState): void;
  dialsPlaced?(count: number, at: number): void;
  error?(err: unknown, where: string): void;
}

/**
 * Blending: the ACD is asked first whenever an agent becomes ready. When it takes the agent for an inbound call it
 * answers true and the engine pauses the agent with reason `inbound` (resume it when the inbound call is done).
 */
export interface InboundClaim {
  agentReady(agentId: string, now: number): boolean;
}

export interface EnginePorts {
  clock: Clock;
  contacts: ContactSource;
  calls: CallPort;
  attempts: AttemptSink;
  observer?: EngineObserver;
  inbound?: InboundClaim;
}
