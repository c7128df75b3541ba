import type { ServerResponse } from 'node:http';
import { Body, Controller, Get, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
  @IsEmail() email: string;
  @IsString() @MinLength(1) @MaxLength(200) password: string;
}

/**
 * Login answers an access token (send it as `Authorization: Bearer`) and sets the browser app's refresh cookie;
 * `refresh` trades the cookie for a new access token (and a new cookie); `logout` revokes both.
 */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

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

  @ApiBearerAuth()
  @Roles(...ALL_ROLES)
  @Get('me')
  me(@CurrentUser() p: Principal): Principal {
    return p;
  }
}
