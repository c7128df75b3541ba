import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ScriptBodySchema } from './scripts.api';

export class CreateScriptDto {
  @ApiProperty({ example: 'Renewal reminder' }) @IsString() @MinLength(1) @MaxLength(200) name: string;
  /** Cross-department roles choose; requesters always get their own department. */
  @IsOptional() @IsUUID() departmentId?: string;
  @IsOptional() @IsUUID() briefId?: string;
  /** The first version, when given (sections, questions, branches); checked like any version. */
  @ApiProperty({ type: ScriptBodySchema, required: false }) @IsOptional() @IsObject() body?: Record<string, unknown>;
  @IsOptional() @IsString() @MaxLength(2000) changeNote?: string;
  /** Extra field names {{placeholders}} may use, beyond the standard ones and the lists' custom columns. */
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsString({ each: true }) knownFields?: string[];
}

export class AddVersionDto {
  @ApiProperty({ type: ScriptBodySchema }) @IsObject() body: Record<string, unknown>;
  @IsOptional() @IsString() @MaxLength(2000) changeNote?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsString({ each: true }) knownFields?: string[];
}

export class PreviewDto {
  /** A contact of the script's department; or `fields` to try values by hand. */
  @IsOptional() @IsUUID() contactId?: string;
  @ApiProperty({
    required: false,
    type: Object,
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }], nullable: true },
    example: { first_name: 'Ada' },
  })
  @IsOptional()
  @IsObject()
  fields?: Record<string, string | number | boolean | null>;
}
