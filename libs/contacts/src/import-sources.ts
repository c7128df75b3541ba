import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '@app/common';
import { decodeText, sniff, unsupportedBinary, type DecodeInfo, type TextEncodingName } from './encoding';
import { DEFAULT_XLSX_LIMITS, inspectXlsx, spool, type XlsxLimits } from './xlsx-guard';

/** One row of an upload: its number as a person would count it (header = row 1), its cells, and its raw text. */
export interface SourceRow {
  row: number;
  values: string[];
  raw?: string;
}

/** A table read lazily: the header first, then the rows; `info` fills in as the file is read. */
export interface RowSource {
  headers: string[];
  rows: AsyncIterable<SourceRow>;
  format: 'csv' | 'xlsx' | 'json';
  info: DecodeInfo;
  /** Stops reading (removes a spooled file) when the rows will not be read to the end. */
  close(): Promise<void>;
  /** XLSX: the sheet read and the others. */
  sheet?: { name: string; index: number; of: string[] };
}

export interface OpenOptions {
  /** `?encoding=`: overrides detection (text files). */
  encoding?: TextEncodingName;
  /** The content type's `charset=` parameter. */
  declaredCharset?: TextEncodingName;
  /** `?sheet=`: a sheet name or 1-based index (XLSX). */
  sheet?: string | null;
  xlsxLimits?: XlsxLimits;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const tooLarge = (limit: number, what = 'the file'): AppError =>
  new AppError('payload-too-large', `${what} is larger than the import limit of ${limit} bytes`, [
    { field: 'file', reason: `larger than ${limit} bytes (IMPORT_MAX_BYTES)` },
  ]);

/**
 * Counts bytes as they pass and stops the import (413) the moment the limit is crossed. With a signal, each read races
 * against it: a client that went away ends the import at once, even while no byte is coming.
 */
export async function* limitBytes(
  source: AsyncIterable<Buffer | string>,
  limit: number,
  signal?: AbortSignal,
  what = 'the file',
): AsyncGenerator<Buffer> {
  let total = 0;
  const it = source[Symbol.asyncIterator]();
  let onAbort: (() => void) | undefined;
  const aborted = signal
    ? new Promise<never>((_, reject) => {
        onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      })
    : undefined;
  aborted?.catch(() => undefined);
  let finished = false;
  try {
    for (;;) {
      const n = aborted ? await Promise.race([it.next(), aborted]) : await it.next();
      if (n.done) {
        finished = true;
        return;
      }
      const b = typeof n.value === 'string' ? Buffer.from(n.value) : n.value;
      total += b.length;
      if (total > limit) throw tooLarge(limit, what);
      yield b;
    }
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    // Let the source release what it holds (a pending read is abandoned; its stream is destroyed by its owner).
    if (!finished) void Promise.resolve(it.return?.()).catch(() => undefined);
  }
}

/** Reads ahead until `min` bytes (or the end) so the sniffer sees a real first chunk; returns the head and the rest. */
async function peek(
  source: AsyncIterable<Buffer>,
  min: number,
): Promise<{ head: Buffer; all: AsyncGenerator<Buffer> }> {
  const it = source[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < min) {
    const n = await it.next();
    if (n.done) {
      done = true;
      break;
    }
    parts.push(n.value);
    size += n.value.length;
  }
  const head = Buffer.concat(parts);
  async function* all(): AsyncGenerator<Buffer> {
    if (head.length) yield head;
    if (done) return;
    for (;;) {
      const n = await it.next();
      if (n.done) return;
      yield n.value;
    }
  }
  return { head, all: all() };
}

/** The delimiter of the header line: the most frequent of , ; tab | outside quotes (comma when none). */
export function detectDelimiter(firstLine: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0, '|': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  let best = ',';
  for (const d of [';', '\t', '|']) if (counts[d] > counts[best]) best = d;
  return best;
}

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    const o = v as { result?: unknown; text?: unknown; richText?: { text: string }[]; error?: unknown };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return cellText(o.text);
    if ('result' in o) return cellText(o.result);
    if (o.error !== undefined) return '';
    return JSON.stringify(v);
  }
  return String(v);
};

async function* xlsxRows(path: string, sheetNumber: number, cleanup: () => Promise<void>): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell dates from numbers (a date cell is a number with a date format).
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      const id = Number((sheet as unknown as { id: string | number }).id);
      for await (const row of sheet) {
        if (id !== sheetNumber) continue; // another sheet: read through (the reader needs it drained)
        const raw = row.values as unknown[];
        const values: string[] = [];
        for (let i = 1; i < raw.length; i++) values.push(cellText(raw[i]).trim());
        yield { row: row.number, values };
      }
      if (id === sheetNumber) return;
    }
    throw new AppError('validation-failed', `the XLSX file could not be read: sheet ${sheetNumber} was not found`, [
      { field: 'file', reason: `the worksheet part xl/worksheets/sheet${sheetNumber}.xml could not be read` },
    ]);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('validation-failed', `the XLSX file could not be read: ${(e as Error).message}`, [
      { field: 'file', reason: 'not a readable XLSX workbook' },
    ]);
  } finally {
    await cleanup();
  }
}

