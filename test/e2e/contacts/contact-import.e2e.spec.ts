import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AuditLogEntry, DncEntry, type Department, type User } from '@app/database';
import { aDepartment, assignDepartments, aUser } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';

// Several engineers share this 2-core machine: give the app boot and the bigger uploads room.
jest.setTimeout(60_000);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** POSTs raw bytes (or a multipart form) and reads the JSON answer. */
async function upload(
  t: TestApp,
  token: string,
  listId: string,
  body: Buffer | string | FormData,
  contentType = 'text/csv',
  query = '',
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${t.url}/api/contact-lists/${listId}/import${query}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body instanceof FormData ? {} : { 'content-type': contentType }),
    },
    body: body instanceof FormData ? body : new Uint8Array(Buffer.from(body)),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('contact lists: create, import, report', () => {
  let t: TestApp;
  let dep: Department;
  let requester: User;
  let token: string;

  const newList = async (body: Record<string, unknown> = {}, tok = token): Promise<string> => {
    const res = await api(t.url, 'POST', '/api/contact-lists', {
      token: tok,
      body: { name: 'List', region: 'GB', defaultTimeZone: 'Europe/London', ...body },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const contactsOf = async (listId: string, tok = token): Promise<any[]> =>
    (await api(t.url, 'GET', `/api/contact-lists/${listId}/contacts?pageSize=1000`, { token: tok })).body.items;

  beforeAll(async () => {
    t = await startTestApp('dialer');
    dep = await aDepartment(t.db.ds);
    requester = await aUser(t.db.ds, 'requester', dep.id);
    token = t.tokenFor(requester);
  });
  afterAll(async () => {
    await t.close();
  });

  it('imports a CSV: E.164 numbers, several per contact, zones, custom fields, counts and audit', async () => {
    const id = await newList();
    const csv = [
      'Customer ID,First Name,Last Name,Phone1,Phone 2,Mobile Numbers,TZ,Segment,Balance (EUR)',
      'C1,Ann,Lee,020 7946 0018,,07400 123456; 07400 123457,,gold,12.50',
      'C2,Bob,Ray,+1 312 555 0199,,,,silver,3',
      'C3,Cy,Fox,+61 8 9374 4000,,,Asia/Tokyo,,',
    ].join('\n');
    const res = await upload(t, token, id, csv);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ready', rows: 3, accepted: 3, rejected: 0, contacts: 3, format: 'csv' });
    expect(res.body.customFields).toEqual(['balance_eur']);
    const list = await api(t.url, 'GET', `/api/contact-lists/${id}`, { token });
    expect(list.body).toMatchObject({ status: 'ready', rowCount: 3, acceptedCount: 3, rejectedCount: 0 });
    const items = await contactsOf(id);
    const ann = items.find((c) => c.externalId === 'C1');
    expect(ann).toMatchObject({
      firstName: 'Ann',
      timeZone: 'Europe/London',
      segment: 'gold',
      fields: { balance_eur: '12.50' },
    });
    expect(ann.phones.map((p: any) => p.e164)).toEqual(['+442079460018', '+447400123456', '+447400123457']);
    expect(ann.phones[1]).toMatchObject({ kind: 'mobile', status: 'active', position: 1 });
    expect(items.find((c) => c.externalId === 'C2')).toMatchObject({ timeZone: 'America/Chicago', region: 'US' });
    expect(items.find((c) => c.externalId === 'C3')).toMatchObject({ timeZone: 'Asia/Tokyo' });
    const audit = await t.db.ds.getRepository(AuditLogEntry).find({ where: { entityId: id } });
    expect(audit.map((a) => a.action).sort()).toEqual(['contact-list.create', 'contact-list.import']);
  });

  it('reads a Windows-1252 file with a warning, and UTF-8 with BOM and UTF-16 with BOM', async () => {
    const csv = 'name,phone\nJosé Müller,07400 100001\nFrançoise Œuvray,07400 100002\n';
    const latin = await newList();
    const r1 = await upload(t, token, latin, iconv.encode(csv, 'windows-1252'));
    expect(r1.status).toBe(200);
    expect(r1.body.encoding).toBe('windows-1252');
    expect(r1.body.warnings[0]).toMatch(/not UTF-8; it was read as Windows-1252/);
    expect((await contactsOf(latin)).map((c) => `${c.firstName} ${c.lastName}`).sort()).toEqual([
      'Françoise Œuvray',
      'José Müller',
    ]);
    const bom = await newList();
    const r2 = await upload(t, token, bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]));
    expect(r2.body).toMatchObject({ encoding: 'utf-8', warnings: [], accepted: 2 });
    expect(r2.body.columns).toMatchObject({ name: 'name', phone: ['phone'] });
    const u16 = await newList();
    const r3 = await upload(t, token, u16, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv, 'utf16le')]));
    expect(r3.body).toMatchObject({ encoding: 'utf-16le', accepted: 2 });
    expect((await contactsOf(u16)).some((c) => c.firstName === 'José')).toBe(true);
  });

  it('names the missing phone column and the headers found; a mapping or synonym fixes it', async () => {
    const id = await newList();
    const csv = 'Kunde;Rufnummer;Vorname\nK1;07400 200001;Eva\n';
    const refused = await upload(t, token, id, csv);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('validation-failed');
    expect(refused.body.message).toContain('headers found: Kunde, Rufnummer, Vorname');
    expect(refused.body.details[0].field).toBe('phone');
    expect((await api(t.url, 'GET', `/api/contact-lists/${id}`, { token })).body).toMatchObject({
      status: 'ready',
      acceptedCount: 0,
    });
    const badMap = await upload(t, token, id, csv, 'text/csv', `?mapping=${encodeURIComponent('{"phone":"Telefon"}')}`);
    expect(badMap.status).toBe(400);
    expect(badMap.body.details[0]).toMatchObject({ field: 'mapping.phone' });
    const ok = await upload(
      t,
      token,
      id,
      csv,
      'text/csv',
      `?mapping=${encodeURIComponent('{"phone":"Rufnummer","externalId":"Kunde"}')}`,
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      accepted: 1,
      columns: { phone: ['Rufnummer'], externalId: 'Kunde', firstName: 'Vorname' },
    });
    const renamed = await newList();
    const syn = await upload(t, token, renamed, 'Given Name,TEL,Customer_ID\nEva,07400 200002,K9\n');
    expect(syn.body).toMatchObject({
      accepted: 1,
      columns: { phone: ['TEL'], firstName: 'Given Name', externalId: 'Customer_ID' },
    });
  });

  it('keeps the good half of a file with half the numbers invalid and reports the rest (JSON and CSV)', async () => {
    const id = await newList();
    const rows = ['id,phone'];
    for (let i = 0; i < 20; i++) rows.push(`R${i},${i % 2 ? '12' : `07400 3000${String(i).padStart(2, '0')}`}`);
    const res = await upload(t, token, id, rows.join('\n'));
    expect(res.body).toMatchObject({ rows: 20, accepted: 10, rejected: 10, contacts: 10 });
    const report = await api(t.url, 'GET', `/api/contact-lists/${id}/import-report`, { token });
    expect(report.status).toBe(200);
    expect(report.body.rejections).toHaveLength(10);
    expect(report.body.rejections[0]).toEqual({
      rowNumber: 3,
      field: 'phone',
      reason: 'no valid phone number: too short to be a phone number',
      raw: '12',
    });
    const csv = await fetch(`${t.url}/api/contact-lists/${id}/import-report?format=csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('row,field,reason,raw');
    expect(lines).toHaveLength(11);
  });

  it('merges duplicate rows (same external id, or same first number) and counts them', async () => {
    const id = await newList();
    const csv = [
      'external_id,first_name,phone1,phone2',
      'X1,Ann,07400 400001,',
      'X1,,07400 400002,',
      ',Bob,07400 400003,',
      ',Robert,07400 400003,07400 400004',
      ',Cy,07400 400005,',
    ].join('\n');
    const res = await upload(t, token, id, csv);
    expect(res.body).toMatchObject({ rows: 5, accepted: 5, duplicates: 2, contacts: 3 });
    const items = await contactsOf(id);
    expect(items.find((c) => c.externalId === 'X1').phones.map((p: any) => p.e164)).toEqual([
      '+447400400001',
      '+447400400002',
    ]);
    const bob = items.find((c) => c.firstName === 'Bob');
    expect(bob.phones.map((p: any) => p.e164)).toEqual(['+447400400003', '+447400400004']);
    // Uploading again merges into the same contacts: all duplicates, no new contacts.
    const again = await upload(t, token, id, csv);
    expect(again.body).toMatchObject({ contacts: 3, duplicates: 5 });
    expect((await api(t.url, 'GET', `/api/contact-lists/${id}`, { token })).body.duplicateCount).toBe(5);
  });

  it('refuses a binary file named .csv with 415 and imports nothing', async () => {
    const id = await newList();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 7)]);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)], { type: 'text/csv' }), 'contacts.csv');
    const res = await upload(t, token, id, form);
    expect(res.status).toBe(415);
    expect(res.body.error).toBe('unsupported-media-type');
    expect(res.body.message).toMatch(/PNG image; nothing was imported/);
    const nul = await upload(t, token, id, Buffer.from('phone\n0740\u0000\u0000\u0001'));
    expect(nul.status).toBe(415);
    expect((await api(t.url, 'GET', `/api/contact-lists/${id}`, { token })).body).toMatchObject({
      status: 'ready',
      acceptedCount: 0,
    });
  });

  it('stores formula-like cells as text and neutralises them in the report download', async () => {
    const id = await newList();
    const csv = 'phone,note\n07400 500001,"=HYPERLINK(""http://evil"",""x"")"\n=1+2,@SUM(A1)\n';
    const res = await upload(t, token, id, csv);
    expect(res.body).toMatchObject({ accepted: 1, rejected: 1 });
    expect((await contactsOf(id))[0].fields.note).toBe('=HYPERLINK("http://evil","x")');
    const text = await (
      await fetch(`${t.url}/api/contact-lists/${id}/import-report?format=csv`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).text();
    expect(text).toContain(`,'=1+2\r\n`);
    expect(text).not.toMatch(/(^|,)=1\+2/m);
  });

  it('marks numbers on global and department do-not-call lists, not expired ones or other departments', async () => {
    const other = await aDepartment(t.db.ds);
    const dnc = t.db.ds.getRepository(DncEntry);
    await dnc.save([
      {
        e164: '+447400600001',
        scope: 'global',
        departmentId: null,
        campaignId: null,
        source: 'regulator',
        reason: null,
        expiresAt: null,
        createdById: null,
      },
      {
        e164: '+447400600002',
        scope: 'department',
        departmentId: dep.id,
        campaignId: null,
        source: 'agent',
        reason: null,
        expiresAt: null,
        createdById: null,
      },
      {
        e164: '+447400600003',
        scope: 'department',
        departmentId: other.id,
        campaignId: null,
        source: 'agent',
        reason: null,
        expiresAt: null,
        createdById: null,
      },
      {
        e164: '+447400600004',
        scope: 'global',
        departmentId: null,
        campaignId: null,
        source: 'api',
        reason: null,
        expiresAt: new Date(Date.now() - 1000),
        createdById: null,
      },
    ]);
    const id = await newList();
    const res = await upload(t, token, id, 'phone\n07400600001\n07400600002\n07400600003\n07400600004\n');
    expect(res.body).toMatchObject({ accepted: 4, dnc: 2 });
    const items = await contactsOf(id);
    const flagged = items.filter((c) => c.dnc).map((c) => c.phones[0]);
    expect(flagged.map((p: any) => [p.e164, p.status]).sort()).toEqual([
      ['+447400600001', 'dnc'],
      ['+447400600002', 'dnc'],
    ]);
    expect((await api(t.url, 'GET', `/api/contact-lists/${id}`, { token })).body.dncCount).toBe(2);
  });

  it('imports XLSX (raw body and multipart with a mapping field) and JSON rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Contacts');
    ws.addRow(['Ref', 'Tel', 'Name', 'Score']);
    ws.addRow(['A1', '07400 700001', 'Ann Lee', 5]);
    ws.addRow(['A2', '+33 1 42 68 53 00', 'Jean Dupont', { formula: '1+1', result: 2 }]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const id = await newList();
    const raw = await upload(t, token, id, xlsx, XLSX);
    expect(raw.status).toBe(200);
    expect(raw.body).toMatchObject({
      format: 'xlsx',
      accepted: 2,
      columns: { phone: ['Tel'], externalId: 'Ref', name: 'Name' },
    });
    const items = await contactsOf(id);
    expect(items.find((c) => c.externalId === 'A2')).toMatchObject({
      firstName: 'Jean',
      lastName: 'Dupont',
      timeZone: 'Europe/Paris',
      fields: { score: '2' },
    });

    const id2 = await newList();
    const form = new FormData();
    form.append('mapping', JSON.stringify({ phone: 'Tel', segment: 'Score' }));
    form.append('file', new Blob([new Uint8Array(xlsx)], { type: XLSX }), 'list.xlsx');
    const multi = await upload(t, token, id2, form);
    expect(multi.status).toBe(200);
    expect(multi.body.columns).toMatchObject({ segment: 'Score' });
    expect((await api(t.url, 'GET', `/api/contact-lists/${id2}`, { token })).body.sourceFileName).toBe('list.xlsx');

    const id3 = await newList();
    const json = await api(t.url, 'POST', `/api/contact-lists/${id3}/import`, {
      token,
      body: { rows: [{ phone: '07400 700009', first_name: 'Jo', plan: 'b' }, { phone: 'nope' }] },
    });
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ format: 'json', accepted: 1, rejected: 1, customFields: ['plan'] });
  });

  it('refuses a broken CSV (unclosed quote) whole: keeps nothing of it and says how far it read', async () => {
    const id = await newList();
    expect((await upload(t, token, id, 'phone\n07400 099999\n')).status).toBe(200);
    let csv = 'phone,name\n';
    for (let i = 0; i < 1500; i++) csv += `07400 ${String(100000 + i)},n${i}\n`;
    csv += `07400 999999,"never closed ${'x'.repeat(300 * 1024)}\n`;
    const res = await upload(t, token, id, csv);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation-failed');
    expect(res.body.message).toMatch(/CSV could not be read after row 1501.*read up to row 1501 and kept nothing/);
    const list = await api(t.url, 'GET', `/api/contact-lists/${id}`, { token });
    // The list is as it was before the refused import: the one contact of the first import, status ready.
    expect(list.body).toMatchObject({ status: 'ready', acceptedCount: 1, rowCount: 1 });
    expect(list.body.importSummary).toMatchObject({
      status: 'failed',
      rows: 1500,
      error: { code: 'validation-failed', readThroughRow: 1501, kept: 0 },
    });
    expect((await contactsOf(id)).length).toBe(1);
    const audit = await t.db.ds.getRepository(AuditLogEntry).find({ where: { entityId: id } });
    expect(audit.map((a) => a.action)).toContain('contact-list.import-failed');
    const [{ n }] = await t.db.ds.query(`SELECT count(*)::int AS n FROM contact_import_rows`);
    expect(n).toBe(0);
  });

  it('refuses a 200 MB upload with 413 from its Content-Length, before reading it', async () => {
    const id = await newList();
    const res = await new Promise<{ status: number; body: any }>((resolve, reject) => {
      const req = httpRequest(`${t.url}/api/contact-lists/${id}/import`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'text/csv',
          'content-length': String(200 * 1024 * 1024),
        },
      });
      req.on('response', (r) => {
        let text = '';
        r.on('data', (d: Buffer) => (text += d.toString()));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, body: JSON.parse(text) }));
      });
      req.on('error', (e) => (String(e).includes('EPIPE') || String(e).includes('ECONNRESET') ? undefined : reject(e)));
      req.write('phone\n07400 800001\n');
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: 'payload-too-large' });
    expect((await api(t.url, 'GET', `/api/contact-lists/${id}`, { token })).body).toMatchObject({
      status: 'ready',
      acceptedCount: 0,
    });
  });
});

