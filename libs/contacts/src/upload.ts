import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { AppError, invalid } from '@app/common';
import type { ColumnMapping } from './columns';

export interface MultipartFile {
  stream: Readable;
  fileName: string | null;
  mimeType: string | null;
  fields: Record<string, string>;
}

/**
 * Finds the `file` part of a multipart upload and hands over its stream unread (busboy applies backpressure to the
 * request, so nothing is buffered). Form fields must come before the file to be seen (e.g. `mapping`).
 */
export function multipartFile(req: IncomingMessage): Promise<MultipartFile> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fields: 20, fieldSize: 64 * 1024 } });
    } catch (e) {
      reject(invalid([{ field: 'content-type', reason: (e as Error).message }], 'malformed multipart request'));
      return;
    }
    const fields: Record<string, string> = {};
    let found = false;
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('file', (name, stream, info) => {
      if (name !== 'file' || found) {
        stream.resume();
        return;
      }
      found = true;
      resolve({ stream, fileName: info.filename ?? null, mimeType: info.mimeType ?? null, fields });
    });
    bb.on('error', (e) =>
      reject(invalid([{ field: 'file', reason: (e as Error).message }], 'malformed multipart request')),
    );
    bb.on('close', () => {
      if (!found)
        reject(
          invalid(
            [{ field: 'file', reason: 'missing: send the list as a multipart field named "file"' }],
            'no file in the upload',
          ),
        );
    });
    req.pipe(bb);
  });
}

/** `?mapping=` or a body/form field: JSON `{ "phone": "Tel", "firstName": "Vorname", ... }`. */
export function parseMapping(value: unknown): ColumnMapping | null {
  if (value === undefined || value === null || value === '') return null;
  let m: unknown = value;
  if (typeof value === 'string') {
    try {
      m = JSON.parse(value);
    } catch {
      throw invalid([{ field: 'mapping', reason: 'must be JSON, e.g. {"phone":"Tel"}' }]);
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
