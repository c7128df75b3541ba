import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { ROUTING_STRATEGIES } from '@app/acd-core';

export class RelaxationStepDto {
  @IsInt() @Min(0) @Max(86400) afterSeconds: number;
  @IsOptional() @IsInt() @Min(0) @Max(10) lowerBy?: number;
  @IsOptional() @IsArray() @IsString({ each: true }) drop?: string[];
}

const TARGET = /^(queue:.+|number:\+?[0-9]{3,20}|callback)$/;
const TARGET_REASON = 'must be queue:<id or name>, number:<E.164> or callback';

/** `{ skill: minimum level }` in the document (the service checks the names and the 1-10 levels). */
const SKILL_MAP_SCHEMA = {
  required: false,
  type: Object,
  additionalProperties: { type: 'integer', minimum: 1, maximum: 10 },
  description: 'skill name → minimum level 1-10',
  example: { mandarin: 5 },
};

export class CreateQueueDto {
  @IsOptional() @IsUUID() departmentId?: string;
  @IsString() @Length(1, 100) name: string;
  @IsIn(ROUTING_STRATEGIES) strategy: (typeof ROUTING_STRATEGIES)[number];
  @ApiProperty(SKILL_MAP_SCHEMA) @IsOptional() @IsObject() requiredSkills?: Record<string, number>;
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RelaxationStepDto)
  skillRelaxation?: RelaxationStepDto[];
  /** Weight against other queues for shared agents (1..100). */
  @IsOptional() @IsInt() @Min(0) @Max(100) priority?: number;
  @IsOptional() @IsInt() @Min(1) @Max(10000) maxLength?: number | null;
  @IsOptional() @IsInt() @Min(1) @Max(86400) maxWaitSeconds?: number;
  @IsOptional() @IsString() @Matches(TARGET, { message: TARGET_REASON }) overflowTarget?: string | null;
  @IsOptional() @IsString() @Matches(TARGET, { message: TARGET_REASON }) noAgentsTarget?: string | null;
  @IsOptional() @IsInt() @Min(0) @Max(3600) wrapUpSeconds?: number;
  @IsOptional() @IsInt() @Min(1) @Max(3600) serviceLevelSeconds?: number;
  @IsOptional() @IsString() @Length(1, 100) musicOnHold?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @IsString({ each: true }) vipNumbers?: string[];
  @IsOptional() @IsBoolean() keepPlace?: boolean;
  @IsOptional() @IsString() @Length(1, 32) did?: string | null;
}

export class UpdateQueueDto {
  @IsOptional() @IsString() @Length(1, 100) name?: string;
  @IsOptional() @IsIn(ROUTING_STRATEGIES) strategy?: (typeof ROUTING_STRATEGIES)[number];
  @ApiProperty(SKILL_MAP_SCHEMA) @IsOptional() @IsObject() requiredSkills?: Record<string, number>;
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RelaxationStepDto)
  skillRelaxation?: RelaxationStepDto[];
  @IsOptional() @IsInt() @Min(0) @Max(100) priority?: number;
  @IsOptional() @IsInt() @Min(1) @Max(10000) maxLength?: number | null;
  @IsOptional() @IsInt() @Min(1) @Max(86400) maxWaitSeconds?: number;
  @IsOptional() @IsString() @Matches(TARGET, { message: TARGET_REASON }) overflowTarget?: string | null;
  @IsOptional() @IsString() @Matches(TARGET, { message: TARGET_REASON }) noAgentsTarget?: string | null;
  @IsOptional() @IsInt() @Min(0) @Max(3600) wrapUpSeconds?: number;
  @IsOptional() @IsInt() @Min(1) @Max(3600) serviceLevelSeconds?: number;
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @IsString({ each: true }) vipNumbers?: string[];
  @IsOptional() @IsBoolean() keepPlace?: boolean;
}

export class MembershipDto {
  @IsUUID() agentId: string;
  @IsOptional() @IsInt() @Min(0) @Max(100) penalty?: number;
  @IsOptional() @IsBoolean() paused?: boolean;
}

