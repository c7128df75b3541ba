import { Inject, Logger, UseFilters, type OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Namespace, Socket } from 'socket.io';
import type { DataSource } from 'typeorm';
import { canSeeDepartment, SessionRevocations, SocketAuthenticator, type Principal } from '@app/auth';
import { AppError, fromDatabaseError, notFound, SocketAckExceptionFilter } from '@app/common';
import { Agent } from '@app/database';
import {
  AgentSessionEvents,
  AgentSessionService,
  CampaignRunner,
  type AgentSessionEventMap,
  type AgentSessionView,
  type OfferContact,
} from '@app/dialer';
import {
  AnswersPayload,
  CallbackPayload,
  DispositionPayload,
  DncPayload,
  LoginPayload,
  parsePayload,
  PausePayload,
  SkipPayload,
} from './agent-commands.dto';
import {
  agentRoom,
  type Ack,
  type AgentClientEvents,
  type AgentServerEvents,
  type AgentSessionDto,
  type AgentSocketData,
  type OfferDto,
} from './agent-gateway.events';
import { OfferScriptService } from './offer-script.service';
import { AgentHoldPusher } from './agent-hold-pusher';

export type AgentSocket = Socket<AgentClientEvents, AgentServerEvents, Record<string, never>, AgentSocketData>;
export type AgentNamespace = Namespace<AgentClientEvents, AgentServerEvents, Record<string, never>, AgentSocketData>;

