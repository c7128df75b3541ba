import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { AppError, httpStatusOf, type ErrorCode, type FieldProblem } from './app-error';
import { formatBytes, UPLOAD_ALTERNATIVE } from './body-limits';
import { fromDatabaseError } from './database-errors';

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

/** Nest turns body-parser's SyntaxError and Express's URIError (bad percent-encoding) into a bare 400. */
function detailsOf400(exception: HttpException, message: string): { message: string; details: FieldProblem[] } {
  const cause = exception.cause as { type?: string } | undefined;
  if (cause instanceof SyntaxError || cause?.type === 'entity.parse.failed')
    return { message: 'the request body is not valid JSON', details: [{ field: 'body', reason: message }] };
  if (cause instanceof URIError)
    return {
      message: 'the path is not valid percent-encoded UTF-8',
      details: [{ field: 'path', reason: 'not valid percent-encoded UTF-8' }],
    };
  return { message, details: [{ field: 'request', reason: message }] };
}

/** Renders every error as `{ error, message, details }`; unknown errors are logged and hidden from the client. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly log = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const res = host.switchToHttp().getResponse<{
      status(n: number): { json(b: unknown): void };
      setHeader(name: string, value: string): void;
      headersSent?: boolean;
    }>();
    const [status, body] = this.render(exception);
    if (res.headersSent) return;
    if (exception instanceof AppError && exception.retryAfterSeconds !== undefined)
      res.setHeader('Retry-After', String(exception.retryAfterSeconds));
    res.status(status).json(body);
  }

  render(exception: unknown): [number, ErrorBody] {
    const fromDb = fromDatabaseError(exception);
    if (fromDb) {
      this.log.warn(`database refused a request's value: ${fromDb.message} ${JSON.stringify(fromDb.details)}`);
      return this.render(fromDb);
    }
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
      const error = codeForStatus[status] ?? (status >= 500 ? 'internal' : 'bad-request');
      // Nest's own 400s (a body that is not JSON, a path segment that is not valid percent-encoding) carry no
      // details; every 400 of ours names the field and the reason.
      if (status === 400) return [status, { error, ...detailsOf400(exception, message) }];
      return [status, { error, message }];
    }
    // decodeURIComponent of something the client sent (a header such as x-file-name, a query value): the input is
    // not valid percent-encoded UTF-8. Routes should name the field themselves; this keeps it a 400 if one does not.
    if (exception instanceof URIError)
      return [
        400,
        {
          error: 'validation-failed',
          message: 'a value is not valid percent-encoded UTF-8',
          details: [{ field: 'request', reason: 'not valid percent-encoded UTF-8' }],
        },
      ];
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

/**
 * For socket.io gateways (`@UseFilters(new SocketAckExceptionFilter())`; Nest applies global pipes to gateways but
 * not global filters): a command refused before its handler ran, e.g. by the global RequestInputPipe (an id that
 * is not a UUID, NUL in a string, JSON nested too deep), answers through its ack like the gateways' own errors,
 * `{ ok: false, error, message, details }`. Without it the client got no ack, only an `exception` event saying
 * "Internal server error".
 */
@Catch()
export class SocketAckExceptionFilter implements ExceptionFilter {
  private readonly http = new HttpExceptionFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'ws') return;
    const [, body] = this.http.render(exception);
    const ack = host.getArgByIndex<unknown>(2);
    if (typeof ack === 'function') (ack as (a: unknown) => void)({ ok: false, ...body });
    else host.switchToWs().getClient<{ emit(event: string, payload: unknown): void }>().emit('exception', body);
  }
}
