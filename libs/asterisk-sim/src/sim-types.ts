import type { AmdVerdict, Distribution, PopulationModel } from '@app/population';

/** What a called party does. Local `dialer-test` extensions and per-number behaviours use these names. */
export const OUTCOME_KINDS = [
  'answer',
  'answer-hangup',
  'human',
  'machine',
  'busy',
  'congestion',
  'noanswer',
  'rejected',
  'invalid',
  'unavailable',
  'agent',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** Per-number behaviour (PUT /_sim/numbers/{number}). Omitted times take the outcome's defaults. */
export interface NumberBehaviour {
  outcome: OutcomeKind;
  /** Seconds before answer / failure. */
  ringSeconds?: number;
  /** Seconds after answer at which the far end hangs up; omitted = stays until hung up (answer/human/machine). */
  talkSeconds?: number;
  amdVerdict?: AmdVerdict;
  /** Hang up this long after the answer unless bridged with someone first (an abandoned call). */
  silenceSeconds?: number;
}

/** A resolved behaviour for one channel. */
export interface Behaviour {
  outcome: OutcomeKind;
  ringSeconds: number;
  talkSeconds?: number;
  amdVerdict: AmdVerdict;
  /** Hang up this long after the answer unless bridged with someone (abandoned call). */
  silenceSeconds?: number;
}

export type FailMode = 'none' | 'http-500' | 'drop' | 'slow';

/** A caller who presses keys when a prompt plays to them (an IVR menu, "press 1 to keep your place"). */
export interface InboundPrompt {
  /** Matches a playback whose media URI contains this text (e.g. `sound:press-1`, or `press-1`). */
  media: string;
  /** Keys pressed (ChannelDtmfReceived, one event per key, 250 ms apart). */
  digits: string;
  /** Share of callers who press (default 1). */
  probability?: number;
  /** Seconds after the playback starts (default 0.5). */
  afterSeconds?: number;
}

export interface InboundCall {
  /** DID / queue number; becomes args[1] and the dialplan exten. */
  number: string;
  callerId?: string;
  callerName?: string;
  /** Extra Stasis args after ["inbound", number]. */
  args?: string[];
  /** Seconds the caller waits for an agent before hanging up; else drawn from `patience`. */
  patienceSeconds?: number;
  /** Impatience distribution; default the population model's. */
  patience?: Distribution;
  /** Seconds the caller talks once bridged with someone; default from the population model. */
  talkSeconds?: number;
  /** Keys the caller presses when prompted. */
  prompts?: InboundPrompt[];
  /** Stasis app; default the first connected app. */
  app?: string;
  /** Client-chosen channel id. */
  channelId?: string;
}

export interface InboundGeneratorQueue {
  number: string;
  /** Poisson arrival rate, calls per minute (simulated time), the same all day. */
  callsPerMinute?: number;
  /** Or a daily profile: 24 rates (calls per minute of simulated time) for local hours 0..23; wins when given. */
  callsPerMinuteByHour?: number[];
  /** Time zone of the profile's hours (default UTC). */
  timeZone?: string;
  /** Impatience distribution (default the population model's). */
  patience?: Distribution;
  /** Talk time once connected (default the population model's). */
  talk?: Distribution;
  prompts?: InboundPrompt[];
  callerIdPrefix?: string;
  args?: string[];
  app?: string;
}

export interface InboundGeneratorConfig {
  queues: InboundGeneratorQueue[];
  /**
   * Simulated time-of-day clock for the profiles: simulated now = this instant + real time elapsed since the
   * configuration × the time scale. Default: the real clock.
   */
  simulatedStart?: string;
}

export interface SimRequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  time: string;
  status?: number;
}

export interface SimStats {
  channels: number;
  channelsByState: Record<string, number>;
  bridges: number;
  playbacks: number;
  recordings: number;
  eventsSent: number;
  websockets: number;
  applications: string[];
  originates: number;
  requests: number;
  timeScale: number;
}

export interface AsteriskSimOptions {
  /** 0 = random free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  username: string;
  password: string;
  seed?: number;
  /** 10 = ten times faster than real time. Default 1. */
  timeScale?: number;
  population?: PopulationModel;
  asteriskId?: string;
  /** Request log capacity (oldest dropped). Default 20,000. */
  requestLogLimit?: number;
}
