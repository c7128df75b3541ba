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
import { IsUUID } from 'class-validator';
import { SocketAuthenticator, type Principal } from '@app/auth';
import { AppError, fromDatabaseError, SocketAckExceptionFilter, type ErrorCode } from '@app/common';
import type { Role } from '@app/database';
import { CampaignLiveService, type CampaignLiveView } from '@app/dialer';
import { parsePayload } from './agent-commands.dto';
import type { SocketErrorDto } from './agent-gateway.events';

export class WallboardSubscribePayload {
  @IsUUID() campaignId: string;
}

export class WallboardQueuePayload {
  @IsUUID() queueId: string;
}

/** One campaign's numbers, pushed every second to the sockets watching it. */
export interface WallboardCampaignDto {
  campaignId: string;
  at: string;
  state: string;
  mode: string;
  /** `list`: each agent with their name; `agentId` as in /api/agent/*, `userId` as in /api/users. */
  agents: {
    byState: Record<string, number>;
    total: number;
    list: { agentId: string; userId: string; name: string; state: string; reason: string | null; since: string }[];
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
  unsubscribe: (p: WallboardSubscribePayload, ack: (a: WallboardAck) => void) => void;
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
const QUEUE_PREFIX = 'queue:';
const FINAL = new Set(['done', 'exhausted', 'dnc', 'excluded']);
const TICK_MS = 1000;
/** The "why is nothing dialing" part of a push is recomputed at most this often. */
const HOLD_MAX_AGE_MS = 5000;

export function toWallboardDto(v: CampaignLiveView): WallboardCampaignDto {
  const callsByState: Record<string, number> = {};
  for (const c of v.liveCalls) callsByState[c.state] = (callsByState[c.state] ?? 0) + 1;
  const total = Object.values(v.contacts).reduce((s, n) => s + n, 0);
  const final = Object.entries(v.contacts).reduce((s, [k, n]) => s + (FINAL.has(k) ? n : 0), 0);
  return {
    campaignId: v.campaignId,
    at: new Date().toISOString(),
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
      const { campaignId } = await parsePayload(WallboardSubscribePayload, body);
      const view = await this.live.live(p, campaignId); // not-found for a campaign the caller may not see
      await c.join(ROOM_PREFIX + campaignId);
      return { ok: true, campaign: toWallboardDto(view) };
    });
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(@ConnectedSocket() c: WallboardSocket, @MessageBody() body: unknown): Promise<WallboardAck> {
    return this.run(c, async () => {
      const { campaignId } = await parsePayload(WallboardSubscribePayload, body);
      await c.leave(ROOM_PREFIX + campaignId);
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

  /** Once a second: the numbers of every campaign someone watches (skipped while the previous round still runs). */
  private async tick(): Promise<void> {
    const server = this.server;
    if (!server || this.busy) return;
    const ids = [...server.adapter.rooms.keys()].filter((r) => r.startsWith(ROOM_PREFIX));
    const queueRooms = [...server.adapter.rooms.keys()].filter((r) => r.startsWith(QUEUE_PREFIX));
    if (ids.length === 0 && queueRooms.length === 0) return;
    this.busy = true;
    try {
      for (const room of ids) {
        const campaignId = room.slice(ROOM_PREFIX.length);
        try {
          // Access was checked when the socket joined; the read itself needs a principal that sees every department.
          const view = await this.live.live(SYSTEM, campaignId, { maxAgeMs: HOLD_MAX_AGE_MS });
          server.to(room).emit('campaign', toWallboardDto(view));
        } catch (e) {
          this.log.warn(`campaign ${campaignId}: ${(e as Error).message}`);
        }
      }
      for (const room of queueRooms) {
        const queueId = room.slice(QUEUE_PREFIX.length);
        try {
          if (this.queues) server.to(room).emit('queue', await this.queues.viewFor(SYSTEM, queueId));
        } catch (e) {
          this.log.warn(`queue ${queueId}: ${(e as Error).message}`);
        }
      }
    } finally {
      this.busy = false;
    }
  }
}

const SYSTEM: Principal = {
  userId: '00000000-0000-0000-0000-000000000000',
  email: 'wallboard@system',
  role: 'admin',
  departmentId: '00000000-0000-0000-0000-000000000000',
};
