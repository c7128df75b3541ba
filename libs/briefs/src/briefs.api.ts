import { ApiProperty } from '@nestjs/swagger';
import { EntityApiModel } from '@app/common';
import { ImportSummaryResponse } from '@app/contacts';
import { Brief, BRIEF_STATUSES, BriefStatusChange, Notification } from '@app/database';
import { ContactPersonDto } from './brief.dto';
import { CallingWindowsDto, RetryPolicyDto } from './calling-windows.dto';

// Response models of the briefs and notifications routes, for the OpenAPI document.

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
}

export class BriefResponse extends EntityApiModel(Brief) {
  @ApiProperty({ enum: BRIEF_STATUSES }) status: string;
  @ApiProperty({ type: ContactPersonDto }) contactPerson: ContactPersonDto;
  @ApiProperty({ type: CallingWindowsDto }) windows: CallingWindowsDto;
  @ApiProperty({ type: RetryPolicyDto }) retryPolicy: RetryPolicyDto;
  @ApiProperty({ type: ForecastResponse, nullable: true }) forecast: ForecastResponse | null;
  @ApiProperty({ enum: BRIEF_STATUSES, isArray: true, description: 'statuses this brief may move to next' })
  allowedTransitions: string[];
}

export class BriefWithImportResponse extends BriefResponse {
  @ApiProperty({ type: ImportSummaryResponse, required: false, description: 'when the brief was saved with rows' })
  import?: ImportSummaryResponse;
}

export class ReviewQueueEntryResponse extends BriefResponse {
  @ApiProperty({ format: 'date-time' }) reviewDueAt: string;
  @ApiProperty() overdue: boolean;
}

export class BriefStatusChangeResponse extends EntityApiModel(BriefStatusChange) {}

export class NotificationResponse extends EntityApiModel(Notification) {}
