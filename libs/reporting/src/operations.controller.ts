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
  QueueReportDto,
  QueueReportQueryDto,
} from './reports.dto';
import { QueueReportsService, type QueueReport } from './queues.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class OperationsController {
  constructor(
    private readonly operations: OperationsService,
    private readonly compliance: ComplianceService,
    private readonly queues: QueueReportsService,
  ) {}

  @Roles('planner', 'supervisor', 'qa', 'admin')
  @ApiOperation({
    summary: 'Operations per inbound queue',
    description:
      'Offered, answered, service level (answered within the queue target ÷ offered, also without abandons under ' +
      '5 s), ASA, abandons by wait band, overflows, longest wait; per queue, per day and per hour of day (UTC), from ' +
      'the queue events. Filters: department, queue, date range.',
  })
  @ApiOkResponse({ type: QueueReportDto })
  @Get('queues')
  queueReport(@CurrentUser() p: Principal, @Query() q: QueueReportQueryDto): Promise<QueueReport> {
    return this.queues.report(p, q);
  }

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
