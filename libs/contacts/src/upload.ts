import type { IncomingMessage } from 'node:http';
import { once } from 'node:events';
import { createGunzip, createInflate, type Gunzip, type Inflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { AppError, invalid } from '@app/common';
import type { ColumnMapping } from './columns';

export interface MultipartFile {
  /** The file part's bytes; a broken or cut form, or a client that went away, surfaces here as an AppError. */
  stream: AsyncIterable<Buffer>;
  fileName: string | null;
  mimeType: string | null;
  fields: Record<string, string>;
}

/** The client went away before the whole body arrived: the import ends at once (nobody can read the answer). */
export const clientGone = (): AppError =>
  new AppError('validation-failed', 'the upload was aborted by the client before the end of the body', [
    { field: 'file', reason: 'the connection closed before the whole body arrived' },
  ]);

const multipartReason = (message: string): string =>
  /unexpected end of (form|file)/i.test(message)
    ? 'the multipart body ended before its closing boundary (truncated upload)'
    : /malformed part header/i.test(message)
      ? 'the multipart body ended inside a part header (truncated or malformed upload)'
      : message;

const badForm = (e: unknown): AppError =>
  e instanceof AppError
    ? e
    : invalid(
        [{ field: 'file', reason: multipartReason(e instanceof Error ? e.message : String(e)) }],
        'malformed multipart request',
      );

/**
 * An AbortSignal that fires when the request ends before its body did (the client disconnected, the socket broke).
 * Everything that reads the body races against it, so an import ends at once instead of waiting for bytes that will
 * never come.
 */
export function requestAbortSignal(req: IncomingMessage): AbortSignal {
  const ac = new AbortController();
  const check = (): void => {
    if (!req.complete && !ac.signal.aborted) ac.abort(clientGone());
  };
  req.once('aborted', check);
  req.once('close', check);
  // The client may be gone before this handler runs (the guard reads the database first): 'aborted' and 'close'
  // have then been emitted already, so look at the request's state now as well.
  if (req.destroyed || req.readableAborted || req.socket?.destroyed) check();
  // A request stream that errors (ECONNRESET, a parser error) must never be an unhandled 'error' event.
  req.on('error', () => check());
  return ac.signal;
}

/**
 * Finds the `file` part of a multipart upload and hands over its bytes unread (busboy applies backpressure to the
 * request, so nothing is buffered). Form fields must come before the file to be seen (e.g. `mapping`). Every stream
 * involved (the request, busboy, the file part) has an 'error' listener for its whole life: a cut or malformed form
 * becomes a 400 for this request, never an unhandled 'error' event for the process.
 */
export function multipartFile(req: IncomingMessage, signal?: AbortSignal): Promise<MultipartFile> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fields: 20, fieldSize: 64 * 1024 } });
    } catch (e) {
      reject(invalid([{ field: 'content-type', reason: (e as Error).message }], 'malformed multipart request'));
      return;
    }
    const fields: Record<string, string> = {};
    let file: Readable | undefined;
    let failure: AppError | undefined;
    const fail = (e: unknown): void => {
      failure ??= badForm(e);
      if (file && !file.destroyed) file.destroy(failure);
      reject(failure);
    };
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('file', (name, stream, info) => {
      stream.on('error', (e) => fail(e));
      if (name !== 'file' || file) {
        stream.resume();
        return;
      }
      file = stream;
      resolve({
        stream: fileBytes(stream, () => failure),
        fileName: info.filename ?? null,
        mimeType: info.mimeType ?? null,
        fields,
      });
    });
    bb.on('error', fail);
    bb.on('close', () => {
      if (!file)
        reject(
          invalid(
            [{ field: 'file', reason: 'missing: send the list as a multipart field named "file"' }],
            'no file in the upload',
          ),
        );
    });
    const abort = (): void => {
      const e = signal?.reason instanceof AppError ? signal.reason : clientGone();
      fail(e);
      bb.destroy(e);
    };
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
    req.pipe(bb);
  });
}

/** The file part's chunks; its error (already listened to) is rethrown as the form's AppError. */
async function* fileBytes(stream: Readable, failure: () => AppError | undefined): AsyncGenerator<Buffer> {
  try {
    for await (const c of stream) yield c as Buffer;
  } catch (e) {
    throw failure() ?? badForm(e);
  }
  const f = failure();
  if (f) throw f;
}

