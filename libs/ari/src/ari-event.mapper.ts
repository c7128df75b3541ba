import type { BridgeSummary, ChannelState, ChannelSummary, TelephonyEvent } from './telephony-event.types';

// Raw ARI JSON, typed just enough to read what we map. Everything here is what Asterisk 22 sends (see
// shared/ari-observed); fields are optional because the simulator and older versions may omit some.
export interface RawAriChannel {
  id: string;
  name?: string;
  state?: string;
  caller?: { name?: string; number?: string };
  connected?: { name?: string; number?: string };
  dialplan?: { context?: string; exten?: string; priority?: number; app_name?: string; app_data?: string };
  creationtime?: string;
}

export interface RawAriBridge {
  id: string;
  bridge_type?: string;
  name?: string;
  channels?: string[];
}

export interface RawAriEvent {
  type: string;
  timestamp?: string;
  application?: string;
  [key: string]: unknown;
}

export function toChannelSummary(c: RawAriChannel): ChannelSummary {
  return {
    id: c.id,
    name: c.name ?? '',
    state: (c.state ?? 'Unknown') as ChannelState,
    callerNumber: c.caller?.number ?? '',
    callerName: c.caller?.name ?? '',
    connectedNumber: c.connected?.number ?? '',
    dialplan: {
      context: c.dialplan?.context ?? '',
      exten: c.dialplan?.exten ?? '',
      priority: c.dialplan?.priority ?? 0,
      app: c.dialplan?.app_name ?? '',
      appData: c.dialplan?.app_data ?? '',
    },
    creationTime: c.creationtime ?? '',
  };
}

export function toBridgeSummary(b: RawAriBridge): BridgeSummary {
  return { id: b.id, type: b.bridge_type ?? '', name: b.name ?? '', channelIds: b.channels ?? [] };
}

/** True when the channel currently runs Stasis() for `app` (e.g. app_data `dialer,outbound,x`). */
export function isInStasisApp(c: ChannelSummary, app: string): boolean {
  return c.dialplan.app === 'Stasis' && c.dialplan.appData.split(',')[0] === app;
}

function splitTarget(uri: string): { channelId?: string; bridgeId?: string } {
  if (uri.startsWith('channel:')) return { channelId: uri.slice('channel:'.length) };
  if (uri.startsWith('bridge:')) return { bridgeId: uri.slice('bridge:'.length) };
  return {};
}

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/**
 * Turns one ARI event into our typed event, or undefined for the ones we do not model (ChannelVarset,
 * ChannelDialplan, ChannelCallerId, ChannelConnectedLine, BridgeCreated, ...).
 */
export function mapAriEvent(raw: RawAriEvent): TelephonyEvent | undefined {
  const timestamp = raw.timestamp ?? new Date().toISOString();
  const channel = raw.channel as RawAriChannel | undefined;
  switch (raw.type) {
    case 'StasisStart': {
      if (!channel) return undefined;
      const replace = raw.replace_channel as RawAriChannel | undefined;
      return {
        type: 'stasisStart',
        timestamp,
        channelId: channel.id,
        args: Array.isArray(raw.args) ? (raw.args as unknown[]).map(String) : [],
        channel: toChannelSummary(channel),
        ...(replace ? { replacedChannelId: replace.id } : {}),
      };
    }
    case 'ChannelStateChange':
      if (!channel) return undefined;
      return {
        type: 'stateChange',
        timestamp,
        channelId: channel.id,
        state: (channel.state ?? 'Unknown') as ChannelState,
      };
    case 'Dial': {
      const peer = raw.peer as RawAriChannel | undefined;
      if (!peer) return undefined;
      const caller = raw.caller as RawAriChannel | undefined;
      return {
        type: 'dial',
        timestamp,
        channelId: peer.id,
        ...(caller ? { callerId: caller.id } : {}),
        dialstatus: typeof raw.dialstatus === 'string' ? raw.dialstatus : '',
        dialstring: typeof raw.dialstring === 'string' ? raw.dialstring : '',
      };
    }
    case 'ChannelHangupRequest': {
      if (!channel) return undefined;
      const cause = num(raw.cause);
      const techCause = num(raw.tech_cause);
      return {
        type: 'hangupRequest',
        timestamp,
        channelId: channel.id,
        ...(cause !== undefined ? { cause } : {}),
        soft: raw.soft === true,
        ...(techCause !== undefined ? { techCause } : {}),
      };
    }
    case 'ChannelDestroyed': {
      if (!channel) return undefined;
      const techCause = num(raw.tech_cause);
      return {
        type: 'destroyed',
        timestamp,
        channelId: channel.id,
        cause: num(raw.cause) ?? 0,
        causeTxt: typeof raw.cause_txt === 'string' ? raw.cause_txt : '',
        ...(techCause !== undefined ? { techCause } : {}),
        lost: false,
      };
    }
    case 'ChannelDtmfReceived':
      if (!channel) return undefined;
      return {
        type: 'dtmf',
        timestamp,
        channelId: channel.id,
        digit: String(raw.digit ?? ''),
        durationMs: num(raw.duration_ms) ?? 0,
      };
    case 'PlaybackStarted':
    case 'PlaybackFinished': {
      const p = raw.playback as { id: string; media_uri?: string; target_uri?: string; state?: string } | undefined;
      if (!p) return undefined;
      const targetUri = p.target_uri ?? '';
      return {
        type: raw.type === 'PlaybackStarted' ? 'playbackStarted' : 'playbackFinished',
        timestamp,
        playbackId: p.id,
        mediaUri: p.media_uri ?? '',
        targetUri,
        ...splitTarget(targetUri),
        state: p.state ?? '',
      };
    }
    case 'ChannelEnteredBridge':
    case 'ChannelLeftBridge': {
      const bridge = raw.bridge as RawAriBridge | undefined;
      if (!channel || !bridge) return undefined;
      return {
        type: raw.type === 'ChannelEnteredBridge' ? 'enteredBridge' : 'leftBridge',
        timestamp,
        channelId: channel.id,
        bridgeId: bridge.id,
      };
    }
    case 'BridgeDestroyed': {
      const bridge = raw.bridge as RawAriBridge | undefined;
      if (!bridge) return undefined;
      return { type: 'bridgeDestroyed', timestamp, bridgeId: bridge.id, lost: false };
    }
    case 'StasisEnd':
      if (!channel) return undefined;
      return { type: 'stasisEnd', timestamp, channelId: channel.id };
    case 'RecordingFinished':
    case 'RecordingFailed': {
      const r = raw.recording as { name: string; target_uri?: string; duration?: number; cause?: string } | undefined;
      if (!r) return undefined;
      const targetUri = r.target_uri ?? '';
      const { channelId } = splitTarget(targetUri);
      return {
        type: raw.type === 'RecordingFinished' ? 'recordingFinished' : 'recordingFailed',
        timestamp,
        name: r.name,
        targetUri,
        ...(channelId ? { channelId } : {}),
        ...(r.duration !== undefined ? { durationSeconds: r.duration } : {}),
        ...(r.cause !== undefined ? { cause: r.cause } : {}),
      };
    }
    default:
      return undefined;
  }
}
