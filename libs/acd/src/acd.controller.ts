import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  canSeeDepartment,
  CurrentUser,
  departmentScope,
  departmentsOf,
  Roles,
  seesAllDepartments,
  type Principal,
} from '@app/auth';
import { AppError, invalid, notFound } from '@app/common';
import { Agent, AuditService, Department, Did, IvrMenu, Queue, QueueMembership } from '@app/database';
import {
  AllowedDestinationsDto,
  BargeDto,
  ConsultDto,
  HoldDto,
  MonitorDto,
  ConferenceDto,
  CreateDidDto,
  CreateIvrMenuDto,
  CreateQueueDto,
  MembershipDto,
  TransferDto,
  UpdateQueueDto,
} from './acd.dto';
import { AcdLiveService, type QueueLiveView } from './acd-live.service';
import {
  AllowedDestinationsResponse,
  BargeResponse,
  CallbackRequestResponse,
  InboundConsultResponse,
  InboundHoldResponse,
  MonitorResponse,
  DidResponse,
  InboundConferenceResponse,
  InboundTransferResponse,
  IvrChoiceResponse,
  IvrMenuResponse,
  QueueLiveResponse,
  QueueMembershipResponse,
  QueueResponse,
  TransferTargetsResponse,
} from './acd.api';
import { AcdService } from './acd.service';
import { DESTINATION_PATTERN, destinationAllowed } from './allowed-destinations';

const MANAGE = ['admin', 'supervisor'] as const;
const READ = ['admin', 'supervisor', 'planner', 'qa'] as const;

/**
 * The ACD's configuration: queues, their agents, DIDs and IVR menus, scoped by department (another department's
 * rows answer 404); and each queue's live figures. Every change reloads the running ACD.
 */
/** `?agentId=` of the inbound call routes: supervisors and admins name the agent; an agent acts on their own call. */
const AGENT_ID_QUERY = ApiQuery({
  name: 'agentId',
  required: false,
  type: String,
  format: 'uuid',
  description: 'the agent (supervisors and admins; an agent acts on their own call)',
});

/** 422 of the routes that may call an external number. */
const DESTINATION_REFUSED = ApiResponse({
  status: 422,
  description: "unprocessable: the number is outside the department's allowed destinations; `details` names the field",
  schema: { $ref: getSchemaPath('ErrorBodyDto') },
});

