import { describe, expect, it } from '@jest/globals';
import iconv from 'iconv-lite';
import { completeUtf8Length, decodeText, sniff, type DecodeInfo } from './encoding';

async function decode(
  buf: Buffer,
  chunkSize = 7,
  choice: { forced?: string; declared?: string } = {},
): Promise<{ text: string; info: DecodeInfo }> {
  const s = sniff(buf);
  if (s.kind !== 'text') throw new Error(`not text: ${s.kind}`);
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let i = 0; i < buf.length; i += chunkSize) yield buf.subarray(i, i + chunkSize);
  }
  const info: DecodeInfo = { encoding: 'utf-8', warnings: [] };
  let text = '';
  for await (const t of decodeText(chunks(), s, info, choice)) text += t;
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
        expect(info).toMatchObject({ encoding: 'utf-8', warnings: [] });
      }
    }
  });

  it('reads Latin text that is not UTF-8 as Windows-1252 with a warning', async () => {
    const src = 'name,phone\nJosé Müller,07400 123456\nœuvre “quoted”\n';
    const { text, info } = await decode(iconv.encode(src, 'windows-1252'));
    expect(text).toBe(src);
    expect(info.encoding).toBe('windows-1252');
    expect(info.warnings[0]).toMatch(/not UTF-8; it was read as Windows-1252/);
  });

  const chinese =
    'customer,姓名,电话\nC1,张三,13800138000\nC2,李四,13900139000\nC3,王小明,021 6234 5678\nC4,陈丽华,+86 10 8888 6666\n';
  const traditional =
    'customer,姓名,電話\nC1,張三,0912345678\nC2,李四,0922333444\nC3,王小明,02 2345 6789\nC4,陳麗華,0933111222\n';

  it('detects GBK (GB18030) and Big5 from the content, in small chunks', async () => {
    for (const size of [1, 3, 64]) {
      const gbk = await decode(iconv.encode(chinese, 'gbk'), size);
      expect(gbk.text).toBe(chinese);
      expect(gbk.info).toMatchObject({ encoding: 'gb18030', encodingSource: 'detected' });
      const big5 = await decode(iconv.encode(traditional, 'big5'), size);
      expect(big5.text).toBe(traditional);
      expect(big5.info.encoding).toBe('big5');
    }
  });

  it('honours a forced or declared encoding, and UTF-16 without a BOM', async () => {
    const forced = await decode(iconv.encode(chinese, 'gbk'), 7, { forced: 'gb18030' });
    expect(forced.info).toMatchObject({ encoding: 'gb18030', encodingSource: 'forced' });
    expect(forced.text).toBe(chinese);
    const declared = await decode(iconv.encode(traditional, 'big5'), 7, { declared: 'big5' });
    expect(declared.info).toMatchObject({ encoding: 'big5', encodingSource: 'declared' });
    for (const enc of ['utf-16le', 'utf-16be'] as const) {
      const { text, info } = await decode(iconv.encode(chinese, enc.replace('-', '')), 5);
      expect(text).toBe(chinese);
      expect(info.encoding).toBe(enc);
    }
  });

  it('switches losslessly when an ASCII start is followed by legacy text, and refuses mixed or unclear text', async () => {
    const ascii = 'phone,name\n' + '07400 100000,Ann\n'.repeat(5000);
    const late = Buffer.concat([Buffer.from(ascii), iconv.encode('07400 100001,张三丰\n07400 100002,李四光\n', 'gbk')]);
    const r = await decode(late, 4096);
    expect(r.text).toBe(ascii + '07400 100001,张三丰\n07400 100002,李四光\n');
    expect(r.info.encoding).toBe('gb18030');
    // Valid UTF-8 Chinese, then GBK bytes: two encodings in one file.
    const mixed = Buffer.concat([Buffer.from('phone,name\n1,张三\n'), iconv.encode('2,李四\n', 'gbk')]);
    await expect(decode(mixed, 4096)).rejects.toMatchObject({
      code: 'validation-failed',
      details: [{ field: 'encoding' }],
    });
    // Random high bytes: neither Chinese nor Latin.
    const noise = Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x81, 0x30, 0xfe, 0xfe, 0x82, 0x41, 0xff, 0xff, 0x0a]);
    await expect(decode(noise)).rejects.toMatchObject({ details: [{ field: 'encoding' }] });
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
    expect(sniff(Buffer.from('a,b\n1,2\n'))).toEqual({ kind: 'text', encoding: 'auto', bomLength: 0 });
  });

  it('cuts a chunk before an incomplete character', () => {
    const e = Buffer.from('aé'); // 61 c3 a9
    expect(completeUtf8Length(e.subarray(0, 2))).toBe(1);
    expect(completeUtf8Length(e)).toBe(3);
    const emoji = Buffer.from('😀'); // 4 bytes
    expect(completeUtf8Length(emoji.subarray(0, 3))).toBe(0);
  });
});
