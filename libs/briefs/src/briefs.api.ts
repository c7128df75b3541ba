import { ApiProperty } from '@nestjs/swagger';
import { EntityApiModel } from '@app/common';
import { ImportSummaryResponse } from '@app/contacts';
import { Brief, BRIEF_STATUSES, BriefStatusChange, CAMPAIGN_STATES, Notification, ROLES } from '@app/database';
import { ContactPersonDto } from './brief.dto';
import { CallingWindowsDto, RetryPolicyDto } from './calling-windows.dto';

// Response models of the briefs and notifications routes, for the OpenAPI document.

export class ForecastZoneResponse {
  @ApiProperty({ example: 'America/New_York' }) timeZone: string;
  @ApiProperty() contacts: number;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: "the first instant the zone's window is open (now when open); null: not within a year",
  })
  firstCallableAt: string | null;
}

export class ForecastResponse {
  @ApiProperty({ format: 'date-time' }) computedAt: string;
  @ApiProperty({ format: 'date-time' }) deadline: string;
  @ApiProperty() contactsRemaining: number;
  @ApiProperty() agents: number;
  @ApiProperty({ description: 'share of dials that reach a person' }) contactRate: number;
  @ApiProperty({ enum: ['pilot', 'default'] }) contactRateSource: string;
  @ApiProperty() averageHandleSeconds: number;
  @ApiProperty({ enum: ['pilot', 'default'] }) averageHandleSource: string;
  @ApiProperty() maxDialsPerContact: number;
  @ApiProperty() expectedDialsPerContact: number;
  @ApiProperty() expectedDials: number;
  @ApiProperty() expectedContacts: number;
  @ApiProperty() workloadAgentHours: number;
  @ApiProperty() callableHoursUntilDeadline: number;
  @ApiProperty() canFinishByDeadline: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'null: not within a year' })
  expectedFinishAt: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'null: no callable hour left before the deadline' })
  agentsNeeded: number | null;
  @ApiProperty({
    type: [ForecastZoneResponse],
    required: false,
    description: 'the remaining contacts per time zone and when each can first be called',
  })
  zones?: ForecastZoneResponse[];
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    required: false,
    description: 'when the first remaining contact can be called (now when a window is open); null: not within a year',
  })
  firstCallableAt?: string | null;
}

export class BriefCampaignLinkResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CAMPAIGN_STATES }) state: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class BriefResponse extends EntityApiModel(Brief) {
  @ApiProperty({ enum: BRIEF_STATUSES }) status: string;
  @ApiProperty({ type: ContactPersonDto }) contactPerson: ContactPersonDto;
  @ApiProperty({ type: CallingWindowsDto }) windows: CallingWindowsDto;
  @ApiProperty({ type: RetryPolicyDto }) retryPolicy: RetryPolicyDto;
  @ApiProperty({ type: ForecastResponse, nullable: true }) forecast: ForecastResponse | null;
  @ApiProperty({ enum: BRIEF_STATUSES, isArray: true, description: 'statuses this brief may move to next' })
  allowedTransitions: string[];
  @ApiProperty({
    type: [BriefCampaignLinkResponse],
    description: 'the campaigns (waves) made from this brief, oldest first',
  })
  campaigns: BriefCampaignLinkResponse[];
}

export class BriefWithImportResponse extends BriefResponse {
  @ApiProperty({ type: ImportSummaryResponse, required: false, description: 'when the brief was saved with rows' })
  import?: ImportSummaryResponse;
}

export class ReviewQueueEntryResponse extends BriefResponse {
  @ApiProperty({ format: 'date-time' }) reviewDueAt: string;
  @ApiProperty() overdue: boolean;
}

export class BriefStatusChangeResponse extends EntityApiModel(BriefStatusChange) {
  @ApiProperty({ type: String, nullable: true, description: "the actor's display name (null: the system)" })
  actorName: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'email' }) actorEmail: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ROLES }) actorRole: string | null;
}

export class NotificationResponse extends EntityApiModel(Notification) {}
