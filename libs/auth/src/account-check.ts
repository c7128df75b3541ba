import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { User } from '@app/database';
import { AppError } from '@app/common';
import type { Principal } from './principal';

/**
 * A validly signed token is not enough: the account behind it must still exist and be active. Without this a token
 * of a deleted user reached the services and failed there on a foreign key (500) instead of answering 401.
 */
@Injectable()
export class AccountCheck {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async assertUsable(p: Principal): Promise<void> {
    const u = await this.ds
      .getRepository(User)
      .findOne({ where: { id: p.userId }, select: { id: true, active: true } });
    if (!u) throw new AppError('unauthenticated', 'the account of this access token no longer exists');
    if (!u.active) throw new AppError('unauthenticated', 'the account of this access token is deactivated');
  }
}
