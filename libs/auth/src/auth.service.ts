import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, ROLES as ALL_ROLES, User, type Role } from '@app/database';
import { AppError } from '@app/common';
import { AUTH_OPTIONS, type AuthOptions } from './auth.options';
import { verifyPassword } from './password';
import { CENTRE_STAFF, type Principal } from './principal';
import { SessionRevocations } from './session-revocations';
import { TokenService } from './token.service';
import { LoginThrottle } from './login-throttle';

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: { id: string; email: string; displayName: string; role: string; departmentId: string };
}

export interface RefreshResult {
  accessToken: string;
  expiresIn: number;
}

/** A refresh token as it goes into the cookie (raw: only its hash is stored) and when it expires. */
export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
}

export const DEFAULT_REFRESH_TTL_SECONDS = 14 * 24 * 3600;

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

interface UserRow {
  id: string;
  email: string;
  role: Role;
  department_id: string;
  active: boolean;
  token_version: number;
  assigned: string[] | null;
}

/** Why a user's tokens are revoked; also the audit action's suffix. */
export type RevocationReason =
  | 'deactivated'
  | 'role-changed'
  | 'department-changed'
  | 'departments-changed'
  | 'password-changed'
  | 'logout'
  | 'refresh-token-reuse';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tokens: TokenService,
    private readonly revocations: SessionRevocations,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  private get refreshTtlSeconds(): number {
    return this.options.refreshTtlSeconds ?? DEFAULT_REFRESH_TTL_SECONDS;
  }

  /**
   * The principal behind an access token, read from the database: a token of a user who no longer exists, is
   * inactive, or whose token version moved on (revoked) is refused. Role and departments are the current ones.
   */
  async authenticate(token: string | undefined): Promise<Principal> {
    const claims = this.tokens.verify(token);
    const rows: UserRow[] = await this.ds.query(
      `SELECT u.id, u.email, u.role, u.department_id, u.active, u.token_version,
              (SELECT array_agg(ud.department_id::text) FROM user_departments ud WHERE ud.user_id = u.id) AS assigned
         FROM users u WHERE u.id = $1`,
      [claims.userId],
    );
    const u = rows[0];
    if (!u) throw new AppError('unauthenticated', 'the access token is not valid: the user no longer exists');
    if (!u.active) throw new AppError('unauthenticated', 'the account is deactivated');
    if (u.token_version !== claims.version)
      throw new AppError('unauthenticated', 'the access token was revoked: log in again');
    if (!(ALL_ROLES as readonly string[]).includes(u.role))
      throw new AppError('unauthenticated', 'the account has an unknown role');
    const staff = CENTRE_STAFF.includes(u.role);
    return {
      userId: u.id,
      email: u.email,
      role: u.role,
      departmentId: u.department_id,
      departmentIds: staff ? [...new Set([u.department_id, ...(u.assigned ?? [])])] : [u.department_id],
    };
  }

  /** `address`: the client's address, for the per-address throttle (see LoginThrottle). */
  async login(
    email: string,
    password: string,
    address = 'unknown',
  ): Promise<{ result: LoginResult; refresh: IssuedRefreshToken }> {
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
    const refresh = await this.newRefreshToken(this.ds.manager, user.id, randomUUID());
    return {
      result: {
        accessToken: this.accessToken(user),
        tokenType: 'Bearer',
        expiresIn: this.options.ttlSeconds,
        user: {
          id: user.id,
          email: user.email,
          displayName: user.displayName,
          role: user.role,
          departmentId: user.departmentId,
        },
      },
      refresh,
    };
  }

  /**
   * Rotates a refresh token: the presented one is used up and a new one of the same family is issued with a fresh
   * access token. A token presented a second time was stolen or replayed: the family is revoked and so are the
   * user's access tokens.
   */
  async refresh(raw: string | undefined): Promise<{ result: RefreshResult; refresh: IssuedRefreshToken }> {
    if (!raw) throw new AppError('unauthenticated', 'the refresh cookie is missing');
    const hash = sha256(raw);
    const outcome = await this.ds.transaction(async (m) => {
      const used: { id: string; user_id: string; family_id: string }[] = await m.query(
        `UPDATE refresh_tokens SET revoked_at = now()
          WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
          RETURNING id, user_id, family_id`,
        [hash],
      );
      const row = (Array.isArray(used[0]) ? used[0] : used) as typeof used;
      const current = row[0];
      if (!current) {
        const known: { user_id: string; family_id: string; replaced_by: string | null }[] = await m.query(
          `SELECT user_id, family_id, replaced_by FROM refresh_tokens WHERE token_hash = $1`,
          [hash],
        );
        const k = known[0];
        if (k?.replaced_by) {
          await m.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [
            k.family_id,
          ]);
          await this.bumpVersion(m, k.user_id, 'refresh-token-reuse');
          return { reused: k.user_id } as const;
        }
        return { invalid: true } as const;
      }
      const user = await m.findOne(User, { where: { id: current.user_id } });
      if (!user?.active) return { invalid: true } as const;
      const next = await this.newRefreshToken(m, user.id, current.family_id);
      await m.query(
        `UPDATE refresh_tokens SET replaced_by = (SELECT id FROM refresh_tokens WHERE token_hash = $2)
                      WHERE id = $1`,
        [current.id, sha256(next.token)],
      );
      return { user, next } as const;
    });
    if ('reused' in outcome && outcome.reused) {
      this.revocations.publish(outcome.reused, 'refresh-token-reuse');
      throw new AppError('unauthenticated', 'this refresh token was already used: the session is revoked');
    }
    if (!('next' in outcome) || !outcome.next || !outcome.user)
      throw new AppError('unauthenticated', 'the refresh token is not valid or has expired');
    return {
      result: { accessToken: this.accessToken(outcome.user), expiresIn: this.options.ttlSeconds },
      refresh: outcome.next,
    };
  }

  /**
   * Ends the user's access at once (every access token) and revokes the cookie's refresh family. The user is the
   * access token's, or else the refresh cookie's owner (so a browser whose access token expired can still log out).
   */
  async logout(accessToken: string | undefined, rawRefresh: string | undefined): Promise<void> {
    let userId: string | undefined;
    if (accessToken) userId = (await this.authenticate(accessToken)).userId;
    else if (rawRefresh) {
      const rows: { user_id: string }[] = await this.ds.query(
        `SELECT user_id FROM refresh_tokens WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()`,
        [sha256(rawRefresh)],
      );
      userId = rows[0]?.user_id;
    }
    if (!userId) throw new AppError('unauthenticated', 'an access token or a valid refresh cookie is required');
    const uid = userId;
    await this.ds.transaction(async (m) => {
      if (rawRefresh)
        await m.query(
          `UPDATE refresh_tokens SET revoked_at = now()
            WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1 AND user_id = $2)
              AND revoked_at IS NULL`,
          [sha256(rawRefresh), uid],
        );
      await this.bumpVersion(m, uid, 'logout');
    });
    this.revocations.publish(uid, 'logout');
  }

  /**
   * Revokes every access and refresh token of a user inside the caller's transaction. The caller publishes the
   * revocation (`publishRevocation`) after the commit, so a socket that reconnects at once meets the new version.
   */
  async revokeUser(m: EntityManager, userId: string, reason: RevocationReason): Promise<void> {
    await m.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
    await this.bumpVersion(m, userId, reason);
  }

  publishRevocation(userId: string, reason: RevocationReason): void {
    this.revocations.publish(userId, reason);
  }

  private async bumpVersion(m: EntityManager, userId: string, reason: RevocationReason): Promise<void> {
    await m.query(`UPDATE users SET token_version = token_version + 1, updated_at = now() WHERE id = $1`, [userId]);
    await this.audit.record(
      null,
      { action: `auth.revoke.${reason}`, entityType: 'user', entityId: userId, details: { reason } },
      m,
    );
  }

  private accessToken(user: User): string {
    return this.tokens.issue(
      { userId: user.id, email: user.email, role: user.role, departmentId: user.departmentId },
      user.tokenVersion,
    );
  }

  private async newRefreshToken(m: EntityManager, userId: string, familyId: string): Promise<IssuedRefreshToken> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.refreshTtlSeconds * 1000);
    await m.query(`INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [
      userId,
      familyId,
      sha256(token),
      expiresAt,
    ]);
    return { token, expiresAt };
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
