import { describe, expect, it } from '@jest/globals';
import iconv from 'iconv-lite';
import { completeUtf8Length, decodeText, sniff, type DecodeInfo } from './encoding';

async function decode(buf: Buffer, chunkSize = 7): Promise<{ text: string; info: DecodeInfo }> {
  const s = sniff(buf);
  if (s.kind !== 'text') throw new Error(`not text: ${s.kind}`);
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let i = 0; i < buf.length; i += chunkSize) yield buf.subarray(i, i + chunkSize);
  }
  const info: DecodeInfo = { encoding: 'utf-8', warnings: [] };
  let text = '';
  for await (const t of decodeText(chunks(), s, info)) text += t;
  return { text, info };
}

describe('encoding detection', () => {
  it('reads UTF-8, dropping a BOM, across chunk boundaries inside characters', async () => {
    const src = 'name,phone\nJosé Müller,07400 123456\n€ ✓ 😀\n';
    for (const bom of [false, true]) {
      const buf = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(src)]);
      for (const size of [1, 2, 3, 5, 64]) {
        const { text, info } = await decode(buf, size);
        expect(text).toBe(src);
        expect(info).toEqual({ encoding: 'utf-8', warnings: [] });
      }
    }
  });

  it('reads invalid UTF-8 as Windows-1252 with a warning', async () => {
    const src = 'name,phone\nJosé Müller,07400 123456\nœuvre “quoted”\n';
    const { text, info } = await decode(iconv.encode(src, 'windows-1252'));
    expect(text).toBe(src);
    expect(info.encoding).toBe('windows-1252');
    expect(info.warnings[0]).toMatch(/not valid UTF-8/);
  });

  it('reads UTF-16 LE and BE with a BOM', async () => {
    const src = 'name,phone\nJosé,07400 123456\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(src, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(src, 'utf16be')]);
    expect((await decode(le)).text).toBe(src);
    expect((await decode(be)).text).toBe(src);
    expect((await decode(be)).info.encoding).toBe('utf-16be');
  });

  it('tells binary files and XLSX from text', () => {
    expect(sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]))).toEqual({ kind: 'xlsx' });
    expect(sniff(Buffer.from('%PDF-1.7\n'))).toMatchObject({ kind: 'binary', what: 'a PDF document' });
    expect(sniff(Buffer.from([0x41, 0x00, 0x42, 0x43]))).toMatchObject({ kind: 'binary' });
    expect(sniff(Buffer.from('a,b\n1,2\n'))).toEqual({ kind: 'text', encoding: 'utf-8', bomLength: 0 });
  });

  it('cuts a chunk before an incomplete character', () => {
    const e = Buffer.from('aé'); // 61 c3 a9
    expect(completeUtf8Length(e.subarray(0, 2))).toBe(1);
    expect(completeUtf8Length(e)).toBe(3);
    const emoji = Buffer.from('😀'); // 4 bytes
    expect(completeUtf8Length(emoji.subarray(0, 3))).toBe(0);
  });
});
