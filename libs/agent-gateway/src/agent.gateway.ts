import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
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
import { TokenService, type Principal } from '@app/auth';
import { AppError, notFound } from '@app/common';
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

export type AgentSocket = Socket<AgentClientEvents, AgentServerEvents, Record<string, never>, AgentSocketData>;
export type AgentNamespace = Namespace<AgentClientEvents, AgentServerEvents, Record<string, never>, AgentSocketData>;

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

function asAppError(e: unknown): AppError | undefined {
  return e instanceof AppError ? e : undefined;
}

/**
 * `/agent`: one socket per agent screen. The connection authenticates with the access token in the handshake
 * (`auth: { token }`); an agent gets their own session, a supervisor or admin of the same department may watch and
 * act for one agent (`auth: { token, agentId }`). Each socket joins `agent:<agentId>` and receives `session` once,
 * then `offer`, `call-state` and `state` as the engine reports them. Commands answer through the ack callback with
 * `{ ok: true, session }` or `{ ok: false, error, message, details }` (the AppError codes of the REST API).
 */
@WebSocketGateway({ namespace: '/agent' })
export class AgentGateway implements OnGatewayInit<AgentNamespace>, OnGatewayConnection<AgentSocket>, OnModuleDestroy {
  private readonly log = new Logger('agent-gateway');
  private server: AgentNamespace | undefined;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(AgentSessionService) private readonly sessions: AgentSessionService,
    @Inject(AgentSessionEvents) private readonly events: AgentSessionEvents,
    @Inject(CampaignRunner) private readonly runner: CampaignRunner,
    @Inject(OfferScriptService) private readonly scripts: OfferScriptService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  afterInit(server: AgentNamespace): void {
    this.server = server;
    this.unsubscribe.push(
      this.events.on('state', (p) => this.toAgent(p.agentId, 'state', { ...p })),
      this.events.on('call-state', (p) => this.toAgent(p.agentId, 'call-state', { ...p })),
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

  onModuleDestroy(): void {
    for (const off of this.unsubscribe.splice(0)) off();
  }

  private toAgent<E extends 'state' | 'call-state' | 'offer' | 'inbound-offer'>(
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

  async handleConnection(client: AgentSocket): Promise<void> {
    try {
      const auth = (client.handshake.auth ?? {}) as { token?: unknown; agentId?: unknown };
      const token =
        typeof auth.token === 'string' ? auth.token : TokenService.fromHeader(client.handshake.headers.authorization);
      const p = this.tokens.verify(token);
      const agentId = await this.resolveAgent(p, typeof auth.agentId === 'string' ? auth.agentId : undefined);
      const view = await this.sessions.view(agentId);
      if (!client.connected) return;
      client.data = { agentId, userId: p.userId, role: p.role, watching: p.role !== 'agent' };
      await client.join(agentRoom(agentId));
      client.emit('session', toSessionDto(view));
    } catch (e) {
      const err = asAppError(e);
      if (!err) this.log.error(`connection: ${(e as Error).stack ?? String(e)}`);
      // Emitted before the DISCONNECT packet on the same socket, so the client receives it first.
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
    // Watching is for the agent's own department: another department's agent does not exist for the caller.
    if (!a || a.departmentId !== p.departmentId) throw notFound('agent', requested);
    return a.id;
  }

  // ---- commands --------------------------------------------------------------------------------------------------

  /** Runs one command for the socket's agent and maps the outcome to the ack shape; never throws. */
  private async command(client: AgentSocket, fn: (agentId: string) => Promise<AgentSessionView>): Promise<Ack> {
    const agentId = client.data.agentId;
    if (!agentId) return { ok: false, error: 'unauthenticated', message: 'the connection is not authenticated yet' };
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
