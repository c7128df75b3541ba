import { AriError, ENDPOINT_UNREACHABLE, isAriError } from './ari.error';
import {
  isInStasisApp,
  mapAriEvent,
  toBridgeSummary,
  toChannelSummary,
  type RawAriBridge,
  type RawAriChannel,
  type RawAriEvent,
} from './ari-event.mapper';
import { ariClientEventStreamFactory, type AriEventStream, type AriEventStreamFactory } from './ari-event.stream';
import { AriHttpTransport, type AriRestRequest, type AriRestTransport } from './ari-http.transport';
import { Semaphore } from './semaphore.util';
import type {
  BridgeSummary,
  ChannelSummary,
  TelephonyEvent,
  TelephonyStatus,
  TelephonyStatusChange,
} from './telephony-event.types';
import type {
  BridgeType,
  ContinueCommand,
  CreateChannelCommand,
  DialCommand,
  OriginateCommand,
  PlayCommand,
  RecordCommand,
  SnoopCommand,
  TelephonyPort,
} from './telephony.port';

export interface AriLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface AriTelephonyAdapterOptions {
  /** Base URL of Asterisk's HTTP server, e.g. `http://127.0.0.1:8088` (a trailing `/ari` is accepted). */
  url: string;
  username: string;
  password: string;
  /** Stasis application name (what the dialplan's `Stasis(<app>,...)` names). */
  app: string;
  /** Deadline of each operation, queue wait included. Default 5000 ms. */
  opTimeoutMs?: number;
  /** Requests in flight at once (the rest wait their turn). Default 64, well under http.conf's sessionlimit. */
  maxInFlight?: number;
  /** Reconnect backoff: starts at `initialDelayMs`, doubles, capped at `maxDelayMs`. Default 100 ms .. 5000 ms. */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Media formats sent on originate/create when the command gives none. Default `ulaw`. */
  defaultFormats?: string;
  logger?: AriLogger;
  /** Test seams. */
  transport?: AriRestTransport;
  eventStreamFactory?: AriEventStreamFactory;
}

interface TrackedChannel {
  /** Sequence number when tracking began (monotonic; compared with a reconciliation's start). */
  since: number;
  /** The originate/create request has answered (before that, a missing channel is not "lost"). */
  settled: boolean;
  /** Entered Stasis from the dialplan: no ChannelDestroyed will follow its StasisEnd. */
  inbound: boolean;
}

const HANGUP_REASONS: Record<number, string> = {
  1: 'unallocated',
  16: 'normal',
  17: 'busy',
  19: 'no_answer',
  21: 'rejected',
  28: 'number_incomplete',
  34: 'congestion',
  38: 'failure',
  58: 'codec_mismatch',
};

const ABANDONED_TTL_MS = 10 * 60_000;

const silentLogger: AriLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The telephony port over Asterisk ARI. NestJS-free: provide it with
 * `{ provide: TELEPHONY_PORT, useFactory: () => new AriTelephonyAdapter({...}) }` and call start()/stop() from the
 * module's lifecycle hooks.
 *
 * - Events come through ari-client's socket; REST goes through AriHttpTransport (status codes, timeouts, capped
 *   keep-alive sockets) behind a semaphore of `maxInFlight`.
 * - status() is 'up' only while the events socket is open; while down, operations fail at once with
 *   `ari-unavailable`. The adapter reconnects forever with capped backoff (ari-client alone gives up after ~43 s).
 * - After every (re)connect and after any operation timeout it reconciles: tracked channels that vanished become
 *   `destroyed` events with `lost: true`; channels in our Stasis app that we do not know, and resources created by
 *   requests we gave up on, are hung up / destroyed (Asterisk may still carry out a request after we time out).
 */
export class AriTelephonyAdapter implements TelephonyPort {
  private readonly transport: AriRestTransport;
  private readonly streamFactory: AriEventStreamFactory;
  private readonly semaphore: Semaphore;
  private readonly opTimeoutMs: number;
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly formats: string;
  private readonly logger: AriLogger;

  private readonly listeners = new Set<(e: TelephonyEvent) => void>();
  private readonly statusListeners = new Set<(c: TelephonyStatusChange) => void>();
  private readonly channels = new Map<string, TrackedChannel>();
  private readonly bridges = new Map<string, TrackedChannel>();
  private readonly abandonedChannels = new Map<string, number>();
  private readonly abandonedBridges = new Map<string, number>();

