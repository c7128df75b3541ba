import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ROLES, type Role } from '@app/database';

export class CreateDepartmentDto {
  @ApiProperty({ example: 'Sales' }) @IsString() @MinLength(2) @MaxLength(120) name: string;
  @ApiProperty({ example: 'SALES' })
  @Matches(/^[A-Z0-9_-]{2,32}$/, { message: 'code must be 2-32 capital letters, digits, - or _' })
  code: string;
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  webhookUrl?: string;
  @IsOptional() @IsString() @MinLength(16) @MaxLength(64) webhookSecret?: string;
}

export class UpdateDepartmentDto {
  @IsOptional() @IsString() @MinLength(2) @MaxLength(120) name?: string;
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) webhookUrl?:
    string | null;
  @IsOptional() @IsString() @MinLength(16) @MaxLength(64) webhookSecret?: string;
}

export class CreateUserDto {
  @IsEmail() email: string;
  @ApiProperty({ example: 'Ann Example' }) @IsString() @MinLength(1) @MaxLength(200) displayName: string;
  @IsString() @MinLength(10, { message: 'password must be at least 10 characters' }) @MaxLength(200) password: string;
  @IsIn(ROLES) role: Role;
  @IsUUID() departmentId: string;
  /** Further departments a planner, supervisor or QA works for (admins work for all; others for their own). */
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) assignedDepartmentIds?: string[];
}

export class UpdateUserDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) displayName?: string;
  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(200)
  password?: string;
  @IsOptional() @IsIn(ROLES) role?: Role;
  @IsOptional() @IsUUID() departmentId?: string;
  @IsOptional() @IsBoolean() active?: boolean;
  /** Replaces the further departments a planner, supervisor or QA works for. */
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) assignedDepartmentIds?: string[];
}
