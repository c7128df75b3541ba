import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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

  @Roles('agent', 'supervisor', 'admin')
  @Post('session')
  async login(
    @CurrentUser() p: Principal,
    @Body() dto: LoginDto,
    @Query('agentId') agentId?: string,
  ): Promise<AgentSessionView> {
    return this.sessions.login(await this.agentId(p, agentId), dto);
  }

  @Roles('agent', 'supervisor', 'admin')
  @Delete('session')
  async logout(@CurrentUser() p: Principal, @Query('agentId') agentId?: string): Promise<AgentSessionView> {
    return this.sessions.logout(await this.agentId(p, agentId));
  }

  @Roles('agent', 'supervisor', 'admin')
  @Get('session')
  async get(@CurrentUser() p: Principal, @Query('agentId') agentId?: string): Promise<AgentSessionView> {
    return this.sessions.view(await this.agentId(p, agentId));
  }

  @Roles('agent', 'supervisor', 'admin')
  @Post('ready')
  @HttpCode(200)
  async ready(@CurrentUser() p: Principal, @Query('agentId') agentId?: string): Promise<AgentSessionView> {
    return this.sessions.ready(await this.agentId(p, agentId));
  }

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

  @Roles('agent', 'supervisor', 'admin')
  @Post('hangup')
  @HttpCode(200)
  async hangup(@CurrentUser() p: Principal, @Query('agentId') agentId?: string): Promise<AgentSessionView> {
    return this.sessions.hangup(await this.agentId(p, agentId));
  }

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

  @Roles('agent', 'supervisor', 'admin')
  @Post('preview/dial')
  @HttpCode(200)
  async previewDial(@CurrentUser() p: Principal, @Query('agentId') agentId?: string): Promise<AgentSessionView> {
    return this.sessions.previewDial(await this.agentId(p, agentId));
  }

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

  @Roles('supervisor', 'planner', 'admin')
  @Get(':id/live')
  get(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<CampaignLiveView> {
    return this.live.live(p, id);
  }
}
