import type { ServerResponse } from 'node:http';
import { Body, Controller, Get, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { LoginResponse, PrincipalResponse, RefreshResponse } from './auth.api';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES as ALL_ROLES } from '@app/database';
import { AuthService, type LoginResult, type RefreshResult } from './auth.service';
import { CurrentUser, Public, Roles } from './decorators';
import type { Principal } from './principal';
import { TokenService } from './token.service';
import {
  clearRefreshCookie,
  readRefreshCookie,
  requireCsrfHeader,
  setRefreshCookie,
  type HttpRequest,
} from './refresh-cookie';

export class LoginDto {
  @ApiProperty({ example: 'planner@demo.local' }) @IsEmail() email: string;
  @ApiProperty({ example: 'the-password-printed-at-start' }) @IsString() @MinLength(1) @MaxLength(200) password: string;
}

/**
 * Login answers an access token (send it as `Authorization: Bearer`) and sets the browser app's refresh cookie;
 * `refresh` trades the cookie for a new access token (and a new cookie); `logout` revokes both.
 */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @ApiOperation({ summary: 'Log in: exchange email and password for a bearer token' })
  @ApiOkResponse({ type: LoginResponse })
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() dto: LoginDto,
    @Ip() address: string,
    @Req() req: HttpRequest,
    @Res({ passthrough: true }) res: ServerResponse,
  ): Promise<LoginResult> {
    const { result, refresh } = await this.auth.login(dto.email, dto.password, address);
    setRefreshCookie(req, res, refresh.token, refresh.expiresAt);
    return result;
  }

  @ApiOperation({
    summary: 'Trade the refresh cookie (dialer_refresh) for a new access token and cookie; needs the CSRF header',
  })
  @ApiOkResponse({ type: RefreshResponse })
  @Public()
  @Post('refresh')
  @HttpCode(200)
  async refresh(@Req() req: HttpRequest, @Res({ passthrough: true }) res: ServerResponse): Promise<RefreshResult> {
    requireCsrfHeader(req);
    try {
      const { result, refresh } = await this.auth.refresh(readRefreshCookie(req));
      setRefreshCookie(req, res, refresh.token, refresh.expiresAt);
      return result;
    } catch (e) {
      clearRefreshCookie(req, res);
      throw e;
    }
  }

  /**
   * With the access token (`Authorization: Bearer`), or without one from the browser app with the refresh cookie
   * and the CSRF header (its access token may have expired). The cookie is cleared either way.
   */
  @ApiOperation({ summary: 'Log out: revoke the access token and the refresh cookie' })
  @ApiNoContentResponse({ description: 'logged out; the refresh cookie is cleared' })
  @ApiBearerAuth()
  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: HttpRequest, @Res({ passthrough: true }) res: ServerResponse): Promise<void> {
    const bearer = TokenService.fromHeader(req.headers.authorization);
    if (!bearer) requireCsrfHeader(req);
    clearRefreshCookie(req, res);
    await this.auth.logout(bearer, readRefreshCookie(req));
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
