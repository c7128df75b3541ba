import { ApiProperty } from '@nestjs/swagger';
import { CallingWindowsDto, ForecastResponse, RetryPolicyDto } from '@app/briefs';
import { EntityApiModel, FieldProblemDto } from '@app/common';
import { Campaign, CAMPAIGN_MODES, CAMPAIGN_STATES, DISPOSITION_CATEGORIES, MACHINE_ACTIONS } from '@app/database';

// Response models of the campaign routes, for the OpenAPI document.

export class CampaignPacingResponse {
  @ApiProperty({ example: 3 }) abandonCapPercent: number;
  @ApiProperty({ enum: [24, 720] }) abandonWindowHours: number;
  @ApiProperty({ example: 1 }) maxLinesPerAgent: number;
  @ApiProperty({ example: 25 }) ringTimeoutSeconds: number;
  @ApiProperty({
    example: 2,
    description: 'a person-answered call no agent takes within this is abandoned (regulation: 2 s)',
  })
  answerToAgentSeconds: number;
}

export class CampaignDispositionResponse {
  @ApiProperty({ example: 'INTERESTED' }) code: string;
  @ApiProperty({ example: 'Interested' }) label: string;
  @ApiProperty({ enum: DISPOSITION_CATEGORIES }) category: string;
  @ApiProperty({ description: 'set by the dialer itself (no answer, busy, machine, abandoned)' }) system: boolean;
  @ApiProperty() position: number;
}

export class CampaignContactCountsResponse {
  @ApiProperty() total: number;
  @ApiProperty() pilot: number;
  @ApiProperty({
    type: Object,
    additionalProperties: { type: 'integer' },
    description: 'contacts per status (pending, leased, dialing, done, exhausted, dnc, excluded)',
    example: { pending: 60, dnc: 3 },
  })
  byStatus: Record<string, number>;
}

export class CampaignResponse extends EntityApiModel(Campaign) {
  @ApiProperty({ enum: CAMPAIGN_MODES }) mode: string;
  @ApiProperty({ enum: CAMPAIGN_STATES }) state: string;
  @ApiProperty({ enum: MACHINE_ACTIONS }) machineAction: string;
  @ApiProperty({ type: Object, additionalProperties: { type: 'integer' }, example: { french: 5 } })
  requiredSkills: Record<string, number>;
  @ApiProperty({ type: CampaignPacingResponse }) pacing: CampaignPacingResponse;
  @ApiProperty({ type: CallingWindowsDto }) windows: CallingWindowsDto;
  @ApiProperty({ type: RetryPolicyDto }) retryPolicy: RetryPolicyDto;
  @ApiProperty({ type: ForecastResponse, nullable: true }) forecast: ForecastResponse | null;
  @ApiProperty({ enum: CAMPAIGN_STATES, isArray: true, description: 'states this campaign may move to next' })
  allowedTransitions: string[];
  @ApiProperty({ type: [CampaignDispositionResponse] }) dispositions: CampaignDispositionResponse[];
  @ApiProperty({ type: CampaignContactCountsResponse }) contacts: CampaignContactCountsResponse;
  @ApiProperty({
    type: [FieldProblemDto],
    description:
      "what the planner should know, e.g. calling windows wider than the brief's (allowed with allowWiderWindows)",
  })
  warnings: FieldProblemDto[];
}

export class PilotSelectionResponse {
  @ApiProperty() seed: number;
  @ApiProperty() size: number;
  @ApiProperty() selected: number;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'per stratum' })
  strata: Record<string, unknown>[];
  @ApiProperty({ format: 'date-time' }) selectedAt: string;
}

export class PilotRoundResponse {
  @ApiProperty({ description: '1 for the first pilot round', example: 1 }) round: number;
  @ApiProperty({ type: PilotSelectionResponse, nullable: true }) selection: PilotSelectionResponse | null;
  @ApiProperty({
    type: Object,
    additionalProperties: true,
    nullable: true,
    description: 'what the round showed (from pilot_review on): attempts, contact rate, outcomes, dispositions',
  })
  summary: Record<string, unknown> | null;
}

export class PilotSummaryResponse extends PilotRoundResponse {
  @ApiProperty({ enum: CAMPAIGN_STATES }) state: string;
  @ApiProperty({ type: [PilotRoundResponse], description: 'every pilot round, the first first' })
  rounds: PilotRoundResponse[];
}
