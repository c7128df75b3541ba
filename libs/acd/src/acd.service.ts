import { randomUUID } from 'node:crypto';
import {
  AbandonmentRate,
  AcdRouter,
  type Assignment,
  type BusinessHours,
  isOpen,
  estimateWaitSeconds,
  HandleTimeStats,
  type QueueDef,
  type RoutingStrategy,
  ROUTING_STRATEGIES,
} from '@app/acd-core';
import type { BridgeSummary, TelephonyEvent, TelephonyPort } from '@app/ari';
import { AppError } from '@app/common';
import type { AgentSessionService, InboundDesk } from '@app/dialer';
import type { DataSource } from 'typeorm';
import { destinationAllowed } from './allowed-destinations';

export interface AcdOptions {
  /** Dial string of an external number (`{number}`, `{digits}`), as the dialer's ARI_OUTBOUND_ENDPOINT. */
  endpointTemplate: string;
  /** Periodic position/wait announcement. Default 30 s. */
  announceEverySeconds?: number;
  /** Re-evaluation of waiting callers (skill relaxation, max wait). Default 1 s. */
  tickMs?: number;
  /**
   * How often the queues, memberships and agents' skills are compared with the database, so that a change made
   * elsewhere (an agent's skills on the admin pages, another dialer instance's API) reaches the routing. Default 5 s.
   */
  configCheckMs?: number;
  log?: { log(m: string): void; warn(m: string): void; error(m: string): void };
}

interface QueueRow {
  id: string;
  department_id: string;
  name: string;
  strategy: string;
  required_skills: Record<string, number>;
  priority: number;
  wrap_up_seconds: number;
  max_wait_seconds: number;
  overflow_target: string | null;
  no_agents_target: string | null;
  music_on_hold: string;
  service_level_seconds: number;
  max_length: number | null;
  skill_relaxation: QueueDef['relaxation'];
  vip_numbers: string[];
  keep_place: boolean;
}

type LiveStatus = 'waiting' | 'callback' | 'connecting' | 'connected' | 'ended';

interface LiveCall {
  id: string;
  channelId: string;
  /** The channel now carrying the caller (the callback leg after keep-my-place). */
  legId: string;
  departmentId: string;
  callerNumber: string | null;
  queueId: string | null;
  enteredAt: number;
  priority: number;
  status: LiveStatus;
  agentId?: string;
  connectedAt?: number;
  hops: number;
  /** The keep-my-place key came before the caller was in line: applied once they are. */
  keepPlaceAsked?: boolean;
  /** On hold: the caller sits alone with music in this holding bridge, out of the agent's bridge. */
  holdBridgeId?: string;
  /** An attended transfer in progress (the caller is on hold meanwhile). */
  consult?: Consult;
}

/** An attended transfer: the agent talks to the target while the caller is on hold. */
interface Consult {
  id: string;
  to: string;
  /** Another agent (named, or a queue's next ready agent): their phone channel joins the consulting agent's bridge. */
  targetAgentId?: string;
  targetChannelId?: string;
  targetBridgeId?: string;
  /** An external number: its leg is called into the consulting agent's bridge. */
  legId?: string;
}

/** A supervisor's phone listening, whispering or barging in on an agent. */
interface Monitor {
  channelId: string;
  agentId: string;
  mode: 'listen' | 'whisper' | 'barge';
  snoopId?: string;
  bridgeId?: string;
  off: () => void;
}

interface MenuRow {
  id: string;
  prompt: string;
  choices: Record<string, { queueId?: string; menuId?: string; priority?: number }>;
  timeout_seconds: number;
  max_retries: number;
  business_hours: BusinessHours | null;
  holiday_calendar_id: string | null;
  after_hours: { kind: 'message' | 'callback-request' | 'queue'; prompt?: string; queueId?: string } | null;
}

function invalidTarget(reason: string): AppError {
  return new AppError('validation-failed', `transfer target: ${reason}`, [{ field: 'to', reason }]);
}

function notAllowed(field: string, number: string): AppError {
  const reason = `${number} is not within the department's allowed destinations`;
  return new AppError('unprocessable', `${field}: ${reason}`, [{ field, reason }]);
}

const E164ISH = /^\+?[0-9]{3,20}$/;

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };
/** A goodbye message whose PlaybackFinished never comes: the caller is hung up anyway after this. */
const PLAYBACK_GUARD_MS = 60_000;
const KEEP_PLACE_DIGIT = '1';
const CALLBACK_REQUEST_PREFIX = 'acd-callback-request-';
/** A caller whose agent vanished in a restart goes back ahead of everyone in their queue (in memory only). */
const FRONT_PRIORITY = 1_000_000;

interface RecoverRow {
  id: string;
  agent_id: string | null;
  answered_at: Date | null;
  channel_id: string;
  department_id: string | null;
  caller_number: string | null;
  queue_id: string | null;
  entered_queue_at: Date | null;
  priority: number;
  status: string;
  path: { step: string; to?: string }[] | null;
}

function strategyOf(s: string): RoutingStrategy {
  return (ROUTING_STRATEGIES as readonly string[]).includes(s) ? (s as RoutingStrategy) : 'longest-idle';
}

/**
 * The ACD runtime: inbound calls from the Stasis app (`inbound,<DID>`), a holding bridge with music on hold per
 * queue, routing by @app/acd-core's router, and one addToBridge into the agent's own bridge to connect. Every
 * call's path is kept in inbound_calls and every queue event in queue_events, so the figures can be recomputed.
 * Agents come from the dialer's session registry: the ACD is asked first whenever one becomes ready.
 */
export class AcdService implements InboundDesk {
  readonly router = new AcdRouter();
  private readonly queues = new Map<string, QueueRow>();
  private readonly calls = new Map<string, LiveCall>();
  private readonly byChannel = new Map<string, string>();
  private readonly handle = new Map<string, HandleTimeStats>();
  /** Per queue: how fast waiting callers give up, for the estimated wait. */
  private readonly patience = new Map<string, AbandonmentRate>();
  private readonly busySince = new Map<string, number>();
  private readonly holding = new Map<string, Promise<string>>();
  private readonly offs: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastAnnounce = new Map<string, number>();
  private readonly log: NonNullable<AcdOptions['log']>;
  private writes: Promise<unknown> = Promise.resolve();
  private lastArrival = 0;
  /** What the routing was last loaded from (see `configFingerprint`), and whether a check is running. */
  private loadedFrom = '';
  private lastConfigCheck = 0;
  private checking = false;
  /** Callers in an IVR menu waiting for a key: channel → resolver. */
  private readonly ivrKeys = new Map<string, (digit: string | null) => void>();
  /** Supervisors' listen / whisper / barge legs by channel id. */
  private readonly monitors = new Map<string, Monitor>();
  /** Listeners of one call's legs (external overflow, conference, consult, transfer): all removed by stop(). */
  private readonly watches = new Set<() => void>();

  constructor(
    private readonly ds: DataSource,
    private readonly telephony: TelephonyPort,
    private readonly sessions: AgentSessionService,
    private readonly opts: AcdOptions,
  ) {
    this.log = opts.log ?? silent;
  }

  // ---- lifecycle ----------------------------------------------------------------------------------------------

  async start(): Promise<void> {
    await this.reload();
    this.offs.push(this.telephony.subscribe((e) => this.onEvent(e)));
    this.offs.push(
      this.sessions.events.on('state', (p) => {
        if (p.state === 'offline') this.router.setLoggedIn(p.agentId, false, Date.now());
        else {
          this.router.setLoggedIn(p.agentId, true, Date.now());
          if (p.state !== 'ready') this.router.setAvailable(p.agentId, false, Date.now());
        }
      }),
    );
    this.sessions.attachInbound(this);
    await this.recover();
    this.timer = setInterval(() => this.tick(), this.opts.tickMs ?? 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const off of this.offs.splice(0)) off();
    for (const m of this.monitors.values()) m.off();
    for (const off of [...this.watches]) off();
    this.monitors.clear();
    this.sessions.attachInbound(undefined);
    await this.writes.catch(() => undefined);
  }

  /** A digest of every row `reload` reads: a different one means the routing is out of date. */
  private async configFingerprint(): Promise<string> {
    const [r] = (await this.ds.query(
      `SELECT md5(coalesce((SELECT string_agg(q::text, ',' ORDER BY q.id) FROM queues q), '')) ||
              md5(coalesce((SELECT string_agg(concat_ws(':', m.agent_id, m.queue_id, m.penalty, m.paused, a.skills::text),
                                              ',' ORDER BY m.agent_id, m.queue_id)
                              FROM queue_memberships m JOIN agents a ON a.id = m.agent_id), '')) AS f`,
    )) as { f: string }[];
    return r.f;
  }

