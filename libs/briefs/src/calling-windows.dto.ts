import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import {
  DEFAULT_RETRY_RULES,
  EVENING_STARTS,
  HHMM,
  isCalendarDate,
  isIanaTimeZone,
  RETRY_OUTCOMES,
  WEEKDAYS,
  type CallingWindows,
  type RetryPolicy,
  type Weekday,
} from './calling-windows';

export const IsIanaTimeZone = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isIanaTimeZone',
      validator: {
        validate: (v) => isIanaTimeZone(v),
        defaultMessage: (a) => `${a?.property} must be an IANA time zone name such as Europe/London`,
      },
    },
    options,
  );

/** On `to`: the range's `from` must come before it. */
export const IsAfterFrom = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isAfterFrom',
      validator: {
        validate: (v, a) => {
          const from = (a?.object as { from?: unknown }).from;
          // a bad `from` is reported on `from`; do not report the range twice
          if (typeof from !== 'string' || !HHMM.test(from) || typeof v !== 'string' || !HHMM.test(v)) return true;
          return from < v;
        },
        defaultMessage: () => 'to must be later than from',
      },
    },
    options,
  );

export const IsFutureDate = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isFutureDate',
      validator: {
        validate: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)) && Date.parse(v) > Date.now(),
        defaultMessage: (a) => `${a?.property} must be an ISO 8601 date-time in the future`,
      },
    },
    options,
  );

export const IsCalendarDate = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (v) => isCalendarDate(v),
        defaultMessage: () => 'each holiday must be a date written YYYY-MM-DD',
      },
    },
    options,
  );

export class TimeRangeDto {
  @ApiProperty({ example: '09:00' })
  @Matches(HHMM, { message: 'from must be a time written HH:MM (00:00-23:59)' })
  from: string;
  @ApiProperty({ example: '17:30' })
  @Matches(HHMM, { message: 'to must be a time written HH:MM (00:00-24:00)' })
  @IsAfterFrom()
  to: string;
}

export class WeekdayWindowDto {
  @IsIn(WEEKDAYS, { message: `day must be one of ${WEEKDAYS.join(', ')}` }) day: Weekday;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => TimeRangeDto)
  ranges: TimeRangeDto[];
}

/** When a contact may be called, in the contact's own time zone (the default one when the list gives none). */
export class CallingWindowsDto {
  @IsArray()
  @ArrayMinSize(1, { message: 'weekdays must list at least one day with calling hours' })
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => WeekdayWindowDto)
  weekdays: WeekdayWindowDto[];
  @IsBoolean() evenings: boolean;
  @IsBoolean() weekends: boolean;
  @IsBoolean() holidays: boolean;
  @IsOptional() @IsUUID() holidayCalendarId?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(400) @IsCalendarDate({ each: true }) holidayDates?: string[];
  @IsIanaTimeZone() timeZone: string;
}

export class RetryRuleDto {
  @IsInt() @Min(1) @Max(7 * 24 * 60) retryAfterMinutes: number;
  @IsInt() @Min(0) @Max(20) maxRetries: number;
}

/** Per outcome: retry after N minutes, at most M times; and a cap on all attempts of one contact. */
export class RetryPolicyDto {
  @IsOptional() @ValidateNested() @Type(() => RetryRuleDto) busy?: RetryRuleDto;
  @IsOptional() @ValidateNested() @Type(() => RetryRuleDto) noAnswer?: RetryRuleDto;
  @IsOptional() @ValidateNested() @Type(() => RetryRuleDto) machine?: RetryRuleDto;
  @IsOptional() @ValidateNested() @Type(() => RetryRuleDto) failed?: RetryRuleDto;
  @IsOptional() @ValidateNested() @Type(() => RetryRuleDto) abandoned?: RetryRuleDto;
  @IsOptional() @ValidateNested() @Type(() => RetryRuleDto) congestion?: RetryRuleDto;
  @IsInt() @Min(1) @Max(50) maxAttemptsPerContact: number;
}

export function normaliseRetryPolicy(dto: RetryPolicyDto): RetryPolicy {
  const out = { maxAttemptsPerContact: dto.maxAttemptsPerContact } as RetryPolicy;
  for (const k of RETRY_OUTCOMES) {
    const r = dto[k];
    out[k] = r ? { retryAfterMinutes: r.retryAfterMinutes, maxRetries: r.maxRetries } : { ...DEFAULT_RETRY_RULES[k] };
  }
  return out;
}

export function normaliseWindows(dto: CallingWindowsDto, extraHolidays: string[] = []): CallingWindows {
  const dates = [...new Set([...(dto.holidayDates ?? []), ...extraHolidays])].sort();
  return {
    weekdays: dto.weekdays.map((w) => ({ day: w.day, ranges: w.ranges.map((r) => ({ from: r.from, to: r.to })) })),
    evenings: dto.evenings,
    weekends: dto.weekends,
    holidays: dto.holidays,
    ...(dto.holidayCalendarId ? { holidayCalendarId: dto.holidayCalendarId } : {}),
    holidayDates: dates,
    timeZone: dto.timeZone,
  };
}

/** Cross-field rules the decorators cannot see: evening ranges need `evenings`, Sat/Sun need `weekends`. */
export function windowProblems(w: CallingWindowsDto, prefix = 'windows'): { field: string; reason: string }[] {
  const out: { field: string; reason: string }[] = [];
  const seen = new Set<string>();
  w.weekdays.forEach((d, i) => {
    if (seen.has(d.day)) out.push({ field: `${prefix}.weekdays[${i}].day`, reason: `${d.day} is listed twice` });
    seen.add(d.day);
    if (!w.weekends && (d.day === 'sat' || d.day === 'sun'))
      out.push({ field: `${prefix}.weekdays[${i}].day`, reason: 'weekend calling is not allowed (weekends is false)' });
    d.ranges.forEach((r, j) => {
      if (!w.evenings && r.to > EVENING_STARTS)
        out.push({
          field: `${prefix}.weekdays[${i}].ranges[${j}].to`,
          reason: `evening calling (after ${EVENING_STARTS}) is not allowed (evenings is false)`,
        });
    });
  });
  return out;
}
