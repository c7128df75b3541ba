import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@app/database';
import type { Principal } from './principal';

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';

/** No token needed (login, health). Everything else is authenticated. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The roles allowed on a route. Every non-public route must say; a route that does not is refused (fail closed). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!req.principal) throw new Error('CurrentUser used on a public route');
  return req.principal;
});
