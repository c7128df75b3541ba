import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsInt,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsObject,
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
import { INLINE_ROWS_MAX } from '@app/common';
import { CallingWindowsDto, IsFutureDate, RetryPolicyDto } from './calling-windows.dto';

export class ContactPersonDto {
  @ApiProperty({ example: 'Ann Example' }) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @IsOptional() @IsEmail() email?: string;
  @ApiProperty({ example: '+44 20 7946 0000' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{3,32}$/, { message: 'phone must be a telephone number' })
  phone?: string;
}

export class CreateBriefDto {
  @ApiProperty({ example: 'Renewal reminder' }) @IsString() @MinLength(3) @MaxLength(200) title: string;
  @ApiProperty({ example: 'Remind customers whose contract ends this quarter and offer the renewal.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  purpose: string;
  @IsObject() @ValidateNested() @Type(() => ContactPersonDto) contactPerson: ContactPersonDto;
  /** An imported list of the brief's department. Needed to submit (or give `rows`). */
  @IsOptional() @IsUUID() contactListId?: string;
  /**
   * The target list inline: JSON rows (objects keyed by column name, or arrays with a header row first), imported by
   * @app/contacts into a new list of the brief's department. Large lists go through the list upload instead.
   */
  @ApiProperty({
    required: false,
    type: 'array',
    items: {
      oneOf: [
        { type: 'object', additionalProperties: true },
        { type: 'array', items: {} },
      ],
    },
    description: 'up to 20,000 rows and 10 MB of JSON; larger lists: POST /api/contact-lists/{id}/import',
    example: [{ phone: '+447700900123', first_name: 'Ada', last_name: 'Lovelace', time_zone: 'Europe/London' }],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(INLINE_ROWS_MAX)
  rows?: unknown[];
  @IsOptional() @IsString() @MaxLength(100_000) scriptDraft?: string;
  @ApiProperty({ example: '2030-06-30T17:00:00Z' }) @IsFutureDate() deadline: string;
  @IsObject() @ValidateNested() @Type(() => CallingWindowsDto) windows: CallingWindowsDto;
  @IsObject() @ValidateNested() @Type(() => RetryPolicyDto) retryPolicy: RetryPolicyDto;
  @IsOptional() @IsInt() @Min(1) @Max(10_000) pilotSize?: number;
  @IsOptional() @IsInt() @Min(0) @Max(100) priority?: number;
  @IsISO31661Alpha2({ message: 'region must be an ISO 3166-1 alpha-2 country code such as GB' }) region: string;
}

export class UpdateBriefDto extends PartialType(CreateBriefDto) {}

export class RejectBriefDto {
  @IsString() @MinLength(3, { message: 'reason must say why (at least 3 characters)' }) @MaxLength(2000) reason: string;
}

export class AcceptBriefDto {
  /** A note to the requesting department (kept in the brief's history, sent with the notice). */
  @ApiProperty({
    required: false,
    description: 'a note to the requesting department (kept in the history, sent with the notice)',
    example: 'accepted: pilot on Monday',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
