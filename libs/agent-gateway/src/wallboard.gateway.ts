import { Inject, Logger, Optional, UseFilters, type OnModuleDestroy } from '@nestjs/common';
import { AcdLiveService, type QueueLiveView } from '@app/acd';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { SocketAuthenticator, type Principal } from '@app/auth';
import { AppError, fromDatabaseError, SocketAckExceptionFilter, type ErrorCode } from '@app/common';
import type { Role } from '@app/database';
import { CampaignLiveService, type CampaignLiveView } from '@app/dialer';
import { parsePayload } from './agent-commands.dto';
import type { SocketErrorDto } from './agent-gateway.events';

export class WallboardSubscribePayload {
  @IsUUID() campaignId: string;
  /**
   * `false`: the pushes leave out `agents.list` (a wall screen shows the counts; with 250 agents the list is ~97 %
   * of a push). Default `true`. The `subscribe` ack always has the list.
   */
  @IsOptional() @IsBoolean() agentList?: boolean;
}

export class WallboardUnsubscribePayload {
  @IsUUID() campaignId: string;
}

export class WallboardQueuePayload {
  @IsUUID() queueId: string;
}

/** One campaign's numbers, pushed every second to the sockets watching it. */
export interface WallboardCampaignDto {
  campaignId: string;
  /** When the numbers were read (the push is built and sent after that). */
  at: string;
  state: string;
  mode: string;
  /**
   * `list`: each agent with their name; `agentId` as in /api/agent/*, `userId` as in /api/users. Absent in the
   * pushes to a socket that subscribed with `agentList: false`.
   */
  agents: {
    byState: Record<string, number>;
    total: number;
    list?: { agentId: string; userId: string; name: string; state: string; reason: string | null; since: string }[];
  };
  liveCalls: { count: number; byState: Record<string, number> };
  dials: { total: number; last15Minutes: number };
  answeredByPerson: number;
  abandoned: number;
  /** Abandoned / answered by a person: over the run, over the rolling window, and the campaign's cap. */
  abandonRate: { run: number; window: number; windowHours: number; cap: number };
  /** Contacts by status, and the share that is final (done, exhausted, dnc, excluded). */
  progress: { contacts: Record<string, number>; total: number; final: number; finalShare: number };
  /** Whether it dials, and if not what holds it back (refreshed every few seconds). */
  dialing: CampaignLiveView['dialing'];
}

export type WallboardAck =
  | { ok: true; campaign: WallboardCampaignDto }
  | { ok: true; queue: QueueLiveView }
  | { ok: true }
  | { ok: false; error: ErrorCode; message: string; details?: unknown };

export interface WallboardServerEvents {
  campaign: (c: WallboardCampaignDto) => void;
  /** An inbound queue: waiting now, longest wait, SL today and last 15 minutes, agents by state. */
  queue: (q: QueueLiveView) => void;
  error: (e: SocketErrorDto) => void;
}

export interface WallboardClientEvents {
  subscribe: (p: WallboardSubscribePayload, ack: (a: WallboardAck) => void) => void;
  unsubscribe: (p: WallboardUnsubscribePayload, ack: (a: WallboardAck) => void) => void;
  'subscribe-queue': (p: WallboardQueuePayload, ack: (a: WallboardAck) => void) => void;
  'unsubscribe-queue': (p: WallboardQueuePayload, ack: (a: WallboardAck) => void) => void;
}

interface WallboardSocketData {
  principal?: Principal;
}

type WallboardSocket = Socket<WallboardClientEvents, WallboardServerEvents, Record<string, never>, WallboardSocketData>;
type WallboardNamespace = Namespace<
  WallboardClientEvents,
  WallboardServerEvents,
  Record<string, never>,
  WallboardSocketData
>;

const WALLBOARD_ROLES: readonly Role[] = ['supervisor', 'admin', 'planner'];
const ROOM_PREFIX = 'campaign:';
/** Sockets that subscribed with `agentList: false`: the same push without `agents.list`. */
const COUNTS_PREFIX = 'campaign-counts:';
const QUEUE_PREFIX = 'queue:';
const FINAL = new Set(['done', 'exhausted', 'dnc', 'excluded']);
const TICK_MS = 1000;
/** A push reuses a read of the campaign started this recently (for a subscribe); a subscribe, one of the last second. */
const PUSH_MAX_AGE_MS = 250;
const SUBSCRIBE_MAX_AGE_MS = 1000;
/**
 * A push goes to this many sockets per turn of the event loop: writing one frame to 500 sockets in one go holds the
 * loop for tens of ms on a busy machine, and ARI events (answer → bridge) wait behind it.
 */
const EMIT_BATCH = 100;

/** Per push, for the benchmark: when the numbers were read, built, and handed to the sockets (Date.now() ms). */
export interface WallboardPushTiming {
  campaignId: string;
  /** The DTO's `at`: the read started. */
  readAt: number;
  /** The live view was read and the DTOs were built. */
  builtAt: number;
  /** The first and the last batch of sockets were written. */
  emitStartAt: number;
  emitEndAt: number;
  sockets: number;
  /** Size of the JSON of the push each socket got (with the list / counts only; 0 when no socket got that form). */
  bytesWithList: number;
  bytesCountsOnly: number;
}

