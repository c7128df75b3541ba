import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { CAMPAIGN_MODES } from '@app/database';

export class ContactResultsQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;

  @ApiPropertyOptional({ description: 'matches first/last name, external id or a phone number (substring)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const EXPORT_ENCODINGS = ['utf-8', 'gb18030'] as const;

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: (typeof EXPORT_FORMATS)[number];

  @ApiPropertyOptional({
    enum: EXPORT_ENCODINGS,
    default: 'utf-8',
    description: 'CSV only: utf-8 (with a BOM, for Excel) or gb18030',
  })
  @IsOptional()
  @IsIn(EXPORT_ENCODINGS)
  encoding?: (typeof EXPORT_ENCODINGS)[number];
}

export class OperationsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'one department (must be one the caller works for)' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'agents report: one agent (agents.id)' })
  @IsOptional()
  @IsUUID()
  agentId?: string;

  @ApiPropertyOptional({ enum: CAMPAIGN_MODES })
  @IsOptional()
  @IsIn(CAMPAIGN_MODES)
  mode?: (typeof CAMPAIGN_MODES)[number];

  @ApiPropertyOptional({ description: 'start of the range (ISO 8601, inclusive); default 30 days before `to`' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'end of the range (ISO 8601, exclusive); default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class CallRecordQueryDto extends ExportQueryDto {
  @ApiProperty({ description: 'start (ISO 8601, inclusive)' })
  @IsISO8601({ strict: true })
  from: string;

  @ApiProperty({ description: 'end (ISO 8601, exclusive)' })
  @IsISO8601({ strict: true })
  to: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;
}

class PhaseFiguresDto {
  @ApiProperty() contactsAttempted: number;
  @ApiProperty() contactsReached: number;
  @ApiProperty() contactsSuccessful: number;
  @ApiProperty({ description: 'settled attempts' }) attempts: number;
  @ApiProperty() humanAnswered: number;
  @ApiProperty({ description: 'attempts with a success disposition' }) successes: number;
  @ApiProperty({ nullable: true, type: Number }) reachRate: number | null;
  @ApiProperty({ nullable: true, type: Number }) successRate: number | null;
}

class BriefDeadlineDto {
  @ApiProperty() deadline: Date;
  @ApiProperty({ nullable: true, type: Date }) finishedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) lastAttemptAt: Date | null;
  @ApiProperty({ nullable: true, type: Boolean }) met: boolean | null;
  @ApiProperty({ enum: ['met', 'missed', 'open'] }) state: string;
}

export class BriefResultsDto {
  @ApiProperty({ format: 'uuid' }) briefId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) campaigns: object[];
  @ApiProperty({ description: 'contacts in the list (plus any contact the campaigns dialled)' }) contacts: number;
  @ApiProperty() contactsAttempted: number;
  @ApiProperty({ description: 'contacts a person answered for and an agent took' }) reached: number;
  @ApiProperty({ description: "contacts with a disposition in the campaign's success category" }) successful: number;
  @ApiProperty({ nullable: true, type: Number }) reachRate: number | null;
  @ApiProperty({ nullable: true, type: Number }) successRate: number | null;
  @ApiProperty() inProgress: number;
  @ApiProperty({ description: '{ total, byReason: { reason: contacts } }', type: 'object', additionalProperties: true })
  notReached: object;
  @ApiProperty({ description: 'contacts per result', type: 'object', additionalProperties: { type: 'number' } })
  byResult: object;
  @ApiProperty({ description: 'settled attempts' }) attempts: number;
  @ApiProperty({
    description: '{ average, max, distribution: { attempts: contacts } }',
    type: 'object',
    additionalProperties: true,
  })
  attemptsPerContact: object;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) outcomes: object;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) dispositions: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'per question: counts, numbers or samples' })
  answers: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) byDay: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) byHour: object[];
  @ApiProperty({ type: PhaseFiguresDto }) pilot: PhaseFiguresDto;
  @ApiProperty({ type: PhaseFiguresDto }) fullRun: PhaseFiguresDto;
  @ApiProperty({ type: BriefDeadlineDto }) deadline: BriefDeadlineDto;
  @ApiProperty() generatedAt: Date;
}

export class ContactResultsPageDto {
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'contactId, names, numbers, result, attempts[] (time, outcome, agent, disposition, answers, note)',
  })
  items: object[];
}

export class ComplianceQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ description: 'start (ISO 8601, inclusive); default 30 days before `to`' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'end (ISO 8601, exclusive); default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class CampaignOperationsReportDto {
  @ApiProperty() from: Date;
  @ApiProperty() to: Date;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      'per campaign: dials, answered, humanAnswered, abandoned, machine, successes, contactsPerHour, answerRate, ' +
      'abandonRate, amdRate, talk/wrap/idle seconds, dialsPerContact, abandonWindows (24 h, 30 d) with budgetLeft',
  })
  campaigns: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) byDay: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) byHour: object[];
}

export class AgentOperationsReportDto {
  @ApiProperty() from: Date;
  @ApiProperty() to: Date;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      'per agent: loggedIn/ready/talk/wrap/paused seconds, pauseByReason, calls, successes, successRate, ' +
      'averageHandleSeconds',
  })
  agents: object[];
}

export class ComplianceReportDto {
  @ApiProperty() from: Date;
  @ApiProperty() to: Date;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      'per campaign: abandon over rolling 24 h / 30 d windows, calls outside windows, DNC prevented, per-number caps',
  })
  campaigns: object[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: '{ total, proofQuery, parameters, samples }',
  })
  outsideWindow: object;
  @ApiProperty({ type: [String] }) notes: string[];
}

export class QueueReportQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'one department (must be one the caller works for)' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  queueId?: string;

  @ApiPropertyOptional({ description: 'start (ISO 8601, inclusive); default 30 days before `to`' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'end (ISO 8601, exclusive); default now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

const QUEUE_BUCKET =
  'offered, answered, answeredWithinTarget, abandoned, shortAbandons, overflowed, serviceLevel, ' +
  'serviceLevelExcludingShortAbandons, asaSeconds, abandonRate, longestWaitSeconds, abandonsByWait ' +
  '({ "0-5s", "5-15s", "15-30s", "30-60s", "60-120s", "120s+" })';

export class QueueReportDto {
  @ApiProperty() from: Date;
  @ApiProperty() to: Date;
  @ApiProperty({ description: 'abandons shorter than this are left out of serviceLevelExcludingShortAbandons' })
  shortAbandonSeconds: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: `per queue: queueId, name, departmentId, targetSeconds, ${QUEUE_BUCKET}`,
  })
  queues: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: `per UTC day: day, ${QUEUE_BUCKET}` })
  byDay: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: `per UTC hour of day: hour, ${QUEUE_BUCKET}` })
  byHour: object[];
}
