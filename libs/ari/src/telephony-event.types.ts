// Plain, serialisable telephony events. The adapter turns ARI's JSON into these so that no raw ari-client
// resource object (they hold a circular reference to the client) ever leaves libs/ari.

export type ChannelState =
  | 'Down'
  | 'Rsrved'
  | 'OffHook'
  | 'Dialing'
  | 'Ring'
  | 'Ringing'
  | 'Up'
  | 'Busy'
  | 'Dialing Offhook'
  | 'Pre-ring'
  | 'Unknown';

export interface ChannelSummary {
  id: string;
  name: string;
  state: ChannelState;
  callerNumber: string;
  callerName: string;
  connectedNumber: string;
  /** Dialplan location; `app` / `appData` tell whether the channel sits in Stasis and for which app. */
  dialplan: { context: string; exten: string; priority: number; app: string; appData: string };
  creationTime: string;
}

export interface BridgeSummary {
  id: string;
  type: 'mixing' | 'holding' | string;
  name: string;
  channelIds: string[];
}

interface EventBase {
  /** ISO timestamp as Asterisk stamped it (or the adapter, for synthetic events). */
  timestamp: string;
}

export interface StasisStartEvent extends EventBase {
  type: 'stasisStart';
  channelId: string;
  /** Application arguments: `outbound,...` from originate, `inbound,<queue>` from the dialplan, `amd,<verdict>,<cause>`. */
  args: string[];
  channel: ChannelSummary;
  replacedChannelId?: string;
}

export interface StateChangeEvent extends EventBase {
  type: 'stateChange';
  channelId: string;
  state: ChannelState;
}

export interface DialEvent extends EventBase {
  type: 'dial';
  /** The channel being dialled (the originated / created channel). */
  channelId: string;
  /** The calling channel when one exists (absent for originate and create + dial). */
  callerId?: string;
  /** '' (started), RINGING, PROGRESS, ANSWER, BUSY, CONGESTION, NOANSWER, CANCEL, CHANUNAVAIL, ... */
  dialstatus: string;
  dialstring: string;
}

export interface HangupRequestEvent extends EventBase {
  type: 'hangupRequest';
  channelId: string;
  /** Q.850 cause when the far end or the network asked; an internal flag (32 = our DELETE) when `soft`. */
  cause?: number;
  soft: boolean;
  techCause?: number;
}

export interface DestroyedEvent extends EventBase {
  type: 'destroyed';
  channelId: string;
  cause: number;
  causeTxt: string;
  techCause?: number;
  /**
   * True when the adapter made this event up: the channel was tracked but had vanished when it reconciled after a
   * reconnect or a timeout (cause 0, causeTxt 'lost').
   */
  lost: boolean;
}

export interface DtmfEvent extends EventBase {
  type: 'dtmf';
  channelId: string;
  digit: string;
  durationMs: number;
}

export interface PlaybackEvent extends EventBase {
  type: 'playbackStarted' | 'playbackFinished';
  playbackId: string;
  mediaUri: string;
  /** `channel:<id>` or `bridge:<id>`. */
  targetUri: string;
  /** Set when the target is a channel. */
  channelId?: string;
  bridgeId?: string;
  state: string;
}

export interface BridgeMembershipEvent extends EventBase {
  type: 'enteredBridge' | 'leftBridge';
  channelId: string;
  bridgeId: string;
}

export interface BridgeDestroyedEvent extends EventBase {
  type: 'bridgeDestroyed';
  bridgeId: string;
  lost: boolean;
}

export interface StasisEndEvent extends EventBase {
  type: 'stasisEnd';
  channelId: string;
}

export interface RecordingEvent extends EventBase {
  type: 'recordingFinished' | 'recordingFailed';
  name: string;
  targetUri: string;
  channelId?: string;
  durationSeconds?: number;
  cause?: string;
}

export type TelephonyEvent =
  | StasisStartEvent
  | StateChangeEvent
  | DialEvent
  | HangupRequestEvent
  | DestroyedEvent
  | DtmfEvent
  | PlaybackEvent
  | BridgeMembershipEvent
  | BridgeDestroyedEvent
  | StasisEndEvent
  | RecordingEvent;

export type TelephonyEventType = TelephonyEvent['type'];

export type TelephonyStatus = 'up' | 'down';

export interface TelephonyStatusChange {
  status: TelephonyStatus;
  /** Why it went down (socket closed, auth failed, unreachable ...); absent when up. */
  reason?: string;
  at: string;
}

/** The event type(s) carrying `type` T, e.g. `TelephonyEventOf<'enteredBridge'>` (handles shared interfaces). */
export type TelephonyEventOf<T extends TelephonyEventType> = TelephonyEvent extends infer E
  ? E extends { type: infer U }
    ? T extends U
      ? E
      : never
    : never
  : never;
