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
  /** The user's token version when the token was issued; a token of an older version is revoked. */
  ver?: number;
}

/** What a valid signature vouches for; AuthService.authenticate checks it against the database. */
export interface TokenClaims {
  userId: string;
  version: number;
}

@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(p: Principal, tokenVersion = 0): string {
    const claims: Claims = { sub: p.userId, email: p.email, role: p.role, dep: p.departmentId, ver: tokenVersion };
    return this.jwt.sign(claims);
  }

  /** Throws `unauthenticated` for a missing, malformed, expired or forged token. Does not check revocation. */
  verify(token: string | undefined): TokenClaims {
    if (!token) throw new AppError('unauthenticated', 'an access token is required');
    let c: Claims;
    try {
      c = this.jwt.verify<Claims>(token);
    } catch (e) {
      throw new AppError('unauthenticated', `the access token is not valid: ${(e as Error).message}`);
    }
    if (!c.sub || !c.dep || !(ALL_ROLES as readonly string[]).includes(c.role))
      throw new AppError('unauthenticated', 'the access token is not valid: missing claims');
    return { userId: c.sub, version: typeof c.ver === 'number' ? c.ver : 0 };
  }

  /** `Authorization: Bearer <token>`; sockets also pass it in the handshake's `auth.token`. */
  static fromHeader(header: string | undefined): string | undefined {
    const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
    return m?.[1]?.trim();
  }
}
