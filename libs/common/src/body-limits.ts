import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { Reflector } from '@nestjs/core';
import { AppError } from './app-error';

/** JSON bodies of ordinary routes (Nest's own parser). */
export const DEFAULT_JSON_LIMIT_BYTES = 100 * 1024;
/** Inline list rows: `@ArrayMaxSize(INLINE_ROWS_MAX)` rows at about 500 bytes each. Bigger lists are uploaded. */
export const INLINE_ROWS_MAX = 20_000;
export const INLINE_ROWS_JSON_LIMIT_BYTES = 10 * 1024 * 1024;

export const formatBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${+(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.round(n / 1024)} kB`;

/** What a too-large JSON body is told instead. */
export const UPLOAD_ALTERNATIVE = `contact lists go as a file to POST /api/contact-lists/{id}/import (multipart/form-data with a "file" field, or a text/csv or XLSX body) and are then named by contactListId; inline JSON rows are accepted up to ${formatBytes(INLINE_ROWS_JSON_LIMIT_BYTES)} by POST /api/contact-lists/{id}/import, and up to ${INLINE_ROWS_MAX.toLocaleString('en')} rows and ${formatBytes(INLINE_ROWS_JSON_LIMIT_BYTES)} by POST /api/briefs and PATCH /api/briefs/{id}`;

/**
 * Routes whose JSON body may carry inline rows, with their larger limit. Matched on the raw URL before Nest routes
 * the request, because the body must be read before the handler is known. Each route here also carries
 * `@JsonBodyLimit(...)` so the document shows the same number (a test checks both agree).
 */
export const LARGE_JSON_ROUTES: { method: string; path: RegExp; limit: number }[] = [
  { method: 'POST', path: /^\/api\/briefs\/?$/, limit: INLINE_ROWS_JSON_LIMIT_BYTES },
  { method: 'PATCH', path: /^\/api\/briefs\/[^/]+\/?$/, limit: INLINE_ROWS_JSON_LIMIT_BYTES },
  { method: 'POST', path: /^\/api\/contact-lists\/[^/]+\/import\/?$/, limit: INLINE_ROWS_JSON_LIMIT_BYTES },
];

export const JSON_BODY_LIMIT = 'http:jsonBodyLimit';
/** The document's extension that states an operation's JSON body limit in bytes. */
export const JSON_BODY_LIMIT_EXTENSION = 'x-json-body-limit';
/**
 * Documents the JSON limit of a route listed in LARGE_JSON_ROUTES (the document test checks that both agree);
 * every other route with a body is documented with DEFAULT_JSON_LIMIT_BYTES.
 */
export const JsonBodyLimit = (bytes: number): MethodDecorator =>
  applyDecorators(SetMetadata(JSON_BODY_LIMIT, bytes), ApiExtension(JSON_BODY_LIMIT_EXTENSION, bytes));

const isJson = (type: string): boolean => type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
const mediaType = (req: IncomingMessage): string =>
  (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
const hasBody = (req: IncomingMessage): boolean =>
  req.headers['transfer-encoding'] !== undefined ||
  (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

/** A body-parser-shaped error, so the exception filter renders it like Nest's own parser errors. */
const parserError = (status: number, type: string, message: string, extra: object = {}): Error =>
  Object.assign(new Error(message), { status, statusCode: status, type, expose: true, ...extra });

/**
 * Express middleware for LARGE_JSON_ROUTES: reads and parses the JSON body with the route's limit, counting bytes
 * as they arrive (a chunked body has no content-length), then marks it parsed so Nest's 100 kB parser skips it.
 */
export function largeJsonBodies(
  req: IncomingMessage & { body?: unknown; _body?: boolean },
  _res: ServerResponse,
  next: (e?: unknown) => void,
): void {
  const route = LARGE_JSON_ROUTES.find((r) => r.method === req.method && r.path.test((req.url ?? '').split('?')[0]));
  if (!route || req._body || !isJson(mediaType(req)) || !hasBody(req)) return next();
  const limit = route.limit;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit)
    return next(parserError(413, 'entity.too.large', 'request entity too large', { limit, length: declared }));
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  const finish = (e?: unknown): void => {
    if (done) return;
    done = true;
    req.off('data', onData);
    next(e);
  };
  const onData = (c: Buffer): void => {
    size += c.length;
    if (size > limit) {
      req.pause();
      finish(parserError(413, 'entity.too.large', 'request entity too large', { limit, length: size }));
      return;
    }
    chunks.push(c);
  };
  req.on('data', onData);
  req.once('error', (e) => finish(parserError(400, 'request.aborted', e.message)));
  // a client that goes away before the end: no 'end' will come
  req.once('close', () => {
    if (!req.complete) finish(parserError(400, 'request.aborted', 'the request ended before its body'));
  });
  req.once('end', () => {
    if (done) return;
    const text = Buffer.concat(chunks).toString('utf8');
    try {
      req.body = text.trim() ? JSON.parse(text) : {};
      req._body = true;
      finish();
    } catch (e) {
      finish(parserError(400, 'entity.parse.failed', (e as Error).message));
    }
  });
}

export const CONSUMES = 'swagger/apiConsumes';

/**
 * Routes take JSON unless they declare other media types with `@ApiConsumes(...)` (the import route): a body of
 * another type (text/plain, a form) answers 415 naming what was sent and what is expected, instead of being
 * ignored and reported as missing fields.
 */
@Injectable()
export class JsonContentTypeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(ctx: ExecutionContext, next: CallHandler) {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<IncomingMessage>();
    const consumes = this.reflector.getAllAndOverride<string[] | undefined>(CONSUMES, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    const type = mediaType(req);
    if (!consumes?.length && hasBody(req) && !isJson(type))
      throw new AppError(
        'unsupported-media-type',
        `the request body is ${type || 'of no declared type'}; this route takes application/json`,
        [{ field: 'content-type', reason: `expected application/json, got ${type || 'none'}` }],
      );
    return next.handle();
  }
}
