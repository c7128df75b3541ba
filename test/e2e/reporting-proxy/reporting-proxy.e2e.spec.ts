import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { TokenService } from '@app/auth';
import { loadDialerConfig, loadReportingConfig } from '@app/config';
import type { Campaign, User } from '@app/database';
import { createDialerApp } from '../../../apps/dialer/src/bootstrap';
import { createReportingApp } from '../../../apps/reporting/src/bootstrap';
import { aDepartment, aUser } from '../../support/builders';
import { aCampaign, someContacts } from '../../support/campaign-builders';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { TEST_JWT_SECRET } from '../../support/test-app';
import { aBriefRow, anAttempt } from '../../integration/reporting/reporting-builders';

const urlOf = (server: { address(): AddressInfo | string | null }): string =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// The web app reaches the reports on its own origin (CSP connect-src 'self'): the dialer forwards /api/reports to
// the reporting app, which authenticates and scopes as it does when called directly.
describe('dialer: /api/reports forwarded to the reporting app', () => {
  let db: TestDatabase;
  let reporting: INestApplication;
  let dialer: INestApplication;
  let dialerUrl: string;
  let reportingUrl: string;
  let requester: User;
  let stranger: User;
  let briefId: string;
  let token: (u: User) => string;

  const env = (extra: Record<string, string> = {}) => ({
    DATABASE_URL: db.url,
    JWT_SECRET: TEST_JWT_SECRET,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    ...extra,
  });

  async function startDialer(reportingUrlSetting: string): Promise<{ app: INestApplication; url: string }> {
    const app = await createDialerApp({
      config: loadDialerConfig(env({ REPORTING_URL: reportingUrlSetting })),
      databaseUrl: db.url,
      jwtSecret: TEST_JWT_SECRET,
      logger: false,
    });
    await app.listen(0, '127.0.0.1');
    return { app, url: urlOf(app.getHttpServer()) };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    reporting = await createReportingApp({
      config: loadReportingConfig(env()),
      databaseUrl: db.url,
      jwtSecret: TEST_JWT_SECRET,
      logger: false,
    });
    await reporting.listen(0, '127.0.0.1');
    reportingUrl = urlOf(reporting.getHttpServer());
    ({ app: dialer, url: dialerUrl } = await startDialer(reportingUrl));
    const tokens = dialer.get(TokenService);
    token = (u) => tokens.issue({ userId: u.id, email: u.email, role: u.role, departmentId: u.departmentId }, 0);

    const ds = db.ds;
    const dep = await aDepartment(ds);
    const other = await aDepartment(ds);
    requester = await aUser(ds, 'requester', dep.id);
    stranger = await aUser(ds, 'requester', other.id);
    const c: Campaign = await aCampaign(ds, { departmentId: dep.id, state: 'completed' });
    const contacts = await someContacts(
      ds,
      c,
      Array.from({ length: 40 }, (_, i) => ({ firstName: i === 0 ? '张伟' : `Name${i}` })),
    );
    const brief = await aBriefRow(ds, {
      departmentId: dep.id,
      createdById: requester.id,
      contactListId: c.contactListId,
      deadline: new Date('2030-01-01T00:00:00Z'),
    });
    briefId = brief.id;
    await ds.query(`UPDATE campaigns SET brief_id = $2 WHERE id = $1`, [c.id, brief.id]);
    await anAttempt(ds, c, {
      contactId: contacts[0].contactId,
      calledNumber: contacts[0].numbers[0],
      at: '2026-05-01T10:00:00Z',
      outcome: 'answered-human',
      disposition: ['SALE', 'success'],
    });
  });

  afterAll(async () => {
    await dialer?.close();
    await reporting?.close();
    await db?.drop();
  });

  it('passes the Authorization header and answers what the reporting app answers', async () => {
    const res = await fetch(`${dialerUrl}/api/reports/briefs/${briefId}/results`, {
      headers: { authorization: `Bearer ${token(requester)}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await res.json()) as { briefId: string; contacts: number; successful: number };
    expect(body).toMatchObject({ briefId, contacts: 40, successful: 1 });
    // the dialer's own security headers still hold on the forwarded answer
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
  });

  it('keeps the reporting app’s refusals: no token 401, another department 404', async () => {
    const anonymous = await fetch(`${dialerUrl}/api/reports/briefs/${briefId}/results`);
    expect(anonymous.status).toBe(401);
    const other = await fetch(`${dialerUrl}/api/reports/briefs/${briefId}/results`, {
      headers: { authorization: `Bearer ${token(stranger)}` },
    });
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: string }).error).toBe('not-found');
  });

  it('passes an export through byte for byte with its headers (XLSX read by a real reader)', async () => {
    const path = `/api/reports/briefs/${briefId}/export?format=xlsx`;
    const get = (base: string) => fetch(base + path, { headers: { authorization: `Bearer ${token(requester)}` } });
    const [viaDialer, direct] = await Promise.all([get(dialerUrl), get(reportingUrl)]);
    expect(viaDialer.status).toBe(200);
    expect(viaDialer.headers.get('content-type')).toBe(direct.headers.get('content-type'));
    expect(viaDialer.headers.get('content-disposition')).toBe(direct.headers.get('content-disposition'));
    const bytes = Buffer.from(await viaDialer.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(41);
    const names: unknown[] = [];
    ws.eachRow((row, i) => void (i > 1 && names.push(row.getCell(3).value)));
    expect(names).toContain('张伟');
  });

  describe('streaming (against a stand-in reporting app that answers slowly)', () => {
    let upstream: Server;
    let proxied: { app: INestApplication; url: string };
    let release: () => void = () => undefined;
    let received = 0;

    beforeAll(async () => {
      upstream = createServer((req, res) => {
        if (req.url?.startsWith('/api/reports/slow')) {
          res.writeHead(200, { 'content-type': 'text/csv', 'x-auth-seen': req.headers.authorization ?? '' });
          res.write('first,row\r\n');
          // the rest only once the test has seen the first row arrive through the dialer
          release = () => res.end('second,row\r\n');
          return;
        }
        // counts a request body as it arrives and answers once it has ended
        received = 0;
        req.on('data', (d: Buffer) => (received += d.length));
        req.on('end', () => {
          res.writeHead(201, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ received }));
        });
      });
      await new Promise<void>((ok) => upstream.listen(0, '127.0.0.1', ok));
      proxied = await startDialer(urlOf(upstream));
    });

    afterAll(async () => {
      release();
      await proxied?.app.close();
      await new Promise((ok) => upstream.close(ok));
    });

    it('hands the first bytes on before the reporting app has finished (no buffering)', async () => {
      const res = await fetch(`${proxied.url}/api/reports/slow`, { headers: { authorization: 'Bearer abc' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-auth-seen')).toBe('Bearer abc');
      const reader = res.body!.getReader();
      const first = await reader.read();
      expect(Buffer.from(first.value!).toString()).toBe('first,row\r\n');
      release();
      let rest = '';
      for (let r = await reader.read(); !r.done; r = await reader.read()) rest += Buffer.from(r.value).toString();
      expect(rest).toBe('second,row\r\n');
    });

    it('streams a large request body through (beyond the JSON parser limit, never parsed by the dialer)', async () => {
      const size = 3 * 1024 * 1024;
      const status = await new Promise<{ status: number; body: string }>((ok, fail) => {
        const req = request(`${proxied.url}/api/reports/upload`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        });
        req.on('response', (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', fail);
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        for (let sent = 0; sent < size; sent += chunk.length) req.write(chunk);
        req.end();
      });
      expect(status.status).toBe(201);
      expect(JSON.parse(status.body)).toEqual({ received: size });
    });
  });

  it('answers 502 naming REPORTING_URL when the reporting app does not answer', async () => {
    // a port that was just free: nothing listens there
    const probe = createServer();
    await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
    const deadUrl = urlOf(probe);
    await new Promise((ok) => probe.close(ok));
    const down = await startDialer(deadUrl);
    try {
      const res = await fetch(`${down.url}/api/reports/briefs/${briefId}/results`, {
        headers: { authorization: `Bearer ${token(requester)}` },
      });
      expect(res.status).toBe(502);
      const body = (await res.json()) as { error: string; message: string; details: { field: string }[] };
      expect(body.error).toBe('reporting-unavailable');
      expect(body.message).toContain('REPORTING_URL');
      expect(body.message).toContain(deadUrl);
      expect(body.details[0].field).toBe('REPORTING_URL');
      // the dialer's own API is unaffected
      const health = await fetch(`${down.url}/health`);
      expect(health.status).toBe(200);
    } finally {
      await down.app.close();
    }
  });
});
