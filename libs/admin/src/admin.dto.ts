import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DNC_SCOPES, type DncScope } from '@app/database';

export const E164 = /^\+[1-9]\d{6,14}$/;
const E164_MESSAGE = 'must be an E.164 number such as +8613800138000';
/** Numbers one upload may carry: one JSON body within the default 100 kB limit. */
export const DNC_UPLOAD_MAX = 5000;

export class HolidayDateDto {
  @ApiProperty({ example: '2026-10-01', description: 'YYYY-MM-DD' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'date must be YYYY-MM-DD' })
  date: string;
  @ApiProperty({ required: false, example: 'National Day' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
}

export class CreateHolidayCalendarDto {
  @ApiProperty({ example: 'China 2026' }) @IsString() @MinLength(2) @MaxLength(100) name: string;
  @ApiProperty({ required: false, example: 'CN', description: 'ISO 3166 country code' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'region must be a two-letter country code such as CN' })
  region?: string;
  @ApiProperty({
    required: false,
    format: 'uuid',
    description: "the department's own calendar (admins: any department; omitted: shared by every department)",
  })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
  @ApiProperty({ type: [HolidayDateDto], example: [{ date: '2026-10-01', name: 'National Day' }] })
  @IsArray()
  @ArrayMaxSize(400)
  @ValidateNested({ each: true })
  @Type(() => HolidayDateDto)
  dates: HolidayDateDto[];
}

export class UpdateHolidayCalendarDto {
  @ApiProperty({ required: false, example: 'China 2026' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name?: string;
  @ApiProperty({ required: false, type: [HolidayDateDto], description: 'replaces every date' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(400)
  @ValidateNested({ each: true })
  @Type(() => HolidayDateDto)
  dates?: HolidayDateDto[];
}

export class AddDncDto {
  @ApiProperty({ example: '+8613800138000' }) @Matches(E164, { message: `e164 ${E164_MESSAGE}` }) e164: string;
  @ApiProperty({ enum: DNC_SCOPES, example: 'department', description: 'global: admins only' })
  @IsIn(DNC_SCOPES, { message: `scope must be one of ${DNC_SCOPES.join(', ')}` })
  scope: DncScope;
  @ApiProperty({ required: false, format: 'uuid', description: 'for the department scope (default: your own)' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;
  @ApiProperty({ required: false, format: 'uuid', description: 'for the campaign scope' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;
  @ApiProperty({ required: false, example: 'asked by letter' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  reason?: string;
  @ApiProperty({ required: false, format: 'date-time', description: 'when the entry lapses (none: never)' })
  @IsOptional()
  @IsDateString({}, { message: 'expiresAt must be an ISO date-time' })
  expiresAt?: string;
}

export class UploadDncDto {
  @ApiProperty({
    type: [String],
    example: ['+8613800138000', '+8613900139000'],
    description: `E.164 numbers, at most ${DNC_UPLOAD_MAX}; a bad one is reported by its position, the others are added`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(DNC_UPLOAD_MAX)
  @IsString({ each: true })
  numbers: string[];
  @ApiProperty({ enum: DNC_SCOPES, example: 'department' })
  @IsIn(DNC_SCOPES, { message: `scope must be one of ${DNC_SCOPES.join(', ')}` })
  scope: DncScope;
  @ApiProperty({ required: false, format: 'uuid' }) @IsOptional() @IsUUID() departmentId?: string;
  @ApiProperty({ required: false, format: 'uuid' }) @IsOptional() @IsUUID() campaignId?: string;
  @ApiProperty({ required: false, example: 'regulator list 2026-11' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  reason?: string;
}

export class DncQueryDto {
  @ApiPropertyOptional({ description: 'digits of the number (substring), e.g. 138001' })
  @IsOptional()
  @Matches(/^\+?\d{1,15}$/, { message: 'q must be digits, optionally after +' })
  q?: string;
  @ApiPropertyOptional({ enum: DNC_SCOPES })
  @IsOptional()
  @IsIn(DNC_SCOPES, { message: `scope must be one of ${DNC_SCOPES.join(', ')}` })
  scope?: DncScope;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class AuditQueryDto {
  @ApiPropertyOptional({ example: 'dnc.remove', description: 'exact action, or a prefix ending in . (dnc.)' })
  @IsOptional()
  @Matches(/^[a-z0-9_.-]{1,64}$/i, { message: 'action is letters, digits, _ . -' })
  action?: string;
  @ApiPropertyOptional({ example: 'campaign' })
  @IsOptional()
  @Matches(/^[a-z0-9_-]{1,32}$/i, { message: 'entityType is letters, digits, _ -' })
  entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) entityId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() departmentId?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({}, { message: 'from must be an ISO date or date-time' })
  from?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({}, { message: 'to must be an ISO date or date-time' })
  to?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
  @ApiPropertyOptional({ description: "entries older than this id (the previous page's nextBefore)" })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'before is an entry id' })
  before?: string;
}
