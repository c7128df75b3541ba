/**
 * Domain errors carry a stable code; `httpStatusOf` maps each code to HTTP in one exhaustive switch, and the
 * exception filter renders `{ error, message, details }`. Socket gateways reuse the same codes.
 */
export type ErrorCode =
  | 'validation-failed'
  | 'unauthenticated'
  | 'invalid-credentials'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'illegal-transition'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'ari-unavailable'
  | 'unavailable'
  | 'rate-limited'
  | 'internal'
  /** Well-formed but refused by a rule (e.g. a transfer number outside the department's allowed destinations). */
  | 'unprocessable';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** For `rate-limited` (and `unavailable`): seconds the client should wait, sent as `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const notFound = (what: string, id?: string): AppError =>
  new AppError('not-found', id ? `${what} ${id} not found` : `${what} not found`);

/** One entry per invalid field: `field` is the path (e.g. `windows.weekdays[2].from`), `reason` says why. */
export interface FieldProblem {
  field: string;
  reason: string;
  /** The rule that failed (class-validator's name, e.g. `max`, `isEmail`), so a client can word it in its language. */
  rule?: string;
  /** The rule's limits, e.g. `[5]` for `max`, `[3, 200]` for `length`. */
  args?: (string | number)[];
}

export const invalid = (problems: FieldProblem[], message = 'some fields are invalid'): AppError =>
  new AppError('validation-failed', message, problems);

function assertUnreachable(x: never): never {
  throw new Error(`unhandled error code ${String(x)}`);
}

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'validation-failed':
      return 400;
    case 'unauthenticated':
    case 'invalid-credentials':
      return 401;
    case 'forbidden':
      return 403;
    case 'not-found':
      return 404;
    case 'conflict':
    case 'illegal-transition':
      return 409;
    case 'payload-too-large':
      return 413;
    case 'unsupported-media-type':
      return 415;
    case 'unprocessable':
      return 422;
    case 'rate-limited':
      return 429;
    case 'internal':
      return 500;
    case 'ari-unavailable':
    case 'unavailable':
      return 503;
    default:
      return assertUnreachable(code);
  }
}
