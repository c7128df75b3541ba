import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createInflateRaw } from 'node:zlib';
import { AppError, invalid } from '@app/common';

/** What one XLSX import may unpack. A zip's compressed size says nothing about what it holds. */
export interface XlsxLimits {
  /** Every part of the workbook, inflated, in bytes (IMPORT_MAX_UNPACKED_BYTES). */
  maxUnpackedBytes: number;
  /** The shared-strings part, inflated (it is held in memory while the sheet is read). */
  maxSharedStringsBytes: number;
  /** Entries of the shared-strings table. */
  maxSharedStrings: number;
  /** One cell's text: the same 256 KB as one CSV record. */
  maxCellBytes: number;
  /** Files in the archive. */
  maxEntries: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxUnpackedBytes: 512 * 1024 * 1024,
  maxSharedStringsBytes: 64 * 1024 * 1024,
  maxSharedStrings: 2_000_000,
  maxCellBytes: 256 * 1024,
  maxEntries: 10_000,
};

export interface XlsxSheet {
  name: string;
  /** The part that holds it, e.g. xl/worksheets/sheet1.xml. */
  part: string;
}

export interface XlsxPlan {
  sheets: XlsxSheet[];
  chosen: XlsxSheet;
  /** The N of xl/worksheets/sheetN.xml: how the streaming reader names the sheet. */
  sheetNumber: number;
  warnings: string[];
  unpackedBytes: number;
}

const tooBig = (what: string, limit: number, setting: string): AppError =>
  new AppError(
    'payload-too-large',
    `the workbook is refused: ${what} is larger than the limit of ${limit} (${setting}); nothing was imported`,
    [{ field: 'file', reason: `${what} exceeds ${limit} (${setting})` }],
  );

const notXlsx = (reason: string): AppError =>
  new AppError('validation-failed', `the XLSX file could not be read: ${reason}; nothing was imported`, [
    { field: 'file', reason: `not a readable XLSX workbook: ${reason}` },
  ]);

const SPOOL_PREFIX = 'dialer-import-';

/** Removes spool folders a crashed process left behind (older than `olderThanMs`, so no running import's). */
export async function removeStaleSpools(olderThanMs = 6 * 3600_000): Promise<number> {
  let removed = 0;
  for (const name of await readdir(tmpdir()).catch(() => [] as string[])) {
    if (!name.startsWith(SPOOL_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    const st = await stat(dir).catch(() => undefined);
    if (st && Date.now() - st.mtimeMs > olderThanMs) {
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      removed++;
    }
  }
  return removed;
}

/** A temporary folder for one upload, removed by `cleanup`. */
export async function spool(
  bytes: AsyncIterable<Buffer>,
): Promise<{ path: string; size: number; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), SPOOL_PREFIX));
  const path = join(dir, 'upload.xlsx');
  const cleanup = (): Promise<void> => rm(dir, { recursive: true, force: true });
  const out = createWriteStream(path);
  let error: unknown;
  out.on('error', (e) => (error ??= e));
  let size = 0;
  try {
    for await (const c of bytes) {
      if (error) throw error;
      size += c.length;
      if (!out.write(c)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    if (error) throw error;
  } catch (e) {
    out.destroy();
    await cleanup();
    throw e;
  }
  return { path, size, cleanup };
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const u16 = (b: Buffer, o: number): number => b.readUInt16LE(o);
const u32 = (b: Buffer, o: number): number => b.readUInt32LE(o);

/** Reads the central directory; refuses ZIP64, multi-disk and archives with too many entries. */
async function centralDirectory(path: string, limits: XlsxLimits): Promise<{ entries: Entry[]; cdOffset: number }> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const tailLen = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--)
      if (u32(tail, i) === 0x06054b50) {
        eocd = i;
        break;
      }
    if (eocd < 0) throw notXlsx('no zip central directory (the file is cut or not a zip)');
    const count = u16(tail, eocd + 10);
    const cdSize = u32(tail, eocd + 12);
    const cdOffset = u32(tail, eocd + 16);
    if (u16(tail, eocd + 4) !== 0 || u16(tail, eocd + 6) !== 0) throw notXlsx('multi-part zip archives are not read');
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
      throw notXlsx('ZIP64 archives are not read (a contact list never needs one)');
    if (count > limits.maxEntries)
      throw tooBig(`the number of files in the archive (${count})`, limits.maxEntries, 'entries');
    if (cdOffset + cdSize > size - tailLen + eocd) throw notXlsx('the central directory points outside the file');
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    const entries: Entry[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || u32(cd, p) !== 0x02014b50) throw notXlsx('a broken central directory');
      const nameLen = u16(cd, p + 28);
      const e: Entry = {
        flags: u16(cd, p + 8),
        method: u16(cd, p + 10),
        compressedSize: u32(cd, p + 20),
        size: u32(cd, p + 24),
        offset: u32(cd, p + 42),
        name: cd.toString('utf8', p + 46, p + 46 + nameLen),
      };
      entries.push(e);
      p += 46 + nameLen + u16(cd, p + 30) + u16(cd, p + 32);
    }
    // The streaming reader walks the local headers, not this directory: the two must describe the same bytes, with
    // nothing hidden between entries.
    const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
    let at = 0;
    for (const e of byOffset) {
      if (e.offset !== at) throw notXlsx('unexpected bytes between the zip entries');
      const lh = Buffer.alloc(30);
      await fh.read(lh, 0, 30, e.offset);
      if (u32(lh, 0) !== 0x04034b50) throw notXlsx(`no local header for ${e.name}`);
      const nameLen = u16(lh, 26);
      const nameBuf = Buffer.alloc(nameLen);
      await fh.read(nameBuf, 0, nameLen, e.offset + 30);
      if (nameBuf.toString('utf8') !== e.name) throw notXlsx(`the local header of ${e.name} names another file`);
      if (e.method !== 0 && e.method !== 8) throw notXlsx(`${e.name} uses an unsupported compression method`);
      at = e.offset + 30 + nameLen + u16(lh, 28) + e.compressedSize;
      if (e.flags & 0x08) {
        const dd = Buffer.alloc(4);
        await fh.read(dd, 0, 4, at);
        at += u32(dd, 0) === 0x08074b50 ? 16 : 12;
      }
      (e as Entry & { dataStart: number }).dataStart = e.offset + 30 + nameLen + u16(lh, 28);
    }
    if (at !== cdOffset) throw notXlsx('unexpected bytes before the central directory');
    return { entries, cdOffset };
  } finally {
    await fh.close();
  }
}

