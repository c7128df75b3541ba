import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { INLINE_ROWS_JSON_LIMIT_BYTES, invalid, JsonBodyLimit } from '@app/common';
import {
  BriefResponse,
  BriefStatusChangeResponse,
  BriefWithImportResponse,
  ReviewQueueEntryResponse,
} from './briefs.api';
import { CurrentUser, Roles, type Principal } from '@app/auth';
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

  @ApiOperation({ summary: "The planners' review queue: submitted briefs, oldest first, with their review deadline" })
  @ApiOkResponse({ type: ReviewQueueEntryResponse, isArray: true })
  @Roles('planner', 'admin')
  @Get('review-queue')
  reviewQueue(@CurrentUser() p: Principal): Promise<ReviewQueueEntry[]> {
    return this.briefs.reviewQueue(p);
  }

  @ApiOperation({ summary: 'List briefs (optionally by status)' })
  @ApiOkResponse({ type: BriefResponse, isArray: true })
  @Roles('requester', 'planner', 'supervisor', 'admin')
  @ApiQuery({ name: 'status', required: false, enum: BRIEF_STATUSES })
  @Get()
  list(@CurrentUser() p: Principal, @Query('status') status?: string): Promise<BriefView[]> {
    if (status !== undefined && !(BRIEF_STATUSES as readonly string[]).includes(status))
      throw invalid([{ field: 'status', reason: `status must be one of ${BRIEF_STATUSES.join(', ')}` }]);
    return this.briefs.list(p, status as BriefStatus | undefined);
  }

  @ApiOperation({ summary: 'Draft a brief (with a contactListId, or inline rows up to 20,000)' })
  @ApiCreatedResponse({ type: BriefWithImportResponse })
  @Roles('requester', 'planner', 'admin')
  @JsonBodyLimit(INLINE_ROWS_JSON_LIMIT_BYTES)
  @Post()
  create(@CurrentUser() p: Principal, @Body() dto: CreateBriefDto): Promise<BriefWithImport> {
    return this.briefs.create(p, dto);
  }

  @ApiOperation({ summary: 'Read a brief' })
  @ApiOkResponse({ type: BriefResponse })
  @Roles('requester', 'planner', 'supervisor', 'admin')
  @Get(':id')
  get(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<BriefView> {
    return this.briefs.get(p, id);
  }

  @ApiOperation({ summary: 'Edit a draft or returned brief' })
  @ApiOkResponse({ type: BriefWithImportResponse })
  @Roles('requester', 'planner', 'admin')
  @JsonBodyLimit(INLINE_ROWS_JSON_LIMIT_BYTES)
  @Patch(':id')
  update(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateBriefDto,
  ): Promise<BriefWithImport> {
    return this.briefs.update(p, id, dto);
  }

  @ApiOperation({ summary: "A brief's status changes, oldest first" })
  @ApiOkResponse({ type: BriefStatusChangeResponse, isArray: true })
  @Roles('requester', 'planner', 'supervisor', 'admin')
  @Get(':id/history')
  history(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<BriefHistoryEntry[]> {
    return this.briefs.history(p, id);
  }

  @ApiOperation({ summary: 'Submit a brief for review' })
  @ApiOkResponse({ type: BriefResponse })
  @Roles('requester', 'planner', 'admin')
  @HttpCode(200)
  @Post(':id/submit')
  submit(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<BriefView> {
    return this.briefs.submit(p, id);
  }

  @ApiOperation({ summary: 'Withdraw a submitted brief' })
  @ApiOkResponse({ type: BriefResponse })
  @Roles('requester', 'planner', 'admin')
  @HttpCode(200)
  @Post(':id/withdraw')
  withdraw(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<BriefView> {
    return this.briefs.withdraw(p, id);
  }

  @ApiOperation({ summary: 'Accept a submitted brief (planner)' })
  @ApiOkResponse({ type: BriefResponse })
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

  @ApiOperation({ summary: 'Return a brief to its department with a reason (planner)' })
  @ApiOkResponse({ type: BriefResponse })
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
