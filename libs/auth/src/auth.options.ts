export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');
export interface AuthOptions {
  secret: string;
  /** Access token lifetime (JWT_TTL_SECONDS). */
  ttlSeconds: number;
  /** Refresh token (cookie) lifetime (REFRESH_TTL_SECONDS); default 14 days. */
  refreshTtlSeconds?: number;
}
