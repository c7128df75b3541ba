import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { LoginResponse, PrincipalResponse } from './auth.api';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES as ALL_ROLES } from '@app/database';
import { AuthService, type LoginResult } from './auth.service';
import { CurrentUser, Public, Roles } from './decorators';
import type { Principal } from './principal';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';

export class LoginDto {
  @ApiProperty({ example: 'planner@demo.local' }) @IsEmail() email: string;
  @ApiProperty({ example: 'the-password-printed-at-start' }) @IsString() @MinLength(1) @MaxLength(200) password: string;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  @ApiOperation({ summary: 'Log in: exchange email and password for a bearer token' })
  @ApiOkResponse({ type: LoginResponse })
  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto): Promise<LoginResult> {
    return this.auth.login(dto.email, dto.password, this.options.ttlSeconds);
  }

  @ApiOperation({ summary: 'Who the token belongs to' })
  @ApiOkResponse({ type: PrincipalResponse })
  @ApiBearerAuth()
  @Roles(...ALL_ROLES)
  @Get('me')
  me(@CurrentUser() p: Principal): Principal {
    return p;
  }
}