/** Inflates one entry, counting bytes and calling `onChunk`; stops (throws) as soon as `budget` says so. */
async function inflateEntry(
  path: string,
  e: Entry & { dataStart?: number },
  onChunk: (c: Buffer) => void,
): Promise<number> {
  if (!e.compressedSize) return 0;
  const raw = createReadStream(path, { start: e.dataStart, end: e.dataStart! + e.compressedSize - 1 });
  const source = e.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  let broken: unknown;
  raw.on('error', (x: Error) => (broken ??= x));
  source.on('error', (x: Error) => (broken ??= x));
  let n = 0;
  try {
    for await (const c of source) {
      n += (c as Buffer).length;
      onChunk(c as Buffer);
    }
  } catch (x) {
    if (x instanceof AppError) throw x;
    throw notXlsx(`${e.name} is damaged (${((broken ?? x) as Error).message})`);
  } finally {
    raw.destroy();
    if (source !== raw) source.destroy();
  }
  return n;
}

/** Longest run of bytes without '<' (an XML text node) and the count of a tag, across chunk boundaries. */
class XmlScan {
  longestText = 0;
  tags = 0;
  private run = 0;
  private tail = '';
  constructor(private readonly tag?: string) {}
  push(c: Buffer): void {
    let i = 0;
    for (;;) {
      const lt = c.indexOf(0x3c, i);
      if (lt < 0) {
        this.run += c.length - i;
        break;
      }
      this.run += lt - i;
      if (this.run > this.longestText) this.longestText = this.run;
      this.run = 0;
      i = lt + 1;
    }
    if (this.run > this.longestText) this.longestText = this.run;
    if (this.tag) {
      const text = this.tail + c.toString('latin1');
      for (let at = text.indexOf(this.tag); at >= 0; at = text.indexOf(this.tag, at + 1)) {
        const next = text[at + this.tag.length];
        if (next === '>' || next === ' ' || next === '/') this.tags++;
        else if (next === undefined) this.tags--; // counted again with the next chunk
      }
      this.tail = text.slice(-this.tag.length);
    }
  }
}

const attr = (tag: string, name: string): string | undefined => {
  const m =
    new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag) ?? new RegExp(`\\s${name}\\s*=\\s*'([^']*)'`).exec(tag);
  return m ? xmlUnescape(m[1]) : undefined;
};
const xmlUnescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');

/** The sheets in workbook order, with the part each is stored in. */
function sheetsOf(workbookXml: string, relsXml: string): XlsxSheet[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const sheets: XlsxSheet[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name') ?? `Sheet${sheets.length + 1}`;
    const rid = attr(m[0], '(?:\\w+:)?id');
    const part = rid ? targets.get(rid) : undefined;
    if (part) sheets.push({ name, part });
  }
  return sheets;
}

