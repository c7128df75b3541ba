import { randomUUID } from 'node:crypto';
import { defaultPopulation, Rng, sample, type PopulationModel } from '@app/population';
import {
  AMD_CAUSES,
  causeText,
  decideBehaviour,
  DEFAULT_DECLARED_ENDPOINTS,
  endpointDeclared,
  FAILURES,
  HANGUP_REASONS,
  parseEndpoint,
  type ParsedEndpoint,
} from './sim-behaviour';
import type { SimEventType } from './sim-swagger';
import { InboundDriver, profileOf } from './sim-inbound';
import type {
  Behaviour,
  InboundCall,
  InboundGeneratorConfig,
  InboundPrompt,
  NumberBehaviour,
  SimStats,
} from './sim-types';

type ChannelState = 'Down' | 'Ring' | 'Ringing' | 'Up' | 'Busy';
interface CallerId {
  name: string;
  number: string;
}
interface Dialplan {
  context: string;
  exten: string;
  priority: number;
  app_name: string;
  app_data: string;
}

/** Fields every channel snapshot carries (also the Local `;2` half, which only exists for its events). */
interface ChannelInfo {
  id: string;
  name: string;
  state: ChannelState;
  protocolId: string;
  caller: CallerId;
  connected: CallerId;
  dialplan: Dialplan;
  creationtime: string;
}

type Flow = 'originate' | 'create' | 'inbound' | 'snoop';

export interface SimChannel extends ChannelInfo {
  app?: string;
  args: string[];
  inStasis: boolean;
  flow: Flow;
  tech: 'Local' | 'PJSIP' | 'Snoop';
  dialstring: string;
  behaviour?: Behaviour;
  /** Local `;2` half for originated Local channels (Asterisk sends its events to the app too). */
  half?: ChannelInfo;
  timers: Set<NodeJS.Timeout>;
  bridge?: SimBridge;
  vars: Record<string, string>;
  alive: boolean;
  dialing: boolean;
  answered: boolean;
  /** Local create+dial: the dial already failed (BUSY/CONGESTION); the channel waits for the timeout. */
  dialFailed: boolean;
  playQueue: SimPlayback[];
  recordings: Set<SimRecording>;
  /** Inbound: hang up when this fires unless bridged with someone first. */
  patienceTimer?: NodeJS.Timeout;
  inboundTalkSeconds?: number;
  /** Inbound: keys the caller presses when a matching prompt starts playing to them. */
  prompts?: InboundPrompt[];
  /** Music on hold class playing to the channel (`POST /channels/{id}/moh`); '' = the default class. */
  moh?: string;
  /** Outbound person: hangs up when this fires unless bridged with someone (abandoned call). */
  silenceTimer?: NodeJS.Timeout;
  /** A Snoop channel (POST /channels/{id}/snoop): whom it spies on, and the audio directions. */
  snoop?: { spiedId: string; spy: string; whisper: string };
}

export interface SimBridge {
  id: string;
  name: string;
  type: 'mixing' | 'holding';
  channels: SimChannel[];
  creationtime: string;
  apps: Set<string>;
  playQueue: SimPlayback[];
  /**
   * Music on hold class playing into the bridge (`POST /bridges/{id}/moh`); '' = the default class. Asterisk plays
   * it through an internal `Announcer/ARI_MOH` channel it pushes into the bridge; the simulator keeps only the state.
   */
  moh?: string;
}

export interface SimPlayback {
  id: string;
  media: string[];
  target: { kind: 'channel'; channel: SimChannel } | { kind: 'bridge'; bridge: SimBridge };
  state: 'queued' | 'playing' | 'done';
  language: string;
  timer?: NodeJS.Timeout;
}

export interface SimRecording {
  name: string;
  format: string;
  channel: SimChannel;
  state: 'queued' | 'recording' | 'done';
  startedAt: number;
  timer?: NodeJS.Timeout;
}

/** An error an ARI route answers with. */
export class AriError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(typeof body === 'object' && body && 'message' in body ? String(body.message) : `HTTP ${status}`);
  }
}
const notFound = (what: string): AriError => new AriError(404, { message: `${what} not found` });

/** Where events go. The HTTP layer registers WebSocket connections here. */
export interface EventSink {
  apps: ReadonlySet<string>;
  subscribeAll: boolean;
  send(data: string): void;
}

/** Media lengths in seconds for sounds we know; anything else plays for DEFAULT_SOUND_SECONDS. */
const SOUND_SECONDS: Record<string, number> = {
  'hello-world': 1.4,
  hello: 0.8,
  beep: 0.3,
  'tt-monkeys': 9,
  'tt-weasels': 4,
  'pls-hold-while-try': 2.2,
  'queue-periodic-announce': 3.6,
  'queue-thankyou': 2,
  'agent-loginok': 1,
  'vm-goodbye': 0.8,
  'demo-congrats': 16,
};
const DEFAULT_SOUND_SECONDS = 3;

function mediaSeconds(media: string): number {
  const colon = media.indexOf(':');
  const scheme = colon >= 0 ? media.slice(0, colon) : 'sound';
  const what = colon >= 0 ? media.slice(colon + 1) : media;
  switch (scheme) {
    case 'sound': {
      const silence = /^silence\/(\d+(?:\.\d+)?)$/.exec(what);
      if (silence) return Number(silence[1]);
      return SOUND_SECONDS[what] ?? DEFAULT_SOUND_SECONDS;
    }
    case 'tone':
      // tones (ring, busy, ...) play until stopped
      return Number.POSITIVE_INFINITY;
    case 'digits':
    case 'characters':
      return Math.max(0.3, what.length * 0.5);
    case 'number':
      return 1;
    case 'recording':
      return 5;
    default:
      return DEFAULT_SOUND_SECONDS;
  }
}

/** A bug in one scheduled step must not take the whole simulator (and the demo on top of it) down. */
function guarded(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    console.error('asterisk-sim: scheduled step failed', err);
  }
}

function timestamp(ms = Date.now()): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