/** Revocations after which the agent may not keep taking calls (a logout or password change only ends screens). */
const ENDS_SHIFT = new Set(['deactivated', 'role-changed', 'department-changed']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const copyContact = (c: OfferContact): OfferContact => ({
  id: c.id,
  firstName: c.firstName,
  lastName: c.lastName,
  phone: c.phone,
  timeZone: c.timeZone,
  fields: JSON.parse(JSON.stringify(c.fields ?? {})) as Record<string, unknown>,
});

/** The session view as it goes on the wire: telephony ids (channel, bridge) stay on the server. */
export function toSessionDto(v: AgentSessionView): AgentSessionDto {
  const call = v.call;
  return {
    agentId: v.agentId,
    loggedIn: v.loggedIn,
    state: v.state,
    reason: v.reason,
    since: v.since,
    campaignId: v.campaignId,
    campaign: v.campaign ? { ...v.campaign } : null,
    endpoint: v.endpoint,
    call: call
      ? {
          callId: call.callId,
          state: call.state,
          phone: 'phone' in call ? call.phone : null,
          since: 'since' in call ? call.since : null,
        }
      : null,
    contact: v.contact ? copyContact(v.contact) : null,
    offer: v.offer
      ? { attemptId: v.offer.attemptId, contact: copyContact(v.offer.contact), autoDialAt: v.offer.autoDialAt }
      : null,
  };
}

/** The error as the client may see it; a database error caused by the input counts (see fromDatabaseError). */
function asAppError(e: unknown): AppError | undefined {
  return e instanceof AppError ? e : fromDatabaseError(e);
}

/**
 * `/agent`: one socket per agent screen. The handshake middleware authenticates the access token (`auth: { token }`
 * or `Authorization: Bearer`) before the connection completes; an agent gets their own session, a supervisor or
 * admin working for the agent's department may watch and act for one agent (`auth: { token, agentId }`). A refused
 * handshake is a `connect_error` with `data: { error, message }`. Each socket joins `agent:<agentId>` and receives `session` once,
 * then `offer`, `call-state` and `state` as the engine reports them. Commands answer through the ack callback with
 * `{ ok: true, session }` or `{ ok: false, error, message, details }` (the AppError codes of the REST API).
 */
@WebSocketGateway({ namespace: '/agent' })
@UseFilters(new SocketAckExceptionFilter())
export class AgentGateway implements OnGatewayInit<AgentNamespace>, OnGatewayConnection<AgentSocket>, OnModuleDestroy {
  private readonly log = new Logger('agent-gateway');
  private server: AgentNamespace | undefined;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    @Inject(SocketAuthenticator) private readonly socketAuth: SocketAuthenticator,
    @Inject(SessionRevocations) private readonly revocations: SessionRevocations,
    @Inject(AgentSessionService) private readonly sessions: AgentSessionService,
    @Inject(AgentSessionEvents) private readonly events: AgentSessionEvents,
    @Inject(CampaignRunner) private readonly runner: CampaignRunner,
    @Inject(OfferScriptService) private readonly scripts: OfferScriptService,
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(AgentHoldPusher) private readonly holdPusher: AgentHoldPusher,
  ) {}

  afterInit(server: AgentNamespace): void {
    this.server = server;
    this.holdPusher.attach(server);
    this.unsubscribe.push(
      this.socketAuth.protect<AgentSocket>(
        server,
        async (client, p) => {
          const auth = (client.handshake.auth ?? {}) as { agentId?: unknown };
          const agentId = await this.resolveAgent(p, typeof auth.agentId === 'string' ? auth.agentId : undefined);
          client.data = { agentId, userId: p.userId, role: p.role, watching: p.role !== 'agent' };
        },
        (client) => client.data.userId,
      ),
      this.revocations.on((userId, reason) => {
        if (ENDS_SHIFT.has(reason)) void this.endShift(userId, reason);
      }),
    );
    this.unsubscribe.push(
      this.events.on('state', (p) => this.toAgent(p.agentId, 'state', { ...p })),
      this.events.on('call-state', (p) => this.toAgent(p.agentId, 'call-state', { ...p })),
      this.events.on('inbound-held', (p) =>
        this.toAgent(p.agentId, 'inbound-held', { inboundCallId: p.inboundCallId, held: p.held }),
      ),
      this.events.on('consult-state', (p) =>
        this.toAgent(p.agentId, 'consult-state', {
          inboundCallId: p.inboundCallId,
          consultId: p.consultId,
          state: p.state,
          to: p.to,
        }),
      ),
      // Every screen on this process, logged in or only watching.
      this.events.on('shutdown', (p) => this.server?.emit('shutdown', { ...p })),
      this.events.on('inbound-offer', (p) => {
        const caller = {
          id: p.inboundCallId,
          firstName: null,
          lastName: null,
          phone: p.callerNumber ?? '',
          timeZone: 'UTC',
          fields: { caller_number: p.callerNumber, queue: p.queueName },
        };
        this.scripts.forOffer(p.scriptVersionId, caller).then(
          (script) =>
            this.toAgent(p.agentId, 'inbound-offer', {
              agentId: p.agentId,
              inboundCallId: p.inboundCallId,
              queueId: p.queueId,
              queueName: p.queueName,
              callerNumber: p.callerNumber,
              waitSeconds: p.waitSeconds,
              callback: p.callback,
              script,
            }),
          (e: unknown) => this.log.warn(`inbound offer for agent ${p.agentId}: ${(e as Error).message}`),
        );
      }),
      this.events.on('offer', (p) => {
        this.offerDto(p).then(
          (dto) => this.toAgent(p.agentId, 'offer', dto),
          (e: unknown) => this.log.warn(`offer for agent ${p.agentId}: ${(e as Error).message}`),
        );
      }),
    );
  }

  /**
   * An agent who may no longer work (deactivated, demoted, moved) must stop getting calls, not only lose the
   * screen: log the telephony session out, or pause it when a call is up (the agent's own logout then fails).
   */
  private async endShift(userId: string, reason: string): Promise<void> {
    const agent = await this.ds.getRepository(Agent).findOne({ where: { userId } });
    if (!agent || !this.sessions.isLoggedIn(agent.id)) return;
    try {
      await this.sessions.logout(agent.id);
      this.log.log(`agent ${agent.id} logged out: access revoked (${reason})`);
    } catch (e) {
      this.log.warn(`agent ${agent.id}: access revoked (${reason}) during a call: ${(e as Error).message}; pausing`);
      await this.sessions.pause(agent.id, 'access-revoked').catch(() => undefined);
    }
  }

  onModuleDestroy(): void {
    this.holdPusher.detach();
    for (const off of this.unsubscribe.splice(0)) off();
  }

  private toAgent<E extends 'state' | 'call-state' | 'offer' | 'inbound-offer' | 'inbound-held' | 'consult-state'>(
    agentId: string,
    event: E,
    payload: Parameters<AgentServerEvents[E]>[0],
  ): void {
    const room = this.server?.to(agentRoom(agentId));
    (room?.emit as ((e: E, p: unknown) => boolean) | undefined)?.call(room, event, payload);
  }

  private async offerDto(p: AgentSessionEventMap['offer']): Promise<OfferDto> {
    const contact = copyContact(p.contact);
    return {
      agentId: p.agentId,
      campaignId: p.campaignId,
      attemptId: p.attemptId,
      contact,
      script: await this.scripts.forOffer(p.scriptVersionId, contact),
      preview: p.preview,
      autoDialAt: p.autoDialAt ?? null,
    };
  }

  // ---- connection ------------------------------------------------------------------------------------------------

  /** The handshake middleware (afterInit) already authenticated the socket and chose its agent. */
  async handleConnection(client: AgentSocket): Promise<void> {
    const agentId = client.data.agentId;
    if (!agentId) return void client.disconnect(true); // cannot happen: the middleware admits only with an agent
    await client.join(agentRoom(agentId));
    try {
      const view = await this.sessions.view(agentId);
      if (client.connected) client.emit('session', toSessionDto(view));
    } catch (e) {
      const err = asAppError(e);
      if (!err) this.log.error(`connection: ${(e as Error).stack ?? String(e)}`);
      client.emit(
        'error',
        err ? { error: err.code, message: err.message } : { error: 'internal', message: 'internal error' },
      );
      client.disconnect();
    }
  }

  private async resolveAgent(p: Principal, requested: string | undefined): Promise<string> {
    const agents = this.ds.getRepository(Agent);
    if (p.role === 'agent') {
      const own = await agents.findOne({ where: { userId: p.userId } });
      if (!own) throw new AppError('forbidden', 'this user has no agent profile');
      if (requested && requested !== own.id) throw notFound('agent', requested);
      return own.id;
    }
    if (p.role !== 'supervisor' && p.role !== 'admin')
      throw new AppError('forbidden', `role ${p.role} may not use the agent socket`, {
        allowedRoles: ['agent', 'supervisor', 'admin'],
      });
    if (!requested)
      throw new AppError('validation-failed', 'agentId is required', [
        { field: 'agentId', reason: 'required for supervisors and admins' },
      ]);
    const a = UUID.test(requested) ? await agents.findOne({ where: { id: requested } }) : null;
    // Watching is for the departments the caller works for: another department's agent does not exist for them.
    if (!a || !canSeeDepartment(p, a.departmentId)) throw notFound('agent', requested);
    return a.id;
  }

  // ---- commands --------------------------------------------------------------------------------------------------

  /** Runs one command for the socket's agent and maps the outcome to the ack shape; never throws. */
  private async command(client: AgentSocket, fn: (agentId: string) => Promise<AgentSessionView>): Promise<Ack> {
    const agentId = client.data.agentId;
    if (!agentId) return { ok: false, error: 'unauthenticated', message: 'the connection is not authenticated' };
    try {
      return { ok: true, session: toSessionDto(await fn(agentId)) };
    } catch (e) {
      const err = asAppError(e);
      if (!err) {
        this.log.error(`agent ${agentId}: ${(e as Error).stack ?? String(e)}`);
        return { ok: false, error: 'internal', message: 'internal error' };
      }
      return {
        ok: false,
        error: err.code,
        message: err.message,
        ...(err.details !== undefined ? { details: err.details } : {}),
      };
    }
  }

  @SubscribeMessage('login')
  login(@ConnectedSocket() c: AgentSocket, @MessageBody() body: unknown): Promise<Ack> {
    return this.command(c, async (id) => this.sessions.login(id, { ...(await parsePayload(LoginPayload, body)) }));
  }

  @SubscribeMessage('logout')
  logout(@ConnectedSocket() c: AgentSocket): Promise<Ack> {
    return this.command(c, (id) => this.sessions.logout(id));
  }

  @SubscribeMessage('ready')
  ready(@ConnectedSocket() c: AgentSocket): Promise<Ack> {
    return this.command(c, (id) => this.sessions.ready(id));
  }

  @SubscribeMessage('pause')
  pause(@ConnectedSocket() c: AgentSocket, @MessageBody() body: unknown): Promise<Ack> {
    return this.command(c, async (id) => this.sessions.pause(id, (await parsePayload(PausePayload, body)).reason));
  }

  @SubscribeMessage('hangup')
  hangup(@ConnectedSocket() c: AgentSocket): Promise<Ack> {
    return this.command(c, (id) => this.sessions.hangup(id));
  }

  @SubscribeMessage('disposition')
  disposition(@ConnectedSocket() c: AgentSocket, @MessageBody() body: unknown): Promise<Ack> {
    return this.command(c, async (id) => {
      const dto = await parsePayload(DispositionPayload, body);
      const recorded = await this.recordedAnswers(id);
      const answers = recorded || dto.answers ? { ...recorded, ...dto.answers } : undefined;
      return this.sessions.disposition(id, {
        code: dto.code,
        ...(answers ? { answers } : {}),
        ...(dto.note !== undefined ? { note: dto.note } : {}),
        ...(dto.callbackAt !== undefined ? { callbackAt: dto.callbackAt } : {}),
      });
    });
  }

  @SubscribeMessage('answers')
  answers(@ConnectedSocket() c: AgentSocket, @MessageBody() body: unknown): Promise<Ack> {
    return this.command(c, async (id) => {
      const dto = await parsePayload(AnswersPayload, body);
      await this.recordAnswers(id, dto.answers);
      return this.sessions.view(id);
    });
  }

  @SubscribeMessage('callback')
  callback(@ConnectedSocket() c: AgentSocket, @MessageBody() body: unknown): Promise<Ack> {
    return this.command(c, async (id) => {
      const dto = await parsePayload(CallbackPayload, body);
      return this.sessions.callback(id, dto.at, dto.mine ?? false, dto.note);
    });
  }

  @SubscribeMessage('dnc')
  dnc(@ConnectedSocket() c: AgentSocket, @MessageBody() body: unknown): Promise<Ack> {
    return this.command(c, async (id) => this.sessions.dnc(id, (await parsePayload(DncPayload, body)).note));
  }

  @SubscribeMessage('preview-dial')
  previewDial(@ConnectedSocket() c: AgentSocket): Promise<Ack> {
    return this.command(c, (id) => this.sessions.previewDial(id));
  }

  @SubscribeMessage('preview-skip')
  previewSkip(@ConnectedSocket() c: AgentSocket, @MessageBody() body: unknown): Promise<Ack> {
    return this.command(c, async (id) => this.sessions.previewSkip(id, (await parsePayload(SkipPayload, body)).reason));
  }

  // ---- script answers during the call ----------------------------------------------------------------------------

  private async currentCall(agentId: string): Promise<{ callId: string; campaignId: string; state: string }> {
    const v = await this.sessions.view(agentId);
    const callId = v.call?.callId;
    if (!callId || !v.campaignId || !['reserved', 'talking', 'wrap-up'].includes(v.state))
      throw new AppError('illegal-transition', `no call to record answers on (state ${v.state})`, {
        from: v.state,
        event: 'answers',
      });
    return { callId, campaignId: v.campaignId, state: v.state };
  }

  /**
   * Merges answers into the attempt row at once (a supervisor or a crash sees them) and into the engine's note of
   * the call, so that closing the attempt writes the same merged set instead of dropping them.
   */
  private async recordAnswers(agentId: string, answers: Record<string, unknown>): Promise<void> {
    const call = await this.currentCall(agentId);
    const rows: { script_answers: Record<string, unknown> }[] = await this.ds.query(
      `UPDATE call_attempts SET script_answers = COALESCE(script_answers, '{}'::jsonb) || $2::jsonb
        WHERE channel_id = $1 RETURNING script_answers`,
      [call.callId, JSON.stringify(answers)],
    );
    const updated = Array.isArray(rows[0]) ? (rows[0] as typeof rows)[0] : rows[0];
    if (!updated) throw new AppError('conflict', 'the call has no attempt record yet: try again');
    this.runner.handle(call.campaignId)?.calls.annotate(call.callId, { answers: updated.script_answers });
  }

  private async recordedAnswers(agentId: string): Promise<Record<string, unknown> | undefined> {
    const v = await this.sessions.view(agentId);
    if (!v.call?.callId) return undefined;
    const rows: { script_answers: Record<string, unknown> | null }[] = await this.ds.query(
      `SELECT script_answers FROM call_attempts WHERE channel_id = $1`,
      [v.call.callId],
    );
    return rows[0]?.script_answers ?? undefined;
  }
}
