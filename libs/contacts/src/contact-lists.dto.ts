import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export class CreateContactListDto {
  @ApiProperty({ example: 'Renewals Q3' }) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @IsOptional()
  @Matches(/^[A-Za-z]{2}$/, { message: 'region must be an ISO 3166 alpha-2 code, e.g. GB' })
  region?: string;
  /** IANA zone, checked against the runtime's zone database in the service. */
  @IsOptional() @IsString() @MaxLength(64) defaultTimeZone?: string;
  /** Cross-department roles choose the department; requesters always get their own. */
  @IsOptional() @IsUUID() departmentId?: string;
  @IsOptional() @IsUUID() briefId?: string;
}

export class PageQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) pageSize?: number;
}
