import { ApiProperty, PartialType } from '@nestjs/swagger';
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
  /**
   * Calling windows wider than the brief's (more days or hours, evenings, weekends or holidays the brief does not
   * allow) are refused unless this is true; the campaign then carries a `windows` warning.
   */
  @ApiProperty({
    required: false,
    description:
      "calling windows wider than the brief's are refused unless this is true; the campaign then carries a windows warning",
  })
  @IsOptional()
  @IsBoolean()
  allowWiderWindows?: boolean;
}

export const CAMPAIGN_CONTACT_SELECTIONS = ['all', 'not-finished'] as const;
export type CampaignContactSelection = (typeof CAMPAIGN_CONTACT_SELECTIONS)[number];

/** A new campaign of a brief: its settings and which contacts it gets. */
export class NewCampaignDto extends CampaignSettingsDto {
  /**
   * The list to call: default the brief's. Another list must belong to the brief's department (a re-plan with a
   * fresh list).
   */
  @ApiProperty({
    required: false,
    description:
      "the list to call: default the brief's; another list must belong to the brief's department (a re-plan)",
  })
  @IsOptional()
  @IsUUID()
  contactListId?: string;
  /**
   * Which of the list's contacts: `all`, or `not-finished` (not already done or do-not-call in an earlier campaign
   * of the brief, and not waiting in one still under way). Default: `all` for the brief's first campaign,
   * `not-finished` for a further one (a second wave).
   */
  @ApiProperty({
    required: false,
    description:
      'all, or not-finished (not done or do-not-call in an earlier campaign of the brief); default: all for the first campaign, not-finished for a further one (a wave)',
  })
  @IsOptional()
  @IsIn(CAMPAIGN_CONTACT_SELECTIONS, { message: `contacts must be one of ${CAMPAIGN_CONTACT_SELECTIONS.join(', ')}` })
  contacts?: CampaignContactSelection;
}

export class CreateCampaignDto extends NewCampaignDto {
  @IsUUID() briefId: string;
}

export class UpdateCampaignDto extends PartialType(CampaignSettingsDto) {}

/** The two limits a supervisor may turn while a campaign dials (the floor view): same bounds as the planner's. */
export class LivePacingDto {
  @ApiProperty({ required: false, example: 2.5, description: 'abandon target in percent: more than 0, at most 5' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.01, { message: 'abandonCapPercent must be more than 0' })
  @Max(5, { message: 'abandonCapPercent must not exceed 5' })
  abandonCapPercent?: number;
  @ApiProperty({
    required: false,
    example: 2,
    description: 'dial ratio limit: lines dialled per staffed agent, 1..5 (above 1 only in predictive mode)',
  })
  @IsOptional()
  @IsInt({ message: 'maxLinesPerAgent must be a whole number' })
  @Min(1, { message: 'maxLinesPerAgent must be at least 1' })
  @Max(5, { message: 'maxLinesPerAgent must not exceed 5' })
  maxLinesPerAgent?: number;
}

export class TransitionCampaignDto {
  @IsIn(CAMPAIGN_STATES, { message: `to must be one of ${CAMPAIGN_STATES.join(', ')}` }) to: CampaignState;
  /** Seed of the pilot sample (start-pilot only); the same seed picks the same contacts. */
  @IsOptional() @IsInt() @Min(0) @Max(2 ** 31 - 1) seed?: number;

  /** Launch although the pilot placed no calls (a warning is returned and audited). */
  @ApiProperty({ required: false, description: 'launch only: launch although the pilot placed no calls' })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
  /** Complete although contacts are still waiting to be called (they are left uncalled). */
  @ApiProperty({ required: false, description: 'complete only: required when contacts are still waiting to be called' })
  @IsOptional()
  @IsBoolean()
  confirmPending?: boolean;
}

export class StartPilotDto {
  /** Seed of the pilot sample; the same seed picks the same contacts. */
  @IsOptional() @IsInt() @Min(0) @Max(2 ** 31 - 1) seed?: number;
}

export class LaunchCampaignDto {
  /** Launch although the pilot placed no calls (0 attempts): the response and the audit log carry a warning. */
  @ApiProperty({
    required: false,
    description: 'required to launch after an empty pilot (0 attempts); the answer and the audit log carry a warning',
  })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

export class CompleteCampaignDto {
  /** Required when contacts are still pending: they are left uncalled. */
  @ApiProperty({
    required: false,
    description: 'required when contacts are still pending (they are left uncalled); the 409 says how many',
  })
  @IsOptional()
  @IsBoolean()
  confirmPending?: boolean;
}
