import { plainToInstance } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  validate,
} from 'class-validator';
import { flattenValidationErrors, invalid } from '@app/common';

// Payloads of the commands an agent's screen sends on /agent. The same rules as the REST routes of
// @app/dialer (its DTOs are not exported from the library, hence these copies).

export class LoginPayload {
  /** Telephone endpoint to call for the shift, e.g. `PJSIP/agent-1001`; default: the agent's own. */
  @IsOptional() @IsString() @Length(3, 200) endpoint?: string;
  /** Campaign to work on; default: the first pilot/running campaign whose group and skills the agent meets. */
  @IsOptional() @IsUUID() campaignId?: string;
}

export class PausePayload {
  @IsString() @Length(1, 64) reason: string;
}

export class DispositionPayload {
  @IsString() @Length(1, 32) code: string;
  @IsOptional() @IsObject() answers?: Record<string, unknown>;
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @IsOptional() @IsDateString() callbackAt?: string;
}

export class AnswersPayload {
  @IsObject() answers: Record<string, unknown>;
}

export class CallbackPayload {
  @IsDateString() at: string;
  /** The callback goes to this agent only. */
  @IsOptional() @IsBoolean() mine?: boolean;
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class DncPayload {
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class SkipPayload {
  @IsString() @Length(1, 64) reason: string;
}

export class EmptyPayload {}

/**
 * Validates a socket payload like the HTTP validation pipe does (whitelist, unknown keys refused) and throws
 * `validation-failed` with `[{ field, reason }]`. A missing payload is an empty object, so commands whose fields
 * are all optional may be sent with only an ack callback.
 */
export async function parsePayload<T extends object>(cls: new () => T, payload: unknown): Promise<T> {
  const raw = payload ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw invalid([{ field: 'payload', reason: 'must be an object' }], 'the payload must be an object');
  const dto = plainToInstance(cls, raw, { enableImplicitConversion: false });
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw invalid(flattenValidationErrors(errors));
  return dto;
}
