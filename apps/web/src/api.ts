// The browser's session: the access token lives in memory only (never in localStorage); the refresh token is an
// httpOnly SameSite=Strict cookie the server sets on /api/auth, traded for a new access token with a CSRF header.
import type { LoginResult, Principal } from '@app/auth';

export type SessionUser = LoginResult['user'] & { departmentName?: string };

export interface ApiError {
  status: number;
  error: string;
  message: string;
  /** One per refused field; `rule` and `args` let the page word the reason in its language (see errors.ts). */
  details?: { field: string; reason: string; rule?: string; args?: (string | number)[] }[];
}

let accessToken: string | null = null;
let refreshing: Promise<string | null> | null = null;
const listeners = new Set<(token: string | null) => void>();

export const currentToken = (): string | null => accessToken;
export function onTokenChange(fn: (token: string | null) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
function setToken(t: string | null): void {
  accessToken = t;
  for (const l of listeners) l(t);
}

/** Called when the session is over (signed out here, or refused by the server): the app shows the sign-in page. */
const endListeners = new Set<() => void>();
export function onSessionEnd(fn: () => void): () => void {
  endListeners.add(fn);
  return () => endListeners.delete(fn);
}
export function endSession(): void {
  setToken(null);
  rememberUser(null);
  for (const l of endListeners) l();
}

const CSRF = { 'x-requested-with': 'dialer-web' };

async function parse(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toError(status: number, body: unknown): ApiError {
  const b = (body ?? {}) as Partial<ApiError>;
  return { status, error: b.error ?? 'http-' + status, message: b.message ?? String(status), details: b.details };
}

/** Trades the refresh cookie for a new access token; null when there is no session. One at a time. */
export function refresh(): Promise<string | null> {
  refreshing ??= (async () => {
    try {
      const res = await fetch('/api/auth/refresh', { method: 'POST', headers: CSRF, credentials: 'same-origin' });
      if (!res.ok) {
        setToken(null);
        return null;
      }
      const body = (await res.json()) as { accessToken: string };
      setToken(body.accessToken);
      return body.accessToken;
    } catch {
      return null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** A request to the API with the access token; one refresh and retry on a 401. Answers the raw response. */
async function send(method: string, path: string, body?: BodyInit, contentType?: string): Promise<Response> {
  const once = (token: string | null): Promise<Response> =>
    fetch('/api' + path, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(contentType ? { 'content-type': contentType } : {}),
      },
      body,
    });
  let res = await once(accessToken);
  if (res.status === 401 && !path.startsWith('/auth/')) {
    const t = await refresh();
    if (t) res = await once(t);
  }
  return res;
}

/** JSON request to the API with the access token; one refresh and retry on a 401. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await send(
    method,
    path,
    body !== undefined ? JSON.stringify(body) : undefined,
    body !== undefined ? 'application/json' : undefined,
  );
  const parsed = await parse(res);
  if (!res.ok) throw toError(res.status, parsed);
  return parsed as T;
}

/**
 * Sends a file or form as it is (multipart when `body` is a FormData: the browser sets the boundary; otherwise the
 * given content type, e.g. `text/csv` for a raw upload) and reads the JSON answer.
 */
export async function apiUpload<T>(path: string, body: FormData | Blob, contentType?: string): Promise<T> {
  const res = await send('POST', path, body, body instanceof FormData ? undefined : (contentType ?? body.type));
  const parsed = await parse(res);
  if (!res.ok) throw toError(res.status, parsed);
  return parsed as T;
}

/** Downloads a file the API answers (an export, an archive) and hands it to the browser as a download. */
export async function apiDownload(path: string, fallbackName = 'download'): Promise<void> {
  const res = await send('GET', path);
  if (!res.ok) throw toError(res.status, await parse(res));
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = star ? decodeURIComponent(star[1]) : (plain?.[1] ?? fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const USER_KEY = 'dialer.user';

/** The user's name and department: not a secret; kept per tab so a reload shows them without another login. */
function rememberUser(u: SessionUser | null): void {
  if (u) sessionStorage.setItem(USER_KEY, JSON.stringify(u));
  else sessionStorage.removeItem(USER_KEY);
}

async function withDepartment(u: SessionUser): Promise<SessionUser> {
  try {
    const d = await api<{ name: string }>('GET', `/departments/${u.departmentId}`);
    return { ...u, departmentName: d.name };
  } catch {
    return u;
  }
}

export async function login(email: string, password: string): Promise<SessionUser> {
  const res = await fetch('/api/auth/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = await parse(res);
  if (!res.ok) throw toError(res.status, body);
  const r = body as LoginResult;
  setToken(r.accessToken);
  const u = await withDepartment(r.user);
  rememberUser(u);
  return u;
}

/** On page load: a refresh restores the session from the cookie, `me` says who it is. */
export async function restore(): Promise<SessionUser | null> {
  const t = await refresh();
  if (!t) {
    rememberUser(null);
    return null;
  }
  const me = await api<Principal>('GET', '/auth/me');
  const saved = sessionStorage.getItem(USER_KEY);
  const known = saved ? (JSON.parse(saved) as SessionUser) : null;
  if (known && known.id === me.userId && known.role === me.role && known.departmentId === me.departmentId) return known;
  const u = await withDepartment({
    id: me.userId,
    email: me.email,
    displayName: me.email,
    role: me.role,
    departmentId: me.departmentId,
  });
  rememberUser(u);
  return u;
}

export async function logout(): Promise<void> {
  try {
    await api<void>('POST', '/auth/logout');
  } finally {
    endSession();
  }
}