async function* csvRows(text: AsyncIterable<string>): AsyncGenerator<SourceRow> {
  const it = text[Symbol.asyncIterator]();
  let first = '';
  const pending: string[] = [];
  // Enough text to see the header line (bounded: a file without line breaks must not be read whole).
  while (!first.includes('\n') && first.length < 64 * 1024) {
    const n = await it.next();
    if (n.done) break;
    pending.push(n.value);
    first += n.value;
  }
  const parser = parseCsv({
    delimiter: detectDelimiter(first.split(/\r?\n/)[0] ?? ''),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    raw: true,
    bom: true,
    // An unclosed quote would otherwise swallow the rest of the file into one record, in memory.
    max_record_size: 256 * 1024,
  });
  // Feed the parser from our decoded text, respecting its backpressure; errors surface through the iterator.
  const write = async (chunk: string): Promise<void> => {
    if (parser.write(chunk) || parser.destroyed) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        parser.off('drain', done);
        parser.off('close', done);
        resolve();
      };
      parser.on('drain', done);
      parser.on('close', done);
    });
  };
  void (async () => {
    for (const p of pending) await write(p);
    while (!parser.destroyed) {
      const n = await it.next();
      if (n.done) break;
      await write(n.value);
    }
    if (!parser.destroyed) parser.end();
  })().catch((e: unknown) => parser.destroy(e as Error));
  let row = 0;
  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      row++;
      yield { row, values: rec.record.map((v) => v.trim()), raw: rec.raw.replace(/^[\r\n]+|[\r\n]+$/g, '') };
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('validation-failed', `the CSV could not be read after row ${row}: ${(e as Error).message}`, [
      { field: 'file', reason: `CSV syntax error after row ${row}` },
    ]);
  } finally {
    // Stopped early (an error downstream): let the feeder see the parser is gone.
    if (!parser.destroyed) parser.destroy();
  }
}

/** Takes the first row as the header. An empty file has no header: that is a clear 400, not an empty list. */
async function withHeader(
  rows: AsyncGenerator<SourceRow>,
  format: RowSource['format'],
  info: DecodeInfo,
): Promise<RowSource> {
  let first: SourceRow | undefined;
  for (;;) {
    const n = await rows.next();
    if (n.done) break;
    if (n.value.values.some((v) => v !== '')) {
      first = n.value;
      break;
    }
  }
  if (!first)
    throw new AppError('validation-failed', 'the file is empty: no header row', [
      { field: 'file', reason: 'no header row' },
    ]);
  return {
    headers: first.values,
    format,
    info,
    rows: {
      [Symbol.asyncIterator]: () => rows,
    },
    close: async () => {
      await rows.return(undefined);
    },
  };
}

/**
 * Opens an uploaded file as rows: XLSX by content type or by its zip signature, otherwise text (CSV) with encoding
 * detection. Binary files are refused before a row is read. An XLSX is spooled to a temporary file and checked
 * (sizes, shared strings, cells: see xlsx-guard) before the spreadsheet reader sees a byte of it.
 */
export async function openUpload(
  bytes: AsyncIterable<Buffer>,
  contentType: string | undefined,
  o: OpenOptions = {},
): Promise<RowSource> {
  const { head, all } = await peek(bytes, 4096);
  const s = sniff(head);
  const info: DecodeInfo = { encoding: 'utf-8', warnings: [] };
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (s.kind === 'xlsx' || (type === XLSX_TYPE && s.kind !== 'binary')) {
    if (s.kind !== 'xlsx') throw unsupportedBinary('not an XLSX workbook (no zip signature)');
    const file = await spool(all);
    try {
      const plan = await inspectXlsx(file.path, o.xlsxLimits ?? DEFAULT_XLSX_LIMITS, o.sheet);
      info.warnings.push(...plan.warnings);
      const src = await withHeader(xlsxRows(file.path, plan.sheetNumber, file.cleanup), 'xlsx', info);
      src.sheet = {
        name: plan.chosen.name,
        index: plan.sheets.indexOf(plan.chosen) + 1,
        of: plan.sheets.map((x) => x.name),
      };
      return src;
    } catch (e) {
      await file.cleanup();
      throw e;
    }
  }
  if (s.kind === 'binary') throw unsupportedBinary(s.what);
  if (o.sheet) info.warnings.push('?sheet= applies to XLSX workbooks only; it was ignored for this CSV');
  return withHeader(
    csvRows(decodeText(all, s, info, { forced: o.encoding, declared: o.declaredCharset })),
    'csv',
    info,
  );
}

/** Rows handed over as JSON (objects keyed by header, or arrays under a first header row). */
export function jsonSource(rows: unknown[]): RowSource {
  const info: DecodeInfo = { encoding: 'utf-8', warnings: [] };
  const cell = (v: unknown): string =>
    v === null || v === undefined
      ? ''
      : Array.isArray(v)
        ? v.map(cell).join('; ')
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v).trim();
  if (rows.length && Array.isArray(rows[0])) {
    const [head, ...rest] = rows as unknown[][];
    return {
      headers: head.map(cell),
      format: 'json',
      info,
      close: async () => undefined,
      rows: (async function* () {
        for (let i = 0; i < rest.length; i++)
          yield { row: i + 2, values: Array.isArray(rest[i]) ? rest[i].map(cell) : [] };
      })(),
    };
  }
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const r of rows)
    if (r && typeof r === 'object')
      for (const k of Object.keys(r))
        if (!seen.has(k)) {
          seen.add(k);
          headers.push(k);
        }
  return {
    headers,
    format: 'json',
    info,
    close: async () => undefined,
    rows: (async function* () {
      for (let i = 0; i < rows.length; i++) {
        const r = (rows[i] && typeof rows[i] === 'object' ? rows[i] : {}) as Record<string, unknown>;
        // Row numbers count the header as row 1, as in a spreadsheet: rows[0] is row 2.
        yield { row: i + 2, values: headers.map((h) => cell(r[h])), raw: JSON.stringify(rows[i]) };
      }
    })(),
  };
}