function parseCallerId(callerId: string | undefined): CallerId {
  if (!callerId) return { name: '', number: '' };
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]*)>\s*$/.exec(callerId);
  if (m) return { name: m[1].trim(), number: m[2].trim() };
  return { name: '', number: callerId.trim() };
}

export interface EngineOptions {
  seed: number;
  timeScale: number;
  population?: PopulationModel;
  asteriskId: string;
}

/**
 * The simulated Asterisk: channels, bridges, playbacks, recordings and the events they produce, in the order
 * observed on Asterisk 22 (see /work/shared/ari-observed). One setTimeout per scheduled step, kept per channel so a
 * hangup cancels them; no intervals.
 */
export class SimEngine {
  readonly channels = new Map<string, SimChannel>();
  readonly bridges = new Map<string, SimBridge>();
  readonly playbacks = new Map<string, SimPlayback>();
  readonly recordings = new Map<string, SimRecording>();
  readonly numbers = new Map<string, NumberBehaviour>();
  readonly agents = new Set<string>();
  /** PJSIP endpoints that exist (patterns, see DEFAULT_DECLARED_ENDPOINTS); agents registered are declared too. */
  readonly declared = new Set<string>(DEFAULT_DECLARED_ENDPOINTS);
  readonly sinks = new Set<EventSink>();
  /** The sink that currently owns each app (a newer connection replaces an older one). */
  readonly appOwners = new Map<string, EventSink>();
  population: PopulationModel;
  timeScale: number;
  seed: number;
  readonly asteriskId: string;
  eventsSent = 0;
  originates = 0;
  private readonly initialPopulation: PopulationModel;
  private readonly attempts = new Map<string, number>();
  private readonly globalTimers = new Set<NodeJS.Timeout>();
  private rng: Rng;
  private seq = 0;
  private readonly epoch = Math.floor(Date.now() / 1000);

  constructor(opts: EngineOptions) {
    this.seed = opts.seed;
    this.timeScale = opts.timeScale > 0 ? opts.timeScale : 1;
    this.population = opts.population ?? defaultPopulation();
    this.initialPopulation = this.population;
    this.asteriskId = opts.asteriskId;
    this.rng = new Rng(opts.seed).fork('engine');
  }

  // ---------------------------------------------------------------- events

  private targets(apps: Iterable<string | undefined>): Map<EventSink, string> {
    const out = new Map<EventSink, string>();
    for (const app of apps) {
      if (!app) continue;
      const owner = this.appOwners.get(app);
      if (owner && !out.has(owner)) out.set(owner, app);
    }
    for (const sink of this.sinks) {
      if (sink.subscribeAll && !out.has(sink)) {
        const first = sink.apps.values().next();
        if (!first.done) out.set(sink, first.value);
      }
    }
    return out;
  }

  private emit(apps: Iterable<string | undefined>, type: SimEventType, payload: Record<string, unknown>): void {
    const targets = this.targets(apps);
    if (targets.size === 0) return;
    const ts = timestamp();
    for (const [sink, app] of targets) {
      const data = JSON.stringify({ type, timestamp: ts, ...payload, asterisk_id: this.asteriskId, application: app });
      sink.send(data);
      this.eventsSent++;
    }
  }

  isAppActive(app: string): boolean {
    return this.appOwners.has(app);
  }

  snapshot(c: ChannelInfo): Record<string, unknown> {
    return {
      id: c.id,
      name: c.name,
      state: c.state,
      protocol_id: c.protocolId,
      caller: c.caller,
      connected: c.connected,
      accountcode: '',
      dialplan: c.dialplan,
      creationtime: c.creationtime,
      language: 'en',
    };
  }

  bridgeSnapshot(b: SimBridge): Record<string, unknown> {
    const holding = b.type === 'holding';
    return {
      id: b.id,
      technology: holding ? 'holding_bridge' : 'simple_bridge',
      bridge_type: b.type,
      bridge_class: 'stasis',
      creator: 'Stasis',
      name: b.name,
      channels: b.channels.map((c) => c.id),
      creationtime: b.creationtime,
      video_mode: holding ? 'none' : 'talker',
    };
  }

  playbackSnapshot(p: SimPlayback): Record<string, unknown> {
    return {
      id: p.id,
      media_uri: p.media[0] ?? '',
      target_uri: p.target.kind === 'channel' ? `channel:${p.target.channel.id}` : `bridge:${p.target.bridge.id}`,
      language: p.language,
      state: p.state,
    };
  }

  recordingSnapshot(r: SimRecording): Record<string, unknown> {
    const base: Record<string, unknown> = {
      name: r.name,
      format: r.format,
      state: r.state,
      target_uri: `channel:${r.channel.id}`,
    };
    if (r.state === 'done') {
      const duration = Math.round(((Date.now() - r.startedAt) / 1000) * this.timeScale);
      base.duration = duration;
      base.talking_duration = duration;
      base.silence_duration = 0;
    }
    return base;
  }

  private chEvent(c: SimChannel, type: SimEventType, extra: Record<string, unknown> = {}): void {
    this.emit([c.app], type, { ...extra, channel: this.snapshot(c) });
  }

  private halfEvent(c: SimChannel, type: SimEventType, extra: Record<string, unknown> = {}): void {
    if (c.half) this.emit([c.app], type, { ...extra, channel: this.snapshot(c.half) });
  }

  private dialEvent(c: SimChannel, dialstatus: string, dialstring: string): void {
    this.emit([c.app], 'Dial', { dialstatus, forward: '', dialstring, peer: this.snapshot(c) });
  }

  private setState(c: ChannelInfo & { app?: string }, state: ChannelState, owner?: SimChannel): void {
    if (c.state === state) return;
    c.state = state;
    this.emit([owner?.app ?? c.app], 'ChannelStateChange', { channel: this.snapshot(c) });
  }

  // ---------------------------------------------------------------- timers

  private ms(seconds: number): number {
    return Math.max(0, (seconds * 1000) / this.timeScale);
  }

  private after(c: SimChannel, seconds: number, fn: () => void): NodeJS.Timeout | undefined {
    if (!Number.isFinite(seconds)) return undefined;
    const t = setTimeout(() => {
      c.timers.delete(t);
      if (c.alive) guarded(fn);
    }, this.ms(seconds));
    c.timers.add(t);
    return t;
  }