  private current: TelephonyStatus = 'down';
  private stream: AriEventStream | undefined;
  private started = false;
  private stopped = false;
  private everUp = false;
  private connecting = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryWake: (() => void) | undefined;
  private firstUp: Promise<void> | undefined;
  private resolveFirstUp: (() => void) | undefined;
  private rejectFirstUp: ((e: Error) => void) | undefined;
  private reconciling: Promise<void> | undefined;
  private reconcileAgain = false;
  private seq = 0;
  private counters = { events: 0, reconnects: 0, reconciles: 0, lost: 0, orphansHungUp: 0, timeouts: 0 };

  constructor(private readonly opts: AriTelephonyAdapterOptions) {
    const maxInFlight = opts.maxInFlight ?? 64;
    this.opTimeoutMs = opts.opTimeoutMs ?? 5000;
    this.initialDelayMs = opts.reconnect?.initialDelayMs ?? 100;
    this.maxDelayMs = opts.reconnect?.maxDelayMs ?? 5000;
    this.formats = opts.defaultFormats ?? 'ulaw';
    this.logger = opts.logger ?? silentLogger;
    this.semaphore = new Semaphore(maxInFlight);
    this.transport =
      opts.transport ??
      new AriHttpTransport({
        url: opts.url,
        username: opts.username,
        password: opts.password,
        maxSockets: maxInFlight,
      });
    this.streamFactory =
      opts.eventStreamFactory ??
      ariClientEventStreamFactory({ url: opts.url, username: opts.username, password: opts.password, app: opts.app });
  }

  // ---- lifecycle and status ----

  /**
   * Connects and resolves once the events socket is open. Rejects with `ari-auth-failed` (and gives up) when the
   * credentials are wrong; keeps retrying while Asterisk is unreachable.
   */
  start(): Promise<void> {
    if (this.firstUp) return this.firstUp;
    this.started = true;
    this.stopped = false;
    this.firstUp = new Promise<void>((resolve, reject) => {
      this.resolveFirstUp = resolve;
      this.rejectFirstUp = reject;
    });
    void this.connectLoop();
    return this.firstUp;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryWake?.();
    this.stream?.close();
    this.stream = undefined;
    this.setStatus('down', 'stopped');
    this.transport.close();
    if (this.reconciling) await this.reconciling.catch(() => undefined);
  }

  status(): TelephonyStatus {
    return this.current;
  }

  /** Counters for health pages and benchmarks. */
  stats(): typeof this.counters & {
    trackedChannels: number;
    trackedBridges: number;
    inFlight: number;
    queued: number;
  } {
    return {
      ...this.counters,
      trackedChannels: this.channels.size,
      trackedBridges: this.bridges.size,
      inFlight: this.semaphore.active,
      queued: this.semaphore.queued,
    };
  }