export class CreateDidDto {
  @ApiProperty({ example: '+442079460000' })
  @IsString()
  @Matches(/^\+?[0-9]{2,20}$/, { message: 'must be digits, optionally with a leading +' })
  number: string;
  @IsOptional() @IsUUID() departmentId?: string;
  @IsOptional() @IsUUID() queueId?: string;
  @IsOptional() @IsUUID() ivrMenuId?: string;
}

export class IvrChoiceDto {
  @IsOptional() @IsUUID() queueId?: string;
  @IsOptional() @IsUUID() menuId?: string;
  @IsOptional() @IsInt() @Min(0) @Max(100) priority?: number;
}

export class AfterHoursDto {
  @IsIn(['message', 'callback-request', 'queue']) kind: 'message' | 'callback-request' | 'queue';
  @IsOptional() @IsString() @Length(1, 200) prompt?: string;
  @IsOptional() @IsUUID() queueId?: string;
}

export class CreateIvrMenuDto {
  @IsOptional() @IsUUID() departmentId?: string;
  @IsString() @Length(1, 100) name: string;
  @IsString() @Length(1, 200) prompt: string;
  @ApiProperty({
    type: Object,
    additionalProperties: {
      type: 'object',
      properties: {
        queueId: { type: 'string', format: 'uuid' },
        menuId: { type: 'string', format: 'uuid' },
        priority: { type: 'integer', minimum: 0, maximum: 100 },
      },
    },
    description: 'DTMF digit (0-9, * or #) → a queue or another menu',
    example: { '1': { queueId: '3f2c8a1e-5b7d-4c9e-a1f0-2d6b8e4c7a90' } },
  })
  @IsObject()
  choices: Record<string, IvrChoiceDto>;
  @IsOptional() @IsInt() @Min(1) @Max(60) timeoutSeconds?: number;
  @IsOptional() @IsInt() @Min(0) @Max(10) maxRetries?: number;
  @IsOptional() @IsObject() businessHours?: Record<string, unknown> | null;
  @IsOptional() @IsUUID() holidayCalendarId?: string | null;
  @IsOptional() @ValidateNested() @Type(() => AfterHoursDto) afterHours?: AfterHoursDto | null;
}

export class TransferDto {
  /** `agent:<id>`, `queue:<id or name>` or `number:<E.164>`. */
  @ApiProperty({ example: 'queue:sales' })
  @IsString()
  @Matches(/^(agent|queue|number):.+$/, { message: 'must be agent:<id>, queue:<id or name> or number:<E.164>' })
  to: string;
}

export class ConferenceDto {
  @ApiProperty({ example: '+447700900123' })
  @IsString()
  @Matches(/^\+?[0-9]{3,20}$/, { message: 'must be digits with an optional +' })
  number: string;
}

export class BargeDto {
  /** The supervisor's phone, e.g. `PJSIP/agent-1999`. */
  @IsString() @Length(3, 200) endpoint: string;
}

export class HoldDto {
  /** true: the caller goes on hold (music, out of the agent's bridge); false: back to the agent. */
  @ApiProperty({ example: true })
  @IsBoolean()
  hold: boolean;
}

export class ConsultDto {
  /** `agent:<id>`, `queue:<id or name>` (its next ready agent) or `number:<E.164>` (within the allowed destinations). */
  @ApiProperty({ example: 'agent:3f2c8a1e-5b7d-4c9e-a1f0-2d6b8e4c7a90' })
  @IsString()
  @Matches(/^(agent|queue|number):.+$/, { message: 'must be agent:<id>, queue:<id or name> or number:<E.164>' })
  to: string;
}

export class MonitorDto {
  /** The supervisor's phone, e.g. `PJSIP/agent-1999`. */
  @ApiProperty({ example: 'PJSIP/agent-1999' })
  @IsString()
  @Length(3, 200)
  endpoint: string;
}

export class AllowedDestinationsDto {
  /** E.164 prefixes, `X` for any one digit (`+4420`, `+336XXXXXXXX`); empty: no external destination. */
  @ApiProperty({ type: [String], example: ['+4420', '+336XXXXXXXX'] })
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  prefixes: string[];
}
