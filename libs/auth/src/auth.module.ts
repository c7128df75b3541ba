import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AccountsController } from './accounts.controller';
import { AgentProfilesController } from './agent-profiles.controller';
import { AgentProfilesService } from './agent-profiles.service';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';
import { AuthService } from './auth.service';
import { SessionRevocations } from './session-revocations';
import { SocketAuthenticator } from './socket-auth';
import { TokenService } from './token.service';
import { LoginThrottle } from './login-throttle';

/** Login, tokens, the global guard; with `accounts: true` also the admin routes for departments and users. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions & { accounts?: boolean }): DynamicModule {
    return {
      module: AuthModule,
      imports: [JwtModule.register({ secret: options.secret, signOptions: { expiresIn: options.ttlSeconds } })],
      controllers:
        options.accounts === false ? [AuthController] : [AuthController, AccountsController, AgentProfilesController],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        TokenService,
        // One per app: failed logins are counted in this process (see LoginThrottle).
        { provide: LoginThrottle, useFactory: () => new LoginThrottle() },
        AuthService,
        AccountsService,
        AgentProfilesService,
        SessionRevocations,
        SocketAuthenticator,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenService, AuthService, AccountsService, SessionRevocations, SocketAuthenticator],
    };
  }
}