  onStatus(listener: (change: TelephonyStatusChange) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  subscribe(listener: (event: TelephonyEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setStatus(status: TelephonyStatus, reason?: string): void {
    if (this.current === status) return;
    this.current = status;
    const change: TelephonyStatusChange = {
      status,
      ...(reason ? { reason } : {}),
      at: new Date().toISOString(),
    };
    if (status === 'up') this.logger.log(`ARI up (${this.opts.url}, app ${this.opts.app})`);
    else this.logger.warn(`ARI down: ${reason ?? 'unknown'}`);
    for (const l of this.statusListeners) {
      try {
        l(change);
      } catch (e) {
        this.logger.error(`status listener threw: ${(e as Error).message}`);
      }
    }
  }

  private async connectLoop(): Promise<void> {
    if (this.connecting) return;
    this.connecting = true;
    let delay = this.initialDelayMs;
    try {
      while (!this.stopped) {
        try {
          await this.checkCredentials();
          const attempt: { opened?: AriEventStream; gaveUp?: string } = {};
          const stream = await this.streamFactory({
            onEvent: (raw) => this.handleRaw(raw),
            // The first open is reported below, once the stream is ours; later ones are ari-client's own reconnects.
            onUp: () => {
              if (attempt.opened) this.markUp();
            },
            onDown: (reason) => this.setStatus('down', reason),
            onGiveUp: (reason) => {
              attempt.gaveUp = reason;
              if (attempt.opened) this.handleGiveUp(attempt.opened, reason);
            },
          });
          attempt.opened = stream;
          if (this.stopped || attempt.gaveUp !== undefined) {
            stream.close();
            if (this.stopped) return;
            throw new Error(attempt.gaveUp);
          }
          this.stream = stream;
          this.markUp();
          return;
        } catch (e) {
          const err = e as Error;
          if (isAriError(err, 'ari-auth-failed') && !this.everUp) {
            // A configuration error: do not retry forever behind the caller's back.
            this.stopped = true;
            this.setStatus('down', err.message);
            this.rejectFirstUp?.(err);
            return;
          }
          this.setStatus('down', err.message);
          if (this.current === 'down' && this.everUp) this.logger.warn(`ARI reconnect failed: ${err.message}`);
          await this.sleep(delay);
          delay = Math.min(delay * 2, this.maxDelayMs);
        }
      }
    } finally {
      this.connecting = false;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.retryWake = resolve;
      this.retryTimer = setTimeout(resolve, ms);
    });
  }

  private handleGiveUp(stream: AriEventStream | undefined, reason: string): void {
    stream?.close();
    if (this.stream === stream) this.stream = undefined;
    this.setStatus('down', reason);
    if (!this.stopped) void this.connectLoop();
  }

  private markUp(): void {
    if (this.stopped || this.current === 'up') return;
    if (this.everUp) this.counters.reconnects++;
    this.everUp = true;
    this.setStatus('up');
    this.resolveFirstUp?.();
    // Re-registering the app is implied by the events socket (`?app=`); reconcile what happened while down.
    this.scheduleReconcile();
  }

  /**
   * Plain authenticated GET: ari-client turns a 401 while loading its swagger docs into an uncaught exception, so
   * we find out first and raise `ari-auth-failed` instead.
   */
  private async checkCredentials(): Promise<void> {
    try {
      await this.transport.request({ method: 'GET', path: '/asterisk/info', timeoutMs: this.opTimeoutMs });
    } catch (e) {
      if (isAriError(e, 'ari-auth-failed')) {
        throw new AriError(
          'ari-auth-failed',
          `ARI rejected user '${this.opts.username}' at ${this.opts.url} (check ari.conf and ARI_USERNAME/ARI_PASSWORD)`,
          401,
        );
      }
      throw e;
    }
  }

  // ---- events ----

  private handleRaw(raw: RawAriEvent): void {
    this.counters.events++;
    const event = mapAriEvent(raw);
    if (!event) return;
    // Channels made by requests we gave up on: the caller thinks they failed, so none of their events go out.
    const abandoned = 'channelId' in event && event.channelId !== undefined && this.isAbandoned(event.channelId);
    switch (event.type) {
      case 'stasisStart': {
        if (abandoned) {
          // We gave up on the request that made it; the caller thinks it failed.
          void this.hangupQuietly(event.channelId);
          return;
        }
        if (!this.channels.has(event.channelId)) {
          this.channels.set(event.channelId, { since: ++this.seq, settled: true, inbound: true });
        }
        break;
      }
      case 'stasisEnd': {
        const t = this.channels.get(event.channelId);
        if (t?.inbound) this.channels.delete(event.channelId);
        break;
      }
      case 'destroyed':
        this.channels.delete(event.channelId);
        this.abandonedChannels.delete(event.channelId);
        break;
      case 'bridgeDestroyed':
        this.bridges.delete(event.bridgeId);
        this.abandonedBridges.delete(event.bridgeId);
        break;
      case 'stateChange':
      case 'dial':
      case 'hangupRequest':
      case 'dtmf':
      case 'playbackStarted':
      case 'playbackFinished':
      case 'enteredBridge':
      case 'leftBridge':
      case 'recordingFinished':
      case 'recordingFailed':
        break;
    }
    if (!abandoned) this.emit(event);
  }

  private isAbandoned(channelId: string): boolean {
    if (this.abandonedChannels.size === 0) return false;
    const semi = channelId.lastIndexOf(';');
    return this.abandonedChannels.has(semi > 0 ? channelId.slice(0, semi) : channelId);
  }

  private emit(event: TelephonyEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (e) {
        this.logger.error(`event listener threw on ${event.type}: ${(e as Error).message}`);
      }
    }
  }

  // ---- operations ----

  private async op<T>(req: Omit<AriRestRequest, 'timeoutMs'>, opTimeoutMs?: number): Promise<T> {
    if (this.current !== 'up') {
      throw new AriError('ari-unavailable', `ARI is down: ${req.method} ${req.path} not sent`);
    }
    return this.send<T>(req, opTimeoutMs ?? this.opTimeoutMs);
  }

  private async send<T>(req: Omit<AriRestRequest, 'timeoutMs'>, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    const release = await this.semaphore.acquire(timeoutMs).catch((e: unknown) => {
      this.counters.timeouts++;
      throw e;
    });
    try {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new AriError('ari-timeout', `${req.method} ${req.path}: no request slot in time`);
      return await this.transport.request<T>({ ...req, timeoutMs: remaining });
    } catch (e) {
      if (isAriError(e, 'ari-timeout')) {
        this.counters.timeouts++;
        // Asterisk may still carry the request out: find out what exists now.
        this.scheduleReconcile();
      }
      throw e;
    } finally {
      release();
    }
  }

  private async trackedCreate(
    channelId: string,
    req: Omit<AriRestRequest, 'timeoutMs'>,
    opTimeoutMs?: number,
  ): Promise<ChannelSummary> {
    if (this.current !== 'up') throw new AriError('ari-unavailable', `ARI is down: ${req.path} not sent`);
    const entry: TrackedChannel = { since: ++this.seq, settled: false, inbound: false };
    this.channels.set(channelId, entry);
    try {
      const raw = await this.op<RawAriChannel>(req, opTimeoutMs);
      entry.settled = true;
      return toChannelSummary(raw);
    } catch (e) {
      if (this.channels.get(channelId) === entry) this.channels.delete(channelId);
      if (isAriError(e, 'ari-timeout')) this.abandonedChannels.set(channelId, Date.now());
      if (isAriError(e, 'ari-endpoint-unreachable')) {
        // Name the endpoint: "Allocation failed" alone sends people looking at Asterisk instead of the phone/trunk.
        const endpoint = req.query?.endpoint ?? '?';
        throw new AriError(
          'ari-endpoint-unreachable',
          `${String(endpoint)}: ${ENDPOINT_UNREACHABLE} (Asterisk answered 500 Allocation failed)`,
          e.status,
          { ...e.details, endpoint },
        );
      }
      throw e;
    }
  }

  private channelQuery(cmd: CreateChannelCommand): Record<string, string | undefined> {
    return {
      endpoint: cmd.endpoint,
      app: this.opts.app,
      appArgs: cmd.appArgs?.join(','),
      channelId: cmd.channelId,
      otherChannelId: cmd.otherChannelId,
      formats: cmd.formats ?? this.formats,
    };
  }

  originate(cmd: OriginateCommand): Promise<ChannelSummary> {
    return this.trackedCreate(
      cmd.channelId,
      {
        method: 'POST',
        path: '/channels',
        query: { ...this.channelQuery(cmd), callerId: cmd.callerId, timeout: cmd.timeoutSeconds },
        ...(cmd.variables ? { body: { variables: cmd.variables } } : {}),
      },
      cmd.opTimeoutMs,
    );
  }

  createChannel(cmd: CreateChannelCommand): Promise<ChannelSummary> {
    // channels/create takes no callerId parameter; CALLERID(all) as a variable sets it on the new channel.
    const variables = { ...(cmd.callerId ? { 'CALLERID(all)': cmd.callerId } : {}), ...cmd.variables };
    return this.trackedCreate(
      cmd.channelId,
      {
        method: 'POST',
        path: '/channels/create',
        query: this.channelQuery(cmd),
        ...(Object.keys(variables).length > 0 ? { body: { variables } } : {}),
      },
      cmd.opTimeoutMs,
    );
  }

  snoop(cmd: SnoopCommand): Promise<ChannelSummary> {
    return this.trackedCreate(cmd.snoopId, {
      method: 'POST',
      path: `/channels/${enc(cmd.channelId)}/snoop/${enc(cmd.snoopId)}`,
      query: { spy: cmd.spy, whisper: cmd.whisper, app: this.opts.app, appArgs: cmd.appArgs?.join(',') },
    });
  }

  async dial(cmd: DialCommand): Promise<void> {
    await this.op(
      {
        method: 'POST',
        path: `/channels/${enc(cmd.channelId)}/dial`,
        query: { caller: cmd.callerChannelId, timeout: cmd.timeoutSeconds },
      },
      cmd.opTimeoutMs,
    );
  }

  async answer(channelId: string): Promise<void> {
    await this.op({ method: 'POST', path: `/channels/${enc(channelId)}/answer` });
  }

  async hangup(channelId: string, cause = 16): Promise<void> {
    const reason = HANGUP_REASONS[cause];
    await this.op({
      method: 'DELETE',
      path: `/channels/${enc(channelId)}`,
      query: reason ? { reason } : { reason_code: cause },
    });
  }

  async continueInDialplan(cmd: ContinueCommand): Promise<void> {
    await this.op({
      method: 'POST',
      path: `/channels/${enc(cmd.channelId)}/continue`,
      query: { context: cmd.context, extension: cmd.extension, priority: cmd.priority, label: cmd.label },
    });
  }

  async createBridge(bridgeId: string, type: BridgeType, name?: string): Promise<BridgeSummary> {
    const entry: TrackedChannel = { since: ++this.seq, settled: false, inbound: false };
    if (this.current !== 'up') throw new AriError('ari-unavailable', 'ARI is down: bridge not created');
    this.bridges.set(bridgeId, entry);
    try {
      const raw = await this.op<RawAriBridge>({
        method: 'POST',
        path: '/bridges',
        query: { type, bridgeId, name },
      });
      entry.settled = true;
      return toBridgeSummary(raw);
    } catch (e) {
      if (this.bridges.get(bridgeId) === entry) this.bridges.delete(bridgeId);
      if (isAriError(e, 'ari-timeout')) this.abandonedBridges.set(bridgeId, Date.now());
      throw e;
    }
  }

  async addToBridge(bridgeId: string, channelIds: string[]): Promise<void> {
    await this.op({
      method: 'POST',
      path: `/bridges/${enc(bridgeId)}/addChannel`,
      query: { channel: channelIds.join(',') },
    });
  }

  async removeFromBridge(bridgeId: string, channelIds: string[]): Promise<void> {
    await this.op({
      method: 'POST',
      path: `/bridges/${enc(bridgeId)}/removeChannel`,
      query: { channel: channelIds.join(',') },
    });
  }

  async destroyBridge(bridgeId: string): Promise<void> {
    await this.op({ method: 'DELETE', path: `/bridges/${enc(bridgeId)}` });
    this.bridges.delete(bridgeId);
  }

  async play(cmd: PlayCommand): Promise<void> {
    const target =
      'channelId' in cmd.target ? `/channels/${enc(cmd.target.channelId)}` : `/bridges/${enc(cmd.target.bridgeId)}`;
    await this.op({
      method: 'POST',
      path: `${target}/play/${enc(cmd.playbackId)}`,
      query: { media: cmd.media, lang: cmd.lang },
    });
  }

  async startMoh(target: { channelId: string } | { bridgeId: string }, mohClass?: string): Promise<void> {
    const path = 'channelId' in target ? `/channels/${enc(target.channelId)}` : `/bridges/${enc(target.bridgeId)}`;
    await this.op({ method: 'POST', path: `${path}/moh`, query: mohClass ? { mohClass } : {} });
  }

  async stopMoh(target: { channelId: string } | { bridgeId: string }): Promise<void> {
    const path = 'channelId' in target ? `/channels/${enc(target.channelId)}` : `/bridges/${enc(target.bridgeId)}`;
    await this.op({ method: 'DELETE', path: `${path}/moh` });
  }

  async stopPlayback(playbackId: string): Promise<void> {
    await this.op({ method: 'DELETE', path: `/playbacks/${enc(playbackId)}` });
  }

  async startRecording(cmd: RecordCommand): Promise<void> {
    const target =
      'channelId' in cmd.target ? `/channels/${enc(cmd.target.channelId)}` : `/bridges/${enc(cmd.target.bridgeId)}`;
    await this.op({
      method: 'POST',
      path: `${target}/record`,
      query: {
        name: cmd.name,
        format: cmd.format ?? 'wav',
        maxDurationSeconds: cmd.maxDurationSeconds,
        beep: cmd.beep,
        ifExists: cmd.ifExists ?? 'fail',
      },
    });
  }

  async stopRecording(name: string): Promise<void> {
    await this.op({ method: 'POST', path: `/recordings/live/${enc(name)}/stop` });
  }

  async listChannels(): Promise<ChannelSummary[]> {
    const raw = await this.op<RawAriChannel[]>({ method: 'GET', path: '/channels' });
    return raw.map(toChannelSummary);
  }

  async listBridges(): Promise<BridgeSummary[]> {
    const raw = await this.op<RawAriBridge[]>({ method: 'GET', path: '/bridges' });
    return raw.map(toBridgeSummary);
  }

  // ---- reconciliation ----

  /** Runs a reconciliation now (also triggered by reconnects and timeouts); resolves when it is done. */
  reconcile(): Promise<void> {
    this.scheduleReconcile();
    return this.reconciling ?? Promise.resolve();
  }

  private scheduleReconcile(): void {
    if (this.stopped) return;
    if (this.reconciling) {
      this.reconcileAgain = true;
      return;
    }
    this.reconciling = (async () => {
      try {
        do {
          this.reconcileAgain = false;
          if (this.current !== 'up') break;
          await this.reconcileOnce();
        } while (this.reconcileAgain && !this.stopped);
      } catch (e) {
        this.logger.warn(`ARI reconcile failed: ${(e as Error).message}`);
      } finally {
        this.reconciling = undefined;
      }
    })();
  }

  private async reconcileOnce(): Promise<void> {
    this.counters.reconciles++;
    const startedAt = ++this.seq;
    const [rawChannels, rawBridges] = await Promise.all([
      this.send<RawAriChannel[]>({ method: 'GET', path: '/channels' }, this.opTimeoutMs * 2),
      this.send<RawAriBridge[]>({ method: 'GET', path: '/bridges' }, this.opTimeoutMs * 2),
    ]);
    const present = new Set<string>();
    const orphans: string[] = [];
    for (const raw of rawChannels) {
      present.add(raw.id);
      const c = toChannelSummary(raw);
      const tracked = this.channels.has(c.id);
      if (this.abandonedChannels.has(c.id) || (!tracked && isInStasisApp(c, this.opts.app) && !c.id.endsWith(';2'))) {
        orphans.push(c.id);
      }
    }
    for (const [id, t] of this.channels) {
      if (present.has(id) || !t.settled || t.since >= startedAt) continue;
      this.channels.delete(id);
      this.counters.lost++;
      this.emit({
        type: 'destroyed',
        timestamp: new Date().toISOString(),
        channelId: id,
        cause: 0,
        causeTxt: 'lost',
        lost: true,
      });
    }
    const bridgeIds = new Set(rawBridges.map((b) => b.id));
    for (const [id, t] of this.bridges) {
      if (bridgeIds.has(id) || !t.settled || t.since >= startedAt) continue;
      this.bridges.delete(id);
      this.emit({ type: 'bridgeDestroyed', timestamp: new Date().toISOString(), bridgeId: id, lost: true });
    }
    const now = Date.now();
    for (const [id, at] of this.abandonedChannels)
      if (!present.has(id) && now - at > ABANDONED_TTL_MS) this.abandonedChannels.delete(id);
    for (const [id, at] of this.abandonedBridges) {
      if (bridgeIds.has(id))
        void this.send({ method: 'DELETE', path: `/bridges/${enc(id)}` }, this.opTimeoutMs).catch(() => undefined);
      else if (now - at > ABANDONED_TTL_MS) this.abandonedBridges.delete(id);
    }
    if (orphans.length > 0) {
      this.logger.warn(
        `ARI reconcile: hanging up ${orphans.length} channel(s) in app ${this.opts.app} we do not track`,
      );
      this.counters.orphansHungUp += orphans.length;
      await Promise.all(orphans.map((id) => this.hangupQuietly(id)));
    }
  }

  private async hangupQuietly(channelId: string): Promise<void> {
    try {
      await this.send({ method: 'DELETE', path: `/channels/${enc(channelId)}` }, this.opTimeoutMs);
    } catch (e) {
      if (!isAriError(e, 'ari-not-found'))
        this.logger.warn(`ARI hangup of ${channelId} failed: ${(e as Error).message}`);
    }
  }
}

const enc = encodeURIComponent;
