import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import iconv from 'iconv-lite';
import { xlsxBomb, xlsxOf, xlsxWithSheetXml } from '../../../bench/import/hostile';
import { aDepartment, aUser } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';

jest.setTimeout(120_000);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Sent {
  status: number;
  body: any;
}

/**
 * The hostile-file corpus: every file goes through the real upload route. Whatever it holds, the answer is a 2xx or a
 * 4xx naming the field (never a 5xx), the server keeps serving, and nothing is lost silently: each row read is either
 * imported or reported, and a refused import keeps nothing of itself.
 */
describe('import: hostile files', () => {
  let t: TestApp;
  let token: string;

  const newList = async (): Promise<string> =>
    (await api(t.url, 'POST', '/api/contact-lists', { token, body: { name: 'H', region: 'GB' } })).body.id as string;
  const send = async (
    listId: string,
    body: Buffer | string,
    headers: Record<string, string> = { 'content-type': 'text/csv' },
    query = '',
  ): Promise<Sent> => {
    const res = await fetch(`${t.url}/api/contact-lists/${listId}/import${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...headers },
      body: new Uint8Array(Buffer.from(body)),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const listOf = async (id: string): Promise<any> =>
    (await api(t.url, 'GET', `/api/contact-lists/${id}`, { token })).body;
  const contactsOf = async (id: string): Promise<any[]> =>
    (await api(t.url, 'GET', `/api/contact-lists/${id}/contacts?pageSize=1000`, { token })).body.items;
  const reportOf = async (listId: string, importId: string): Promise<any> =>
    (await api(t.url, 'GET', `/api/contact-lists/${listId}/imports/${importId}`, { token })).body;

  beforeAll(async () => {
    t = await startTestApp('dialer', { IMPORT_MAX_UNPACKED_BYTES: String(64 * 1024 * 1024) });
    const dep = await aDepartment(t.db.ds);
    token = t.tokenFor(await aUser(t.db.ds, 'planner', dep.id));
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A 2xx keeps every row accounted for; a 4xx names a field and leaves the list as it was. */
  const expectNoSilentLoss = async (listId: string, r: Sent, before = 0): Promise<void> => {
    expect(r.status).toBeLessThan(500);
    if (r.status === 200) {
      expect(r.body.accepted + r.body.rejected).toBe(r.body.rows);
    } else {
      expect(Array.isArray(r.body.details) && r.body.details.length > 0).toBe(true);
      expect(typeof r.body.details[0].field).toBe('string');
      expect((await listOf(listId)).acceptedCount).toBe(before);
    }
  };

  describe('decompression bombs', () => {
    it('refuses two 2 GB shared-strings bombs uploaded at once within 5 s, naming the limit, RSS bounded', async () => {
      const bomb = xlsxBomb(2200);
      const [a, b] = [await newList(), await newList()];
      const rss0 = process.memoryUsage().rss;
      let peak = rss0;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const t0 = Date.now();
      const [ra, rb] = await Promise.all([
        send(a, bomb, { 'content-type': XLSX }),
        send(b, bomb, { 'content-type': XLSX }),
      ]);
      const seconds = (Date.now() - t0) / 1000;
      clearInterval(timer);
      for (const r of [ra, rb]) {
        expect(r.status).toBe(413);
        expect(r.body.message).toMatch(/shared-strings part .* larger than the limit of 67108864/);
      }
      expect(seconds).toBeLessThan(5);
      expect((peak - rss0) / 1024 / 1024).toBeLessThan(200);
      await expectNoSilentLoss(a, ra);
      expect((await listOf(a)).status).toBe('ready');
    });

    it('stops a bomb whose headers lie about its size by counting what it inflates', async () => {
      const id = await newList();
      const r = await send(id, xlsxBomb(300, { lie: true }), { 'content-type': XLSX });
      expect(r.status).toBe(413);
      expect(r.body.details[0]).toMatchObject({ field: 'file' });
      expect(r.body.message).toMatch(/limit of 67108864/);
    });

    it('refuses a cell over 256 KB in a workbook (as one CSV record)', async () => {
      const id = await newList();
      const r = await send(
        id,
        xlsxOf([
          {
            name: 'S',
            rows: [
              ['phone', 'note'],
              ['07400 100001', 'x'.repeat(300 * 1024)],
            ],
          },
        ]),
        {
          'content-type': XLSX,
        },
      );
      expect(r.status).toBe(413);
      expect(r.body.message).toMatch(/one cell's text .* 262144/);
    });

    it('counts a gzip body by what it inflates to, and answers a broken gzip with 400 naming the header', async () => {
      const small = await startTestApp('dialer', { IMPORT_MAX_BYTES: '200000' });
      try {
        const dep = await aDepartment(small.db.ds);
        const tk = small.tokenFor(await aUser(small.db.ds, 'planner', dep.id));
        const id = (
          await api(small.url, 'POST', '/api/contact-lists', { token: tk, body: { name: 'G', region: 'GB' } })
        ).body.id as string;
        const post = async (body: Buffer): Promise<Sent> => {
          const res = await fetch(`${small.url}/api/contact-lists/${id}/import`, {
            method: 'POST',
            headers: { authorization: `Bearer ${tk}`, 'content-type': 'text/csv', 'content-encoding': 'gzip' },
            body: new Uint8Array(body),
          });
          return { status: res.status, body: await res.json() };
        };
        const ok = await post(gzipSync('phone\n07400 100001\n07400 100002\n'));
        expect(ok.status).toBe(200);
        expect(ok.body.accepted).toBe(2);
        const bomb = await post(gzipSync('phone\n' + '07400 100003\n'.repeat(100_000)));
        expect(bomb.status).toBe(413);
        expect(bomb.body.message).toMatch(/inflated body is larger than the import limit of 200000/);
        const broken = await post(Buffer.from('not gzip at all'));
        expect(broken.status).toBe(400);
        expect(broken.body.details[0].field).toBe('content-encoding');
      } finally {
        await small.close();
      }
    });
  });

  describe('encodings', () => {
    const zh = 'customer,姓名,电话\nC1,张三,+86 138 0013 8000\nC2,李四,+86 139 0013 9000\n';
    const names = async (id: string): Promise<string[]> => (await contactsOf(id)).map((c) => c.firstName).sort();

    it('detects GBK from the content, and honours charset=gbk in the content type', async () => {
      const detected = await newList();
      const r = await send(detected, iconv.encode(zh, 'gbk'));
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ encoding: 'gb18030', encodingSource: 'detected', accepted: 2 });
      expect(await names(detected)).toEqual(['张三', '李四']);
      const declared = await newList();
      const d = await send(declared, iconv.encode(zh, 'gbk'), { 'content-type': 'text/csv; charset=gbk' });
      expect(d.body).toMatchObject({ encoding: 'gb18030', encodingSource: 'declared' });
      expect(await names(declared)).toEqual(['张三', '李四']);
    });

    it('reads Big5, UTF-16 without a BOM, and a forced ?encoding=', async () => {
      const big5 = await newList();
      const tw = 'customer,姓名,電話\nC1,張三,+886 912 345 678\nC2,陳麗華,+886 922 333 444\n';
      expect((await send(big5, iconv.encode(tw, 'big5'))).body).toMatchObject({ encoding: 'big5', accepted: 2 });
      expect(await names(big5)).toEqual(['張三', '陳麗華']);
      const u16 = await newList();
      expect((await send(u16, iconv.encode(zh, 'utf16le'))).body).toMatchObject({ encoding: 'utf-16le', accepted: 2 });
      expect(await names(u16)).toEqual(['张三', '李四']);
      const forced = await newList();
      const f = await send(forced, iconv.encode(zh, 'gbk'), undefined, '?encoding=gbk');
      expect(f.body).toMatchObject({ encoding: 'gb18030', encodingSource: 'forced' });
      const unknown = await send(forced, zh, undefined, '?encoding=klingon');
      expect(unknown.status).toBe(400);
      expect(unknown.body.details[0].field).toBe('encoding');
    });

    it('refuses a file it cannot read with confidence instead of storing mojibake', async () => {
      const id = await newList();
      const mixed = Buffer.concat([
        Buffer.from('phone,name\n07400 100001,张三\n'),
        iconv.encode('07400 100002,李四\n', 'gbk'),
      ]);
      const r = await send(id, mixed);
      expect(r.status).toBe(400);
      expect(r.body.details[0].field).toBe('encoding');
      expect(r.body.message).toMatch(/\?encoding=/);
      await expectNoSilentLoss(id, r);
    });
  });

  describe('headers and cells', () => {
    it('recognises Chinese headers without a mapping and maps any Unicode header', async () => {
      const id = await newList();
      const r = await send(
        id,
        '客户编号,姓名,手机号,时区,邮箱\nK1,王小明,+86 138 0013 8001,Asia/Shanghai,w@example.cn\n',
      );
      expect(r.status).toBe(200);
      expect(r.body.columns).toMatchObject({
        phone: ['手机号'],
        name: '姓名',
        externalId: '客户编号',
        timeZone: '时区',
      });
      expect((await contactsOf(id))[0]).toMatchObject({ externalId: 'K1', fields: { email: 'w@example.cn' } });
      const mapped = await newList();
      const m = await send(
        mapped,
        '姓名,座机号\n赵六,+86 10 8888 6666\n',
        undefined,
        `?mapping=${encodeURIComponent('{"phone":"座机号"}')}`,
      );
      expect(m.status).toBe(200);
      expect(m.body.columns.phone).toEqual(['座机号']);
    });

    it('keeps ragged rows and reports their extra cells; a header-only file says it has no rows', async () => {
      const id = await newList();
      const r = await send(id, 'phone,name\n07400 100001,Ann,extra1,extra2\n07400 100002,Bo\n');
      expect(r.body).toMatchObject({ rows: 2, accepted: 2, raggedRows: 1 });
      expect(r.body.warnings.join(' ')).toMatch(/1 row\(s\) had more cells than the header/);
      const report = await reportOf(id, r.body.importId);
      expect(report.rejections).toEqual([
        { rowNumber: 2, field: 'row', reason: expect.stringMatching(/2 cell\(s\) beyond/), raw: 'extra1,extra2' },
      ]);
      const empty = await newList();
      const e = await send(empty, 'phone,name\n');
      expect(e.status).toBe(200);
      expect(e.body).toMatchObject({ rows: 0, accepted: 0 });
      expect(e.body.warnings).toContain('the file has a header row but no data rows: nothing was imported');
    });

    it('strips NUL characters and replaces lone surrogates in cells, and says so', async () => {
      const id = await newList();
      // NUL past the sniffed head (a NUL at the start means a binary file: refused).
      const csv = 'phone,note\n' + '07400 100001,ok\n'.repeat(1000) + '07400 100002,a\u0000b\n';
      const r = await send(id, csv);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ cleanedCells: 1, accepted: 1001 });
      expect((await contactsOf(id)).find((c) => c.fields.note === 'ab')).toBeDefined();
      const json = await newList();
      const j = await api(t.url, 'POST', `/api/contact-lists/${json}/import`, {
        token,
        body: { rows: [{ phone: '07400 100003', name: 'Lone \ud800 surrogate' }] },
      });
      expect(j.status).toBe(200);
      expect(j.body.cleanedCells).toBe(1);
      expect((await contactsOf(json))[0].firstName).toBe('Lone \ufffd');
    });

    it('answers a malformed percent-encoded x-file-name with 400 naming the header', async () => {
      const id = await newList();
      const r = await send(id, 'phone\n07400 100001\n', { 'content-type': 'text/csv', 'x-file-name': '%E0%A4%A' });
      expect(r.status).toBe(400);
      expect(r.body.details[0]).toMatchObject({ field: 'x-file-name' });
      const ok = await send(id, 'phone\n07400 100001\n', {
        'content-type': 'text/csv',
        'x-file-name': encodeURIComponent('名单.csv'),
      });
      expect(ok.status).toBe(200);
      expect((await listOf(id)).sourceFileName).toBe('名单.csv');
    });

    it('refuses truncated and damaged files whole, naming the file', async () => {
      const book = xlsxOf([{ name: 'S', rows: [['phone'], ['07400 100001'], ['07400 100002']] }]);
      const cases: [string, Buffer | string, Record<string, string>][] = [
        ['an XLSX cut in half', book.subarray(0, Math.floor(book.length / 2)), { 'content-type': XLSX }],
        ['an XLSX without its last byte', book.subarray(0, book.length - 1), { 'content-type': XLSX }],
        [
          'a workbook whose sheet XML is broken',
          xlsxWithSheetXml(
            '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>phone</t></is></c></row><row r="2"><c',
          ),
          { 'content-type': XLSX },
        ],
        ['a zip that is not a workbook', xlsxOf([]).subarray(0, 200), { 'content-type': XLSX }],
        [
          'a CSV cell of 300 KB',
          `phone,note\n07400 100001,${'y'.repeat(300 * 1024)}\n`,
          { 'content-type': 'text/csv' },
        ],
        ['an unclosed quote', 'phone,note\n07400 100001,"open\n07400 100002,x\n', { 'content-type': 'text/csv' }],
        [
          'a UTF-16 file with a lone surrogate',
          Buffer.concat([
            Buffer.from([0xff, 0xfe]),
            Buffer.from('phone,n\n07400 100001,a', 'utf16le'),
            Buffer.from([0x00, 0xd8]),
            Buffer.from('\n', 'utf16le'),
          ]),
          { 'content-type': 'text/csv' },
        ],
      ];
      for (const [what, body, headers] of cases) {
        const id = await newList();
        const r = await send(id, body, headers);
        expect({ what, status: r.status < 500 }).toEqual({ what, status: true });
        await expectNoSilentLoss(id, r);
        if (r.status === 200) expect(r.body.cleanedCells + r.body.accepted).toBeGreaterThan(0);
      }
    });

    it('stores formula cells as text', async () => {
      const id = await newList();
      const r = await send(id, "phone,note\n07400 100001,=cmd|' /C calc'!A0\n");
      expect(r.status).toBe(200);
      expect((await contactsOf(id))[0].fields.note).toBe("=cmd|' /C calc'!A0");
    });
  });

  describe('workbooks with several sheets', () => {
    const book = xlsxOf([
      { name: 'Notes', rows: [['nothing'], ['here']] },
      {
        name: '客户',
        rows: [
          ['电话', '姓名'],
          ['+86 138 0013 8000', '张三'],
        ],
      },
    ]);

    it('imports the first sheet with a warning naming the others, or the one chosen with ?sheet=', async () => {
      const first = await newList();
      const r = await send(first, book, { 'content-type': XLSX });
      expect(r.status).toBe(400); // the first sheet has no phone column: refused, and the warning tells why
      expect(r.body.message).toMatch(
        /no phone column.*in sheet "Notes"; the workbook also has 客户: choose one with \?sheet=/,
      );
      const byName = await newList();
      const n = await send(byName, book, { 'content-type': XLSX }, `?sheet=${encodeURIComponent('客户')}`);
      expect(n.status).toBe(200);
      expect(n.body).toMatchObject({ accepted: 1, sheet: { name: '客户', index: 2, of: ['Notes', '客户'] } });
      const byIndex = await newList();
      expect((await send(byIndex, book, { 'content-type': XLSX }, '?sheet=2')).body.accepted).toBe(1);
      const missing = await send(byIndex, book, { 'content-type': XLSX }, '?sheet=Nope');
      expect(missing.status).toBe(400);
      expect(missing.body.details[0]).toMatchObject({
        field: 'sheet',
        reason: expect.stringMatching(/1: Notes, 2: 客户/),
      });
      const two = xlsxOf([
        { name: 'A', rows: [['phone'], ['07400 100001']] },
        { name: 'B', rows: [['phone'], ['07400 100002']] },
      ]);
      const w = await send(await newList(), two, { 'content-type': XLSX });
      expect(w.body.warnings.join(' ')).toMatch(/has 2 sheets \(A, B\); only the first, "A", was imported/);
    });
  });

  it('still serves after the whole corpus', async () => {
    expect((await api(t.url, 'GET', '/health')).status).toBe(200);
  });
});