  /** Reloads when the configuration changed outside this process's own API calls; one check at a time. */
  private async checkConfig(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      if ((await this.configFingerprint()) !== this.loadedFrom) await this.reload();
    } catch (e) {
      this.log.warn(`queue configuration check: ${(e as Error).message}`);
    } finally {
      this.checking = false;
    }
  }

  /** Reads queues, memberships and agents' skills again (after a change through the API, or seen by checkConfig). */
  async reload(): Promise<void> {
    this.loadedFrom = await this.configFingerprint();
    const queues: QueueRow[] = await this.ds.query(`SELECT * FROM queues`);
    this.queues.clear();
    for (const q of queues) {
      this.queues.set(q.id, q);
      this.router.setQueue({
        id: q.id,
        strategy: strategyOf(q.strategy),
        requiredSkills: q.required_skills ?? {},
        relaxation: q.skill_relaxation ?? [],
        weight: Math.max(1, q.priority || 1),
        targetSeconds: q.service_level_seconds,
      });
      if (!this.handle.has(q.id)) this.handle.set(q.id, new HandleTimeStats(300, 180, 5));
      if (!this.patience.has(q.id)) this.patience.set(q.id, new AbandonmentRate());
    }
    const rows: {
      agent_id: string;
      queue_id: string;
      penalty: number;
      paused: boolean;
      skills: Record<string, number>;
    }[] = await this.ds.query(
      `SELECT m.agent_id, m.queue_id, m.penalty, m.paused, a.skills FROM queue_memberships m
           JOIN agents a ON a.id = m.agent_id ORDER BY m.agent_id`,
    );
    const byAgent = new Map<
      string,
      { skills: Record<string, number>; memberships: { queueId: string; penalty: number }[] }
    >();
    for (const r of rows) {
      const e = byAgent.get(r.agent_id) ?? { skills: r.skills ?? {}, memberships: [] };
      if (!r.paused) e.memberships.push({ queueId: r.queue_id, penalty: r.penalty });
      byAgent.set(r.agent_id, e);
    }
    for (const [id, e] of byAgent) this.router.setAgent({ id, ...e });
    // Agents taken out of every queue keep their live state but no longer take calls from any.
    for (const id of this.router.agentIds())
      if (!byAgent.has(id)) this.router.setAgent({ id, skills: {}, memberships: [] });
    for (const id of this.sessions.loggedIn()) {
      if (!byAgent.has(id)) continue;
      const st = this.sessions.stateOf(id);
      this.router.setLoggedIn(id, true, Date.now());
      if (st?.state === 'ready') this.router.setAvailable(id, true, Date.now());
    }
    this.dispatch();
  }

  // ---- the registry hook --------------------------------------------------------------------------------------

  agentReady(agentId: string): boolean {
    if (!this.router.hasAgent(agentId)) return false;
    const now = Date.now();
    this.router.setAvailable(agentId, true, now);
    const asg = this.router.routeAgent(agentId, now);
    if (!asg) return false;
    // The session service pauses the agent for us (reason `inbound`) when we answer true.
    void this.connect(asg, true);
    return true;
  }

  // ---- entry --------------------------------------------------------------------------------------------------

  private onEvent(e: TelephonyEvent): void {
    if (e.type === 'stasisStart') {
      if (e.args[0] === 'inbound')
        void this.enter(e.channelId, e.args.slice(1), e.channel.callerNumber || null).catch((err: unknown) =>
          this.log.error(`inbound ${e.channelId}: ${(err as Error).message}`),
        );
      else if (e.args[0] === 'acd-callback') this.onCallbackAnswered(e.args[1], e.channelId);
      return;
    }
    if (e.type === 'recordingFinished' && e.name.startsWith(CALLBACK_REQUEST_PREFIX)) {
      // The caller's message is stored (Asterisk: /var/spool/asterisk/recording/<name>.wav): the row says so.
      void this.ds
        .query(`UPDATE inbound_calls SET path = path || $2::jsonb WHERE id = $1`, [
          e.name.slice(CALLBACK_REQUEST_PREFIX.length),
          JSON.stringify([
            { at: new Date().toISOString(), step: 'callback-recorded', recording: e.name, seconds: e.durationSeconds },
          ]),
        ])
        .catch((err: unknown) => this.log.warn(`callback request recorded: ${(err as Error).message}`));
      return;
    }
    if (e.type === 'dtmf') {
      const ivr = this.ivrKeys.get(e.channelId);
      if (ivr) {
        this.ivrKeys.delete(e.channelId);
        ivr(e.digit);
        return;
      }
      const id = this.byChannel.get(e.channelId);
      const c = id ? this.calls.get(id) : undefined;
      if (
        c &&
        c.status === 'waiting' &&
        e.digit === KEEP_PLACE_DIGIT &&
        c.queueId &&
        this.queues.get(c.queueId)?.keep_place
      )
        void this.keepPlace(c);
      return;
    }
    // A dialplan-entered channel leaves Stasis (StasisEnd) and goes back to the dialplan to hang up: its
    // ChannelDestroyed may never reach our app, so either event ends the caller's leg.
    if (e.type === 'destroyed' || e.type === 'stasisEnd') {
      const ivr = this.ivrKeys.get(e.channelId);
      if (ivr) {
        this.ivrKeys.delete(e.channelId);
        ivr(null);
      }
      const id = this.byChannel.get(e.channelId);
      const c = id ? this.calls.get(id) : undefined;
      if (c && c.legId === e.channelId) this.onCallerGone(c);
    }
  }

  private async enter(channelId: string, args: string[], callerNumber: string | null): Promise<void> {
    // Strictly increasing arrival stamps, taken in event order: FIFO holds within a millisecond and after a restart.
    const arrived = (this.lastArrival = Math.max(Date.now(), this.lastArrival + 1));
    const did = args[0] ?? '';
    const routes: { department_id: string; queue_id: string | null; ivr_menu_id: string | null }[] =
      await this.ds.query(`SELECT department_id, queue_id, ivr_menu_id FROM dids WHERE number = $1`, [did]);
    let queue: QueueRow | undefined;
    let departmentId: string | undefined = routes[0]?.department_id;
    if (routes[0]?.queue_id) queue = this.queues.get(routes[0].queue_id);
    // The dialplan may also name the queue: `inbound,<DID>,<queue name>` (or a queue's own DID column).
    queue ??= [...this.queues.values()].find((q) => q.name === args[1] || q.name === did);
    if (!queue) {
      const [q]: QueueRow[] = await this.ds.query(`SELECT * FROM queues WHERE did = $1 LIMIT 1`, [did]);
      queue = q ? this.queues.get(q.id) : undefined;
    }
    departmentId ??= queue?.department_id;
    const id = randomUUID();
    const call: LiveCall = {
      id,
      channelId,
      legId: channelId,
      departmentId: departmentId ?? '',
      callerNumber,
      queueId: null,
      enteredAt: arrived,
      priority: 0,
      status: 'waiting',
      hops: 0,
    };
    this.calls.set(id, call);
    this.byChannel.set(channelId, id);
    await this.ds.query(
      `INSERT INTO inbound_calls (id, department_id, channel_id, caller_number, did, arrived_at, status, path)
       VALUES ($1, $2, $3, $4, $5, now(), 'waiting', $6)`,
      [
        id,
        departmentId ?? null,
        channelId,
        callerNumber,
        did,
        JSON.stringify([{ at: new Date().toISOString(), step: 'entry', did }]),
      ],
    );
    await this.telephony.answer(channelId);
    if (routes[0]?.ivr_menu_id) return this.menu(call, routes[0].ivr_menu_id, 0);
    if (!queue) {
      await this.finish(call, 'no-route', 'sound:ss-noservice');
      return;
    }
    await this.enterQueue(call, queue.id);
  }

  // ---- IVR -----------------------------------------------------------------------------------------------------

  /** A menu: business hours (else the after-hours route), the prompt, one key with a timeout, retries. */
  private async menu(call: LiveCall, menuId: string, depth: number): Promise<void> {
    const [m]: MenuRow[] = await this.ds.query(`SELECT * FROM ivr_menus WHERE id = $1`, [menuId]);
    if (!m || depth > 5) return this.finish(call, 'no-route', 'sound:ss-noservice');
    if (m.business_hours) {
      const holidays: { dates: { date: string }[] }[] = m.holiday_calendar_id
        ? await this.ds.query(`SELECT dates FROM holiday_calendars WHERE id = $1`, [m.holiday_calendar_id])
        : [];
      if (!isOpen(m.business_hours, holidays[0]?.dates.map((d) => d.date) ?? [], Date.now()))
        return this.afterHours(call, m);
    }
    for (let attempt = 0; attempt <= m.max_retries; attempt++) {
      await this.pathStep(call, { step: 'ivr', menuId: m.id, attempt });
      const key = new Promise<string | null>((resolve) => {
        const timer = setTimeout(() => {
          this.ivrKeys.delete(call.legId);
          resolve('timeout');
        }, m.timeout_seconds * 1000);
        this.ivrKeys.set(call.legId, (d) => {
          clearTimeout(timer);
          resolve(d);
        });
      });
      await this.telephony
        .play({ target: { channelId: call.legId }, media: m.prompt, playbackId: `acd-${randomUUID()}` })
        .catch(() => undefined);
      const digit = await key;
      if (digit === null) {
        await this.close(call, 'abandoned-ivr', 'abandoned_at = now()');
        return;
      }
      const choice = digit === 'timeout' ? undefined : m.choices[digit];
      await this.pathStep(call, { step: 'ivr-key', menuId: m.id, key: digit, valid: !!choice });
      if (!choice) continue;
      if (choice.menuId) return this.menu(call, choice.menuId, depth + 1);
      if (choice.queueId) {
        call.priority = Math.max(call.priority, choice.priority ?? 0);
        call.enteredAt = Date.now(); // the wait counts from the queue, not from the menu
        return this.enterQueue(call, choice.queueId);
      }
    }
    return this.finish(call, 'ivr-no-choice', 'sound:vm-goodbye');
  }

  private async afterHours(call: LiveCall, m: MenuRow): Promise<void> {
    const route = m.after_hours ?? { kind: 'message' as const };
    await this.pathStep(call, { step: 'after-hours', menuId: m.id, route: route.kind });
    await this.ds.query(
      `INSERT INTO queue_events (inbound_call_id, queue_id, event, data) VALUES ($1, NULL, 'AFTERHOURS', $2)`,
      [call.id, JSON.stringify({ menuId: m.id, route: route.kind })],
    );
    if (route.kind === 'queue' && route.queueId) {
      call.enteredAt = Date.now();
      return this.enterQueue(call, route.queueId);
    }
    if (route.kind === 'callback-request') {
      // A voicemail-style callback request: the caller's message is recorded; the row keeps its name.
      const name = `${CALLBACK_REQUEST_PREFIX}${call.id}`;
      await this.telephony
        .play({
          target: { channelId: call.legId },
          media: route.prompt ?? 'sound:vm-intro',
          playbackId: `acd-${randomUUID()}`,
        })
        .catch(() => undefined);
      await this.telephony
        .startRecording({ target: { channelId: call.legId }, name, format: 'wav', maxDurationSeconds: 60, beep: true })
        .catch((e: unknown) => this.log.warn(`callback request recording: ${(e as Error).message}`));
      await this.pathStep(call, { step: 'callback-request', recording: name });
      await this.close(call, 'callback-request', 'wait_seconds = NULL');
      return;
    }
    return this.finish(call, 'after-hours', route.prompt ?? 'sound:vm-goodbye');
  }

  private async enterQueue(call: LiveCall, queueId: string): Promise<void> {
    const q = this.queues.get(queueId);
    if (!q) return this.finish(call, 'no-route', 'sound:ss-noservice');
    const now = Date.now();
    if (call.callerNumber && (q.vip_numbers ?? []).includes(call.callerNumber))
      call.priority = Math.max(call.priority, 10);
    await this.event(call.id, q.id, null, 'ENTERQUEUE', { callerNumber: call.callerNumber, priority: call.priority });
    await this.pathStep(call, { step: 'queue', queueId: q.id, queue: q.name });
    if (this.router.loggedInMembers(q.id) === 0)
      return this.overflow(call, q, q.no_agents_target ?? q.overflow_target, 'EXITEMPTY');
    if (q.max_length != null && this.router.waiting(q.id).length >= q.max_length)
      return this.overflow(call, q, q.overflow_target, 'EXITFULL');
    // The first queue counts from the arrival; an overflow queue from now.
    if (call.queueId !== null || call.hops > 0) call.enteredAt = now;
    call.queueId = q.id;
    call.status = 'waiting';
    await this.ds.query(
      `UPDATE inbound_calls SET queue_id = $2, entered_queue_at = $3, status = 'waiting', priority = $4 WHERE id = $1`,
      [call.id, q.id, new Date(call.enteredAt), call.priority],
    );
    await this.hold(call, q);
    this.router.enqueue({ id: call.id, queueId: q.id, enteredAt: call.enteredAt, priority: call.priority });
    const asg = this.router.routeCaller(call.id, now);
    if (asg) await this.connect(asg, false);
    else if (call.keepPlaceAsked) await this.keepPlace(call);
    else await this.announce(call);
  }

  /** The queue's holding bridge (created once, music on hold started on it), and the caller in it. */
  private async hold(call: LiveCall, q: QueueRow): Promise<void> {
    let p = this.holding.get(q.id);
    if (!p) {
      const bridgeId = `acd-hold-${q.id}`;
      p = (async () => {
        const existing = await this.telephony.listBridges();
        if (!existing.some((b) => b.id === bridgeId))
          await this.telephony.createBridge(bridgeId, 'holding', `queue ${q.name}`);
        await this.telephony.startMoh({ bridgeId }, q.music_on_hold || 'default');
        return bridgeId;
      })();
      this.holding.set(q.id, p);
      p.catch(() => this.holding.delete(q.id));
    }
    const bridgeId = await p;
    await this.telephony.addToBridge(bridgeId, [call.legId]);
  }

  /** Position and estimated wait, computed from the queue's state (agents, their elapsed handle times, callers ahead). */
  estimate(callId: string): { position: number; ewtSeconds: number } | undefined {
    const c = this.calls.get(callId);
    if (!c || !c.queueId) return undefined;
    const position = this.router.position(callId);
    if (position === 0) return undefined;
    const now = Date.now();
    const agents = this.router
      .members(c.queueId)
      .filter((m) => m.loggedIn)
      .map((m) => {
        const since = this.busySince.get(m.agentId);
        return { idle: m.available, busyElapsedSeconds: since ? (now - since) / 1000 : 0 };
      });
    const ewt = estimateWaitSeconds({
      position,
      agents,
      handle: this.handle.get(c.queueId)!,
      abandonRatePerSecond: this.patience.get(c.queueId)?.rate() ?? 0,
    });
    return { position, ewtSeconds: Number.isFinite(ewt) ? Math.round(ewt) : -1 };
  }

  private async announce(call: LiveCall): Promise<void> {
    const est = this.estimate(call.id);
    if (!est) return;
    this.lastAnnounce.set(call.id, Date.now());
    await this.event(call.id, call.queueId, null, 'ANNOUNCE', { position: est.position, ewtSeconds: est.ewtSeconds });
    const minutes = est.ewtSeconds < 0 ? 0 : Math.max(1, Math.round(est.ewtSeconds / 60));
    for (const media of [
      `sound:queue-youarenext`,
      `number:${est.position}`,
      `sound:queue-holdtime`,
      `number:${minutes}`,
    ]) {
      await this.telephony
        .play({ target: { channelId: call.legId }, media, playbackId: `acd-${randomUUID()}` })
        .catch(() => undefined);
    }
  }

  /** A telephony listener for one call's legs; the answer removes it (once), and stop() removes any left. */
  private watch(fn: Parameters<TelephonyPort['subscribe']>[0]): () => void {
    const unsubscribe = this.telephony.subscribe(fn);
    const off = (): void => {
      if (this.watches.delete(off)) unsubscribe();
    };
    this.watches.add(off);
    return off;
  }

  // ---- distribution -------------------------------------------------------------------------------------------

  private tick(): void {
    const now = Date.now();
    if (now - this.lastConfigCheck >= (this.opts.configCheckMs ?? 5000)) {
      this.lastConfigCheck = now;
      void this.checkConfig();
    }
    for (const c of this.calls.values()) {
      if (c.status !== 'waiting' || !c.queueId) continue;
      const q = this.queues.get(c.queueId);
      if (q && now - c.enteredAt >= q.max_wait_seconds * 1000 && this.router.remove(c.id)) {
        void this.overflow(c, q, q.overflow_target, 'EXITWITHTIMEOUT');
        continue;
      }
      const every = (this.opts.announceEverySeconds ?? 30) * 1000;
      if (now - (this.lastAnnounce.get(c.id) ?? c.enteredAt) >= every) void this.announce(c);
    }
    this.dispatch();
  }

  private dispatch(): void {
    for (const asg of this.router.dispatch(Date.now())) void this.connect(asg, false);
  }

  /**
   * Connects an assignment: one addToBridge moves the caller from the holding bridge into the agent's own bridge
   * (or, for a kept place, the caller is called back first). `claimed`: the agent was taken in the ready hook.
   */
  private async connect(asg: Assignment, claimed: boolean): Promise<void> {
    const c = this.calls.get(asg.callerId);
    const now = Date.now();
    if (!c) return;
    if (!claimed && !this.sessions.takeForInbound(asg.agentId)) {
      this.router.undo(asg, now, false);
      return;
    }
    const bridgeId = this.sessions.bridgeOf(asg.agentId);
    c.agentId = asg.agentId;
    c.status = 'connecting';
    this.busySince.set(asg.agentId, now);
    try {
      if (!bridgeId) throw new Error('the agent has no bridge');
      if (asg.callback) {
        const leg = `acdcb-${c.id.slice(0, 8)}-${now.toString(36)}`;
        c.legId = leg;
        this.byChannel.set(leg, c.id);
        await this.event(c.id, asg.queueId, asg.agentId, 'CALLBACK', { holdtime: Math.round(asg.waitedMs / 1000) });
        await this.telephony.originate({
          channelId: leg,
          endpoint: this.opts.endpointTemplate
            .replace('{number}', c.callerNumber ?? '')
            .replace('{digits}', (c.callerNumber ?? '').replace(/^\+/, '')),
          appArgs: ['acd-callback', c.id],
          timeoutSeconds: 30,
          formats: 'ulaw',
        });
        return; // bridged when the caller answers (onCallbackAnswered)
      }
      await this.telephony.addToBridge(bridgeId, [c.legId]);
      await this.connected(c, asg);
    } catch (e) {
      this.log.warn(`acd connect ${c.id}: ${(e as Error).message}`);
      this.busySince.delete(asg.agentId);
      c.status = asg.callback ? 'callback' : 'waiting';
      c.agentId = undefined;
      this.router.undo(asg, now, false);
      this.sessions.releaseFromInbound(asg.agentId);
    }
  }

  private async connected(
    c: LiveCall,
    asg: Pick<Assignment, 'agentId' | 'queueId' | 'waitedMs' | 'callback'>,
  ): Promise<void> {
    const now = Date.now();
    c.status = 'connected';
    c.connectedAt = now;
    const wait = Math.round(asg.waitedMs / 1000);
    await this.ds.query(
      `UPDATE inbound_calls SET status = 'connected', answered_at = now(), agent_id = $2, wait_seconds = $3 WHERE id = $1`,
      [c.id, asg.agentId, wait],
    );
    if (!asg.callback) this.patience.get(asg.queueId)?.served(asg.waitedMs / 1000);
    await this.event(c.id, asg.queueId, asg.agentId, 'CONNECT', {
      holdtime: asg.waitedMs / 1000,
      callback: asg.callback,
    });
    await this.pathStep(c, { step: 'agent', agentId: asg.agentId, waitSeconds: wait });
    await this.offer(c, asg.agentId, asg.queueId, wait, asg.callback);
  }

  /** The agent's screen: the caller, the queue, the wait and the department's latest script. */
  private async offer(c: LiveCall, agentId: string, queueId: string, wait: number, callback: boolean): Promise<void> {
    const q = this.queues.get(queueId);
    const [script]: { id: string }[] = await this.ds.query(
      `SELECT v.id FROM script_versions v JOIN scripts s ON s.id = v.script_id WHERE s.department_id = $1
        ORDER BY v.created_at DESC LIMIT 1`,
      [c.departmentId || q?.department_id],
    );
    this.sessions.events.emit('inbound-offer', {
      agentId,
      inboundCallId: c.id,
      queueId,
      queueName: q?.name ?? '',
      callerNumber: c.callerNumber,
      waitSeconds: wait,
      departmentId: c.departmentId,
      scriptVersionId: script?.id ?? null,
      callback,
    });
  }

  private onCallbackAnswered(callId: string | undefined, channelId: string): void {
    const c = callId ? this.calls.get(callId) : undefined;
    if (!c || !c.agentId || c.legId !== channelId) return;
    const bridgeId = this.sessions.bridgeOf(c.agentId);
    if (!bridgeId) return;
    void this.telephony
      .addToBridge(bridgeId, [channelId])
      .then(() =>
        this.connected(c, {
          agentId: c.agentId!,
          queueId: c.queueId!,
          waitedMs: Date.now() - c.enteredAt,
          callback: true,
        }),
      )
      .catch((e: unknown) => this.log.warn(`callback bridge ${c.id}: ${(e as Error).message}`));
  }

  // ---- leaving the queue ----------------------------------------------------------------------------------------

  private onCallerGone(c: LiveCall): void {
    const now = Date.now();
    switch (c.status) {
      case 'waiting': {
        const position = this.router.position(c.id);
        this.router.remove(c.id);
        this.lastAnnounce.delete(c.id);
        if (c.queueId) this.patience.get(c.queueId)?.abandoned((now - c.enteredAt) / 1000);
        void this.event(c.id, c.queueId, null, 'ABANDON', { position, waited: (now - c.enteredAt) / 1000 });
        void this.close(
          c,
          'abandoned',
          `abandoned_at = now(), wait_seconds = ${Math.round((now - c.enteredAt) / 1000)}`,
        );
        return;
      }
      case 'callback':
        return; // the caller hung up after keeping their place: expected
      case 'connecting':
        if (c.legId !== c.channelId) {
          // The callback was not answered: the agent is free; the kept place is given up.
          const agentId = c.agentId;
          void this.event(c.id, c.queueId, agentId ?? null, 'CALLBACKFAILED', {});
          void this.close(c, 'callback-failed', 'wait_seconds = NULL');
          if (agentId) {
            this.busySince.delete(agentId);
            this.sessions.releaseFromInbound(agentId);
          }
        } else {
          this.router.remove(c.id);
          void this.close(c, 'abandoned', 'abandoned_at = now()');
        }
        return;
      case 'connected': {
        const agentId = c.agentId!;
        const talk = (now - (c.connectedAt ?? now)) / 1000;
        // Gone while on hold or during a consultation: the hold bridge goes, the consulted party is let go.
        if (c.consult) void this.dropConsult(c, c.consult).catch(() => undefined);
        c.consult = undefined;
        if (c.holdBridgeId) void this.telephony.destroyBridge(c.holdBridgeId).catch(() => undefined);
        c.holdBridgeId = undefined;
        void this.event(c.id, c.queueId, agentId, 'COMPLETECALLER', { talktime: talk });
        void this.close(c, 'answered', `talk_seconds = ${Math.round(talk)}`);
        this.sessions.inboundWrapUp(agentId);
        const q = c.queueId ? this.queues.get(c.queueId) : undefined;
        const wrap = q?.wrap_up_seconds ?? 10;
        const started = this.busySince.get(agentId) ?? now;
        setTimeout(() => {
          this.busySince.delete(agentId);
          if (c.queueId) this.handle.get(c.queueId)?.add((Date.now() - started) / 1000);
          this.sessions.releaseFromInbound(agentId);
        }, wrap * 1000).unref();
        return;
      }
      case 'ended':
        return;
    }
  }

  /** Keep my place: the call ends, the place in line stays, and the caller is called back at the front. */
  private async keepPlace(c: LiveCall): Promise<void> {
    const caller = this.router.caller(c.id);
    if (!caller) {
      c.keepPlaceAsked = true;
      return;
    }
    c.status = 'callback';
    this.router.enqueue({ ...caller, callback: true });
    await this.event(c.id, c.queueId, null, 'EXITWITHKEY', {
      key: KEEP_PLACE_DIGIT,
      position: this.router.position(c.id),
    });
    await this.pathStep(c, { step: 'keep-place' });
    await this.ds.query(`UPDATE inbound_calls SET status = 'callback' WHERE id = $1`, [c.id]);
    await this.telephony.hangup(c.legId, 16).catch(() => undefined);
  }

  /** Overflow: to another queue, to an external number, or to a callback request; without a target, a message. */
  private async overflow(c: LiveCall, q: QueueRow, target: string | null, reason: string): Promise<void> {
    await this.event(c.id, q.id, null, reason, { target, waited: (Date.now() - c.enteredAt) / 1000 });
    await this.pathStep(c, { step: 'overflow', reason, target });
    await this.ds.query(`UPDATE inbound_calls SET overflowed_to = $2 WHERE id = $1`, [c.id, target]);
    if (target?.startsWith('queue:') && c.hops < 3) {
      c.hops++;
      const next = [...this.queues.values()].find((x) => x.id === target.slice(6) || x.name === target.slice(6));
      if (next) return this.enterQueue(c, next.id);
    }
    if (target?.startsWith('number:') && !(await this.allowed(q.department_id, target.slice(7)))) {
      // The list changed since the queue was configured: no call to a number the department no longer allows.
      this.log.warn(`acd overflow ${c.id}: ${target} is not an allowed destination of the department`);
      return this.finish(c, reason === 'EXITEMPTY' ? 'no-agents' : 'timeout', 'sound:queue-thankyou');
    }
    if (target?.startsWith('number:')) {
      const number = target.slice(7);
      const bridgeId = `acd-ext-${c.id}`;
      const leg = `acdext-${c.id.slice(0, 8)}-${Date.now().toString(36)}`;
      c.status = 'ended';
      await this.telephony.createBridge(bridgeId, 'mixing', 'overflow');
      await this.telephony.addToBridge(bridgeId, [c.legId]);
      await this.telephony.originate({
        channelId: leg,
        endpoint: this.opts.endpointTemplate.replace('{number}', number).replace('{digits}', number.replace(/^\+/, '')),
        appArgs: ['acd-external', c.id, bridgeId],
        timeoutSeconds: 30,
        formats: 'ulaw',
      });
      const off = this.watch((e) => {
        if (e.type === 'stasisStart' && e.channelId === leg)
          void this.telephony.addToBridge(bridgeId, [leg]).catch(() => undefined);
        if (e.type === 'destroyed' && (e.channelId === leg || e.channelId === c.legId)) {
          off();
          void this.telephony.hangup(e.channelId === leg ? c.legId : leg).catch(() => undefined);
          void this.telephony.destroyBridge(bridgeId).catch(() => undefined);
        }
      });
      return this.close(c, 'overflowed', `wait_seconds = ${Math.round((Date.now() - c.enteredAt) / 1000)}`);
    }
    if (target === 'callback' && c.callerNumber) {
      // A callback request: the caller hangs up and keeps a place in this queue for when someone can take it.
      c.queueId = q.id;
      c.status = 'callback';
      this.router.enqueue({ id: c.id, queueId: q.id, enteredAt: c.enteredAt, priority: c.priority, callback: true });
      await this.ds.query(
        `UPDATE inbound_calls SET queue_id = $2, status = 'callback', entered_queue_at = $3 WHERE id = $1`,
        [c.id, q.id, new Date(c.enteredAt)],
      );
      // A core sound (Asterisk has no "we will call you back" prompt of its own), heard to its end.
      void this.playThenHangup(c.legId, 'sound:queue-thankyou');
      return;
    }
    return this.finish(c, reason === 'EXITEMPTY' ? 'no-agents' : 'timeout', 'sound:queue-thankyou');
  }

  private async finish(c: LiveCall, outcome: string, media: string): Promise<void> {
    c.status = 'ended';
    await this.close(c, outcome, 'wait_seconds = NULL');
    void this.playThenHangup(c.legId, media);
  }

  /**
   * Plays a message and hangs up when it has been heard (PlaybackFinished): a hangup right after the play request
   * would cut it at once, since Asterisk queues the playback on the channel but runs a hangup immediately. A guard
   * hangs up anyway if the playback never reports its end.
   */
  private playThenHangup(legId: string, media: string): Promise<void> {
    const playbackId = `acd-${randomUUID()}`;
    return new Promise<void>((resolve) => {
      let done = false;
      const end = (): void => {
        if (done) return;
        done = true;
        off();
        clearTimeout(guard);
        void this.telephony
          .hangup(legId, 16)
          .catch(() => undefined)
          .then(() => resolve());
      };
      const off = this.watch((e) => {
        if (e.type === 'playbackFinished' && e.playbackId === playbackId) end();
        else if (e.type === 'destroyed' && e.channelId === legId) end();
      });
      const guard = setTimeout(end, PLAYBACK_GUARD_MS);
      guard.unref();
      this.telephony.play({ target: { channelId: legId }, media, playbackId }).catch(() => end());
    });
  }

  private async close(c: LiveCall, outcome: string, extra: string): Promise<void> {
    c.status = 'ended';
    this.calls.delete(c.id);
    for (const [ch, id] of this.byChannel) if (id === c.id) this.byChannel.delete(ch);
    await this.ds.query(
      `UPDATE inbound_calls SET outcome = $2, status = 'ended', ended_at = COALESCE(ended_at, now()), ${extra} WHERE id = $1`,
      [c.id, outcome],
    );
  }

  // ---- records --------------------------------------------------------------------------------------------------

  private event(
    callId: string,
    queueId: string | null,
    agentId: string | null,
    event: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    const p = this.ds
      .query(
        `INSERT INTO queue_events (inbound_call_id, queue_id, agent_id, event, data) VALUES ($1, $2, $3, $4, $5)`,
        [callId, queueId, agentId, event, JSON.stringify(data)],
      )
      .then(() => undefined);
    this.writes = this.writes.then(() => p).catch(() => undefined);
    return p;
  }

  private async pathStep(c: LiveCall, step: Record<string, unknown>): Promise<void> {
    await this.ds.query(`UPDATE inbound_calls SET path = path || $2::jsonb WHERE id = $1`, [
      c.id,
      JSON.stringify([{ at: new Date().toISOString(), ...step }]),
    ]);
  }

  // ---- transfer and conference ----------------------------------------------------------------------------------

  /** The inbound call an agent is talking to, if any. */
  callOf(agentId: string): { id: string; queueId: string | null; callerNumber: string | null } | undefined {
    for (const c of this.calls.values())
      if (c.agentId === agentId && c.status === 'connected')
        return { id: c.id, queueId: c.queueId, callerNumber: c.callerNumber };
    return undefined;
  }

  /**
   * Blind transfer by the agent: to another (ready) agent of the department, back into a queue, or to an external
   * number. The caller leaves this agent's bridge in one move; the agent goes to wrap-up.
   */
  async transfer(agentId: string, to: string): Promise<{ inboundCallId: string; to: string }> {
    const found = [...this.calls.values()].find((c) => c.agentId === agentId && c.status === 'connected');
    if (!found) throw new AppError('conflict', 'the agent has no inbound call to transfer');
    if (found.consult) throw new AppError('conflict', 'a consultation is in progress: complete or cancel it first');
    const c = found;
    const [kind, target] = [to.slice(0, to.indexOf(':')), to.slice(to.indexOf(':') + 1)];
    if (kind === 'agent') {
      if (this.sessions.departmentOf(target) !== c.departmentId || !this.sessions.takeForInbound(target))
        throw new AppError('conflict', 'the target agent is not logged in and ready in this department', [
          { field: 'to', reason: 'agent not ready' },
        ]);
      const bridgeId = this.sessions.bridgeOf(target)!;
      await this.telephony.addToBridge(bridgeId, [c.legId]);
      await this.transferred(c, agentId, to);
      c.agentId = target;
      c.connectedAt = Date.now();
      this.busySince.set(target, Date.now());
      await this.ds.query(`UPDATE inbound_calls SET agent_id = $2 WHERE id = $1`, [c.id, target]);
      // The new agent's screen shows the caller as an inbound offer.
      if (c.queueId) await this.offer(c, target, c.queueId, 0, false);
      return { inboundCallId: c.id, to };
    }
    if (kind === 'queue') {
      const q = [...this.queues.values()].find(
        (x) => (x.id === target || x.name === target) && x.department_id === c.departmentId,
      );
      if (!q) throw invalidTarget('no such queue in this department');
      await this.transferred(c, agentId, to);
      c.agentId = undefined;
      c.status = 'waiting';
      c.queueId = null;
      c.hops++;
      await this.enterQueue(c, q.id);
      return { inboundCallId: c.id, to };
    }
    if (kind === 'number' && E164ISH.test(target)) {
      await this.assertAllowed(c.departmentId, target, 'to');
      await this.transferred(c, agentId, to);
      const q = c.queueId ? this.queues.get(c.queueId) : undefined;
      c.agentId = undefined;
      c.status = 'waiting';
      if (q) await this.overflow(c, q, to, 'TRANSFEROUT');
      return { inboundCallId: c.id, to };
    }
    throw invalidTarget('must be agent:<id>, queue:<id or name> or number:<E.164>');
  }

  /** Three-way conference: an external party is called into the agent's own bridge, with the caller and the agent. */
  async conference(agentId: string, number: string): Promise<{ inboundCallId: string; channelId: string }> {
    const c = [...this.calls.values()].find((x) => x.agentId === agentId && x.status === 'connected');
    if (!c) throw new AppError('conflict', 'the agent has no inbound call');
    if (!E164ISH.test(number))
      throw new AppError('validation-failed', 'number: digits with an optional +', [
        { field: 'number', reason: 'digits with an optional +' },
      ]);
    await this.assertAllowed(c.departmentId, number, 'number');
    const bridgeId = this.sessions.bridgeOf(agentId)!;
    const leg = `acdconf-${c.id.slice(0, 8)}-${Date.now().toString(36)}`;
    const off = this.watch((e) => {
      if (e.type === 'stasisStart' && e.channelId === leg) {
        off();
        void this.telephony.addToBridge(bridgeId, [leg]).catch(() => undefined);
      } else if (e.type === 'destroyed' && e.channelId === leg) off(); // never answered
    });
    await this.telephony
      .originate({
        channelId: leg,
        endpoint: this.opts.endpointTemplate.replace('{number}', number).replace('{digits}', number.replace(/^\+/, '')),
        appArgs: ['acd-conference', c.id],
        timeoutSeconds: 30,
        formats: 'ulaw',
      })
      .catch((e: unknown) => {
        off();
        throw e;
      });
    await this.event(c.id, c.queueId, agentId, 'CONFERENCE', { number, channelId: leg });
    await this.pathStep(c, { step: 'conference', number });
    return { inboundCallId: c.id, channelId: leg };
  }

  /**
   * Barge: a supervisor's phone is called and added to the agent's own bridge, so the supervisor talks with the
   * agent and the caller. (Listen and whisper: `monitor`.)
   */
  async barge(agentId: string, endpoint: string): Promise<{ channelId: string }> {
    const bridgeId = this.sessions.bridgeOf(agentId);
    if (!bridgeId) throw new AppError('conflict', 'the agent is not logged in');
    // A UUID: the id names the leg in DELETE /api/agents/{agentId}/monitor/{channelId}.
    const leg = randomUUID();
    const off = this.watch((e) => {
      if (e.type === 'stasisStart' && e.channelId === leg)
        void this.telephony.addToBridge(bridgeId, [leg]).catch(() => undefined);
      else if (e.type === 'destroyed' && e.channelId === leg) {
        off();
        this.monitors.delete(leg);
      }
    });
    this.monitors.set(leg, { channelId: leg, agentId, mode: 'barge', off });
    await this.telephony.originate({
      channelId: leg,
      endpoint,
      appArgs: ['acd-supervisor', agentId],
      timeoutSeconds: 30,
      formats: 'ulaw',
    });
    const c = [...this.calls.values()].find((x) => x.agentId === agentId && x.status === 'connected');
    if (c) {
      await this.event(c.id, c.queueId, agentId, 'BARGE', { endpoint });
      await this.pathStep(c, { step: 'barge', endpoint });
    }
    return { channelId: leg };
  }

  // ---- hold and attended transfer -----------------------------------------------------------------------------

  private connectedCall(agentId: string): LiveCall {
    const c = [...this.calls.values()].find((x) => x.agentId === agentId && x.status === 'connected');
    if (!c) throw new AppError('conflict', 'the agent has no inbound call');
    return c;
  }

  /** The department's allowed external destinations (prefixes, see allowed-destinations.ts). */
  private async allowed(departmentId: string, number: string): Promise<boolean> {
    if (!departmentId) return false;
    const [d]: { allowed_destinations: string[] }[] = await this.ds.query(
      `SELECT allowed_destinations FROM departments WHERE id = $1`,
      [departmentId],
    );
    return destinationAllowed(d?.allowed_destinations ?? [], number);
  }

  private async assertAllowed(departmentId: string, number: string, field: string): Promise<void> {
    if (!(await this.allowed(departmentId, number))) throw notAllowed(field, number);
  }

  /**
   * Hold: the caller leaves the agent's bridge for a holding bridge of their own with music on hold (the agent
   * stays in their bridge, alone); un-hold moves the caller back with one addChannel.
   */
  async setHold(agentId: string, held: boolean): Promise<{ inboundCallId: string; held: boolean }> {
    const c = this.connectedCall(agentId);
    if (c.consult) throw new AppError('conflict', 'a consultation is in progress: complete or cancel it first');
    if (held !== !!c.holdBridgeId) {
      if (held) await this.putOnHold(c, agentId);
      else await this.takeOffHold(c, agentId);
    }
    return { inboundCallId: c.id, held };
  }

  private async putOnHold(c: LiveCall, agentId: string): Promise<void> {
    const q = c.queueId ? this.queues.get(c.queueId) : undefined;
    const bridgeId = `acd-onhold-${c.id}`;
    await this.telephony.createBridge(bridgeId, 'holding', `on hold ${c.id}`);
    await this.telephony.addToBridge(bridgeId, [c.legId]);
    c.holdBridgeId = bridgeId;
    await this.telephony
      .startMoh({ bridgeId }, q?.music_on_hold || 'default')
      .catch((e: unknown) => this.log.warn(`hold moh ${c.id}: ${(e as Error).message}`));
    await this.event(c.id, c.queueId, agentId, 'HOLD', {});
    await this.pathStep(c, { step: 'hold', agentId });
    this.sessions.events.emit('inbound-held', { agentId, inboundCallId: c.id, held: true });
  }

  private async takeOffHold(c: LiveCall, agentId: string): Promise<void> {
    const bridgeId = this.sessions.bridgeOf(agentId);
    if (!bridgeId) throw new AppError('conflict', 'the agent is not logged in');
    await this.telephony.addToBridge(bridgeId, [c.legId]);
    const hold = c.holdBridgeId;
    c.holdBridgeId = undefined;
    if (hold) await this.telephony.destroyBridge(hold).catch(() => undefined);
    await this.event(c.id, c.queueId, agentId, 'UNHOLD', {});
    await this.pathStep(c, { step: 'unhold', agentId });
    this.sessions.events.emit('inbound-held', { agentId, inboundCallId: c.id, held: false });
  }

  private async phoneChannelOf(agentId: string): Promise<string | undefined> {
    const [a]: { session_channel_id: string | null }[] = await this.ds.query(
      `SELECT session_channel_id FROM agents WHERE id = $1`,
      [agentId],
    );
    return a?.session_channel_id ?? undefined;
  }

  private consultState(
    c: LiveCall,
    k: Consult,
    agentId: string,
    state: 'consulting' | 'completed' | 'cancelled',
  ): void {
    const p = { inboundCallId: c.id, consultId: k.id, state, to: k.to };
    this.sessions.events.emit('consult-state', { agentId, ...p });
    if (k.targetAgentId) this.sessions.events.emit('consult-state', { agentId: k.targetAgentId, ...p });
  }

  /**
   * Attended transfer, first step: the caller goes on hold and the agent talks to the target in their own bridge:
   * another agent's phone channel is moved in (from that agent's bridge), a queue's next ready agent likewise, or an
   * external number is called in (within the department's allowed destinations).
   */
  async consult(agentId: string, to: string): Promise<{ inboundCallId: string; consultId: string }> {
    const c = this.connectedCall(agentId);
    if (c.consult) throw new AppError('conflict', 'a consultation is already in progress');
    const bridgeId = this.sessions.bridgeOf(agentId);
    if (!bridgeId) throw new AppError('conflict', 'the agent is not logged in');
    const colon = to.indexOf(':');
    const [kind, target] = [to.slice(0, colon), to.slice(colon + 1)];
    const k: Consult = { id: randomUUID(), to };
    if (kind === 'agent' || kind === 'queue') {
      let targetAgentId: string | undefined;
      if (kind === 'agent') {
        if (target === agentId) throw invalidTarget('an agent cannot consult themselves');
        if (this.sessions.departmentOf(target) !== c.departmentId || !this.sessions.takeForInbound(target))
          throw new AppError('conflict', 'the target agent is not logged in and ready in this department', [
            { field: 'to', reason: 'agent not ready' },
          ]);
        targetAgentId = target;
      } else {
        const q = [...this.queues.values()].find(
          (x) => (x.id === target || x.name === target) && x.department_id === c.departmentId,
        );
        if (!q) throw invalidTarget('no such queue in this department');
        targetAgentId = this.router
          .members(q.id)
          .filter((m) => m.available && m.agentId !== agentId)
          .map((m) => m.agentId)
          .find((id) => this.sessions.departmentOf(id) === c.departmentId && this.sessions.takeForInbound(id));
        if (!targetAgentId)
          throw new AppError('conflict', 'no agent of that queue is ready', [
            { field: 'to', reason: 'no agent ready' },
          ]);
      }
      k.targetAgentId = targetAgentId;
      k.targetBridgeId = this.sessions.bridgeOf(targetAgentId);
      k.targetChannelId = await this.phoneChannelOf(targetAgentId);
      try {
        if (!k.targetBridgeId || !k.targetChannelId) throw new Error('the target agent has no phone channel');
        if (!c.holdBridgeId) await this.putOnHold(c, agentId);
        await this.telephony.addToBridge(bridgeId, [k.targetChannelId]);
      } catch (e) {
        this.sessions.releaseFromInbound(targetAgentId);
        throw e;
      }
    } else if (kind === 'number') {
      if (!E164ISH.test(target)) throw invalidTarget('a number is digits with an optional +');
      await this.assertAllowed(c.departmentId, target, 'to');
      if (!c.holdBridgeId) await this.putOnHold(c, agentId);
      const leg = `acdcons-${c.id.slice(0, 8)}-${Date.now().toString(36)}`;
      k.legId = leg;
      const off = this.watch((e) => {
        if (e.type === 'stasisStart' && e.channelId === leg)
          void this.telephony.addToBridge(bridgeId, [leg]).catch(() => undefined);
        else if (e.type === 'destroyed' && e.channelId === leg) {
          off();
          // The consulted party hung up before the transfer: the caller comes back to the agent.
          if (c.consult === k) void this.consultCancel(agentId).catch(() => undefined);
        }
      });
      await this.telephony
        .originate({
          channelId: leg,
          endpoint: this.opts.endpointTemplate
            .replace('{number}', target)
            .replace('{digits}', target.replace(/^\+/, '')),
          appArgs: ['acd-consult', c.id],
          timeoutSeconds: 30,
          formats: 'ulaw',
        })
        .catch((e: unknown) => {
          off();
          throw e;
        });
    } else throw invalidTarget('must be agent:<id>, queue:<id or name> or number:<E.164>');
    c.consult = k;
    await this.event(c.id, c.queueId, agentId, 'ATTENDEDTRANSFER', { consultId: k.id, to, state: 'consulting' });
    await this.pathStep(c, { step: 'consult', from: agentId, to });
    this.consultState(c, k, agentId, 'consulting');
    return { inboundCallId: c.id, consultId: k.id };
  }

  /** Attended transfer, done: the caller goes to the consulted party, the agent to wrap-up. */
  async consultComplete(agentId: string): Promise<{ inboundCallId: string; consultId: string }> {
    const c = this.connectedCall(agentId);
    const k = c.consult;
    if (!k) throw new AppError('conflict', 'no consultation in progress');
    const talk = (Date.now() - (c.connectedAt ?? Date.now())) / 1000;
    c.consult = undefined;
    if (k.targetAgentId && k.targetBridgeId && k.targetChannelId) {
      // The consulted agent goes home to their own bridge, and the caller follows them there.
      await this.telephony.addToBridge(k.targetBridgeId, [k.targetChannelId]);
      await this.telephony.addToBridge(k.targetBridgeId, [c.legId]);
    } else if (k.legId) {
      const bridgeId = `acd-ext-${c.id}`;
      const leg = k.legId;
      await this.telephony.createBridge(bridgeId, 'mixing', 'attended transfer');
      await this.telephony.addToBridge(bridgeId, [c.legId, leg]);
      const caller = c.legId;
      const off = this.watch((e) => {
        if (e.type === 'destroyed' && (e.channelId === leg || e.channelId === caller)) {
          off();
          void this.telephony.hangup(e.channelId === leg ? caller : leg).catch(() => undefined);
          void this.telephony.destroyBridge(bridgeId).catch(() => undefined);
        }
      });
    }
    const hold = c.holdBridgeId;
    c.holdBridgeId = undefined;
    if (hold) await this.telephony.destroyBridge(hold).catch(() => undefined);
    await this.event(c.id, c.queueId, agentId, 'ATTENDEDTRANSFER', {
      consultId: k.id,
      to: k.to,
      state: 'completed',
      talktime: talk,
    });
    await this.pathStep(c, { step: 'attended-transfer', from: agentId, to: k.to });
    this.wrapUp(c, agentId);
    if (k.targetAgentId) {
      c.agentId = k.targetAgentId;
      c.connectedAt = Date.now();
      this.busySince.set(k.targetAgentId, Date.now());
      await this.ds.query(`UPDATE inbound_calls SET agent_id = $2 WHERE id = $1`, [c.id, k.targetAgentId]);
      if (c.queueId) await this.offer(c, k.targetAgentId, c.queueId, 0, false);
    } else {
      // Handed to an outside party: the ACD's part of the call is over.
      await this.close(c, 'answered', `talk_seconds = ${Math.round(talk)}`);
    }
    this.consultState(c, k, agentId, 'completed');
    return { inboundCallId: c.id, consultId: k.id };
  }

  /** Attended transfer, dropped: the consulted party is let go and the caller comes back to the agent. */
  async consultCancel(agentId: string): Promise<{ inboundCallId: string; consultId: string }> {
    const c = this.connectedCall(agentId);
    const k = c.consult;
    if (!k) throw new AppError('conflict', 'no consultation in progress');
    c.consult = undefined;
    await this.dropConsult(c, k);
    await this.event(c.id, c.queueId, agentId, 'ATTENDEDTRANSFER', { consultId: k.id, to: k.to, state: 'cancelled' });
    await this.pathStep(c, { step: 'consult-cancelled', from: agentId, to: k.to });
    if (c.holdBridgeId) await this.takeOffHold(c, agentId);
    this.consultState(c, k, agentId, 'cancelled');
    return { inboundCallId: c.id, consultId: k.id };
  }

  private async dropConsult(c: LiveCall, k: Consult): Promise<void> {
    if (k.targetAgentId) {
      if (k.targetBridgeId && k.targetChannelId)
        await this.telephony.addToBridge(k.targetBridgeId, [k.targetChannelId]).catch(() => undefined);
      this.sessions.releaseFromInbound(k.targetAgentId);
    }
    if (k.legId) await this.telephony.hangup(k.legId).catch(() => undefined);
  }

  // ---- supervisor: listen, whisper, barge ------------------------------------------------------------------------

  /**
   * Listen or whisper: a Snoop channel on the agent's phone channel (spy `both`: the supervisor hears the agent and
   * what the agent hears; whisper `out`: the supervisor's voice goes to the agent only) and the supervisor's phone
   * meet in a mixing bridge of their own. The agent's bridge and the caller are not touched.
   */
  async monitor(agentId: string, endpoint: string, mode: 'listen' | 'whisper'): Promise<{ channelId: string }> {
    const agentChannel = this.sessions.isLoggedIn(agentId) ? await this.phoneChannelOf(agentId) : undefined;
    if (!agentChannel) throw new AppError('conflict', 'the agent is not logged in');
    const leg = randomUUID();
    const stamp = leg.slice(0, 13);
    const snoopId = `acdsnoop-${stamp}`;
    const bridgeId = `acd-mon-${stamp}`;
    await this.telephony.createBridge(bridgeId, 'mixing', `${mode} ${agentId}`);
    const off = this.watch((e) => {
      if (e.type === 'stasisStart' && (e.channelId === leg || e.channelId === snoopId))
        void this.telephony.addToBridge(bridgeId, [e.channelId]).catch(() => undefined);
      else if (e.type === 'destroyed' && (e.channelId === leg || e.channelId === snoopId))
        void this.endMonitor(agentId, leg).catch(() => undefined);
    });
    this.monitors.set(leg, { channelId: leg, agentId, mode, snoopId, bridgeId, off });
    try {
      await this.telephony.snoop({
        channelId: agentChannel,
        snoopId,
        spy: 'both',
        whisper: mode === 'whisper' ? 'out' : 'none',
        appArgs: ['acd-snoop', agentId, mode],
      });
      await this.telephony.originate({
        channelId: leg,
        endpoint,
        appArgs: ['acd-supervisor', agentId, mode],
        timeoutSeconds: 30,
        formats: 'ulaw',
      });
    } catch (e) {
      await this.endMonitor(agentId, leg).catch(() => undefined);
      throw e;
    }
    const c = [...this.calls.values()].find((x) => x.agentId === agentId && x.status === 'connected');
    if (c) {
      await this.event(c.id, c.queueId, agentId, 'SNOOP', { mode, endpoint, channelId: leg });
      await this.pathStep(c, { step: 'snoop', mode, endpoint });
    }
    return { channelId: leg };
  }

  /** Ends a listen, whisper or barge: the supervisor's leg (and the Snoop channel) hang up. */
  async endMonitor(agentId: string, channelId: string): Promise<boolean> {
    const m = this.monitors.get(channelId);
    if (!m || m.agentId !== agentId) return false;
    this.monitors.delete(channelId);
    m.off();
    await this.telephony.hangup(m.channelId).catch(() => undefined);
    if (m.snoopId) await this.telephony.hangup(m.snoopId).catch(() => undefined);
    if (m.bridgeId) await this.telephony.destroyBridge(m.bridgeId).catch(() => undefined);
    return true;
  }

  private async transferred(c: LiveCall, agentId: string, to: string): Promise<void> {
    const talk = (Date.now() - (c.connectedAt ?? Date.now())) / 1000;
    await this.event(c.id, c.queueId, agentId, 'TRANSFER', { to, talktime: talk });
    await this.pathStep(c, { step: 'transfer', from: agentId, to });
    // Transferred from hold: the caller's own holding bridge is no longer needed.
    const hold = c.holdBridgeId;
    c.holdBridgeId = undefined;
    if (hold) await this.telephony.destroyBridge(hold).catch(() => undefined);
    this.wrapUp(c, agentId);
  }

  /** The agent is done with the caller (transferred): wrap-up, then ready again. */
  private wrapUp(c: LiveCall, agentId: string): void {
    this.sessions.inboundWrapUp(agentId);
    const q = c.queueId ? this.queues.get(c.queueId) : undefined;
    setTimeout(
      () => {
        this.busySince.delete(agentId);
        this.sessions.releaseFromInbound(agentId);
      },
      (q?.wrap_up_seconds ?? 10) * 1000,
    ).unref();
  }

  // ---- crash recovery ---------------------------------------------------------------------------------------------

  /**
   * After a restart, from the open `inbound_calls` rows and what Asterisk still has (channels, bridges):
   * - waiting callers whose channel is alive go back in line in their original order (entry time, priority) and in
   *   their holding bridge; kept places go back as callbacks;
   * - a connected caller whose channel is alive, with the agent's phone alive, stays connected and is followed to its
   *   end (hangup: COMPLETECALLER with the talk time, the agent's wrap-up and release);
   * - a held caller (in `acd-onhold-<id>`) stays held, and the agent can take them back; a consultation in progress
   *   is cancelled (the consulted party let go, the caller back with the agent);
   * - a connected or held caller whose agent is gone goes back to the front of their queue;
   * - only calls whose channel is really gone are closed as `lost`.
   */
  private async recover(): Promise<void> {
    const rows: RecoverRow[] = await this.ds.query(
      `SELECT id, agent_id, answered_at, channel_id, department_id, caller_number, queue_id, entered_queue_at, priority,
              status, path FROM inbound_calls
        WHERE status IN ('waiting', 'callback', 'connecting', 'connected') AND ended_at IS NULL ORDER BY entered_queue_at`,
    );
    if (rows.length === 0) return;
    const channels = await this.telephony.listChannels();
    const alive = new Set(channels.map((c) => c.id));
    const bridges = await this.telephony.listBridges();
    const bridgeOfChannel = new Map<string, BridgeSummary>();
    for (const b of bridges) for (const ch of b.channelIds) bridgeOfChannel.set(ch, b);
    let recovered = 0;
    for (const r of rows) {
      const q = r.queue_id ? this.queues.get(r.queue_id) : undefined;
      // A kept place that was being called back: the callback leg carries the caller now.
      const leg = alive.has(r.channel_id)
        ? r.channel_id
        : channels.find((c) => c.id.startsWith(`acdcb-${r.id.slice(0, 8)}-`))?.id;
      const ok =
        r.status === 'callback'
          ? !!q && !!r.entered_queue_at
          : !!leg && (r.status === 'connected' ? !!r.agent_id : !!q && !!r.entered_queue_at);
      if (!ok) {
        await this.ds.query(
          `UPDATE inbound_calls SET status = 'ended', outcome = COALESCE(outcome, 'lost'), ended_at = now() WHERE id = $1`,
          [r.id],
        );
        continue;
      }
      const c: LiveCall = {
        id: r.id,
        channelId: r.channel_id,
        legId: leg ?? r.channel_id,
        departmentId: r.department_id ?? q?.department_id ?? '',
        callerNumber: r.caller_number,
        queueId: q?.id ?? r.queue_id,
        enteredAt: (r.entered_queue_at ?? r.answered_at ?? new Date()).getTime(),
        priority: r.priority,
        status: r.status === 'callback' ? 'callback' : 'waiting',
        hops: 0,
      };
      this.calls.set(c.id, c);
      this.byChannel.set(c.channelId, c.id);
      this.byChannel.set(c.legId, c.id);
      recovered++;
      if (r.status === 'connected') {
        await this.recoverConnected(c, r, bridgeOfChannel, alive).catch((e: unknown) =>
          this.log.warn(`recover connected ${c.id}: ${(e as Error).message}`),
        );
        continue;
      }
      this.router.enqueue({
        id: c.id,
        queueId: q!.id,
        enteredAt: c.enteredAt,
        priority: c.priority,
        callback: c.status === 'callback',
      });
      await this.event(c.id, q!.id, null, 'RECOVERED', { status: c.status });
      if (c.status === 'waiting')
        await this.hold(c, q!).catch((e: unknown) => this.log.warn(`recover hold: ${(e as Error).message}`));
    }
    this.log.log(`acd: recovered ${recovered} call(s)`);
  }

  /** A connected call found alive after a restart: followed, held, its consultation cancelled, or back in line. */
  private async recoverConnected(
    c: LiveCall,
    r: RecoverRow,
    bridgeOfChannel: Map<string, BridgeSummary>,
    alive: Set<string>,
  ): Promise<void> {
    const agentId = r.agent_id!;
    const holdBridge = `acd-onhold-${c.id}`;
    const held = bridgeOfChannel.get(c.legId)?.id === holdBridge;
    const phone = await this.phoneChannelOf(agentId);
    const agentBridge = this.sessions.bridgeOf(agentId);
    const agentHere = !!phone && alive.has(phone) && !!agentBridge;
    // The last consultation step not followed by its end: an attended transfer was in progress.
    const steps = r.path ?? [];
    const lastConsult = steps.map((p) => p.step).lastIndexOf('consult');
    const consultOpen =
      lastConsult >= 0 &&
      !steps.slice(lastConsult).some((p) => p.step === 'consult-cancelled' || p.step === 'attended-transfer');
    if (consultOpen) await this.recoverConsult(c, agentId, phone, agentBridge, bridgeOfChannel, steps[lastConsult]);
    if (!agentHere || (!held && bridgeOfChannel.get(c.legId)?.id !== agentBridge)) {
      // The agent is gone (or the caller is alone somewhere): back to the front of the queue.
      const q = c.queueId ? this.queues.get(c.queueId) : undefined;
      await this.event(c.id, c.queueId, agentId, 'RECOVERED', { status: 'requeued', held });
      await this.pathStep(c, { step: 'requeued', reason: 'agent-gone', agentId });
      if (!q) {
        await this.close(c, 'lost', 'wait_seconds = NULL');
        await this.telephony.hangup(c.legId, 16).catch(() => undefined);
        return;
      }
      c.status = 'waiting';
      c.enteredAt = Date.now();
      await this.ds.query(`UPDATE inbound_calls SET status = 'waiting', agent_id = NULL WHERE id = $1`, [c.id]);
      await this.hold(c, q);
      if (held) await this.telephony.destroyBridge(holdBridge).catch(() => undefined);
      this.router.enqueue({ id: c.id, queueId: q.id, enteredAt: c.enteredAt, priority: FRONT_PRIORITY });
      return;
    }
    c.status = 'connected';
    c.agentId = agentId;
    c.connectedAt = (r.answered_at ?? new Date()).getTime();
    this.busySince.set(agentId, c.connectedAt);
    // The agent stays busy with this caller (a new session that came up ready is claimed for it).
    if (this.sessions.stateOf(agentId)?.state === 'ready') this.sessions.takeForInbound(agentId);
    this.router.setAvailable(agentId, false, Date.now());
    if (held) c.holdBridgeId = holdBridge;
    await this.event(c.id, c.queueId, agentId, 'RECOVERED', { status: held ? 'held' : 'connected' });
    if (consultOpen && held) await this.takeOffHold(c, agentId);
    else if (held) this.sessions.events.emit('inbound-held', { agentId, inboundCallId: c.id, held: true });
  }

  /**
   * A consultation found in progress after a restart is cancelled: the other channels in the consulting agent's
   * bridge (the consulted agent's phone goes home to their bridge and is released; an external leg hangs up).
   */
  private async recoverConsult(
    c: LiveCall,
    agentId: string,
    phone: string | undefined,
    agentBridge: string | undefined,
    bridgeOfChannel: Map<string, BridgeSummary>,
    step: { to?: string },
  ): Promise<void> {
    // The consulting agent's bridge: where their phone is, else (their phone gone) the session's bridge.
    const bridge =
      (phone ? bridgeOfChannel.get(phone) : undefined) ??
      [...bridgeOfChannel.values()].find((b) => !!agentBridge && b.id === agentBridge);
    const others = (bridge?.channelIds ?? []).filter((ch) => ch !== phone && ch !== c.legId);
    if (bridge && agentBridge && bridge.id !== agentBridge) others.length = 0;
    const agents: { id: string; session_channel_id: string }[] = others.length
      ? await this.ds.query(`SELECT id, session_channel_id FROM agents WHERE session_channel_id = ANY($1)`, [others])
      : [];
    for (const ch of others) {
      const target = agents.find((a) => a.session_channel_id === ch);
      if (target) {
        const home = this.sessions.bridgeOf(target.id);
        if (home) await this.telephony.addToBridge(home, [ch]).catch(() => undefined);
        this.sessions.releaseFromInbound(target.id);
      } else if (ch.startsWith(`acdcons-${c.id.slice(0, 8)}-`)) await this.telephony.hangup(ch).catch(() => undefined);
    }
    await this.event(c.id, c.queueId, agentId, 'ATTENDEDTRANSFER', {
      to: step.to ?? null,
      state: 'cancelled',
      reason: 'restart',
    });
    await this.pathStep(c, { step: 'consult-cancelled', from: agentId, to: step.to ?? null, reason: 'restart' });
  }

  // ---- live figures ---------------------------------------------------------------------------------------------

  /** Recorded callback requests (after-hours route), newest first, of one department or all. */
  async callbackRequests(departmentIds: string[] | undefined): Promise<
    {
      inboundCallId: string;
      departmentId: string | null;
      callerNumber: string | null;
      did: string | null;
      arrivedAt: string;
      recording: string | null;
      recordedSeconds: number | null;
    }[]
  > {
    const rows: {
      id: string;
      department_id: string | null;
      caller_number: string | null;
      did: string | null;
      arrived_at: Date;
      path: { step: string; recording?: string; seconds?: number }[];
    }[] = await this.ds.query(
      `SELECT id, department_id, caller_number, did, arrived_at, path FROM inbound_calls
        WHERE outcome = 'callback-request' AND ($1::uuid[] IS NULL OR department_id = ANY($1::uuid[]))
        ORDER BY arrived_at DESC LIMIT 500`,
      [departmentIds ?? null],
    );
    return rows.map((r) => {
      const asked = r.path.find((p) => p.step === 'callback-request');
      const done = r.path.find((p) => p.step === 'callback-recorded');
      return {
        inboundCallId: r.id,
        departmentId: r.department_id,
        callerNumber: r.caller_number,
        did: r.did,
        arrivedAt: r.arrived_at.toISOString(),
        recording: done?.recording ?? asked?.recording ?? null,
        recordedSeconds: done?.seconds ?? null,
      };
    });
  }

  /** Waiting callers now, per queue (in order), for the wallboard. */
  waitingNow(
    queueId: string,
  ): { callId: string; callerNumber: string | null; waitingSeconds: number; priority: number; callback: boolean }[] {
    const now = Date.now();
    return this.router.waiting(queueId).map((w) => ({
      callId: w.id,
      callerNumber: this.calls.get(w.id)?.callerNumber ?? null,
      waitingSeconds: Math.round((now - w.enteredAt) / 1000),
      priority: w.priority,
      callback: !!w.callback,
    }));
  }
}