/** `at`: when `v` was read (default now). */
export function toWallboardDto(v: CampaignLiveView, at: Date = new Date()): WallboardCampaignDto {
  const callsByState: Record<string, number> = {};
  for (const c of v.liveCalls) callsByState[c.state] = (callsByState[c.state] ?? 0) + 1;
  const total = Object.values(v.contacts).reduce((s, n) => s + n, 0);
  const final = Object.entries(v.contacts).reduce((s, [k, n]) => s + (FINAL.has(k) ? n : 0), 0);
  return {
    campaignId: v.campaignId,
    at: at.toISOString(),
    state: v.state,
    mode: v.mode,
    agents: {
      byState: { ...v.agents.byState },
      total: v.agents.list.length,
      list: v.agents.list.map((a) => ({
        agentId: a.agentId,
        userId: a.userId,
        name: a.name,
        state: a.state,
        reason: a.reason,
        since: a.since,
      })),
    },
    liveCalls: { count: v.liveCalls.length, byState: callsByState },
    dials: { ...v.dials },
    answeredByPerson: v.answeredByPerson,
    abandoned: v.abandoned,
    abandonRate: { ...v.abandonRate },
    progress: { contacts: { ...v.contacts }, total, final, finalShare: total === 0 ? 0 : final / total },
    dialing: JSON.parse(JSON.stringify(v.dialing)) as CampaignLiveView['dialing'],
  };
}

/**
 * `/wallboard`: supervisors', planners' and admins' screens. Authenticated in the handshake like `/agent`; a
 * socket `subscribe`s to campaigns it may see (another department's is not found) and joins `campaign:<id>`; every
 * second each watched campaign's numbers (CampaignLiveService, read from the database) go to its room.
 */
