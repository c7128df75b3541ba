import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AgentProfilesService, type AgentProfileView } from './agent-profiles.service';
import { CreateAgentProfileDto, DepartmentEndpointsDto, UpdateAgentProfileDto } from './agent-profiles.dto';
import { CurrentUser, Roles } from './decorators';
import type { Principal } from './principal';

/**
 * Agent profiles: admins and supervisors create and edit them (department, endpoints, skills, groups, blending) for
 * users of role agent in the departments they work for; an agent reads its own.
 */
@ApiTags('agents')
@ApiBearerAuth()
@Controller()
export class AgentProfilesController {
  constructor(private readonly profiles: AgentProfilesService) {}

  @Roles('admin', 'supervisor', 'planner')
  @Get('agents')
  list(@CurrentUser() p: Principal): Promise<AgentProfileView[]> {
    return this.profiles.list(p);
  }

  @Roles('admin', 'supervisor', 'planner', 'agent')
  @Get('agents/:id')
  get(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<AgentProfileView> {
    return this.profiles.get(p, id);
  }

  @Roles('admin', 'supervisor')
  @Post('agents')
  create(@CurrentUser() p: Principal, @Body() dto: CreateAgentProfileDto): Promise<AgentProfileView> {
    return this.profiles.create(p, dto);
  }

  @Roles('admin', 'supervisor')
  @Patch('agents/:id')
  update(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateAgentProfileDto,
  ): Promise<AgentProfileView> {
    return this.profiles.update(p, id, dto);
  }

  @Roles('admin', 'supervisor')
  @Get('departments/:id/agent-endpoints')
  endpoints(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<{ departmentId: string; endpoints: string[] }> {
    return this.profiles.departmentEndpoints(p, id);
  }

  @Roles('admin', 'supervisor')
  @Put('departments/:id/agent-endpoints')
  setEndpoints(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DepartmentEndpointsDto,
  ): Promise<{ departmentId: string; endpoints: string[] }> {
    return this.profiles.setDepartmentEndpoints(p, id, dto.endpoints);
  }
}
