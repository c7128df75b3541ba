import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { AppError } from '@app/common';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What the first bytes of an upload say it is. */
export type Sniffed =
  { kind: 'text'; encoding: TextEncodingName; bomLength: number } | { kind: 'xlsx' } | { kind: 'binary'; what: string };

const MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old binary Excel (.xls) or Office file; save it as .xlsx or CSV'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable'],
  [[0x4d, 0x5a], 'an executable'],
];

const startsWith = (b: Buffer, sig: number[]): boolean => sig.every((x, i) => b[i] === x);

/** Looks at the first chunk: BOMs, zip (XLSX), well-known binary signatures, NUL and control bytes. */
export function sniff(first: Buffer): Sniffed {
  if (startsWith(first, [0xef, 0xbb, 0xbf])) return { kind: 'text', encoding: 'utf-8', bomLength: 3 };
  if (startsWith(first, [0xff, 0xfe])) return { kind: 'text', encoding: 'utf-16le', bomLength: 2 };
  if (startsWith(first, [0xfe, 0xff])) return { kind: 'text', encoding: 'utf-16be', bomLength: 2 };
  if (startsWith(first, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'xlsx' };
  for (const [sig, what] of MAGIC) if (startsWith(first, sig)) return { kind: 'binary', what };
  const head = first.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return { kind: 'binary', what: 'binary data (NUL bytes)' };
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) control++;
  }
  if (head.length && control / head.length > 0.05) return { kind: 'binary', what: 'binary data (control bytes)' };
  return { kind: 'text', encoding: 'utf-8', bomLength: 0 };
}

export const unsupportedBinary = (what: string): AppError =>
  new AppError('unsupported-media-type', `the file is not a CSV or XLSX: it looks like ${what}; nothing was imported`, [
    { field: 'file', reason: `looks like ${what}` },
  ]);

/** Length of the prefix of `b` that ends on a whole UTF-8 sequence (the rest waits for the next chunk). */
export function completeUtf8Length(b: Buffer): number {
  const len = b.length;
  for (let i = len - 1; i >= 0 && i >= len - 4; i--) {
    const c = b[i];
    if ((c & 0xc0) === 0x80) continue; // continuation byte
    const need = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return i + need > len ? i : len;
  }
  return len;
}

export interface DecodeInfo {
  encoding: TextEncodingName;
  warnings: string[];
}

/**
 * Turns the bytes of a text upload into text. UTF-8 is expected (BOM dropped); UTF-16 needs its BOM; a file that is
 * not valid UTF-8 is read as Windows-1252 (a superset of Latin-1, what Excel writes on Western Windows) from the first
 * invalid chunk on, with a warning in `info`, so the names keep their accents instead of becoming U+FFFD.
 */
export async function* decodeText(
  chunks: AsyncIterable<Buffer>,
  sniffed: Extract<Sniffed, { kind: 'text' }>,
  info: DecodeInfo,
): AsyncGenerator<string> {
  info.encoding = sniffed.encoding;
  let skip = sniffed.bomLength;
  const dropBom = (b: Buffer): Buffer => {
    if (!skip) return b;
    const n = Math.min(skip, b.length);
    skip -= n;
    return b.subarray(n);
  };
  if (sniffed.encoding === 'utf-16le' || sniffed.encoding === 'utf-16be') {
    const dec = iconv.getDecoder(sniffed.encoding === 'utf-16le' ? 'utf16le' : 'utf16be');
    for await (const chunk of chunks) {
      const s = dec.write(dropBom(chunk));
      if (s) yield s;
    }
    const rest = dec.end();
    if (rest) yield rest;
    return;
  }
  let carry: Buffer | undefined;
  let latin = false;
  let offset = 0;
  for await (const raw of chunks) {
    let chunk = dropBom(raw);
    if (latin) {
      yield iconv.decode(chunk, 'windows-1252');
      continue;
    }
    if (carry) {
      chunk = Buffer.concat([carry, chunk]);
      carry = undefined;
    }
    const cut = completeUtf8Length(chunk);
    const whole = chunk.subarray(0, cut);
    if (isUtf8(whole)) {
      if (cut < chunk.length) carry = Buffer.from(chunk.subarray(cut));
      offset += whole.length;
      yield whole.toString('utf8');
    } else {
      latin = true;
      info.encoding = 'windows-1252';
      info.warnings.push(
        `the file is not valid UTF-8 (from byte ${offset}); it was read as Windows-1252 (Latin-1). Save it as UTF-8 to be sure of accented letters`,
      );
      yield iconv.decode(chunk, 'windows-1252');
    }
  }
  if (carry) {
    // A file that ends in the middle of a sequence: not UTF-8 after all for those bytes.
    info.warnings.push('the file ends with an incomplete UTF-8 character; it was read as Windows-1252');
    yield iconv.decode(carry, 'windows-1252');
  }
}
