import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AgentProfileResponse, DepartmentEndpointsResponse } from './auth.api';
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

  @ApiOperation({ summary: 'List the agent profiles of the departments you work for' })
  @ApiOkResponse({ type: AgentProfileResponse, isArray: true })
  @Roles('admin', 'supervisor', 'planner')
  @Get('agents')
  list(@CurrentUser() p: Principal): Promise<AgentProfileView[]> {
    return this.profiles.list(p);
  }

  @ApiOperation({ summary: 'Read one agent profile (an agent: its own)' })
  @ApiOkResponse({ type: AgentProfileResponse })
  @Roles('admin', 'supervisor', 'planner', 'agent')
  @Get('agents/:id')
  get(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<AgentProfileView> {
    return this.profiles.get(p, id);
  }

  @ApiOperation({ summary: 'Create the agent profile of a user of role agent (admin, supervisor)' })
  @ApiCreatedResponse({ type: AgentProfileResponse })
  @Roles('admin', 'supervisor')
  @Post('agents')
  create(@CurrentUser() p: Principal, @Body() dto: CreateAgentProfileDto): Promise<AgentProfileView> {
    return this.profiles.create(p, dto);
  }

  @ApiOperation({ summary: 'Edit an agent profile: endpoints, skills, groups, blending (admin, supervisor)' })
  @ApiOkResponse({ type: AgentProfileResponse })
  @Roles('admin', 'supervisor')
  @Patch('agents/:id')
  update(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateAgentProfileDto,
  ): Promise<AgentProfileView> {
    return this.profiles.update(p, id, dto);
  }

  @ApiOperation({ summary: "A department's agent endpoint pool (shared desks)" })
  @ApiOkResponse({ type: DepartmentEndpointsResponse })
  @Roles('admin', 'supervisor')
  @Get('departments/:id/agent-endpoints')
  endpoints(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<{ departmentId: string; endpoints: string[] }> {
    return this.profiles.departmentEndpoints(p, id);
  }

  @ApiOperation({ summary: "Replace a department's agent endpoint pool (admin, supervisor)" })
  @ApiOkResponse({ type: DepartmentEndpointsResponse })
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
