import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { canSeeDepartment, CurrentUser, Roles, type Principal } from '@app/auth';
import { notFound } from '@app/common';
import { Campaign, Disposition } from '@app/database';
import { AgentDispositionResponse } from './dialer.api';

export interface AgentDispositionView {
  code: string;
  label: string;
  category: string;
}

/**
 * The disposition codes an agent may close a call with (the campaign's, without the system ones), in the
 * campaign's order. Agents may not read campaigns, so the agent desktop asks here for its buttons.
 */
@ApiTags('agent')
@ApiBearerAuth()
@Controller('agent')
export class AgentDispositionsController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Roles('agent', 'supervisor', 'admin')
  @ApiOperation({
    summary: "The disposition codes an agent may close a campaign's call with (the agent desktop's buttons)",
  })
  @ApiOkResponse({ type: AgentDispositionResponse, isArray: true })
  @Get('campaigns/:id/dispositions')
  async list(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<AgentDispositionView[]> {
    const c = await this.ds.getRepository(Campaign).findOne({ where: { id } });
    if (!c || !canSeeDepartment(p, c.departmentId)) throw notFound('campaign', id);
    const rows = await this.ds.getRepository(Disposition).find({
      where: { campaignId: id, system: false },
      order: { position: 'ASC', code: 'ASC' },
    });
    return rows.map((d) => ({ code: d.code, label: d.label, category: d.category }));
  }
}
