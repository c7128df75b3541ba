import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { AppError, httpStatusOf, type ErrorCode } from './app-error';
import { formatBytes, UPLOAD_ALTERNATIVE } from './body-limits';

interface ErrorBody {
  error: string;
  message: string;
  details?: unknown;
}

const codeForStatus: Record<number, ErrorCode> = {
  400: 'validation-failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'rate-limited',
  503: 'unavailable',
};

/** Renders every error as `{ error, message, details }`; unknown errors are logged and hidden from the client. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly log = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const res = host
      .switchToHttp()
      .getResponse<{ status(n: number): { json(b: unknown): void }; headersSent?: boolean }>();
    const [status, body] = this.render(exception);
    if (res.headersSent) return;
    res.status(status).json(body);
  }

  render(exception: unknown): [number, ErrorBody] {
    if (exception instanceof AppError) {
      const body: ErrorBody = { error: exception.code, message: exception.message };
      if (exception.details !== undefined) body.details = exception.details;
      return [httpStatusOf(exception.code), body];
    }
    // Nest wraps body-parser's errors (too large, malformed JSON) in an HttpException: render the original
    const cause = exception instanceof HttpException ? (exception.cause as { type?: unknown } | undefined) : undefined;
    if (cause && typeof cause === 'object' && typeof cause.type === 'string') return this.render(cause);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : String((response as { message?: unknown }).message ?? exception.message);
      return [status, { error: codeForStatus[status] ?? (status >= 500 ? 'internal' : 'bad-request'), message }];
    }
    // body-parser errors (malformed JSON, too large) carry a status but are not HttpExceptions
    const e = exception as { status?: number; type?: string; message?: string; limit?: number; length?: number };
    if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
      if (e.type === 'entity.parse.failed')
        return [
          400,
          {
            error: 'validation-failed',
            message: 'the request body is not valid JSON',
            details: [{ field: 'body', reason: e.message ?? 'malformed JSON' }],
          },
        ];
      if (e.type === 'entity.too.large' && typeof e.limit === 'number')
        return [
          413,
          {
            error: 'payload-too-large',
            message: `the JSON body is larger than this route's limit of ${formatBytes(e.limit)}; ${UPLOAD_ALTERNATIVE}`,
            details: [{ field: 'body', reason: `larger than ${formatBytes(e.limit)} (${e.limit} bytes)` }],
          },
        ];
      return [e.status, { error: codeForStatus[e.status] ?? 'bad-request', message: e.message ?? 'bad request' }];
    }
    this.log.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return [HttpStatus.INTERNAL_SERVER_ERROR, { error: 'internal', message: 'internal error' }];
  }
}
