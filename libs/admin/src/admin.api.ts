import { ApiProperty } from '@nestjs/swagger';
import { EntityApiModel } from '@app/common';
import { AuditLogEntry, DncEntry, DNC_SCOPES, HolidayCalendar } from '@app/database';

// Response models of the administration routes, for the OpenAPI document.

export class HolidayDateResponse {
  @ApiProperty({ example: '2026-10-01' }) date: string;
  @ApiProperty({ required: false, example: 'National Day' }) name?: string;
}

export class HolidayCalendarResponse extends EntityApiModel(HolidayCalendar) {
  @ApiProperty({ type: [HolidayDateResponse] }) dates: HolidayDateResponse[];
}

export class DncEntryResponse extends EntityApiModel(DncEntry) {
  @ApiProperty({ enum: DNC_SCOPES }) scope: string;
}

export class DncPageResponse {
  @ApiProperty() total: number;
  @ApiProperty({ type: [DncEntryResponse] }) entries: DncEntryResponse[];
}

export class DncRejectedResponse {
  @ApiProperty({ description: 'position in the uploaded list (0-based)' }) index: number;
  @ApiProperty() value: string;
  @ApiProperty() reason: string;
}

export class DncUploadResponse {
  @ApiProperty({ description: 'numbers newly on the list' }) added: number;
  @ApiProperty({ description: 'numbers already on the list in that scope' }) alreadyListed: number;
  @ApiProperty({ type: [DncRejectedResponse] }) rejected: DncRejectedResponse[];
}

export class AuditEntryResponse extends EntityApiModel(AuditLogEntry) {
  @ApiProperty({ type: Object, nullable: true, additionalProperties: true }) details: Record<string, unknown> | null;
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse] }) entries: AuditEntryResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as before= for the next (older) page' })
  nextBefore: string | null;
}