/**
 * A request body sent with `content-encoding: gzip` or `deflate`, inflated as it streams (the import's byte limit
 * counts the inflated bytes, so a compressed bomb stops at the limit). A body that is not valid gzip is a 400 naming
 * the header; an encoding we do not read is a 415.
 */
export async function* contentDecoded(
  body: AsyncIterable<Buffer | string>,
  encoding: string | undefined,
): AsyncGenerator<Buffer> {
  const enc = (encoding ?? '').trim().toLowerCase();
  if (!enc || enc === 'identity') {
    for await (const c of body) yield typeof c === 'string' ? Buffer.from(c) : c;
    return;
  }
  let z: Gunzip | Inflate;
  if (enc === 'gzip' || enc === 'x-gzip') z = createGunzip();
  else if (enc === 'deflate') z = createInflate();
  else
    throw new AppError('unsupported-media-type', `content-encoding "${enc.slice(0, 40)}" is not supported`, [
      { field: 'content-encoding', reason: 'use gzip, deflate or none' },
    ]);
  let broken: unknown;
  z.on('error', (e) => (broken ??= e));
  const feed = (async () => {
    for await (const c of body) {
      if (z.destroyed) return;
      if (!z.write(c)) await once(z, 'drain');
    }
    z.end();
  })().catch((e: unknown) => {
    broken ??= e;
    z.destroy(e instanceof Error ? e : new Error(String(e)));
  });
  try {
    for await (const c of z) yield c as Buffer;
  } catch (e) {
    const cause = broken ?? e;
    if (cause instanceof AppError) throw cause;
    throw invalid(
      [{ field: 'content-encoding', reason: `the body is not valid ${enc}: ${(cause as Error).message}` }],
      `the body is not valid ${enc}`,
    );
  } finally {
    if (!z.destroyed) z.destroy();
    await feed;
  }
  if (broken instanceof AppError) throw broken;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Lone UTF-16 surrogates (not text; PostgreSQL refuses them in jsonb) become U+FFFD. */
export const wellFormed = (s: string): string => s.replace(LONE_SURROGATE, '\uFFFD');
export const hasLoneSurrogate = (s: string): boolean => {
  LONE_SURROGATE.lastIndex = 0;
  return LONE_SURROGATE.test(s);
};

/** `x-file-name`: percent-encoded UTF-8 (browsers cannot send raw non-ASCII headers). */
export function fileNameHeader(value: string | string[] | undefined): string | null {
  if (typeof value !== 'string' || !value) return null;
  let name: string;
  try {
    name = decodeURIComponent(value);
  } catch {
    throw invalid(
      [{ field: 'x-file-name', reason: 'malformed percent-encoding; send the name as encodeURIComponent(name)' }],
      'the x-file-name header is not valid percent-encoded UTF-8',
    );
  }
  // Control characters and lone surrogates have no place in a file name shown back to people.
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return wellFormed(name.replace(/[\u0000-\u001f\u007f]/g, ''));
}

/** `?mapping=` or a body/form field: JSON `{ "phone": "Tel", "firstName": "Vorname", ... }`. */
export function parseMapping(value: unknown): ColumnMapping | null {
  if (value === undefined || value === null || value === '') return null;
  let m: unknown = value;
  if (typeof value === 'string') {
    try {
      m = JSON.parse(value);
    } catch {
      throw invalid([{ field: 'mapping', reason: 'must be JSON, e.g. {"phone":"Tel"} or {"phone":"电话"}' }]);
    }
  }
  if (!m || typeof m !== 'object' || Array.isArray(m))
    throw invalid([{ field: 'mapping', reason: 'must be an object of target → column header' }]);
  for (const [k, v] of Object.entries(m))
    if (!(typeof v === 'string' || (k === 'phone' && Array.isArray(v) && v.every((x) => typeof x === 'string'))))
      throw invalid([{ field: `mapping.${k}`, reason: 'must be a column header (phone: one or a list)' }]);
  return m as ColumnMapping;
}

export const badJsonRows = (): AppError =>
  invalid([{ field: 'rows', reason: 'must be an array of objects (or of arrays, header first)' }]);
