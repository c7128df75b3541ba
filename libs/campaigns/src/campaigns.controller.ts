import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CampaignResponse, PilotSummaryResponse } from './campaigns.api';
import { CurrentUser, Roles, type Principal } from '@app/auth';
import { ForecastResponse, type Forecast } from '@app/briefs';
import { invalid } from '@app/common';
import { CAMPAIGN_STATES, type CampaignState, type Role } from '@app/database';
import { CampaignForecastService } from './campaign-forecast.service';
import { CampaignLifecycleService, type PilotRecord, type TransitionResult } from './campaign-lifecycle.service';
import {
  CompleteCampaignDto,
  CreateCampaignDto,
  LaunchCampaignDto,
  LivePacingDto,
  NewCampaignDto,
  StartPilotDto,
  TransitionCampaignDto,
  UpdateCampaignDto,
} from './campaign.dto';
import { CampaignsService, type CampaignView } from './campaigns.service';

const READERS: Role[] = ['requester', 'planner', 'supervisor', 'qa', 'admin'];
const RUNNERS: Role[] = ['planner', 'admin'];
/** Supervisors steer running campaigns (pause, resume) but do not plan, launch or edit them. */
const STEERERS: Role[] = ['planner', 'supervisor', 'admin'];

@ApiTags('campaigns')
@ApiExtraModels(ForecastResponse)
@ApiBearerAuth()
@Controller()
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly lifecycle: CampaignLifecycleService,
    private readonly forecasts: CampaignForecastService,
  ) {}

  @ApiOperation({ summary: 'Turn an accepted brief into a draft campaign' })
  @ApiCreatedResponse({ type: CampaignResponse })
  @Roles(...RUNNERS)
  @Post('briefs/:id/campaign')
  createFromBrief(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) briefId: string,
    @Body() dto: NewCampaignDto,
  ): Promise<CampaignView> {
    return this.campaigns.createFromBrief(p, briefId, dto);
  }

  @ApiOperation({ summary: 'Create a draft campaign from an accepted brief (briefId in the body)' })
  @ApiCreatedResponse({ type: CampaignResponse })
  @Roles(...RUNNERS)
  @Post('campaigns')
  create(@CurrentUser() p: Principal, @Body() dto: CreateCampaignDto): Promise<CampaignView> {
    const { briefId, ...settings } = dto;
    return this.campaigns.createFromBrief(p, briefId, settings);
  }

  @ApiOperation({ summary: 'List campaigns (optionally by state)' })
  @ApiOkResponse({ type: CampaignResponse, isArray: true })
  @Roles(...READERS)
  @ApiQuery({ name: 'state', required: false, enum: CAMPAIGN_STATES })
  @Get('campaigns')
  list(@CurrentUser() p: Principal, @Query('state') state?: string): Promise<CampaignView[]> {
    if (state !== undefined && !(CAMPAIGN_STATES as readonly string[]).includes(state))
      throw invalid([{ field: 'state', reason: `state must be one of ${CAMPAIGN_STATES.join(', ')}` }]);
    return this.campaigns.list(p, state as CampaignState | undefined);
  }

  @ApiOperation({ summary: 'Read a campaign: settings, dispositions, contact counts, allowed transitions' })
  @ApiOkResponse({ type: CampaignResponse })
  @Roles(...READERS)
  @Get('campaigns/:id')
  get(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<CampaignView> {
    return this.campaigns.get(p, id);
  }

  @ApiOperation({ summary: "Change a draft or paused campaign's settings" })
  @ApiOkResponse({ type: CampaignResponse })
  @Roles(...RUNNERS)
  @Patch('campaigns/:id')
  update(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCampaignDto,
  ): Promise<CampaignView> {
    return this.campaigns.update(p, id, dto);
  }

  @ApiOperation({
    summary: 'Turn the abandon target and the dial ratio limit of a campaign under way (pilot, running, paused)',
  })
  @ApiOkResponse({ type: CampaignResponse })
  @Roles(...STEERERS)
  @Patch('campaigns/:id/pacing')
  updatePacing(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: LivePacingDto,
  ): Promise<CampaignView> {
    return this.campaigns.updateLivePacing(p, id, dto);
  }

  @ApiOperation({ summary: 'Move a campaign to another state (see allowedTransitions)' })
  @ApiOkResponse({ type: CampaignResponse })
  @Roles(...RUNNERS)
  @HttpCode(200)
  @Post('campaigns/:id/transitions')
  transition(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TransitionCampaignDto,
  ): Promise<TransitionResult> {
    const { to, ...options } = dto;
    return this.lifecycle.transition(p, id, to, options);
  }

  /** From draft: the first pilot round. From pilot_review: another round, sampled from contacts not yet piloted. */
  @ApiOperation({ summary: 'Start the pilot: pick a stratified sample and dial it' })
  @ApiOkResponse({ type: CampaignResponse })
  @Roles(...RUNNERS)
  @HttpCode(200)
  @Post('campaigns/:id/start-pilot')
  startPilot(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: StartPilotDto,
  ): Promise<TransitionResult> {
    return this.lifecycle.transition(p, id, 'start-pilot', { seed: dto.seed });
  }

  @ApiOperation({ summary: 'End the pilot and store its summary for review' })
  @ApiOkResponse({ type: CampaignResponse })
  @Roles(...RUNNERS)
  @HttpCode(200)
  @Post('campaigns/:id/review-pilot')
  reviewPilot(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<TransitionResult> {
    return this.lifecycle.transition(p, id, 'review-pilot');
  }

  /** After an empty pilot (0 attempts) only with `force: true`. */
  @ApiOperation({ summary: 'Launch the full run after the pilot review' })
  @ApiOkResponse({ type: CampaignResponse })
  @Roles(...RUNNERS)
  @HttpCode(200)
  @Post('campaigns/:id/launch')
  launch(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: LaunchCampaignDto,
  ): Promise<TransitionResult> {
    return this.lifecycle.transition(p, id, 'launch', { force: dto.force });
  }

  /** A pilot → pilot_paused; a running campaign → paused. Nothing new is dialled; live calls finish. */
  @ApiOperation({ summary: 'Pause a running campaign' })
  @ApiOkResponse({ type: CampaignResponse })
  @Roles(...STEERERS)
  @HttpCode(200)
  @Post('campaigns/:id/pause')
  pause(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<TransitionResult> {
    return this.lifecycle.transition(p, id, 'pause');
  }

  /** pilot_paused → pilot; paused → running. */
  @ApiOperation({ summary: 'Resume a paused campaign' })
  @ApiOkResponse({ type: CampaignResponse })
  @Roles(...STEERERS)
  @HttpCode(200)
  @Post('campaigns/:id/resume')
  resume(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<TransitionResult> {
    return this.lifecycle.transition(p, id, 'resume');
  }

  /** With contacts still pending only with `confirmPending: true` (409 says how many). */
  @ApiOperation({ summary: 'Complete a campaign' })
  @ApiOkResponse({ type: CampaignResponse })
  @Roles(...RUNNERS)
  @HttpCode(200)
  @Post('campaigns/:id/complete')
  complete(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CompleteCampaignDto,
  ): Promise<TransitionResult> {
    return this.lifecycle.transition(p, id, 'complete', { confirmPending: dto.confirmPending });
  }

  @ApiOperation({ summary: 'Cancel a campaign' })
  @ApiOkResponse({ type: CampaignResponse })
  @Roles(...RUNNERS)
  @HttpCode(200)
  @Post('campaigns/:id/cancel')
  cancel(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<TransitionResult> {
    return this.lifecycle.transition(p, id, 'cancel');
  }

  @ApiOperation({ summary: "The pilot's selection and (after review) its results" })
  @ApiOkResponse({ type: PilotSummaryResponse })
  @Roles(...READERS)
  @Get('campaigns/:id/pilot-summary')
  pilotSummary(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PilotRecord & { state: CampaignState }> {
    return this.lifecycle.pilotSummary(p, id);
  }

  @ApiOperation({ summary: 'When the campaign will finish (or a what-if with ?agents=N)' })
  @ApiOkResponse({
    description: 'null when the campaign has no deadline',
    schema: { allOf: [{ $ref: getSchemaPath(ForecastResponse) }], nullable: true },
  })
  /** `?agents=N` answers a what-if without storing it; without it the stored forecast is refreshed. */
  @Roles(...READERS)
  @ApiQuery({ name: 'agents', required: false, type: Number })
  @Get('campaigns/:id/forecast')
  async forecast(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('agents') agents?: string,
  ): Promise<Forecast | null> {
    let n: number | undefined;
    if (agents !== undefined) {
      n = Number(agents);
      if (!/^\d+$/.test(agents) || n > 10_000)
        throw invalid([{ field: 'agents', reason: 'agents must be a whole number between 0 and 10000' }]);
    }
    const c = await this.campaigns.findVisible(p, id);
    return this.forecasts.compute(c, { agents: n });
  }
}
