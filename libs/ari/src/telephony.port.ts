import type {
  BridgeSummary,
  ChannelSummary,
  TelephonyEvent,
  TelephonyStatus,
  TelephonyStatusChange,
} from './telephony-event.types';

/** Nest injection token for the port (`{ provide: TELEPHONY_PORT, useFactory: () => new AriTelephonyAdapter(...) }`). */
export const TELEPHONY_PORT = Symbol('TELEPHONY_PORT');

export interface OriginateCommand {
  /** Client-chosen channel id: lets us track the call before Asterisk answers the request. */
  channelId: string;
  /** For Local channels, the id of the `;2` half (defaults to Asterisk's choice). */
  otherChannelId?: string;
  /** e.g. `PJSIP/15551234567@carrier`, `Local/answer@dialer-test`, `PJSIP/agent-7`. */
  endpoint: string;
  /** Stasis args the channel carries into StasisStart (`outbound,<attempt>`). */
  appArgs?: string[];
  /** `"Name" <number>` or a number. */
  callerId?: string;
  /** Seconds to ring before giving up (Asterisk's default is 30). */
  timeoutSeconds?: number;
  variables?: Record<string, string>;
  /**
   * Media formats for the new channel. Always sent (default `ulaw`): without it Asterisk gave Local channels a
   * 192 kHz format and spent most of its CPU resampling.
   */
  formats?: string;
  /** Per-operation deadline (queue wait + request), overriding the adapter default. */
  opTimeoutMs?: number;
}

export type CreateChannelCommand = Omit<OriginateCommand, 'timeoutSeconds'>;

export interface DialCommand {
  channelId: string;
  /** The channel that is calling, for CDR/connected line purposes. */
  callerChannelId?: string;
  timeoutSeconds?: number;
  opTimeoutMs?: number;
}

export type BridgeType = 'mixing' | 'holding';

export interface PlayCommand {
  /** Channel or bridge to play to. */
  target: { channelId: string } | { bridgeId: string };
  /** `sound:hello-world`, `recording:x`, `tone:ring` ... */
  media: string;
  /** Client-chosen playback id. */
  playbackId: string;
  lang?: string;
}

export interface RecordCommand {
  target: { channelId: string } | { bridgeId: string };
  /** Recording name (also the id used to stop it). */
  name: string;
  format?: string;
  maxDurationSeconds?: number;
  beep?: boolean;
  ifExists?: 'fail' | 'overwrite' | 'append';
}

export interface ContinueCommand {
  channelId: string;
  context: string;
  extension?: string;
  priority?: number;
  label?: string;
}

export type SnoopDirection = 'none' | 'both' | 'out' | 'in';

/** A Snoop channel on `channelId` (supervisor listen: spy; whisper: whisper `out`, toward the agent). */
export interface SnoopCommand {
  channelId: string;
  /** Client-chosen id of the Snoop channel. */
  snoopId: string;
  spy: SnoopDirection;
  whisper: SnoopDirection;
  /** Stasis args the Snoop channel carries into StasisStart. */
  appArgs?: string[];
}

/**
 * Everything the dialer asks of telephony. Errors are `AriError` (codes in ari.error.ts); while the connection is
 * down every operation fails at once with `ari-unavailable`.
 */
export interface TelephonyPort {
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): TelephonyStatus;
  onStatus(listener: (change: TelephonyStatusChange) => void): () => void;
  subscribe(listener: (event: TelephonyEvent) => void): () => void;

  originate(cmd: OriginateCommand): Promise<ChannelSummary>;
  createChannel(cmd: CreateChannelCommand): Promise<ChannelSummary>;
  dial(cmd: DialCommand): Promise<void>;
  answer(channelId: string): Promise<void>;
  /** `cause` is a Q.850 code (16 normal, 17 busy, 21 rejected ...); default 16. */
  hangup(channelId: string, cause?: number): Promise<void>;
  continueInDialplan(cmd: ContinueCommand): Promise<void>;

  createBridge(bridgeId: string, type: BridgeType, name?: string): Promise<BridgeSummary>;
  addToBridge(bridgeId: string, channelIds: string[]): Promise<void>;
  removeFromBridge(bridgeId: string, channelIds: string[]): Promise<void>;
  destroyBridge(bridgeId: string): Promise<void>;

  play(cmd: PlayCommand): Promise<void>;
  /** Music on hold to a bridge (a holding bridge's waiting callers) or a channel; `mohClass` from musiconhold.conf. */
  startMoh(target: { channelId: string } | { bridgeId: string }, mohClass?: string): Promise<void>;
  stopMoh(target: { channelId: string } | { bridgeId: string }): Promise<void>;
  stopPlayback(playbackId: string): Promise<void>;
  startRecording(cmd: RecordCommand): Promise<void>;
  stopRecording(name: string): Promise<void>;

  /** Asterisk's channels/{id}/snoop: the Snoop channel enters our Stasis app (StasisStart) like an originated one. */
  snoop(cmd: SnoopCommand): Promise<ChannelSummary>;

  listChannels(): Promise<ChannelSummary[]>;
  listBridges(): Promise<BridgeSummary[]>;
}