@ApiTags('acd')
@ApiBearerAuth()
@ApiExtraModels(IvrChoiceResponse)
@Controller()
export class AcdController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(AcdService) private readonly acd: AcdService,
    @Inject(AcdLiveService) private readonly live: AcdLiveService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  private departmentFor(p: Principal, requested?: string): string {
    if (requested && requested !== p.departmentId && p.role !== 'admin')
      throw invalid([{ field: 'departmentId', reason: 'only admins create rows for another department' }]);
    return requested ?? p.departmentId;
  }

  private async queue(p: Principal, id: string): Promise<Queue> {
    const q = await this.ds.getRepository(Queue).findOne({ where: { id } });
    if (!q || !canSeeDepartment(p, q.departmentId)) throw notFound('queue', id);
    return q;
  }

  /** Overflow to a number only within the department's allowed destinations (422 naming the field). */
  private async checkTargets(
    departmentId: string,
    dto: { overflowTarget?: string | null; noAgentsTarget?: string | null },
  ): Promise<void> {
    const d = await this.ds.getRepository(Department).findOne({ where: { id: departmentId } });
    const problems = (['overflowTarget', 'noAgentsTarget'] as const)
      .filter(
        (f) => dto[f]?.startsWith('number:') && !destinationAllowed(d?.allowedDestinations ?? [], dto[f]!.slice(7)),
      )
      .map((field) => ({
        field,
        reason: `${dto[field]!.slice(7)} is not within the department's allowed destinations`,
      }));
    if (problems.length) throw new AppError('unprocessable', 'overflow number not allowed', problems);
  }

  // ---- queues ---------------------------------------------------------------------------------------------------

  @Roles(...READ)
  @ApiOperation({ summary: 'List the queues' })
  @ApiOkResponse({ type: QueueResponse, isArray: true })
  @Get('queues')
  async list(@CurrentUser() p: Principal): Promise<Queue[]> {
    const dep = departmentScope(p);
    return this.ds.getRepository(Queue).find({ where: dep ? { departmentId: dep } : {}, order: { name: 'ASC' } });
  }

  @Roles(...MANAGE)
  @ApiOperation({ summary: 'Create a queue' })
  @ApiCreatedResponse({ type: QueueResponse })
  @DESTINATION_REFUSED
  @Post('queues')
  async create(@CurrentUser() p: Principal, @Body() dto: CreateQueueDto): Promise<Queue> {
    const departmentId = this.departmentFor(p, dto.departmentId);
    checkSkills(dto.requiredSkills);
    await this.checkTargets(departmentId, dto);
    const exists = await this.ds.getRepository(Queue).findOne({ where: { name: dto.name } });
    if (exists)
      throw new AppError('conflict', `a queue named '${dto.name}' exists`, [{ field: 'name', reason: 'taken' }]);
    const q = await this.ds.getRepository(Queue).save({ ...dto, departmentId });
    await this.acd.reload();
    return q;
  }

  @Roles(...READ)
  @ApiOperation({ summary: 'Get a queue' })
  @ApiOkResponse({ type: QueueResponse })
  @Get('queues/:id')
  get(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<Queue> {
    return this.queue(p, id);
  }

  @Roles(...MANAGE)
  @ApiOperation({ summary: 'Change a queue' })
  @ApiOkResponse({ type: QueueResponse })
  @DESTINATION_REFUSED
  @Patch('queues/:id')
  async update(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateQueueDto,
  ): Promise<Queue> {
    const q = await this.queue(p, id);
    checkSkills(dto.requiredSkills);
    await this.checkTargets(q.departmentId, dto);
    // only the fields sent: the DTO instance carries its unset fields as undefined
    const sent = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
    await this.ds.getRepository(Queue).save({ ...q, ...sent });
    await this.acd.reload();
    return this.queue(p, id);
  }

  @Roles(...MANAGE)
  @ApiOperation({ summary: 'Delete a queue (refused while callers wait in it)' })
  @ApiNoContentResponse({ description: 'deleted' })
  @Delete('queues/:id')
  @HttpCode(204)
  async remove(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.queue(p, id);
    if (this.acd.waitingNow(id).length > 0) throw new AppError('conflict', 'callers are waiting in this queue');
    await this.ds.getRepository(Queue).delete({ id });
    await this.acd.reload();
  }

  @Roles(...READ)
  @ApiOperation({
    summary: "A queue's live figures: callers waiting, agents by state, service level today and in the last 15 minutes",
  })
  @ApiOkResponse({ type: QueueLiveResponse })
  @Get('queues/:id/live')
  async liveOne(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<QueueLiveView> {
    const q = await this.queue(p, id);
    return this.live.view(q);
  }

  // ---- memberships ------------------------------------------------------------------------------------------------

  @Roles(...READ)
  @ApiOperation({ summary: "List a queue's member agents" })
  @ApiOkResponse({ type: QueueMembershipResponse, isArray: true })
  @Get('queues/:id/members')
  async members(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<QueueMembership[]> {
    await this.queue(p, id);
    return this.ds.getRepository(QueueMembership).find({ where: { queueId: id } });
  }

  @Roles(...MANAGE)
  @ApiOperation({ summary: 'Add an agent to a queue, or change their penalty or pause' })
  @ApiOkResponse({ type: QueueMembershipResponse })
  @Put('queues/:id/members')
  async addMember(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MembershipDto,
  ): Promise<QueueMembership> {
    const q = await this.queue(p, id);
    const a = await this.ds.getRepository(Agent).findOne({ where: { id: dto.agentId } });
    if (!a || !canSeeDepartment(p, a.departmentId)) throw notFound('agent', dto.agentId);
    if (a.departmentId !== q.departmentId)
      throw invalid([{ field: 'agentId', reason: 'the agent belongs to another department than the queue' }]);
    const m = await this.ds
      .getRepository(QueueMembership)
      .save({ queueId: id, agentId: a.id, penalty: dto.penalty ?? 0, paused: dto.paused ?? false });
    await this.acd.reload();
    return m;
  }

  @Roles(...MANAGE)
  @ApiOperation({ summary: 'Remove an agent from a queue' })
  @ApiNoContentResponse({ description: 'removed' })
  @Delete('queues/:id/members/:agentId')
  @HttpCode(204)
  async removeMember(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('agentId', ParseUUIDPipe) agentId: string,
  ): Promise<void> {
    await this.queue(p, id);
    await this.ds.getRepository(QueueMembership).delete({ queueId: id, agentId });
    await this.acd.reload();
  }

  // ---- DIDs -------------------------------------------------------------------------------------------------------

  @Roles(...READ)
  @ApiOperation({ summary: 'List the DIDs (inbound numbers) and where they route' })
  @ApiOkResponse({ type: DidResponse, isArray: true })
  @Get('dids')
  dids(@CurrentUser() p: Principal): Promise<Did[]> {
    const dep = departmentScope(p);
    return this.ds.getRepository(Did).find({ where: dep ? { departmentId: dep } : {}, order: { number: 'ASC' } });
  }

  @Roles(...MANAGE)
  @ApiOperation({ summary: 'Route a DID to a queue or an IVR menu' })
  @ApiCreatedResponse({ type: DidResponse })
  @Post('dids')
  async createDid(@CurrentUser() p: Principal, @Body() dto: CreateDidDto): Promise<Did> {
    const departmentId = this.departmentFor(p, dto.departmentId);
    if (!dto.queueId === !dto.ivrMenuId)
      throw invalid([{ field: 'queueId', reason: 'give exactly one of queueId and ivrMenuId' }]);
    if (dto.queueId) {
      const q = await this.queue(p, dto.queueId);
      if (q.departmentId !== departmentId)
        throw invalid([{ field: 'queueId', reason: 'the queue belongs to another department' }]);
    }
    if (dto.ivrMenuId) {
      const m = await this.ds.getRepository(IvrMenu).findOne({ where: { id: dto.ivrMenuId } });
      if (!m || m.departmentId !== departmentId) throw notFound('ivr menu', dto.ivrMenuId);
    }
    if (await this.ds.getRepository(Did).findOne({ where: { number: dto.number } }))
      throw new AppError('conflict', `DID ${dto.number} is already routed`, [{ field: 'number', reason: 'taken' }]);
    return this.ds
      .getRepository(Did)
      .save({ number: dto.number, departmentId, queueId: dto.queueId ?? null, ivrMenuId: dto.ivrMenuId ?? null });
  }

  @Roles(...MANAGE)
  @ApiOperation({ summary: 'Delete a DID' })
  @ApiNoContentResponse({ description: 'deleted' })
  @Delete('dids/:id')
  @HttpCode(204)
  async removeDid(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    const d = await this.ds.getRepository(Did).findOne({ where: { id } });
    if (!d || !canSeeDepartment(p, d.departmentId)) throw notFound('did', id);
    await this.ds.getRepository(Did).delete({ id });
  }

  // ---- the agent's inbound call -----------------------------------------------------------------------------------

  private async agentId(p: Principal, agentId?: string): Promise<string> {
    if (p.role === 'agent') {
      const own = await this.ds.getRepository(Agent).findOne({ where: { userId: p.userId } });
      if (!own) throw new AppError('forbidden', 'this user has no agent profile');
      return own.id;
    }
    if (!agentId) throw invalid([{ field: 'agentId', reason: 'required for supervisors and admins' }]);
    const a = await this.ds.getRepository(Agent).findOne({ where: { id: agentId } });
    if (!a || !canSeeDepartment(p, a.departmentId)) throw notFound('agent', agentId);
    return a.id;
  }

  /**
   * Whom the agent may hand a caller to: the colleagues logged in now (not the agent), and the queues, of the
   * departments the caller works for. An agent may not list agents or queues otherwise.
   */
  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Agents logged in and queues a caller may be transferred to (own departments)' })
  @ApiOkResponse({ type: TransferTargetsResponse })
  @Get('agent/inbound/transfer-targets')
  async transferTargets(@CurrentUser() p: Principal): Promise<TransferTargetsResponse> {
    const deps = seesAllDepartments(p) ? null : departmentsOf(p);
    const agents: { id: string; name: string; state: string }[] = await this.ds.query(
      `SELECT a.id, u.display_name AS name, a.state FROM agents a JOIN users u ON u.id = a.user_id
        WHERE a.state <> 'offline' AND u.id <> $1 AND u.active AND ($2::uuid[] IS NULL OR a.department_id = ANY($2))
        ORDER BY u.display_name, a.id LIMIT 500`,
      [p.userId, deps],
    );
    const queues: { id: string; name: string }[] = await this.ds.query(
      `SELECT id, name FROM queues WHERE ($1::uuid[] IS NULL OR department_id = ANY($1)) ORDER BY name, id LIMIT 500`,
      [deps],
    );
    return { agents, queues };
  }

  /** Blind transfer of the agent's inbound caller to another agent, a queue or an external number. */
  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({ summary: "Blind-transfer the agent's inbound caller to an agent, a queue or a number" })
  @ApiOkResponse({ type: InboundTransferResponse })
  @AGENT_ID_QUERY
  @DESTINATION_REFUSED
  @Post('agent/inbound/transfer')
  @HttpCode(200)
  async transfer(
    @CurrentUser() p: Principal,
    @Body() dto: TransferDto,
    @Query('agentId') agentId?: string,
  ): Promise<{ inboundCallId: string; to: string }> {
    return this.acd.transfer(await this.agentId(p, agentId), dto.to);
  }

  /** Calls an external party into the agent's bridge: caller, agent and that party talk three ways. */
  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({ summary: "Conference an external number into the agent's inbound call" })
  @ApiOkResponse({ type: InboundConferenceResponse })
  @AGENT_ID_QUERY
  @DESTINATION_REFUSED
  @Post('agent/inbound/conference')
  @HttpCode(200)
  async conference(
    @CurrentUser() p: Principal,
    @Body() dto: ConferenceDto,
    @Query('agentId') agentId?: string,
  ): Promise<{ inboundCallId: string; channelId: string }> {
    return this.acd.conference(await this.agentId(p, agentId), dto.number);
  }

  /** The supervisor joins the agent's bridge (barge-in) from their own phone. */
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: "Barge in on an agent's call from the supervisor's phone" })
  @ApiOkResponse({ type: BargeResponse })
  @Post('agents/:agentId/barge')
  @HttpCode(200)
  async barge(
    @CurrentUser() p: Principal,
    @Param('agentId', ParseUUIDPipe) agentId: string,
    @Body() dto: BargeDto,
  ): Promise<{ channelId: string }> {
    return this.acd.barge(await this.agentId(p, agentId), dto.endpoint);
  }

  /** Hold or un-hold the agent's inbound caller (music on hold, out of the agent's bridge). */
  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({ summary: "Put the agent's inbound caller on hold (music) or take them back" })
  @ApiOkResponse({ type: InboundHoldResponse })
  @AGENT_ID_QUERY
  @Post('agent/inbound/hold')
  @HttpCode(200)
  async hold(
    @CurrentUser() p: Principal,
    @Body() dto: HoldDto,
    @Query('agentId') agentId?: string,
  ): Promise<{ inboundCallId: string; held: boolean }> {
    return this.acd.setHold(await this.agentId(p, agentId), dto.hold);
  }

  /** Attended transfer, step one: the caller on hold, the agent talks to the target first. */
  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({
    summary: 'Start an attended transfer: consult an agent, a queue or a number with the caller on hold',
  })
  @ApiOkResponse({ type: InboundConsultResponse })
  @AGENT_ID_QUERY
  @DESTINATION_REFUSED
  @Post('agent/inbound/consult')
  @HttpCode(200)
  async consult(
    @CurrentUser() p: Principal,
    @Body() dto: ConsultDto,
    @Query('agentId') agentId?: string,
  ): Promise<{ inboundCallId: string; consultId: string }> {
    return this.acd.consult(await this.agentId(p, agentId), dto.to);
  }

  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Complete the attended transfer: the caller goes to the consulted party' })
  @ApiOkResponse({ type: InboundConsultResponse })
  @AGENT_ID_QUERY
  @Post('agent/inbound/consult/complete')
  @HttpCode(200)
  async consultComplete(
    @CurrentUser() p: Principal,
    @Query('agentId') agentId?: string,
  ): Promise<{ inboundCallId: string; consultId: string }> {
    return this.acd.consultComplete(await this.agentId(p, agentId));
  }

  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({ summary: 'Cancel the attended transfer: the consulted party is let go, the caller comes back' })
  @ApiOkResponse({ type: InboundConsultResponse })
  @AGENT_ID_QUERY
  @Post('agent/inbound/consult/cancel')
  @HttpCode(200)
  async consultCancel(
    @CurrentUser() p: Principal,
    @Query('agentId') agentId?: string,
  ): Promise<{ inboundCallId: string; consultId: string }> {
    return this.acd.consultCancel(await this.agentId(p, agentId));
  }

  /** The supervisor listens to an agent (ARI snoop, spy) from their own phone. */
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: "Listen to an agent's call from the supervisor's phone (snoop)" })
  @ApiOkResponse({ type: MonitorResponse })
  @Post('agents/:agentId/listen')
  @HttpCode(200)
  async listen(
    @CurrentUser() p: Principal,
    @Param('agentId', ParseUUIDPipe) agentId: string,
    @Body() dto: MonitorDto,
  ): Promise<{ channelId: string }> {
    return this.acd.monitor(await this.agentId(p, agentId), dto.endpoint, 'listen');
  }

  /** The supervisor listens and speaks to the agent only (ARI snoop, spy and whisper). */
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: "Whisper to an agent (the caller does not hear) from the supervisor's phone (snoop)" })
  @ApiOkResponse({ type: MonitorResponse })
  @Post('agents/:agentId/whisper')
  @HttpCode(200)
  async whisper(
    @CurrentUser() p: Principal,
    @Param('agentId', ParseUUIDPipe) agentId: string,
    @Body() dto: MonitorDto,
  ): Promise<{ channelId: string }> {
    return this.acd.monitor(await this.agentId(p, agentId), dto.endpoint, 'whisper');
  }

  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'End a listen, whisper or barge' })
  @ApiNoContentResponse({ description: "the supervisor's leg hung up" })
  @Delete('agents/:agentId/monitor/:channelId')
  @HttpCode(204)
  async endMonitor(
    @CurrentUser() p: Principal,
    @Param('agentId', ParseUUIDPipe) agentId: string,
    @Param('channelId') channelId: string,
  ): Promise<void> {
    if (!(await this.acd.endMonitor(await this.agentId(p, agentId), channelId))) throw notFound('monitor', channelId);
  }

  @Roles(...READ)
  @ApiOperation({ summary: 'Recorded callback requests (the after-hours route), newest first' })
  @ApiOkResponse({ type: CallbackRequestResponse, isArray: true })
  @Get('callback-requests')
  callbackRequests(@CurrentUser() p: Principal): ReturnType<AcdService['callbackRequests']> {
    return this.acd.callbackRequests(seesAllDepartments(p) ? undefined : departmentsOf(p));
  }

  // ---- allowed destinations ----------------------------------------------------------------------------------------

  @Roles('admin', 'supervisor')
  @ApiOperation({ summary: "A department's allowed external destinations (transfer, conference, overflow)" })
  @ApiOkResponse({ type: AllowedDestinationsResponse })
  @Get('departments/:id/allowed-destinations')
  async allowedDestinations(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<{ departmentId: string; prefixes: string[] }> {
    const d = await this.ds.getRepository(Department).findOne({ where: { id } });
    if (!d || !canSeeDepartment(p, d.id)) throw notFound('department', id);
    return { departmentId: d.id, prefixes: d.allowedDestinations };
  }

  @Roles('admin')
  @ApiOperation({ summary: "Replace a department's allowed external destinations (E.164 prefixes; admin)" })
  @ApiOkResponse({ type: AllowedDestinationsResponse })
  @Put('departments/:id/allowed-destinations')
  async setAllowedDestinations(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AllowedDestinationsDto,
  ): Promise<{ departmentId: string; prefixes: string[] }> {
    const d = await this.ds.getRepository(Department).findOne({ where: { id } });
    if (!d || !canSeeDepartment(p, d.id)) throw notFound('department', id);
    const bad = dto.prefixes
      .map((x, i) => ({ x, i }))
      .filter(({ x }) => !DESTINATION_PATTERN.test(x))
      .map(({ i }) => ({ field: `prefixes[${i}]`, reason: 'an E.164 prefix: + and up to 15 digits, X for any digit' }));
    if (bad.length) throw invalid(bad);
    const prefixes = [...new Set(dto.prefixes)];
    await this.ds.transaction(async (m) => {
      await m.update(Department, id, { allowedDestinations: prefixes });
      await this.audit.record(
        { userId: p.userId, role: p.role, departmentId: p.departmentId },
        {
          action: 'department.allowed-destinations',
          entityType: 'department',
          entityId: id,
          departmentId: id,
          details: { prefixes },
        },
        m,
      );
    });
    return { departmentId: id, prefixes };
  }

  // ---- IVR menus --------------------------------------------------------------------------------------------------

  @Roles(...READ)
  @ApiOperation({ summary: 'List the IVR menus' })
  @ApiOkResponse({ type: IvrMenuResponse, isArray: true })
  @Get('ivr-menus')
  menus(@CurrentUser() p: Principal): Promise<IvrMenu[]> {
    const dep = departmentScope(p);
    return this.ds.getRepository(IvrMenu).find({ where: dep ? { departmentId: dep } : {}, order: { name: 'ASC' } });
  }

  @Roles(...MANAGE)
  @ApiOperation({ summary: 'Create an IVR menu' })
  @ApiCreatedResponse({ type: IvrMenuResponse })
  @Post('ivr-menus')
  async createMenu(@CurrentUser() p: Principal, @Body() dto: CreateIvrMenuDto): Promise<IvrMenu> {
    const departmentId = this.departmentFor(p, dto.departmentId);
    const problems: { field: string; reason: string }[] = [];
    for (const [digit, choice] of Object.entries(dto.choices)) {
      if (!/^[0-9*#]$/.test(digit))
        problems.push({ field: `choices.${digit}`, reason: 'a choice key is one DTMF digit' });
      else if (!choice || (!choice.queueId && !choice.menuId))
        problems.push({ field: `choices.${digit}`, reason: 'needs queueId or menuId' });
    }
    if (dto.afterHours?.kind === 'queue' && !dto.afterHours.queueId)
      problems.push({ field: 'afterHours.queueId', reason: 'required for the queue route' });
    if (problems.length) throw invalid(problems);
    return this.ds.getRepository(IvrMenu).save({ ...dto, departmentId });
  }

  @Roles(...READ)
  @ApiOperation({ summary: 'Get an IVR menu' })
  @ApiOkResponse({ type: IvrMenuResponse })
  @Get('ivr-menus/:id')
  async menu(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<IvrMenu> {
    const m = await this.ds.getRepository(IvrMenu).findOne({ where: { id } });
    if (!m || !canSeeDepartment(p, m.departmentId)) throw notFound('ivr menu', id);
    return m;
  }
}

function checkSkills(skills?: Record<string, number>): void {
  if (!skills) return;
  const bad = Object.entries(skills).filter(([, l]) => !Number.isInteger(l) || l < 1 || l > 10);
  if (bad.length)
    throw invalid(bad.map(([s]) => ({ field: `requiredSkills.${s}`, reason: 'a level is an integer 1..10' })));
}
