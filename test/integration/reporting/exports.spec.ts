import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pollUntil } from '@app/common';
import { csvLine, ExportsService } from '@app/reporting';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Campaign, User } from '@app/database';
import { aDepartment, aUser } from '../../support/builders';
import { aCampaign, someContacts } from '../../support/campaign-builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { aBriefRow, anAttempt, useScript } from './reporting-builders';

const download = async (t: TestApp, path: string, token: string) => {
  const res = await fetch(t.url + path, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
};

describe('reporting: exports', () => {
  let t: TestApp;
  let requester: User;
  let planner: User;
  let briefId: string;
  let c: Campaign;
  let otherCampaign: Campaign;

  beforeAll(async () => {
    t = await startTestApp('reporting');
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const dep2 = await aDepartment(ds);
    requester = await aUser(ds, 'requester', dep.id);
    planner = await aUser(ds, 'planner', dep.id);
    c = await aCampaign(ds, { departmentId: dep.id, state: 'completed' });
    otherCampaign = await aCampaign(ds, { departmentId: dep2.id, state: 'completed' });
    await useScript(ds, c, requester.id, {
      sections: [
        { id: 's', questions: [{ id: 'colour', type: 'multiple', text: 'Colours', options: ['red', 'blue'] }] },
      ],
    });
    const [a, b, z] = await someContacts(ds, c, [
      { firstName: '=HYPERLINK("http://evil.example","click")' },
      { firstName: '张伟' },
      { firstName: 'Plain' },
    ]);
    const brief = await aBriefRow(ds, {
      departmentId: dep.id,
      createdById: requester.id,
      contactListId: c.contactListId,
      deadline: new Date('2030-01-01T00:00:00Z'),
    });
    briefId = brief.id;
    await ds.query(`UPDATE campaigns SET brief_id = $2 WHERE id = $1`, [c.id, brief.id]);
    await anAttempt(ds, c, {
      contactId: a.contactId,
      calledNumber: a.numbers[0],
      at: '2026-05-01T10:00:00Z',
      outcome: 'answered-human',
      disposition: ['SALE', 'success'],
      answers: { colour: ['red', 'blue'] },
      note: '+1 wants a call back',
    });
    await anAttempt(ds, c, {
      contactId: b.contactId,
      calledNumber: b.numbers[0],
      at: '2026-05-01T11:00:00Z',
      outcome: 'busy',
    });
    await anAttempt(ds, c, {
      contactId: z.contactId,
      calledNumber: z.numbers[0],
      at: '2026-05-02T09:00:00Z',
      outcome: 'no-answer',
    });
    await anAttempt(ds, c, {
      contactId: z.contactId,
      calledNumber: z.numbers[0],
      at: '2026-06-02T09:00:00Z',
      outcome: 'no-answer',
    });
    const [o] = await someContacts(ds, otherCampaign, [{}]);
    await anAttempt(ds, otherCampaign, {
      contactId: o.contactId,
      calledNumber: o.numbers[0],
      at: '2026-05-01T10:00:00Z',
      outcome: 'busy',
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('streams the brief as CSV: UTF-8 with a BOM, formula cells neutralised, one column per question', async () => {
    const res = await download(t, `/api/reports/briefs/${briefId}/export?format=csv`, t.tokenFor(requester));
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/csv; charset=utf-8');
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.body.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'contact_id,external_id,first_name,last_name,numbers,result,attempts,last_attempt_at,last_outcome,last_disposition,last_agent,note,Colours',
    );
    expect(lines).toHaveLength(5); // header, 3 contacts, trailing empty
    const evil = lines.find((l) => l.includes('HYPERLINK'))!;
    expect(evil).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(evil).toContain(`,'+1 wants a call back,`);
    expect(evil).toContain(',successful,1,2026-05-01T10:00:00.000Z,answered-human,SALE,,');
    expect(evil.endsWith(',red; blue')).toBe(true);
    expect(text).toContain('张伟');
    // no cell anywhere starts a formula
    for (const l of lines.slice(1))
      for (const cell of l.split(',')) if (!/^[+-]?\d+$/.test(cell)) expect(cell).not.toMatch(/^"?[=+\-@]/);
  });

  it('writes GB18030 when asked (no BOM)', async () => {
    const res = await download(
      t,
      `/api/reports/briefs/${briefId}/export?format=csv&encoding=gb18030`,
      t.tokenFor(requester),
    );
    expect(res.type).toBe('text/csv; charset=gb18030');
    expect(res.body[0]).not.toBe(0xef);
    expect(iconv.decode(res.body, 'gb18030')).toContain('张伟');
    expect(res.body.includes(Buffer.from('张伟', 'utf8'))).toBe(false);
  });

  it('streams XLSX that a real reader opens, with formula-looking text kept as text', async () => {
    const res = await download(t, `/api/reports/briefs/${briefId}/export?format=xlsx`, t.tokenFor(requester));
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(4);
    expect(ws.getRow(1).getCell(1).value).toBe('contact_id');
    const names: unknown[] = [];
    ws.eachRow((row, i) => {
      if (i > 1) names.push(row.getCell(3).value);
    });
    expect(names).toEqual(expect.arrayContaining(['\'=HYPERLINK("http://evil.example","click")', '张伟', 'Plain']));
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('answers 404 for another department and 400 for a bad format', async () => {
    const outsider = await aUser(t.db.ds, 'requester', otherCampaign.departmentId);
    expect((await download(t, `/api/reports/briefs/${briefId}/export`, t.tokenFor(outsider))).status).toBe(404);
    const bad = await api(t.url, 'GET', `/api/reports/briefs/${briefId}/export?format=pdf`, {
      token: t.tokenFor(requester),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('format');
  });

  it("exports the department's call records of a date range for a regulator", async () => {
    const res = await download(
      t,
      `/api/reports/call-records?from=2026-05-01T00:00:00Z&to=2026-06-01T00:00:00Z`,
      t.tokenFor(planner),
    );
    expect(res.status).toBe(200);
    const lines = res.body.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0].split(',').slice(0, 6)).toEqual([
      'attempt_id',
      'department_id',
      'campaign_id',
      'contact_id',
      'calling_number',
      'called_number',
    ]);
    // three of this department's attempts in May (not June's, not the other department's), in time order
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => l.split(',')[13]).slice(1)).toEqual(['answered-human', 'busy', 'no-answer']);
    expect(lines[1].split(',')[4]).toBe(c.callerId);
    expect(lines[1].split(',')[8]).toBe('2026-05-01T10:00:00.000Z');
    const xlsx = await download(
      t,
      `/api/reports/call-records?from=2026-05-01T00:00:00Z&to=2026-06-01T00:00:00Z&format=xlsx`,
      t.tokenFor(planner),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(4);
    const missing = await api(t.url, 'GET', `/api/reports/call-records?to=2026-06-01T00:00:00Z`, {
      token: t.tokenFor(planner),
    });
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d: { field: string }) => d.field)).toContain('from');
    const other = await api(
      t.url,
      'GET',
      `/api/reports/call-records?from=2026-05-01T00:00:00Z&to=2026-06-01T00:00:00Z&departmentId=${otherCampaign.departmentId}`,
      { token: t.tokenFor(planner) },
    );
    expect(other.status).toBe(404);
    expect(
      (
        await api(t.url, 'GET', `/api/reports/call-records?from=2026-05-01T00:00:00Z&to=2026-06-01T00:00:00Z`, {
          token: t.tokenFor(requester),
        })
      ).status,
    ).toBe(403);
  });
  it('renders call records in the database exactly as the cell writer would (neutralised, quoted, CRLF)', async () => {
    const ds = t.db.ds;
    const [k] = await someContacts(ds, c, [{}]);
    const tricky = ['=cmd|"/c calc"!A1', '+SUM(1,2)', '-5', 'a, "quoted"\r\nline', '@x', '\tTab', '+442071230000'];
    for (const [i, text] of tricky.entries()) {
      const id = await anAttempt(ds, c, {
        contactId: k.contactId,
        calledNumber: k.numbers[0],
        at: `2026-07-0${i + 1}T10:00:00Z`,
        outcome: 'failed',
        callerId: i % 2 ? text.slice(0, 32) : undefined,
      });
      await ds.query(
        `UPDATE call_attempts SET hangup_cause_text = $2, hangup_by = $3, hangup_cause = 21 WHERE id = $1`,
        [id, text, i % 3 ? null : '-1'],
      );
    }
    const table = t.app
      .get(ExportsService)
      .callRecords(
        { userId: planner.id, email: planner.email, role: 'planner', departmentId: planner.departmentId },
        { from: '2026-07-01T00:00:00Z', to: '2026-08-01T00:00:00Z' },
        3,
      );
    let byCells = '';
    for await (const batch of table.batches) for (const row of batch) byCells += csvLine(row);
    let byDatabase = '';
    for await (const text of table.csvText!) byDatabase += text;
    expect(byCells.split('\r\n').length).toBeGreaterThan(tricky.length);
    expect(byDatabase).toBe(byCells);
  });

  it('streams 60,000 call records through COPY in order, and ends the COPY when the reader goes away', async () => {
    const ds = t.db.ds;
    const [k] = await someContacts(ds, c, [{}]);
    await ds.query(
      `INSERT INTO call_attempts (campaign_id, department_id, contact_id, attempt_number, channel_id, dialer_instance,
          mode, called_number, queued_at, created_at)
       SELECT $1, $2, $3, 1, 'bulk-' || g, 'test', $4, '+4479' || lpad(g::text, 8, '0'), x.t, x.t
         FROM generate_series(1, 60000) g
         CROSS JOIN LATERAL (SELECT '2027-03-01T00:00:00Z'::timestamptz + g * interval '1 second' AS t) x`,
      [c.id, c.departmentId, k.contactId, c.mode],
    );
    const path = `/api/reports/call-records?from=2027-03-01T00:00:00Z&to=2027-04-01T00:00:00Z`;
    const full = await download(t, path, t.tokenFor(planner));
    expect(full.status).toBe(200);
    const lines = full.body.subarray(3).toString('utf8').split('\r\n');
    expect(lines).toHaveLength(60_002); // header, 60,000 rows, the empty string after the last CRLF
    expect(lines[1].split(',')[5]).toBe('+447900000001');
    expect(lines[60_000].split(',').slice(5, 9)).toEqual([
      '+447900060000',
      c.mode,
      'false',
      '2027-03-01T16:40:00.000Z',
    ]);
    // a reader that stops after the first chunk: the server drops that connection, the COPY ends, the next export runs
    const abort = new AbortController();
    const res = await fetch(t.url + path, {
      headers: { authorization: `Bearer ${t.tokenFor(planner)}` },
      signal: abort.signal,
    });
    await res.body!.getReader().read();
    abort.abort();
    await pollUntil(
      async () => {
        const [{ n }] = await ds.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND query LIKE 'COPY (SELECT%' AND state <> 'idle'`,
        );
        return n === 0;
      },
      { what: 'the COPY to end' },
    );
    const again = await download(t, path, t.tokenFor(planner));
    expect(again.body.equals(full.body)).toBe(true);
  });
});