/**
 * Checks a spooled XLSX before any parser sees it: the central directory's declared sizes, then every part inflated
 * for real with a running count (a bomb stops within the limit, whatever its headers claim), the shared-strings table's
 * size and entry count, and the longest text of any cell. Chooses the sheet to import (`sheet`: a name or a 1-based
 * index; default the first) and warns about the others.
 */
export async function inspectXlsx(path: string, limits: XlsxLimits, sheet?: string | null): Promise<XlsxPlan> {
  const { entries } = await centralDirectory(path, limits);
  let declared = 0;
  for (const e of entries) declared += e.size;
  const ss = entries.find((e) => e.name === 'xl/sharedStrings.xml');
  if (ss && ss.size > limits.maxSharedStringsBytes)
    throw tooBig(
      `the shared-strings part (${ss.size} bytes unpacked)`,
      limits.maxSharedStringsBytes,
      'bytes of shared strings',
    );
  if (declared > limits.maxUnpackedBytes)
    throw tooBig(`its unpacked size (${declared} bytes)`, limits.maxUnpackedBytes, 'IMPORT_MAX_UNPACKED_BYTES bytes');
  let total = 0;
  let workbookXml = '';
  let relsXml = '';
  for (const e of entries) {
    const isShared = e === ss;
    const isXml = /\.(xml|rels)$/i.test(e.name);
    const keep = e.name === 'xl/workbook.xml' || e.name === 'xl/_rels/workbook.xml.rels';
    const scan = isXml ? new XmlScan(isShared ? '<si' : undefined) : undefined;
    let own = 0;
    const parts: Buffer[] = [];
    await inflateEntry(path, e, (c) => {
      own += c.length;
      total += c.length;
      if (total > limits.maxUnpackedBytes)
        throw tooBig('its unpacked size', limits.maxUnpackedBytes, 'IMPORT_MAX_UNPACKED_BYTES bytes');
      if (isShared && own > limits.maxSharedStringsBytes)
        throw tooBig('the shared-strings part', limits.maxSharedStringsBytes, 'bytes of shared strings');
      if (keep) {
        if (own > 4 * 1024 * 1024) throw tooBig(e.name, 4 * 1024 * 1024, 'bytes');
        parts.push(c);
      }
      if (scan) {
        scan.push(c);
        if (scan.longestText > limits.maxCellBytes)
          throw tooBig(`one cell's text (in ${e.name})`, limits.maxCellBytes, 'bytes per cell, as for one CSV record');
        if (scan.tags > limits.maxSharedStrings)
          throw tooBig('the number of shared strings', limits.maxSharedStrings, 'entries');
      }
    });
    // Checked after the limits: a part that lies about its size is refused either way, a big liar by the limits.
    if (own !== e.size) throw notXlsx(`${e.name} unpacks to ${own} bytes, not the ${e.size} its header declares`);
    if (e.name === 'xl/workbook.xml') workbookXml = Buffer.concat(parts).toString('utf8');
    if (e.name === 'xl/_rels/workbook.xml.rels') relsXml = Buffer.concat(parts).toString('utf8');
  }
  const sheets = sheetsOf(workbookXml, relsXml);
  if (!sheets.length) throw notXlsx('the workbook lists no worksheet');
  const warnings: string[] = [];
  let chosen = sheets[0];
  if (sheet !== undefined && sheet !== null && sheet !== '') {
    const byIndex = /^\d+$/.test(sheet) ? sheets[Number(sheet) - 1] : undefined;
    const found =
      byIndex ??
      sheets.find((s) => s.name === sheet) ??
      sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
    if (!found)
      throw invalid(
        [
          {
            field: 'sheet',
            reason: `no sheet "${sheet.slice(0, 100)}"; the workbook has ${sheets.map((s, i) => `${i + 1}: ${s.name}`).join(', ')}`,
          },
        ],
        'no such sheet in the workbook',
      );
    chosen = found;
  } else if (sheets.length > 1)
    warnings.push(
      `the workbook has ${sheets.length} sheets (${sheets.map((s) => s.name).join(', ')}); only the first, "${chosen.name}", ` +
        `was imported. Choose another with ?sheet=<name> or ?sheet=<number>`,
    );
  const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(chosen.part);
  if (!m) throw notXlsx(`the sheet "${chosen.name}" is stored as ${chosen.part}, which the reader does not read`);
  if (!entries.some((e) => e.name === chosen.part))
    throw notXlsx(`the sheet "${chosen.name}" is missing from the archive`);
  return { sheets, chosen, sheetNumber: Number(m[1]), warnings, unpackedBytes: total };
}