describe('contact lists: streaming limit and department isolation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('dialer', { IMPORT_MAX_BYTES: '150000' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('stops a chunked upload that crosses the limit with 413 and keeps nothing of it', async () => {
    const dep = await aDepartment(t.db.ds);
    const token = t.tokenFor(await aUser(t.db.ds, 'planner', dep.id));
    const list = await api(t.url, 'POST', '/api/contact-lists', {
      token,
      body: { name: 'Big', region: 'GB', departmentId: dep.id },
    });
    // ~24 bytes a row: 2,000 rows per 48 kB chunk, the limit falls in the fourth chunk.
    async function* body(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('phone,n\n');
      for (let c = 0; c < 10; c++) {
        let s = '';
        for (let i = 0; i < 2000; i++) s += `07400 ${String(c * 2000 + i).padStart(6, '0')},${'x'.repeat(9)}\n`;
        yield new TextEncoder().encode(s);
      }
    }
    const res = await fetch(`${t.url}/api/contact-lists/${list.body.id}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: body() as never,
      duplex: 'half',
    } as RequestInit).catch((e: unknown) => e as Error);
    expect(res).toBeInstanceOf(Response);
    const r = res as Response;
    expect(r.status).toBe(413);
    const err = (await r.json()) as any;
    expect(err.error).toBe('payload-too-large');
    const after = await api(t.url, 'GET', `/api/contact-lists/${list.body.id}`, { token });
    expect(after.body).toMatchObject({ status: 'ready', acceptedCount: 0 });
    expect(after.body.importSummary.error).toMatchObject({ code: 'payload-too-large', kept: 0 });
    expect(after.body.importSummary.error.readThroughRow).toBeGreaterThan(1000);
    const page = await api(t.url, 'GET', `/api/contact-lists/${list.body.id}/contacts`, { token });
    expect(page.body.total).toBe(0);
  });

  it('answers 404 for another department on every route, and lists only your own', async () => {
    const a = await aDepartment(t.db.ds);
    const b = await aDepartment(t.db.ds);
    const ta = t.tokenFor(await aUser(t.db.ds, 'requester', a.id));
    const tb = t.tokenFor(await aUser(t.db.ds, 'requester', b.id));
    const plannerUser = await aUser(t.db.ds, 'planner', b.id);
    const planner = t.tokenFor(plannerUser);
    const made = await api(t.url, 'POST', '/api/contact-lists', { token: ta, body: { name: 'Mine', region: 'GB' } });
    expect(made.body.departmentId).toBe(a.id);
    const id = made.body.id as string;
    for (const path of ['', '/contacts', '/import-report', '/import-report?format=csv'])
      expect((await api(t.url, 'GET', `/api/contact-lists/${id}${path}`, { token: tb })).status).toBe(404);
    const imp = await upload(t, tb, id, 'phone\n07400 900001\n');
    expect(imp.status).toBe(404);
    expect(
      (await api(t.url, 'POST', `/api/contact-lists/${id}/import`, { token: tb, body: { rows: [] } })).status,
    ).toBe(404);
    expect((await api(t.url, 'GET', '/api/contact-lists', { token: tb })).body.map((l: any) => l.id)).not.toContain(id);
    // Centre staff see a department's lists once assigned to it.
    expect((await api(t.url, 'GET', `/api/contact-lists/${id}`, { token: planner })).status).toBe(404);
    await assignDepartments(t.db.ds, plannerUser, a.id);
    expect((await api(t.url, 'GET', `/api/contact-lists/${id}`, { token: planner })).status).toBe(200);
    const foreign = await api(t.url, 'POST', '/api/contact-lists', {
      token: tb,
      body: { name: 'X', departmentId: a.id },
    });
    expect(foreign.status).toBe(400);
    const agent = t.tokenFor(await aUser(t.db.ds, 'agent', a.id));
    expect((await api(t.url, 'GET', `/api/contact-lists/${id}`, { token: agent })).status).toBe(403);
  });
});
