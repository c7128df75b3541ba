import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '@app/common';

/** The browser app's refresh token: httpOnly (scripts never see it), SameSite=Strict, sent only to /api/auth. */
export const REFRESH_COOKIE = 'dialer_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';
/** CSRF guard of `POST /api/auth/refresh`: a cross-site form cannot set a custom header. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'dialer-web';

export type HttpRequest = IncomingMessage & { secure?: boolean };

/** Secure when the request came over https (Express's `req.secure`, which honours `trust proxy`). */
function attributes(req: HttpRequest): string {
  return `Path=${REFRESH_COOKIE_PATH}; HttpOnly; SameSite=Strict${req.secure ? '; Secure' : ''}`;
}

export function setRefreshCookie(req: HttpRequest, res: ServerResponse, token: string, expiresAt: Date): void {
  const maxAge = Math.max(0, Math.round((expiresAt.getTime() - Date.now()) / 1000));
  res.setHeader(
    'Set-Cookie',
    `${REFRESH_COOKIE}=${token}; ${attributes(req)}; Max-Age=${maxAge}; Expires=${expiresAt.toUTCString()}`,
  );
}

export function clearRefreshCookie(req: HttpRequest, res: ServerResponse): void {
  res.setHeader(
    'Set-Cookie',
    `${REFRESH_COOKIE}=; ${attributes(req)}; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT`,
  );
}

/** The refresh cookie's value, or undefined. */
export function readRefreshCookie(req: HttpRequest): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === REFRESH_COOKIE) return part.slice(i + 1).trim() || undefined;
  }
  return undefined;
}

export function requireCsrfHeader(req: HttpRequest): void {
  if (req.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE)
    throw new AppError('forbidden', `the header ${CSRF_HEADER}: ${CSRF_HEADER_VALUE} is required`, [
      { field: CSRF_HEADER, reason: `must be ${CSRF_HEADER_VALUE}` },
    ]);
}
