import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { csvLine, neutraliseCell } from './aggregate';

/** A table to export: a header and rows arriving in batches (so a million rows never sit in memory at once). */
export interface ExportTable {
  name: string;
  columns: string[];
  batches: AsyncIterable<unknown[][]>;
  /**
   * The same rows already rendered as CSV lines (neutralised, quoted, CRLF; UTF-8 bytes, whole lines per chunk) by
   * the database, when the source can: the CSV writer then only moves bytes, which is what makes a million-row
   * export fast. Lazy: not started unless read.
   */
  csvText?: AsyncIterable<Buffer>;
}

export type CsvEncoding = 'utf-8' | 'gb18030';

export const CONTENT_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Writes and waits for the stream to drain when it asks to, so a slow reader slows the export, not memory. */
async function write(out: Writable, chunk: string | Buffer): Promise<void> {
  if (out.destroyed) throw new Error('export: the reader went away');
  if (out.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (): void => {
      out.off('drain', done);
      out.off('close', gone);
      resolve();
    };
    const gone = (): void => {
      out.off('drain', done);
      reject(new Error('export: the reader went away'));
    };
    out.once('drain', done);
    out.once('close', gone);
  });
}

/**
 * CSV: UTF-8 with a byte-order mark (Excel then reads the accents and Chinese right), or GB18030 for the users
 * whose Excel expects the Chinese code page; formula cells neutralised. Returns the rows written.
 */
export async function writeCsv(out: Writable, t: ExportTable, encoding: CsvEncoding = 'utf-8'): Promise<number> {
  const encode = (s: string): Buffer => (encoding === 'gb18030' ? iconv.encode(s, 'gb18030') : Buffer.from(s, 'utf8'));
  if (encoding === 'utf-8') await write(out, Buffer.from([0xef, 0xbb, 0xbf]));
  await write(out, encode(csvLine(t.columns)));
  let n = 0;
  if (t.csvText) {
    for await (const bytes of t.csvText) {
      // rows written, counted by line ends (as for the text lines before: a line break inside a quoted cell counts)
      for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
      await write(out, encoding === 'gb18030' ? iconv.encode(bytes.toString('utf8'), 'gb18030') : bytes);
    }
    return n;
  }
  for await (const batch of t.batches) {
    let text = '';
    for (const row of batch) text += csvLine(row);
    n += batch.length;
    await write(out, encode(text));
  }
  return n;
}

/** XLSX through exceljs's streaming writer: rows are committed as they come and not kept. Returns rows written. */
export async function writeXlsx(out: Writable, t: ExportTable): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet(t.name.slice(0, 31) || 'Sheet1');
  ws.addRow(t.columns).commit();
  let n = 0;
  for await (const batch of t.batches) {
    for (const row of batch) ws.addRow(row.map((c) => neutraliseCell(c))).commit();
    n += batch.length;
  }
  ws.commit();
  await wb.commit();
  return n;
}
