import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { User } from '@app/database';
import { AppError } from '@app/common';
import { verifyPassword } from './password';
import { TokenService } from './token.service';
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
  ) {}

  async login(email: string, password: string, ttlSeconds: number): Promise<LoginResult> {
    const user = await this.ds.getRepository(User).findOne({ where: { email: email.trim().toLowerCase() } });
    // Same error and similar time whether the user exists or not.
    const ok = await verifyPassword(password, user?.passwordHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAA');
    if (!user || !ok || !user.active) throw new AppError('invalid-credentials', 'wrong email or password');
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
}
