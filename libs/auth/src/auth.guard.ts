import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@app/database';
import { AppError } from '@app/common';
import { IS_PUBLIC, ROLES } from './decorators';
import type { Principal } from './principal';
import { TokenService } from './token.service';
import { AccountCheck } from './account-check';

/** Global guard: authenticates every HTTP route unless @Public, then checks @Roles (a route without them is refused). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly accounts: AccountCheck,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true; // socket gateways authenticate in handleConnection
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const principal = this.tokens.verify(TokenService.fromHeader(req.headers.authorization));
    await this.accounts.assertUsable(principal);
    req.principal = principal;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (!roles) throw new AppError('forbidden', 'this route declares no roles');
    if (!roles.includes(principal.role))
      throw new AppError('forbidden', `role ${principal.role} may not do this`, { allowedRoles: roles });
    return true;
  }
}
