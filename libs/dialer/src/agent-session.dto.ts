import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsBoolean, IsDateString, IsObject, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

// Named apart from @app/auth's LoginDto and @app/campaigns' DispositionDto: the document keys schemas by name.
@ApiSchema({ name: 'AgentLoginDto' })
export class LoginDto {
  /** Telephone endpoint to call for the shift, e.g. `PJSIP/agent-1001`; default: the agent's own. */
  @ApiProperty({ example: 'PJSIP/agent-1001' }) @IsOptional() @IsString() @Length(3, 200) endpoint?: string;
  /** Campaign to work on; default: the first pilot/running campaign whose group and skills the agent meets. */
  @IsOptional() @IsUUID() campaignId?: string;
}

export class PauseDto {
  @ApiProperty({ example: 'lunch' }) @IsString() @Length(1, 64) reason: string;
}

@ApiSchema({ name: 'AgentDispositionDto' })
export class DispositionDto {
  @ApiProperty({ example: 'INTERESTED' }) @IsString() @Length(1, 32) code: string;
  @IsOptional() @IsObject() answers?: Record<string, unknown>;
  @IsOptional() @IsDateString() callbackAt?: string;
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class CallbackDto {
  @IsDateString() at: string;
  /** The callback goes to this agent only. */
  @IsOptional() @IsBoolean() mine?: boolean;
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class DncDto {
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class SkipDto {
  @IsString() @Length(1, 64) reason: string;
}
