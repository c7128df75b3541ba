import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';

/** `TECH/resource`, e.g. `PJSIP/agent-1001` or `SIP/desk-3`: what Asterisk dials for the agent's shift. */
export const ENDPOINT_PATTERN = /^[A-Za-z][A-Za-z0-9_]*\/[^\s,&]+$/;
const ENDPOINT_MESSAGE = 'each endpoint must look like TECH/resource, e.g. PJSIP/agent-1001';

export class AgentProfileFieldsDto {
  /** The endpoint dialled when the agent logs in without naming one. */
  @IsOptional() @IsString() @Length(3, 200) @Matches(ENDPOINT_PATTERN, { message: ENDPOINT_MESSAGE }) endpoint?:
    string | null;
  /** Further endpoints the agent may log in on. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(3, 200, { each: true })
  @Matches(ENDPOINT_PATTERN, { each: true, message: ENDPOINT_MESSAGE })
  endpoints?: string[];
  /** `{ skill: level }`, levels 1..10 (checked in the service, naming the skill). */
  @ApiProperty({
    required: false,
    type: Object,
    additionalProperties: { type: 'integer', minimum: 1, maximum: 10 },
    example: { mandarin: 7 },
  })
  @IsOptional()
  @IsObject()
  skills?: Record<string, number>;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 64, { each: true }) groups?: string[];
  /** Takes inbound calls between outbound ones. */
  @IsOptional() @IsBoolean() blended?: boolean;
}

export class CreateAgentProfileDto extends AgentProfileFieldsDto {
  /** A user of role agent, in a department the caller works for. */
  @IsUUID() userId: string;
}

export class UpdateAgentProfileDto extends AgentProfileFieldsDto {}

export class DepartmentEndpointsDto {
  /** The department's pool: endpoints any of its agents may log in on (shared desks). Replaces the pool. */
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Length(3, 200, { each: true })
  @Matches(ENDPOINT_PATTERN, { each: true, message: ENDPOINT_MESSAGE })
  endpoints: string[];
}
