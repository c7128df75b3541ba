import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal } from '@app/auth';
import { invalid } from '@app/common';
import { BRIEF_STATUSES, type BriefStatus } from '@app/database';
import { AcceptBriefDto, CreateBriefDto, RejectBriefDto, UpdateBriefDto } from './brief.dto';
import {
  BriefsService,
  type BriefHistoryEntry,
  type BriefView,
  type BriefWithImport,
  type ReviewQueueEntry,
} from './briefs.service';

@ApiTags('briefs')
@ApiBearerAuth()
@Controller('briefs')
export class BriefsController {
  constructor(private readonly briefs: BriefsService) {}

  @Roles('planner', 'admin')
  @Get('review-queue')
  reviewQueue(@CurrentUser() p: Principal): Promise<ReviewQueueEntry[]> {
    return this.briefs.reviewQueue(p);
  }

  @Roles('requester', 'planner', 'supervisor', 'admin')
  @ApiQuery({ name: 'status', required: false, enum: BRIEF_STATUSES })
  @Get()
  list(@CurrentUser() p: Principal, @Query('status') status?: string): Promise<BriefView[]> {
    if (status !== undefined && !(BRIEF_STATUSES as readonly string[]).includes(status))
      throw invalid([{ field: 'status', reason: `status must be one of ${BRIEF_STATUSES.join(', ')}` }]);
    return this.briefs.list(p, status as BriefStatus | undefined);
  }

  @Roles('requester', 'planner', 'admin')
  @Post()
  create(@CurrentUser() p: Principal, @Body() dto: CreateBriefDto): Promise<BriefWithImport> {
    return this.briefs.create(p, dto);
  }

  @Roles('requester', 'planner', 'supervisor', 'admin')
  @Get(':id')
  get(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<BriefView> {
    return this.briefs.get(p, id);
  }

  @Roles('requester', 'planner', 'admin')
  @Patch(':id')
  update(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateBriefDto,
  ): Promise<BriefWithImport> {
    return this.briefs.update(p, id, dto);
  }

  @Roles('requester', 'planner', 'supervisor', 'admin')
  @Get(':id/history')
  history(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<BriefHistoryEntry[]> {
    return this.briefs.history(p, id);
  }

  @Roles('requester', 'planner', 'admin')
  @HttpCode(200)
  @Post(':id/submit')
  submit(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<BriefView> {
    return this.briefs.submit(p, id);
  }

  @Roles('requester', 'planner', 'admin')
  @HttpCode(200)
  @Post(':id/withdraw')
  withdraw(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<BriefView> {
    return this.briefs.withdraw(p, id);
  }

  @Roles('planner', 'admin')
  @HttpCode(200)
  @Post(':id/accept')
  accept(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AcceptBriefDto,
  ): Promise<BriefView> {
    return this.briefs.accept(p, id, dto.comment);
  }

  @Roles('planner', 'admin')
  @HttpCode(200)
  @Post(':id/reject')
  reject(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RejectBriefDto,
  ): Promise<BriefView> {
    return this.briefs.reject(p, id, dto.reason);
  }
}
