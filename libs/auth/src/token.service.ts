import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ROLES as ALL_ROLES, type Role } from '@app/database';
import { AppError } from '@app/common';
import type { Principal } from './principal';

interface Claims {
  sub: string;
  email: string;
  role: Role;
  dep: string;
}

@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(p: Principal): string {
    const claims: Claims = { sub: p.userId, email: p.email, role: p.role, dep: p.departmentId };
    return this.jwt.sign(claims);
  }

  /** Throws `unauthenticated` for a missing, malformed, expired or forged token. */
  verify(token: string | undefined): Principal {
    if (!token) throw new AppError('unauthenticated', 'an access token is required');
    let c: Claims;
    try {
      c = this.jwt.verify<Claims>(token);
    } catch (e) {
      throw new AppError('unauthenticated', `the access token is not valid: ${(e as Error).message}`);
    }
    if (!c.sub || !c.dep || !(ALL_ROLES as readonly string[]).includes(c.role))
      throw new AppError('unauthenticated', 'the access token is not valid: missing claims');
    return { userId: c.sub, email: c.email, role: c.role, departmentId: c.dep };
  }

  /** `Authorization: Bearer <token>`; sockets also pass it in the handshake's `auth.token`. */
  static fromHeader(header: string | undefined): string | undefined {
    const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
    return m?.[1]?.trim();
  }
}
