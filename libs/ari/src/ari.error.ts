// Errors from the telephony port. `code` is stable (the app maps it to HTTP in one exhaustive switch);
// `status` is the HTTP status Asterisk answered with, or the one we stand for (503 unavailable, 504 timeout).

export const ARI_ERROR_CODES = [
  'ari-bad-request', // 400: missing/invalid parameter, unknown channel into a bridge
  'ari-auth-failed', // 401/403: wrong ARI user or password
  'ari-not-found', // 404: channel, bridge, playback or recording is gone
  'ari-conflict', // 409: e.g. channel not in Stasis, bridge in use
  'ari-unprocessable', // 422: e.g. endpoint not found when creating a channel
  'ari-not-implemented', // 501: the simulator does not model the operation
  'ari-server-error', // 500 and other 5xx
  'ari-endpoint-unreachable', // 500 `Allocation failed`: the endpoint is not configured, reachable or registered
  'ari-unavailable', // 503: Asterisk unreachable or the events socket is down
  'ari-timeout', // the operation's own deadline passed (queue wait + request)
] as const;

export type AriErrorCode = (typeof ARI_ERROR_CODES)[number];

export class AriError extends Error {
  override readonly name = 'AriError';

  constructor(
    readonly code: AriErrorCode,
    message?: string,
    readonly status: number = defaultStatus(code),
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? code);
  }
}

export function isAriError(e: unknown, code?: AriErrorCode): e is AriError {
  return e instanceof AriError && (code === undefined || e.code === code);
}

function defaultStatus(code: AriErrorCode): number {
  switch (code) {
    case 'ari-bad-request':
      return 400;
    case 'ari-auth-failed':
      return 401;
    case 'ari-not-found':
      return 404;
    case 'ari-conflict':
      return 409;
    case 'ari-unprocessable':
      return 422;
    case 'ari-not-implemented':
      return 501;
    case 'ari-server-error':
      return 500;
    case 'ari-unavailable':
    case 'ari-endpoint-unreachable':
      return 503;
    case 'ari-timeout':
      return 504;
  }
}

/** Maps an HTTP status from Asterisk to our error code. */
export function ariErrorCodeForStatus(status: number): AriErrorCode {
  if (status === 400) return 'ari-bad-request';
  if (status === 401 || status === 403) return 'ari-auth-failed';
  if (status === 404) return 'ari-not-found';
  if (status === 409) return 'ari-conflict';
  if (status === 422) return 'ari-unprocessable';
  if (status === 501) return 'ari-not-implemented';
  if (status === 503) return 'ari-unavailable';
  return 'ari-server-error';
}

/**
 * Asterisk answers 500 `{"error":"Allocation failed"}` when it cannot make a channel to an endpoint: one that is not
 * configured, a PJSIP contact it cannot reach (e.g. a carrier host that does not resolve) or a phone that is not
 * registered. Nothing is wrong with Asterisk itself, so this is not reported as a server error.
 */
export function isAllocationFailed(status: number, body: unknown): boolean {
  if (status !== 500 || typeof body !== 'object' || body === null) return false;
  const b = body as { error?: unknown; message?: unknown };
  return b.error === 'Allocation failed' || b.message === 'Allocation failed';
}

export const ENDPOINT_UNREACHABLE = 'endpoint not reachable or not registered';
