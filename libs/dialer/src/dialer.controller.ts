import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AgentSessionResponse, CampaignLiveResponse } from './dialer.api';
import { canSeeDepartment, CurrentUser, Roles, type Principal } from '@app/auth';
import { AppError, notFound } from '@app/common';
import { Agent } from '@app/database';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CallbackDto, DispositionDto, DncDto, LoginDto, PauseDto, SkipDto } from './agent-session.dto';
import { AgentSessionService, type AgentSessionView } from './agent-session.service';
import { CampaignLiveService, type CampaignLiveView } from './campaign-live.service';

/**
 * The agent's own session (role agent), or another agent's with `?agentId=` (supervisor, admin). Thin: each route
 * resolves the agent and calls one AgentSessionService method.
 */
@ApiTags('agent')
@ApiQuery({
  name: 'agentId',
  required: false,
  description: 'whose session (supervisors and admins; agents act on their own)',
  schema: { type: 'string', format: 'uuid' },
})
@ApiBearerAuth()
@Controller('agent')
export class AgentSessionController {
  constructor(
    @Inject(AgentSessionService) private readonly sessions: AgentSessionService,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  private async agentId(p: Principal, agentId?: string): Promise<string> {
    if (p.role === 'agent') {
      const own = await this.ds.getRepository(Agent).findOne({ where: { userId: p.userId } });
      if (!own) throw new AppError('forbidden', 'this user has no agent profile');
      if (agentId && agentId !== own.id) throw notFound('agent', agentId);
      return own.id;
    }
    if (!agentId)
      throw new AppError('validation-failed', 'agentId is required', [
        { field: 'agentId', reason: 'required for supervisors and admins' },
      ]);
    const a = await this.ds.getRepository(Agent).findOne({ where: { id: agentId } });
    if (!a || !canSeeDepartment(p, a.departmentId)) throw notFound('agent', agentId);
    return a.id;
  }

  @ApiOperation({ summary: 'Log in for a shift: the dialer calls the endpoint and keeps the agent in a bridge' })
  @ApiCreatedResponse({ type: AgentSessionResponse })
  @Roles('agent', 'supervisor', 'admin')
  @Post('session')
  async login(
    @CurrentUser() p: Principal,
    @Body() dto: LoginDto,
    @Query('agentId') agentId?: string,
  ): Promise<AgentSessionView> {
    return this.sessions.login(await this.agentId(p, agentId), dto);
  }

  @ApiOperation({ summary: 'Log out (ends the shift call)' })
  @ApiOkResponse({ type: AgentSessionResponse })
  @Roles('agent', 'supervisor', 'admin')
  @Delete('session')
  async logout(@CurrentUser() p: Principal, @Query('agentId') agentId?: string): Promise<AgentSessionView> {
    return this.sessions.logout(await this.agentId(p, agentId));
  }

  @ApiOperation({ summary: "The agent's session: state, call, contact, preview offer" })
  @ApiOkResponse({ type: AgentSessionResponse })
  @Roles('agent', 'supervisor', 'admin')
  @Get('session')
  async get(@CurrentUser() p: Principal, @Query('agentId') agentId?: string): Promise<AgentSessionView> {
    return this.sessions.view(await this.agentId(p, agentId));
  }

  @ApiOperation({ summary: 'Become ready for calls' })
  @ApiOkResponse({ type: AgentSessionResponse })
  @Roles('agent', 'supervisor', 'admin')
  @Post('ready')
  @HttpCode(200)
  async ready(@CurrentUser() p: Principal, @Query('agentId') agentId?: string): Promise<AgentSessionView> {
    return this.sessions.ready(await this.agentId(p, agentId));
  }

  @ApiOperation({ summary: 'Pause with a reason' })
  @ApiOkResponse({ type: AgentSessionResponse })
  @Roles('agent', 'supervisor', 'admin')
  @Post('pause')
  @HttpCode(200)
  async pause(
    @CurrentUser() p: Principal,
    @Body() dto: PauseDto,
    @Query('agentId') agentId?: string,
  ): Promise<AgentSessionView> {
    return this.sessions.pause(await this.agentId(p, agentId), dto.reason);
  }

  @ApiOperation({ summary: 'Hang up the current call (wrap-up follows)' })
  @ApiOkResponse({ type: AgentSessionResponse })
  @Roles('agent', 'supervisor', 'admin')
  @Post('hangup')
  @HttpCode(200)
  async hangup(@CurrentUser() p: Principal, @Query('agentId') agentId?: string): Promise<AgentSessionView> {
    return this.sessions.hangup(await this.agentId(p, agentId));
  }

  @ApiOperation({ summary: "Record the call's disposition and script answers" })
  @ApiOkResponse({ type: AgentSessionResponse })
  @Roles('agent', 'supervisor', 'admin')
  @Post('disposition')
  @HttpCode(200)
  async disposition(
    @CurrentUser() p: Principal,
    @Body() dto: DispositionDto,
    @Query('agentId') agentId?: string,
  ): Promise<AgentSessionView> {
    return this.sessions.disposition(await this.agentId(p, agentId), dto);
  }

  @ApiOperation({ summary: 'Schedule a callback for the current contact' })
  @ApiOkResponse({ type: AgentSessionResponse })
  @Roles('agent', 'supervisor', 'admin')
  @Post('callback')
  @HttpCode(200)
  async callback(
    @CurrentUser() p: Principal,
    @Body() dto: CallbackDto,
    @Query('agentId') agentId?: string,
  ): Promise<AgentSessionView> {
    return this.sessions.callback(await this.agentId(p, agentId), dto.at, dto.mine ?? false, dto.note);
  }

  @ApiOperation({ summary: "Put the current contact's number on the do-not-call list" })
  @ApiOkResponse({ type: AgentSessionResponse })
  @Roles('agent', 'supervisor', 'admin')
  @Post('dnc')
  @HttpCode(200)
  async dnc(
    @CurrentUser() p: Principal,
    @Body() dto: DncDto,
    @Query('agentId') agentId?: string,
  ): Promise<AgentSessionView> {
    return this.sessions.dnc(await this.agentId(p, agentId), dto.note);
  }

  @ApiOperation({ summary: 'Dial the previewed contact' })
  @ApiOkResponse({ type: AgentSessionResponse })
  @Roles('agent', 'supervisor', 'admin')
  @Post('preview/dial')
  @HttpCode(200)
  async previewDial(@CurrentUser() p: Principal, @Query('agentId') agentId?: string): Promise<AgentSessionView> {
    return this.sessions.previewDial(await this.agentId(p, agentId));
  }

  @ApiOperation({ summary: 'Skip the previewed contact with a reason' })
  @ApiOkResponse({ type: AgentSessionResponse })
  @Roles('agent', 'supervisor', 'admin')
  @Post('preview/skip')
  @HttpCode(200)
  async previewSkip(
    @CurrentUser() p: Principal,
    @Body() dto: SkipDto,
    @Query('agentId') agentId?: string,
  ): Promise<AgentSessionView> {
    return this.sessions.previewSkip(await this.agentId(p, agentId), dto.reason);
  }
}

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignLiveController {
  constructor(@Inject(CampaignLiveService) private readonly live: CampaignLiveService) {}

  @ApiOperation({ summary: 'Live view of a campaign: calls, agents, dials, abandon rate' })
  @ApiOkResponse({ type: CampaignLiveResponse })
  @Roles('supervisor', 'planner', 'admin')
  @Get(':id/live')
  get(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<CampaignLiveView> {
    return this.live.live(p, id);
  }
}
