import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal } from '@app/auth';
import { ComplianceService, type ComplianceReport } from './compliance.service';
import { OperationsService, type AgentOperationsReport, type CampaignOperationsReport } from './operations.service';
import {
  AgentOperationsReportDto,
  CampaignOperationsReportDto,
  ComplianceQueryDto,
  ComplianceReportDto,
  OperationsQueryDto,
} from './reports.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class OperationsController {
  constructor(
    private readonly operations: OperationsService,
    private readonly compliance: ComplianceService,
  ) {}

  @Roles('planner', 'supervisor', 'qa', 'admin')
  @ApiOperation({
    summary: 'Operations per campaign',
    description:
      'Dials, contacts per hour, answer, abandon (with the 24 h / 30 d budget left) and AMD rates, talk/wrap/idle, ' +
      'dials per contact; totals by day and hour (UTC). Filters: department, campaign, mode, date range.',
  })
  @ApiOkResponse({ type: CampaignOperationsReportDto })
  @Get('campaigns')
  campaigns(@CurrentUser() p: Principal, @Query() q: OperationsQueryDto): Promise<CampaignOperationsReport> {
    return this.operations.campaigns(p, q);
  }

  @Roles('planner', 'supervisor', 'qa', 'admin')
  @ApiOperation({
    summary: 'Operations per agent',
    description:
      'Logged-in, ready, talk, wrap and pause time (by reason) from the agent state history; calls, success rate ' +
      'and average handle time. Filters: department, agent, campaign, mode, date range.',
  })
  @ApiOkResponse({ type: AgentOperationsReportDto })
  @Get('agents')
  agents(@CurrentUser() p: Principal, @Query() q: OperationsQueryDto): Promise<AgentOperationsReport> {
    return this.operations.agents(p, q);
  }

  @Roles('planner', 'supervisor', 'qa', 'admin')
  @ApiOperation({
    summary: 'Compliance per campaign and department',
    description:
      'Abandon rate over every rolling 24 h and 30 day window, calls outside a contact window (with the proof ' +
      'query), DNC hits prevented, attempts per number per day against the cap.',
  })
  @ApiOkResponse({ type: ComplianceReportDto })
  @Get('compliance')
  complianceReport(@CurrentUser() p: Principal, @Query() q: ComplianceQueryDto): Promise<ComplianceReport> {
    return this.compliance.report(p, q);
  }
}