@WebSocketGateway({ namespace: '/wallboard' })
@UseFilters(new SocketAckExceptionFilter())
export class WallboardGateway
  implements OnGatewayInit<WallboardNamespace>, OnGatewayConnection<WallboardSocket>, OnModuleDestroy
{
  private readonly log = new Logger('wallboard');
  private server: WallboardNamespace | undefined;
  private timer: NodeJS.Timeout | undefined;
  private busy = false;
  private stopRevocations: (() => void) | undefined;

  constructor(
    @Inject(SocketAuthenticator) private readonly socketAuth: SocketAuthenticator,
    @Inject(CampaignLiveService) private readonly live: CampaignLiveService,
    @Optional() @Inject(AcdLiveService) private readonly queues?: AcdLiveService,
  ) {}

  afterInit(server: WallboardNamespace): void {
    this.server = server;
    this.stopRevocations = this.socketAuth.protect<WallboardSocket>(
      server,
      (client, p) => {
        if (!WALLBOARD_ROLES.includes(p.role))
          throw new AppError('forbidden', `role ${p.role} may not watch wallboards`, { allowedRoles: WALLBOARD_ROLES });
        client.data = { principal: p };
      },
      (client) => client.data.principal?.userId,
    );
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    this.stopRevocations?.();
    if (this.timer) clearInterval(this.timer);
  }

  /** Authenticated by the handshake middleware (afterInit): nothing left to check. */
  handleConnection(): void {}

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() c: WallboardSocket, @MessageBody() body: unknown): Promise<WallboardAck> {
    return this.run(c, async (p) => {
      const { campaignId, agentList } = await parsePayload(WallboardSubscribePayload, body);
      // A read of the last second is good enough for the first screen (not-found: a campaign the caller may not see).
      const { at, view } = await this.live.shared(p, campaignId, SUBSCRIBE_MAX_AGE_MS);
      // One room per form of the push: a socket is in one of them.
      const [join, leave] = agentList === false ? [COUNTS_PREFIX, ROOM_PREFIX] : [ROOM_PREFIX, COUNTS_PREFIX];
      await c.leave(leave + campaignId);
      await c.join(join + campaignId);
      return { ok: true, campaign: toWallboardDto(view, at) };
    });
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(@ConnectedSocket() c: WallboardSocket, @MessageBody() body: unknown): Promise<WallboardAck> {
    return this.run(c, async () => {
      const { campaignId } = await parsePayload(WallboardUnsubscribePayload, body);
      await c.leave(ROOM_PREFIX + campaignId);
      await c.leave(COUNTS_PREFIX + campaignId);
      return { ok: true };
    });
  }

  @SubscribeMessage('subscribe-queue')
  async subscribeQueue(@ConnectedSocket() c: WallboardSocket, @MessageBody() body: unknown): Promise<WallboardAck> {
    return this.run(c, async (p) => {
      const { queueId } = await parsePayload(WallboardQueuePayload, body);
      if (!this.queues) throw new AppError('not-found', 'the ACD is not running here');
      const view = await this.queues.viewFor(p, queueId);
      await c.join(QUEUE_PREFIX + queueId);
      return { ok: true, queue: view };
    });
  }

  @SubscribeMessage('unsubscribe-queue')
  async unsubscribeQueue(@ConnectedSocket() c: WallboardSocket, @MessageBody() body: unknown): Promise<WallboardAck> {
    return this.run(c, async () => {
      const { queueId } = await parsePayload(WallboardQueuePayload, body);
      await c.leave(QUEUE_PREFIX + queueId);
      return { ok: true };
    });
  }

  private async run(c: WallboardSocket, fn: (p: Principal) => Promise<WallboardAck>): Promise<WallboardAck> {
    const p = c.data.principal;
    if (!p) return { ok: false, error: 'unauthenticated', message: 'the connection is not authenticated' };
    try {
      return await fn(p);
    } catch (caught) {
      const e = caught instanceof AppError ? caught : fromDatabaseError(caught);
      if (!e) {
        this.log.error((caught as Error).stack ?? String(caught));
        return { ok: false, error: 'internal', message: 'internal error' };
      }
      return {
        ok: false,
        error: e.code,
        message: e.message,
        ...(e.details !== undefined ? { details: e.details } : {}),
      };
    }
  }

  /** The benchmark's probe: called after each campaign push. */
  onPush?: (t: WallboardPushTiming) => void;

  /**
   * Once a second: the numbers of every campaign someone watches (skipped while the previous round still runs). Per
   * campaign one read and one DTO, whatever the number of sockets; socket.io serializes each emit once for all the
   * sockets it goes to. The pushes are volatile: a screen whose connection is still busy with the previous frame
   * misses this one rather than queueing stale numbers.
   */
  private async tick(): Promise<void> {
    const server = this.server;
    if (!server || this.busy) return;
    const rooms = [...server.adapter.rooms.keys()];
    const ids = new Set<string>();
    for (const r of rooms)
      if (r.startsWith(ROOM_PREFIX)) ids.add(r.slice(ROOM_PREFIX.length));
      else if (r.startsWith(COUNTS_PREFIX)) ids.add(r.slice(COUNTS_PREFIX.length));
    const queueRooms = rooms.filter((r) => r.startsWith(QUEUE_PREFIX));
    if (ids.size === 0 && queueRooms.length === 0) return;
    this.busy = true;
    try {
      for (const campaignId of ids) {
        try {
          await this.pushCampaign(server, campaignId);
        } catch (e) {
          this.log.warn(`campaign ${campaignId}: ${(e as Error).message}`);
        }
      }
      for (const room of queueRooms) {
        const queueId = room.slice(QUEUE_PREFIX.length);
        try {
          if (this.queues) server.to(room).volatile.emit('queue', await this.queues.viewFor(SYSTEM, queueId));
        } catch (e) {
          this.log.warn(`queue ${queueId}: ${(e as Error).message}`);
        }
      }
    } finally {
      this.busy = false;
    }
  }

  private async pushCampaign(server: WallboardNamespace, campaignId: string): Promise<void> {
    // Access was checked when the socket joined; the read itself needs a principal that sees every department. A
    // read started in the last quarter second (for a subscribe) is this second's too.
    const { at: readAt, view } = await this.live.shared(SYSTEM, campaignId, PUSH_MAX_AGE_MS);
    const full = toWallboardDto(view, readAt);
    const counts: WallboardCampaignDto = {
      ...full,
      agents: { byState: full.agents.byState, total: full.agents.total },
    };
    const withList = [...(server.adapter.rooms.get(ROOM_PREFIX + campaignId) ?? [])];
    const countsOnly = [...(server.adapter.rooms.get(COUNTS_PREFIX + campaignId) ?? [])];
    const builtAt = Date.now();
    // Let what waited during the build (ARI events first of all) run before the writes start.
    await new Promise<void>((r) => setImmediate(r));
    const emitStartAt = Date.now();
    await this.emitInBatches(server, withList, full);
    await this.emitInBatches(server, countsOnly, counts);
    const emitEndAt = Date.now();
    if (this.onPush)
      this.onPush({
        campaignId,
        readAt: readAt.getTime(),
        builtAt,
        emitStartAt,
        emitEndAt,
        sockets: withList.length + countsOnly.length,
        bytesWithList: withList.length ? JSON.stringify(full).length : 0,
        bytesCountsOnly: countsOnly.length ? JSON.stringify(counts).length : 0,
      });
  }

  /**
   * `EMIT_BATCH` sockets per turn of the loop. Each socket is in the room named by its id, so a batch is one emit to
   * those rooms: socket.io encodes the packet (and the WebSocket frame) once per batch. `local`: every dialer
   * process pushes to its own sockets from its own read.
   */
  private async emitInBatches(
    server: WallboardNamespace,
    socketIds: string[],
    dto: WallboardCampaignDto,
  ): Promise<void> {
    for (let i = 0; i < socketIds.length; i += EMIT_BATCH) {
      if (i > 0) await new Promise<void>((r) => setImmediate(r));
      server.local.to(socketIds.slice(i, i + EMIT_BATCH)).volatile.emit('campaign', dto);
    }
  }
}

const SYSTEM: Principal = {
  userId: '00000000-0000-0000-0000-000000000000',
  email: 'wallboard@system',
  role: 'admin',
  departmentId: '00000000-0000-0000-0000-000000000000',
};
