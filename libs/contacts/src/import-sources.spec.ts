import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { AppError } from '@app/common';
import { detectDelimiter, jsonSource, limitBytes, openUpload, type SourceRow } from './import-sources';

async function* chunks(buf: Buffer, size = 5): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}
async function all(rows: AsyncIterable<SourceRow>): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

describe('import sources', () => {
  it('detects the delimiter from the header line', () => {
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a;b;"c,d"')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });

  it('reads CSV rows with spreadsheet row numbers and raw text', async () => {
    const src = await openUpload(chunks(Buffer.from('phone;name\n0740;"Ann; Lee"\n\n0741;Bo\n')), 'text/csv');
    expect(src.headers).toEqual(['phone', 'name']);
    expect(await all(src.rows)).toEqual([
      { row: 2, values: ['0740', 'Ann; Lee'], raw: '0740;"Ann; Lee"' },
      { row: 3, values: ['0741', 'Bo'], raw: '0741;Bo' },
    ]);
  });

  it('reads the first worksheet of an XLSX, whatever the content type says', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('A');
    ws.addRow(['phone', 'when']);
    ws.addRow(['07400 1', new Date('2026-01-02T00:00:00Z')]);
    const src = await openUpload(chunks(Buffer.from(await wb.xlsx.writeBuffer()), 4096), 'application/octet-stream');
    expect(src.format).toBe('xlsx');
    expect(await all(src.rows)).toEqual([{ row: 2, values: ['07400 1', '2026-01-02T00:00:00.000Z'] }]);
  });

  it('refuses binary data and an empty file', async () => {
    await expect(openUpload(chunks(Buffer.from([0, 1, 2, 3, 0, 0])), 'text/csv')).rejects.toMatchObject({
      code: 'unsupported-media-type',
    });
    await expect(
      openUpload(chunks(Buffer.from('a,b')), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    ).rejects.toMatchObject({
      code: 'unsupported-media-type',
    });
    await expect(openUpload(chunks(Buffer.alloc(0)), 'text/csv')).rejects.toMatchObject({ code: 'validation-failed' });
  });

  it('stops a stream at the byte limit', async () => {
    const it = limitBytes(chunks(Buffer.alloc(100), 10), 55);
    await expect(all(it as unknown as AsyncIterable<SourceRow>)).rejects.toBeInstanceOf(AppError);
  });

  it('turns JSON objects into rows under the union of their keys', async () => {
    const src = jsonSource([
      { phone: '1', tags: ['a', 'b'] },
      { phone: '2', extra: { x: 1 } },
    ]);
    expect(src.headers).toEqual(['phone', 'tags', 'extra']);
    expect((await all(src.rows)).map((r) => r.values)).toEqual([
      ['1', 'a; b', ''],
      ['2', '', '{"x":1}'],
    ]);
  });
});
