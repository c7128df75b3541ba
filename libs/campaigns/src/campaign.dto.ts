import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { CallingWindowsDto, RetryPolicyDto } from '@app/briefs';
import {
  CAMPAIGN_MODES,
  CAMPAIGN_STATES,
  DISPOSITION_CATEGORIES,
  MACHINE_ACTIONS,
  type CampaignMode,
  type CampaignState,
  type DispositionCategory,
  type MachineAction,
} from '@app/database';

export const ABANDON_WINDOW_HOURS = [24, 720] as const;

/** `{ skill: level }` with levels 1..10. */
const IsSkillMap = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isSkillMap',
      validator: {
        validate: (v) =>
          typeof v === 'object' &&
          v !== null &&
          !Array.isArray(v) &&
          Object.keys(v).length <= 50 &&
          Object.entries(v).every(
            ([k, n]) =>
              /^[a-z0-9_.-]{1,64}$/i.test(k) && Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 10,
          ),
        defaultMessage: () => 'requiredSkills must map skill names to levels 1-10, e.g. {"french": 5}',
      },
    },
    options,
  );

export class PacingDto {
  /** Percent of live-answered calls that may be abandoned over the window. */
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.01, { message: 'abandonCapPercent must be more than 0' })
  @Max(5, { message: 'abandonCapPercent must not exceed 5' })
  abandonCapPercent?: number;
  @IsOptional()
  @IsIn(ABANDON_WINDOW_HOURS, { message: 'abandonWindowHours must be 24 or 720' })
  abandonWindowHours?: number;
  @IsOptional() @IsInt() @Min(1) @Max(5) maxLinesPerAgent?: number;
  @IsOptional()
  @IsInt()
  @Min(15, { message: 'ringTimeoutSeconds must be at least 15' })
  @Max(120)
  ringTimeoutSeconds?: number;
}

export class DispositionDto {
  @ApiProperty({ example: 'INTERESTED' })
  @Matches(/^[A-Z][A-Z0-9_]{1,31}$/, { message: 'code must be 2-32 capital letters, digits or _' })
  code: string;
  @ApiProperty({ example: 'Interested' }) @IsString() @MinLength(1) @MaxLength(100) label: string;
  @IsIn(DISPOSITION_CATEGORIES, { message: `category must be one of ${DISPOSITION_CATEGORIES.join(', ')}` })
  category: DispositionCategory;
}

/** Everything a planner sets on a campaign; windows and retry policy default to the brief's. */
export class CampaignSettingsDto {
  @ApiProperty({ example: 'Renewals Q3 – wave 1' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name?: string;
  @IsIn(CAMPAIGN_MODES, { message: `mode must be one of ${CAMPAIGN_MODES.join(', ')}` }) mode: CampaignMode;
  @IsOptional() @IsUUID() scriptVersionId?: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) agentGroup?: string;
  @IsOptional() @IsSkillMap() requiredSkills?: Record<string, number>;
  @ApiProperty({ example: '+442071234567' })
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'callerId must be an E.164 number such as +442071234567' })
  callerId?: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PacingDto) pacing?: PacingDto;
  @IsOptional() @IsBoolean() amdEnabled?: boolean;
  @IsOptional()
  @IsIn(MACHINE_ACTIONS, { message: 'machineAction must be hangup or message' })
  machineAction?: MachineAction;
  /** Media name played to a machine when machineAction is `message`. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(300) machineMessage?: string;
  /** Media name played to an answered person no agent took. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(300) abandonMessage?: string;
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DispositionDto)
  dispositions?: DispositionDto[];
  @IsOptional() @IsInt() @Min(0) @Max(600) wrapUpSeconds?: number;
  @IsOptional() @IsInt() @Min(0) @Max(300) previewAutoDialSeconds?: number;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => CallingWindowsDto) windows?: CallingWindowsDto;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => RetryPolicyDto) retryPolicy?: RetryPolicyDto;
  @IsOptional() @IsInt() @Min(1) @Max(10_000) pilotSize?: number;
  @IsOptional() @IsInt() @Min(0) @Max(100) priority?: number;
}

export class CreateCampaignDto extends CampaignSettingsDto {
  @IsUUID() briefId: string;
}

export class UpdateCampaignDto extends PartialType(CampaignSettingsDto) {}

export class TransitionCampaignDto {
  @IsIn(CAMPAIGN_STATES, { message: `to must be one of ${CAMPAIGN_STATES.join(', ')}` }) to: CampaignState;
  /** Seed of the pilot sample (start-pilot only); the same seed picks the same contacts. */
  @IsOptional() @IsInt() @Min(0) @Max(2 ** 31 - 1) seed?: number;
}

export class StartPilotDto extends OmitType(TransitionCampaignDto, ['to'] as const) {}
