import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, User } from '@app/database';
import { AppError } from '@app/common';
import { verifyPassword } from './password';
import { TokenService } from './token.service';
import { LoginThrottle } from './login-throttle';
import type { Principal } from './principal';

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: { id: string; email: string; displayName: string; role: string; departmentId: string };
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  /** `address`: the client's address, for the per-address throttle (see LoginThrottle). */
  async login(email: string, password: string, ttlSeconds: number, address = 'unknown'): Promise<LoginResult> {
    this.throttle.assertAllowed(email, address);
    const user = await this.ds.getRepository(User).findOne({ where: { email: email.trim().toLowerCase() } });
    // Same error and similar time whether the user exists or not.
    const ok = await verifyPassword(password, user?.passwordHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAA');
    if (!user || !ok || !user.active) {
      await this.loginFailed(email, address, user, !user ? 'unknown-email' : !ok ? 'wrong-password' : 'inactive');
      throw new AppError('invalid-credentials', 'wrong email or password');
    }
    this.throttle.succeeded(email);
    await this.ds.getRepository(User).update(user.id, { lastLoginAt: new Date() });
    const principal: Principal = {
      userId: user.id,
      email: user.email,
      role: user.role,
      departmentId: user.departmentId,
    };
    return {
      accessToken: this.tokens.issue(principal),
      tokenType: 'Bearer',
      expiresIn: ttlSeconds,
      user: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        role: user.role,
        departmentId: user.departmentId,
      },
    };
  }

  /** Counts the failure for the throttle and audits it (with the lock it starts, if any). */
  private async loginFailed(email: string, address: string, user: User | null, reason: string): Promise<void> {
    const lockMs = this.throttle.failed(email, address);
    await this.audit.record(user ? { userId: user.id, role: user.role, departmentId: user.departmentId } : null, {
      action: 'auth.login-failed',
      entityType: 'user',
      entityId: user?.id ?? 'unknown',
      departmentId: user?.departmentId ?? null,
      details: {
        email: LoginThrottle.accountKey(email).slice(0, 254),
        address,
        reason,
        ...(lockMs > 0 ? { lockedForSeconds: Math.ceil(lockMs / 1000) } : {}),
      },
    });
  }
}