  private cancel(c: SimChannel, t: NodeJS.Timeout | undefined): void {
    if (!t) return;
    clearTimeout(t);
    c.timers.delete(t);
  }

  private globalAfter(seconds: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.globalTimers.delete(t);
      guarded(fn);
    }, this.ms(seconds));
    this.globalTimers.add(t);
  }

  // ---------------------------------------------------------------- channels

  private nextSeq(): string {
    this.seq++;
    return this.seq.toString(16).padStart(8, '0');
  }

  private uniqueId(): string {
    return `${this.epoch}.${this.seq + 1}`;
  }

  getChannel(id: string): SimChannel {
    const c = this.channels.get(id);
    if (!c) throw new AriError(404, { message: 'Channel not found' });
    return c;
  }

  private parse(endpoint: string | undefined): ParsedEndpoint {
    if (!endpoint) throw new AriError(400, { message: 'Endpoint parameter not provided' });
    const parsed = parseEndpoint(endpoint, this.agents);
    // Asterisk 22: an endpoint that is not configured, or whose contact is unreachable / not registered.
    if (!parsed || (parsed.tech === 'PJSIP' && !this.endpointExists(endpoint))) {
      throw new AriError(500, { error: 'Allocation failed' });
    }
    return parsed;
  }

  /** A PJSIP endpoint the simulated Asterisk has (declared, or registered as an agent phone). */
  endpointExists(endpoint: string): boolean {
    const rest = endpoint.slice(endpoint.indexOf('/') + 1);
    return this.agents.has(endpoint) || this.agents.has(rest) || endpointDeclared(this.declared, endpoint);
  }

  private newChannel(
    parsed: ParsedEndpoint,
    flow: Flow,
    opts: { channelId?: string; otherChannelId?: string; callerId?: string; app?: string; args: string[] },
  ): SimChannel {
    const id = opts.channelId || this.uniqueId();
    if (this.channels.has(id)) throw new AriError(409, { message: 'Channel with given unique ID already exists' });
    const seq = this.nextSeq();
    const caller = parseCallerId(opts.callerId);
    const now = timestamp();
    const local = parsed.tech === 'Local';
    const c: SimChannel = {
      id,
      name: local ? `Local/${parsed.nameBase}-${seq};1` : `PJSIP/${parsed.nameBase}-${seq}`,
      state: 'Down',
      protocolId: local ? '' : randomUUID(),
      caller,
      connected: caller,
      dialplan: {
        context: parsed.context ?? 'default',
        exten: parsed.exten ?? 's',
        priority: 1,
        app_name: flow === 'create' ? 'Stasis' : 'AppDial2',
        app_data: flow === 'create' ? [opts.app, ...opts.args].join(',') : '(Outgoing Line)',
      },
      creationtime: now,
      app: opts.app,
      args: opts.args,
      inStasis: false,
      flow,
      tech: parsed.tech,
      dialstring: parsed.dialstring,
      timers: new Set(),
      vars: {},
      alive: true,
      dialing: false,
      answered: false,
      dialFailed: false,
      playQueue: [],
      recordings: new Set(),
    };
    if (local && flow === 'originate') {
      c.half = {
        id: opts.otherChannelId || `${id};2`,
        name: `Local/${parsed.nameBase}-${seq};2`,
        state: 'Ring',
        protocolId: '',
        caller,
        connected: caller,
        dialplan: {
          context: parsed.context ?? 'default',
          exten: parsed.exten ?? 's',
          priority: 1,
          app_name: '',
          app_data: '',
        },
        creationtime: now,
      };
    }
    this.channels.set(id, c);
    return c;
  }

  private behaviourFor(parsed: ParsedEndpoint): Behaviour {
    // Hour-of-day answer rates use the simulator's local wall clock (numbers carry no time zone here).
    const localHour = typeof this.population.humanAnswer === 'number' ? undefined : new Date().getHours();
    return decideBehaviour(parsed, this.numbers, this.population, this.seed, this.attemptFor(parsed.number), localHour);
  }

  private attemptFor(number: string): number {
    const n = (this.attempts.get(number) ?? 0) + 1;
    this.attempts.set(number, n);
    return n;
  }

  /** POST /channels and /channels/{id}. */
  originate(q: Record<string, string | undefined>, variables?: Record<string, string>): SimChannel {
    const parsed = this.parse(q.endpoint);
    if (!q.app && !q.extension) throw new AriError(400, { message: 'Application or extension must be specified' });
    const args = q.app && q.appArgs ? q.appArgs.split(',') : [];
    const c = this.newChannel(parsed, 'originate', {
      channelId: q.channelId,
      otherChannelId: q.otherChannelId,
      callerId: q.callerId,
      app: q.app,
      args,
    });
    if (!q.app && q.context) c.dialplan = { ...c.dialplan, context: q.context };
    if (variables) Object.assign(c.vars, variables);
    c.behaviour = this.behaviourFor(parsed);
    this.originates++;
    const timeout = q.timeout != null && q.timeout !== '' ? Number(q.timeout) : 30;
    setImmediate(() => {
      if (c.alive) this.startDial(c, timeout);
    });
    return c;
  }

  /** POST /channels/create: the channel enters Stasis at once (state Down); the app dials it later. */
  create(q: Record<string, string | undefined>, variables?: Record<string, string>): SimChannel {
    const parsed = this.parse(q.endpoint);
    if (!q.app) throw new AriError(400, { message: 'Application must be specified' });
    const args = q.appArgs ? q.appArgs.split(',') : [];
    const c = this.newChannel(parsed, 'create', {
      channelId: q.channelId,
      otherChannelId: q.otherChannelId,
      app: q.app,
      args,
    });
    if (variables) Object.assign(c.vars, variables);
    c.behaviour = this.behaviourFor(parsed);
    setImmediate(() => {
      if (!c.alive) return;
      if (!this.isAppActive(q.app!)) return this.destroyQuietly(c);
      c.inStasis = true;
      this.chEvent(c, 'StasisStart', { args: c.args });
    });
    return c;
  }

  /** POST /channels/{id}/dial. */
  dial(id: string, q: Record<string, string | undefined>): void {
    const c = this.getChannel(id);
    if (c.flow !== 'create' || c.dialing || c.answered)
      throw new AriError(409, { message: 'Channel is not in a dialable state' });
    if (q.caller) {
      const other = this.channels.get(q.caller);
      if (other) c.connected = other.caller;
    }
    const timeout = q.timeout != null && q.timeout !== '' ? Number(q.timeout) : 0;
    this.startDial(c, timeout);
  }

  private startDial(c: SimChannel, timeoutSeconds: number): void {
    const b = c.behaviour!;
    const originate = c.flow === 'originate';
    const local = c.tech === 'Local';
    c.dialing = true;
    this.dialEvent(c, '', c.dialstring);
    // Local congestion / invalid / rejected fail inside the dialplan before any ringing; SIP peers always ring first.
    const rings = !(local && (b.outcome === 'congestion' || b.outcome === 'invalid' || b.outcome === 'rejected'));
    if (rings) {
      this.setState(c, 'Ringing');
      this.dialEvent(c, 'RINGING', originate ? c.dialstring : '');
    }
    let timeoutTimer: NodeJS.Timeout | undefined;
    if (timeoutSeconds > 0) timeoutTimer = this.after(c, timeoutSeconds, () => this.dialTimeout(c));
    const resolves = b.outcome !== 'noanswer' && Number.isFinite(b.ringSeconds);
    if (resolves && !(timeoutSeconds > 0 && b.ringSeconds >= timeoutSeconds)) {
      this.after(c, b.ringSeconds, () => {
        if (FAILURES[b.outcome]) this.dialFailed(c);
        else {
          this.cancel(c, timeoutTimer);
          this.dialAnswered(c);
        }
      });
    }
  }

  private dialAnswered(c: SimChannel): void {
    const b = c.behaviour!;
    c.answered = true;
    c.dialing = false;
    if (c.half) {
      c.half.state = 'Up';
      this.halfEvent(c, 'ChannelStateChange');
    }
    this.setState(c, 'Up');
    this.dialEvent(c, 'ANSWER', c.flow === 'originate' ? c.dialstring : '');
    if (c.flow === 'originate') {
      if (!c.app) {
        // originated into the dialplan: nothing for an app to see
      } else if (!this.isAppActive(c.app)) {
        // Asterisk: "Stasis app not active" - the channel is hung up
        return this.destroyQuietly(c);
      } else {
        c.dialplan = { ...c.dialplan, app_name: 'Stasis', app_data: [c.app, ...c.args].join(',') };
        c.inStasis = true;
        this.chEvent(c, 'StasisStart', { args: c.args });
      }
    }
    if (b.talkSeconds != null && b.outcome !== 'agent') this.after(c, b.talkSeconds, () => this.remoteHangup(c));
    if (b.silenceSeconds != null) {
      c.silenceTimer = this.after(c, b.silenceSeconds, () => {
        if (!this.bridgedWithSomeone(c)) this.remoteHangup(c);
      });
    }
  }

  private bridgedWithSomeone(c: SimChannel): boolean {
    return c.bridge != null && c.bridge.type === 'mixing' && c.bridge.channels.length >= 2;
  }

  private dialFailed(c: SimChannel): void {
    const b = c.behaviour!;
    const f = FAILURES[b.outcome]!;
    if (c.tech === 'Local') {
      const status = b.outcome === 'busy' ? 'BUSY' : b.outcome === 'congestion' ? 'CONGESTION' : 'NOANSWER';
      if (c.flow === 'create' && b.outcome !== 'busy' && b.outcome !== 'congestion') {
        // Asterisk 22: the far end's cause (21, 1) lands on the created ;1 itself, and no final Dial event comes.
        this.chEvent(c, 'ChannelHangupRequest', { cause: f.cause });
        this.leaveStasis(c);
        this.finish(c, f.cause);
        return;
      }
      if (c.flow === 'create') {
        // The Local ;1 stays up after Dial(BUSY) until the dial timeout or the app hangs up.
        c.dialFailed = true;
        this.dialEvent(c, status, '');
        return;
      }
      if (b.outcome === 'busy' || b.outcome === 'congestion') {
        // Asterisk destroys the ;1 with cause 0: the reason is only in Dial.dialstatus.
        if (c.half) {
          c.half.state = 'Busy';
          this.halfEvent(c, 'ChannelStateChange');
        }
        this.dialEvent(c, status, c.dialstring);
        this.halfEvent(c, 'ChannelHangupRequest', { cause: 0 });
        this.finish(c, 0);
        this.halfEvent(c, 'ChannelHangupRequest', { cause: 16, soft: true });
        this.halfEvent(c, 'ChannelDestroyed', { cause: f.cause, cause_txt: causeText(f.cause) });
        return;
      }
      this.halfEvent(c, 'ChannelHangupRequest', { cause: 16, soft: true });
      this.chEvent(c, 'ChannelHangupRequest', { cause: f.cause });
      this.halfEvent(c, 'ChannelDestroyed', { cause: f.cause, cause_txt: causeText(f.cause) });
      this.dialEvent(c, status, c.dialstring);
      this.finish(c, f.cause);
      return;
    }
    this.chEvent(c, 'ChannelHangupRequest', { cause: f.cause, tech_cause: f.sip });
    if (c.flow === 'originate') this.dialEvent(c, f.dialstatus, c.dialstring);
    this.leaveStasis(c);
    this.finish(c, f.cause, f.sip);
  }

  private dialTimeout(c: SimChannel): void {
    if (c.answered) return;
    const tech = c.tech === 'PJSIP' ? 480 : undefined;
    if (c.flow === 'create') {
      this.chEvent(c, 'ChannelHangupRequest', { cause: 32, soft: true });
      this.leaveStasis(c);
      this.finish(c, 19, tech);
      return;
    }
    if (c.half) {
      this.halfEvent(c, 'ChannelHangupRequest', { cause: 19 });
      this.finish(c, 19);
      this.halfEvent(c, 'ChannelHangupRequest', { cause: 16, soft: true });
      this.halfEvent(c, 'ChannelDestroyed', { cause: 19, cause_txt: causeText(19) });
      return;
    }
    this.finish(c, 19, tech);
  }

  /** The far end hangs up (SIP BYE / the Local dialplan ends). */
  remoteHangup(c: SimChannel): void {
    if (!c.alive) return;
    if (c.half) {
      this.halfEvent(c, 'ChannelHangupRequest', { cause: 16, soft: true });
      this.chEvent(c, 'ChannelHangupRequest', { cause: 16 });
      this.halfEvent(c, 'ChannelDestroyed', { cause: 16, cause_txt: causeText(16) });
      this.leaveStasis(c);
      this.finish(c, 16);
      return;
    }
    if (c.tech === 'Local') this.chEvent(c, 'ChannelHangupRequest', { cause: 16 });
    else this.chEvent(c, 'ChannelHangupRequest'); // SIP BYE carries no cause
    this.leaveStasis(c);
    if (c.flow === 'inbound') this.finish(c, 16, undefined, false);
    else this.finish(c, 16);
  }

  /** DELETE /channels/{id}. */
  hangup(id: string, reasonCode?: string, reason?: string): void {
    const c = this.getChannel(id);
    let cause = 16;
    if (reasonCode != null && reasonCode !== '' && Number.isFinite(Number(reasonCode))) cause = Number(reasonCode);
    else if (reason) {
      const mapped = HANGUP_REASONS[reason];
      if (mapped == null) throw new AriError(400, { message: 'Invalid reason for hangup provided' });
      cause = mapped;
    }
    this.chEvent(c, 'ChannelHangupRequest', { cause: 32, soft: true });
    this.leaveStasis(c);
    if (c.half) {
      this.halfEvent(c, 'ChannelHangupRequest', { cause: 16 });
      this.finish(c, cause);
      this.halfEvent(c, 'ChannelHangupRequest', { cause: 16, soft: true });
      this.halfEvent(c, 'ChannelDestroyed', { cause, cause_txt: causeText(cause) });
      return;
    }
    this.finish(c, cause, undefined, c.flow !== 'inbound');
  }

  /** Playbacks stop, the bridge is left and StasisEnd goes out (if the channel is in Stasis). */
  private leaveStasis(c: SimChannel): void {
    this.stopChannelMedia(c);
    if (c.bridge) this.removeFromBridge(c.bridge, c);
    if (c.inStasis) {
      c.inStasis = false;
      this.chEvent(c, 'StasisEnd');
    }
  }

  /** Final teardown: ChannelDestroyed (unless a dialplan-entered inbound channel) and cleanup. */
  private finish(c: SimChannel, cause: number, techCause?: number, destroyedEvent = true): void {
    if (!c.alive) return;
    this.stopChannelMedia(c);
    if (c.bridge) this.removeFromBridge(c.bridge, c);
    c.dialplan = {
      ...c.dialplan,
      app_name: c.flow === 'originate' ? 'AppDial2' : '',
      app_data: c.flow === 'originate' ? '(Outgoing Line)' : '',
    };
    if (destroyedEvent) {
      const extra: Record<string, unknown> = { cause, cause_txt: causeText(cause) };
      if (techCause != null) extra.tech_cause = techCause;
      this.chEvent(c, 'ChannelDestroyed', extra);
    }
    this.cleanup(c);
  }

  private destroyQuietly(c: SimChannel): void {
    this.stopChannelMedia(c, false);
    if (c.bridge) {
      const b = c.bridge;
      b.channels = b.channels.filter((x) => x !== c);
      c.bridge = undefined;
    }
    this.cleanup(c);
  }

  private cleanup(c: SimChannel): void {
    c.alive = false;
    // A Snoop channel hangs up when the channel it spies on is gone (its audiohook stops, the read fails).
    for (const s of this.channels.values())
      if (s.snoop?.spiedId === c.id && s.alive) setImmediate(() => this.remoteHangup(s));
    for (const t of c.timers) clearTimeout(t);
    c.timers.clear();
    if (c.patienceTimer) clearTimeout(c.patienceTimer);
    this.channels.delete(c.id);
  }

  answer(id: string): void {
    const c = this.getChannel(id);
    if (!c.inStasis) throw new AriError(409, { message: 'Channel not in Stasis application' });
    if (c.state !== 'Up') {
      c.answered = true;
      this.setState(c, 'Up');
    }
  }

  ring(id: string): void {
    const c = this.getChannel(id);
    if (!c.inStasis) throw new AriError(409, { message: 'Channel not in Stasis application' });
  }

  requireInStasis(id: string): SimChannel {
    const c = this.getChannel(id);
    if (!c.inStasis) throw new AriError(409, { message: 'Channel not in Stasis application' });
    return c;
  }

  /** POST /channels/{id}/continue. Context `dialer-amd` runs the simulated AMD and re-enters Stasis with a verdict. */
  continueInDialplan(id: string, q: Record<string, string | undefined>): void {
    const c = this.requireInStasis(id);
    const context = q.context || c.dialplan.context;
    const exten = q.extension || 's';
    const priority = q.priority ? Number(q.priority) : 1;
    this.leaveStasis(c);
    const amd = /amd/i.test(context);
    c.dialplan = { context, exten, priority, app_name: amd ? 'AMD' : '', app_data: '' };
    if (!amd || !c.app) return;
    const app = c.app;
    this.after(c, 2.5, () => {
      const verdict = c.behaviour?.amdVerdict ?? 'HUMAN';
      const cause = AMD_CAUSES[verdict];
      const args = ['amd', verdict, cause];
      c.dialplan = { context, exten, priority: priority + 2, app_name: 'Stasis', app_data: [app, ...args].join(',') };
      if (!this.isAppActive(app)) return;
      c.inStasis = true;
      c.args = args;
      this.chEvent(c, 'StasisStart', { args });
    });
  }

  setVariable(id: string, variable: string | undefined, value: string | undefined): void {
    const c = this.getChannel(id);
    if (!variable) throw new AriError(400, { message: 'Variable name is required' });
    c.vars[variable] = value ?? '';
  }

  getVariable(id: string, variable: string | undefined): { value: string } {
    const c = this.getChannel(id);
    if (!variable) throw new AriError(400, { message: 'Variable name is required' });
    const v = c.vars[variable];
    if (v === undefined) throw new AriError(404, { message: 'Provided variable was not found' });
    return { value: v };
  }

  /** Simulates the far end pressing keys (control API). */
  sendDtmfFromFarEnd(id: string, digits: string): void {
    const c = this.getChannel(id);
    let delay = 0;
    for (const digit of digits) {
      this.after(c, delay, () => this.chEvent(c, 'ChannelDtmfReceived', { digit, duration_ms: 100 }));
      delay += 0.25;
    }
  }

  /** A Snoop channel built by sim-snoop.ts enters Stasis (state Up, as res_stasis_snoop allocates it). */
  startSnoop(c: SimChannel): void {
    if (this.channels.has(c.id)) throw new AriError(409, { message: 'Channel with given unique ID already exists' });
    c.name = `Snoop/${c.snoop?.spiedId ?? ''}-${this.nextSeq()}`;
    this.channels.set(c.id, c);
    setImmediate(() => {
      if (!c.alive) return;
      if (!c.app || !this.isAppActive(c.app)) return this.destroyQuietly(c);
      c.inStasis = true;
      this.chEvent(c, 'StasisStart', { args: c.args });
    });
  }

  newUniqueId(): string {
    return this.uniqueId();
  }

  // ---------------------------------------------------------------- bridges

  getBridge(id: string): SimBridge {
    const b = this.bridges.get(id);
    if (!b) throw notFound('Bridge');
    return b;
  }

  createBridge(q: Record<string, string | undefined>, idFromPath?: string): SimBridge {
    const id = idFromPath || q.bridgeId || randomUUID();
    const existing = this.bridges.get(id);
    if (existing) return existing;
    const b: SimBridge = {
      id,
      name: q.name ?? '',
      type: (q.type ?? '').includes('holding') ? 'holding' : 'mixing',
      channels: [],
      creationtime: timestamp(),
      apps: new Set(),
      playQueue: [],
    };
    this.bridges.set(id, b);
    this.emit([], 'BridgeCreated', { bridge: this.bridgeSnapshot(b) });
    return b;
  }

  addToBridge(bridgeId: string, channelIds: string | undefined): void {
    const b = this.getBridge(bridgeId);
    if (!channelIds) throw new AriError(400, { message: 'Missing parameter channel' });
    const list = channelIds.split(',').map((id) => this.channels.get(id.trim()));
    if (list.some((c) => !c)) throw new AriError(400, { message: 'Channel not found' });
    const chans = list as SimChannel[];
    if (chans.some((c) => !c.inStasis)) throw new AriError(422, { message: 'Channel not in Stasis application' });
    for (const c of chans) {
      if (c.bridge === b) continue;
      if (c.bridge) this.removeFromBridge(c.bridge, c);
      b.channels.push(c);
      c.bridge = b;
      if (c.app) b.apps.add(c.app);
      this.emit([c.app, ...b.apps], 'ChannelEnteredBridge', {
        bridge: this.bridgeSnapshot(b),
        channel: this.snapshot(c),
      });
    }
    if (b.type === 'mixing' && b.channels.length >= 2) {
      for (const c of b.channels) {
        this.inboundConnected(c);
        if (c.silenceTimer) {
          this.cancel(c, c.silenceTimer);
          c.silenceTimer = undefined;
        }
      }
    }
  }

  removeFromBridgeById(bridgeId: string, channelIds: string | undefined): void {
    const b = this.getBridge(bridgeId);
    if (!channelIds) throw new AriError(400, { message: 'Missing parameter channel' });
    for (const id of channelIds.split(',')) {
      const c = this.channels.get(id.trim());
      if (!c) throw new AriError(400, { message: 'Channel not found' });
      if (c.bridge !== b) throw new AriError(422, { message: 'Channel not in this bridge' });
    }
    for (const id of channelIds.split(',')) this.removeFromBridge(b, this.channels.get(id.trim())!);
  }

  private removeFromBridge(b: SimBridge, c: SimChannel): void {
    b.channels = b.channels.filter((x) => x !== c);
    c.bridge = undefined;
    this.emit([c.app, ...b.apps], 'ChannelLeftBridge', { bridge: this.bridgeSnapshot(b), channel: this.snapshot(c) });
  }

  destroyBridge(id: string): void {
    const b = this.getBridge(id);
    for (const c of [...b.channels]) this.removeFromBridge(b, c);
    this.stopQueue(b.playQueue, true, [...b.apps]);
    this.bridges.delete(id);
    this.emit(b.apps.size ? b.apps : this.appOwners.keys(), 'BridgeDestroyed', { bridge: this.bridgeSnapshot(b) });
  }

  // ---------------------------------------------------------------- inbound

  /** An inbound call enters Stasis from the dialplan: state Ring, args ["inbound", number, ...]. */
  injectInbound(call: InboundCall): SimChannel | undefined {
    const app = call.app ?? this.appOwners.keys().next().value;
    if (!app || !this.isAppActive(app)) return undefined;
    const id = call.channelId || this.uniqueId();
    if (this.channels.has(id)) throw new AriError(409, { message: 'Channel with given unique ID already exists' });
    const seq = this.nextSeq();
    const args = ['inbound', call.number, ...(call.args ?? [])];
    const caller = { name: call.callerName ?? '', number: call.callerId ?? '' };
    const c: SimChannel = {
      id,
      name: `PJSIP/carrier-${seq}`,
      state: 'Ring',
      protocolId: randomUUID(),
      caller,
      connected: { name: '', number: '' },
      dialplan: {
        context: 'dialer-inbound',
        exten: call.number,
        priority: 2,
        app_name: 'Stasis',
        app_data: [app, ...args].join(','),
      },
      creationtime: timestamp(),
      app,
      args,
      inStasis: true,
      flow: 'inbound',
      tech: 'PJSIP',
      dialstring: '',
      timers: new Set(),
      vars: {},
      alive: true,
      dialing: false,
      answered: false,
      dialFailed: false,
      playQueue: [],
      recordings: new Set(),
      inboundTalkSeconds: call.talkSeconds,
      prompts: call.prompts,
    };
    this.channels.set(id, c);
    this.chEvent(c, 'StasisStart', { args });
    const patience = call.patienceSeconds ?? sample(call.patience ?? this.population.patience, this.rng);
    if (Number.isFinite(patience)) {
      c.patienceTimer = setTimeout(() => {
        c.patienceTimer = undefined;
        this.remoteHangup(c);
      }, this.ms(patience));
    }
    return c;
  }

  /** An inbound caller met someone in a mixing bridge: patience no longer applies, the conversation runs its course. */
  private inboundConnected(c: SimChannel): void {
    if (c.flow !== 'inbound' || !c.patienceTimer) return;
    clearTimeout(c.patienceTimer);
    c.patienceTimer = undefined;
    const talk = c.inboundTalkSeconds ?? sample(this.population.talk, this.rng);
    this.after(c, talk, () => this.remoteHangup(c));
  }

  private generatorToken = 0;
  private drivers: InboundDriver[] = [];

  /** Replaces the inbound generator: one driver per queue (flat rate or daily profile). */
  setInboundGenerator(config: InboundGeneratorConfig): void {
    const token = ++this.generatorToken;
    this.stopGenerator();
    const realStart = Date.now();
    const simStart = config.simulatedStart ? Date.parse(config.simulatedStart) : NaN;
    const clock = Number.isFinite(simStart)
      ? () => simStart + (Date.now() - realStart) * this.timeScale
      : () => Date.now();
    for (const queue of config.queues ?? []) {
      const driver = new InboundDriver(this, profileOf(queue), `${this.rng.seed}:${token}`, clock);
      this.drivers.push(driver);
      driver.start();
    }
  }

  private stopGenerator(): void {
    for (const d of this.drivers) d.stop();
    this.drivers = [];
  }

  /** A caller hears a prompt: they press the configured keys a moment later (see `InboundCall.prompts`). */
  private prompted(c: SimChannel, pb: SimPlayback): void {
    for (const p of c.prompts ?? []) {
      if (!pb.media.some((m) => m === p.media || m.includes(p.media))) continue;
      if (this.rng.next() >= (p.probability ?? 1)) continue;
      this.after(c, p.afterSeconds ?? 0.5, () => {
        if (c.alive && c.inStasis) this.sendDtmfFromFarEnd(c.id, p.digits);
      });
    }
  }

  // ---------------------------------------------------------------- music on hold

  startChannelMoh(id: string, mohClass: string | undefined): void {
    const c = this.requireInStasis(id);
    c.moh = mohClass ?? '';
  }

  stopChannelMoh(id: string): void {
    const c = this.requireInStasis(id);
    c.moh = undefined;
  }

  startBridgeMoh(id: string, mohClass: string | undefined): void {
    this.getBridge(id).moh = mohClass ?? '';
  }

  /** Asterisk answers 409 "Bridge isn't playing music" when no MOH runs in the bridge. */
  stopBridgeMoh(id: string): void {
    const b = this.getBridge(id);
    if (b.moh === undefined) throw new AriError(409, { message: "Bridge isn't playing music" });
    b.moh = undefined;
  }

  /** Which channels and bridges have music on hold, with the class ('' = default). */
  mohState(): { channels: Record<string, string>; bridges: Record<string, string> } {
    const channels: Record<string, string> = {};
    const bridges: Record<string, string> = {};
    for (const c of this.channels.values()) if (c.moh !== undefined) channels[c.id] = c.moh;
    for (const b of this.bridges.values()) if (b.moh !== undefined) bridges[b.id] = b.moh;
    return { channels, bridges };
  }

  // ---------------------------------------------------------------- playbacks

  play(
    target: { kind: 'channel'; id: string } | { kind: 'bridge'; id: string },
    q: Record<string, string | undefined>,
    playbackIdFromPath?: string,
  ): SimPlayback {
    if (!q.media) throw new AriError(400, { message: 'media parameter is required' });
    const id = playbackIdFromPath || q.playbackId || randomUUID();
    if (this.playbacks.has(id)) throw new AriError(409, { message: 'Playback with given id already exists' });
    const t: SimPlayback['target'] =
      target.kind === 'channel'
        ? { kind: 'channel', channel: this.requireInStasis(target.id) }
        : { kind: 'bridge', bridge: this.getBridge(target.id) };
    const pb: SimPlayback = { id, media: q.media.split(','), target: t, state: 'queued', language: q.lang || 'en' };
    this.playbacks.set(id, pb);
    const queue = t.kind === 'channel' ? t.channel.playQueue : t.bridge.playQueue;
    queue.push(pb);
    if (queue.length === 1) setImmediate(() => this.startPlayback(pb));
    return pb;
  }

  private playbackApps(pb: SimPlayback): Iterable<string | undefined> {
    return pb.target.kind === 'channel' ? [pb.target.channel.app] : pb.target.bridge.apps;
  }

  private startPlayback(pb: SimPlayback): void {
    if (pb.state !== 'queued' || !this.playbacks.has(pb.id)) return;
    pb.state = 'playing';
    this.emit(this.playbackApps(pb), 'PlaybackStarted', { playback: this.playbackSnapshot(pb) });
    // Callers who press keys when prompted: the channel itself, or the callers in the bridge it plays to.
    if (pb.target.kind === 'channel') this.prompted(pb.target.channel, pb);
    else for (const c of pb.target.bridge.channels) this.prompted(c, pb);
    const seconds = pb.media.reduce((s, m) => s + mediaSeconds(m), 0);
    if (Number.isFinite(seconds)) {
      pb.timer = setTimeout(() => this.finishPlayback(pb, true), this.ms(seconds));
    }
  }

  private finishPlayback(pb: SimPlayback, emitEvent: boolean): void {
    if (pb.state === 'done') return;
    const wasPlaying = pb.state === 'playing';
    if (pb.timer) clearTimeout(pb.timer);
    pb.state = 'done';
    this.playbacks.delete(pb.id);
    const queue = pb.target.kind === 'channel' ? pb.target.channel.playQueue : pb.target.bridge.playQueue;
    const idx = queue.indexOf(pb);
    if (idx >= 0) queue.splice(idx, 1);
    if (wasPlaying && emitEvent) {
      this.emit(this.playbackApps(pb), 'PlaybackFinished', { playback: this.playbackSnapshot(pb) });
    }
    if (wasPlaying && queue.length > 0) {
      const next = queue[0];
      setImmediate(() => this.startPlayback(next));
    }
  }

  getPlayback(id: string): SimPlayback {
    const pb = this.playbacks.get(id);
    if (!pb) throw notFound('Playback');
    return pb;
  }

  stopPlayback(id: string): void {
    this.finishPlayback(this.getPlayback(id), true);
  }

  private stopQueue(queue: SimPlayback[], emitEvent: boolean, _apps: string[]): void {
    for (const pb of [...queue]) this.finishPlayback(pb, emitEvent);
    queue.length = 0;
  }

  private stopChannelMedia(c: SimChannel, emitEvent = true): void {
    if (c.playQueue.length) {
      // only the playing one reports PlaybackFinished; queued ones vanish
      const [first, ...rest] = c.playQueue;
      for (const pb of rest) {
        pb.state = 'done';
        this.playbacks.delete(pb.id);
      }
      c.playQueue.length = 1;
      this.finishPlayback(first, emitEvent);
    }
    for (const r of c.recordings) this.finishRecording(r, emitEvent);
  }

  // ---------------------------------------------------------------- recordings

  record(channelId: string, q: Record<string, string | undefined>): SimRecording {
    const c = this.requireInStasis(channelId);
    if (!q.name) throw new AriError(400, { message: 'Recording name is required' });
    if (!q.format) throw new AriError(400, { message: 'Recording format is required' });
    const existing = this.recordings.get(q.name);
    if (existing && existing.state !== 'done') {
      throw new AriError(409, { message: 'Recording with the same name is already in progress' });
    }
    const r: SimRecording = { name: q.name, format: q.format, channel: c, state: 'queued', startedAt: Date.now() };
    this.recordings.set(r.name, r);
    c.recordings.add(r);
    setImmediate(() => {
      if (r.state !== 'queued') return;
      r.state = 'recording';
      r.startedAt = Date.now();
      this.emit([c.app], 'RecordingStarted', { recording: this.recordingSnapshot(r) });
      const max = Number(q.maxDurationSeconds ?? 0);
      if (max > 0) r.timer = setTimeout(() => this.finishRecording(r, true), this.ms(max));
    });
    return r;
  }

  getRecording(name: string): SimRecording {
    const r = this.recordings.get(name);
    if (!r) throw notFound('Recording');
    return r;
  }

  stopRecording(name: string): void {
    this.finishRecording(this.getRecording(name), true);
  }

  cancelRecording(name: string): void {
    const r = this.getRecording(name);
    this.finishRecording(r, true);
    this.recordings.delete(name);
  }

  private finishRecording(r: SimRecording, emitEvent: boolean): void {
    if (r.state === 'done') return;
    const started = r.state === 'recording';
    if (r.timer) clearTimeout(r.timer);
    r.state = 'done';
    r.channel.recordings.delete(r);
    if (started && emitEvent) this.emit([r.channel.app], 'RecordingFinished', { recording: this.recordingSnapshot(r) });
  }

  // ---------------------------------------------------------------- applications / misc

  applicationSnapshot(name: string): Record<string, unknown> {
    const channelIds: string[] = [];
    for (const c of this.channels.values()) if (c.app === name && c.inStasis) channelIds.push(c.id);
    const bridgeIds: string[] = [];
    for (const b of this.bridges.values()) if (b.apps.has(name)) bridgeIds.push(b.id);
    return {
      name,
      channel_ids: channelIds,
      bridge_ids: bridgeIds,
      endpoint_ids: [],
      device_names: [],
      events_allowed: [],
      events_disallowed: [],
    };
  }

  endpoints(): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (const a of this.agents) {
      const resource = a.includes('/') ? a.slice(a.indexOf('/') + 1) : a;
      const tech = a.includes('/') ? a.slice(0, a.indexOf('/')) : 'PJSIP';
      out.push({ technology: tech, resource, state: 'online', channel_ids: [] });
    }
    out.push({ technology: 'PJSIP', resource: 'carrier', state: 'online', channel_ids: [] });
    return out;
  }

  stats(sinkCount: number, requestCount: number): SimStats {
    const byState: Record<string, number> = {};
    for (const c of this.channels.values()) byState[c.state] = (byState[c.state] ?? 0) + 1;
    return {
      channels: this.channels.size,
      channelsByState: byState,
      bridges: this.bridges.size,
      playbacks: this.playbacks.size,
      recordings: [...this.recordings.values()].filter((r) => r.state !== 'done').length,
      eventsSent: this.eventsSent,
      websockets: sinkCount,
      applications: [...this.appOwners.keys()],
      originates: this.originates,
      requests: requestCount,
      timeScale: this.timeScale,
    };
  }

  setPopulation(model: PopulationModel): void {
    this.population = model;
  }

  /** Forgets every channel, bridge, playback, recording and per-number behaviour, silently (no events). */
  reset(): void {
    this.generatorToken++;
    this.stopGenerator();
    for (const t of this.globalTimers) clearTimeout(t);
    this.globalTimers.clear();
    for (const c of [...this.channels.values()]) this.destroyQuietly(c);
    for (const pb of this.playbacks.values()) if (pb.timer) clearTimeout(pb.timer);
    for (const r of this.recordings.values()) if (r.timer) clearTimeout(r.timer);
    this.channels.clear();
    this.bridges.clear();
    this.playbacks.clear();
    this.recordings.clear();
    this.numbers.clear();
    this.agents.clear();
    this.declared.clear();
    for (const e of DEFAULT_DECLARED_ENDPOINTS) this.declared.add(e);
    this.attempts.clear();
    this.population = this.initialPopulation;
    this.eventsSent = 0;
    this.originates = 0;
  }

  close(): void {
    this.reset();
  }
}
