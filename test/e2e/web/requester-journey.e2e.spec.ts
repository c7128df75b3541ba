import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { Browser, Download, Page } from 'playwright-core';
import type { AsteriskSim } from '@app/asterisk-sim';
import { hashPassword, TokenService } from '@app/auth';
import { pollUntil } from '@app/common';
import { loadDialerConfig, loadReportingConfig } from '@app/config';
import type { User } from '@app/database';
import { ASTERISK_SIM } from '@app/dialer';
import { createDialerApp } from '../../../apps/dialer/src/bootstrap';
import { createReportingApp } from '../../../apps/reporting/src/bootstrap';
import { aDepartment, aUser } from '../../support/builders';
import { anAgent } from '../../support/campaign-builders';
import { api, TEST_JWT_SECRET } from '../../support/test-app';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { axeViolations, catalogue, ensureWebBuild, launch, serious } from './browser';

// The requesting department's day in a real browser (Debian's Chromium through playwright-core) against the real
// dialer, the reporting app behind the dialer's /api/reports, one database and the ARI simulator: a requester writes a
// brief with an uploaded CSV list (Chinese headers) and a week-grid window, meets the API's field error, submits; the
// planner returns it with a reason (through the API); the requester reads the reason and resubmits; the planner
// accepts and runs the campaign (pilot, launch) with simulated agents to completion; the requester opens the results,
// downloads the XLSX (read with exceljs) and the delivered archive. A supervisor opens the campaign report with a
// filter. Once in English and once in Chinese; screenshots to docs/screenshots, axe-core on every page.
// Servers listen on port 0 (in-process); the block 28600-28699 is this file's in test/support/ports.md.

const PASSWORD = 'browser-test-password-2';
const SHOTS = join('docs', 'screenshots');
const SCRIPT = {
  sections: [
    {
      id: 'opening',
      title: 'Opening',
      text: 'Hello {{name}}',
      questions: [{ id: 'satisfied', type: 'single', text: 'Satisfied?', options: ['yes', 'no'] }],
    },
  ],
};
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The week grid's cells (day-hour in `zone`) of this hour and the next ones: calls may go out now. */
function cellsFromNow(zone: string, hours: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < hours; i++) {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      weekday: 'short',
      hour: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(Date.now() + i * 3600_000));
    const day = parts
      .find((p) => p.type === 'weekday')!
      .value.toLowerCase()
      .slice(0, 3);
    out.push(`${WEEKDAYS.find((d) => d === day)}-${Number(parts.find((p) => p.type === 'hour')!.value)}`);
  }
  return out;
}

const bytesOf = async (d: Download): Promise<Buffer> => readFileSync((await d.path())!);

describe('the web app in a browser: a department requests calls and reads the results', () => {
  let db: TestDatabase;
  let reporting: INestApplication;
  let dialer: INestApplication;
  let url: string;
  let sim: AsteriskSim;
  let browser: Browser;
  let archiveDir: string;
  let tokenFor: (u: User) => string;

  beforeAll(async () => {
    ensureWebBuild();
    mkdirSync(SHOTS, { recursive: true });
    archiveDir = mkdtempSync(join(tmpdir(), 'dialer-archive-'));
    db = await createTestDatabase();
    const env = {
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      EMBEDDED_PG_DIR: join(archiveDir, 'postgres'),
      SIM_PORT: '0',
      DIALER_TICK_MS: '100',
      DIALER_LEASE_SECONDS: '3',
      DIALER_INSTANCE_ID: 'web-requester-e2e',
    };
    // The reporting app as `npm start` runs it beside the dialer; the dialer forwards /api/reports to it.
    reporting = await createReportingApp({
      config: loadReportingConfig(env),
      databaseUrl: db.url,
      jwtSecret: TEST_JWT_SECRET,
      logger: false,
    });
    await reporting.listen(0, '127.0.0.1');
    const reportingUrl = `http://127.0.0.1:${(reporting.getHttpServer().address() as AddressInfo).port}`;
    dialer = await createDialerApp({
      config: loadDialerConfig({ ...env, REPORTING_URL: reportingUrl }),
      databaseUrl: db.url,
      jwtSecret: TEST_JWT_SECRET,
      logger: false,
    });
    await dialer.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(dialer.getHttpServer().address() as AddressInfo).port}`;
    sim = dialer.get(ASTERISK_SIM);
    const tokens = dialer.get(TokenService);
    tokenFor = (u) => tokens.issue({ userId: u.id, email: u.email, role: u.role, departmentId: u.departmentId }, 0);
    browser = await launch();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await dialer?.close();
    await reporting?.close();
    await db?.drop();
    if (archiveDir) rmSync(archiveDir, { recursive: true, force: true });
  });

  describe.each([
    ['en', 'Europe/London', 'GB', ['+447911123401', '+447911123402', '+447911123403']],
    ['zh-CN', 'Asia/Shanghai', 'CN', ['+8613800138001', '+8613800138002', '+8613800138003']],
  ])('in %s', (lang, zone, region, numbers) => {
    const text = catalogue(lang);
    const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}-${lang}.png`) });
    const noSeriousViolations = async (page: Page, what: string) => {
      const v = serious(await axeViolations(page));
      expect({ what, violations: v }).toEqual({ what, violations: [] });
    };

    it('a requester submits a brief with an uploaded list and a week-grid window, resubmits after a rejection, and reads the results of the finished campaign', async () => {
      const ds = db.ds;
      const dep = await aDepartment(ds);
      const requester = await aUser(ds, 'requester', dep.id);
      const planner = await aUser(ds, 'planner', dep.id);
      const supervisor = await aUser(ds, 'supervisor', dep.id);
      const admin = await aUser(ds, 'admin', dep.id);
      await ds.query(`UPDATE users SET password_hash = $2 WHERE id = ANY($1)`, [
        [requester.id, supervisor.id],
        await hashPassword(PASSWORD),
      ]);
      const as = (u: User) => ({ token: tokenFor(u) });
      const started = Date.now();
      const lap = (what: string) => console.log(`requester journey (${lang}): ${what} at ${Date.now() - started} ms`);

      const ctx = await browser.newContext({
        viewport: { width: 1280, height: 1000 },
        locale: lang,
        acceptDownloads: true,
      });
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const signIn = async (email: string, expectPath: string) => {
        await page.goto(`${url}/`);
        await page.locator('input[name=email]').waitFor();
        await page.selectOption('[data-testid=language]', lang);
        await page.fill('input[name=email]', email);
        await page.fill('input[name=password]', PASSWORD);
        await page.click('button[type=submit]');
        await page.waitForURL(`${url}${expectPath}`);
      };

      // The requester's home: the department's briefs; a new brief.
      await signIn(requester.email, '/requests');
      await page.click('[data-testid=new-brief]');
      await page.waitForURL(`${url}/requests/new`);
      await page.fill('textarea[name=purpose]', 'Ask customers about the new service.');
      await page.fill('input[name=region]', region);
      await page.fill('input[name=timeZone]', zone);

      // A spreadsheet is previewed in the browser too (its first sheet), before the CSV is chosen instead.
      const xlsx = new ExcelJS.Workbook();
      const sheet = xlsx.addWorksheet('客户');
      sheet.addRow(['客户姓名', '手机号码']);
      sheet.addRow(['赵六', numbers[0]]);
      await page.setInputFiles('input[name=listFile]', {
        name: 'customers.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(await xlsx.xlsx.writeBuffer()),
      });
      await page.locator('[data-testid=list-preview] td', { hasText: '赵六' }).waitFor();
      await expect(page.inputValue('select[data-target=phone]')).resolves.toBe('手机号码');
      await expect(page.inputValue('select[data-target=name]')).resolves.toBe('客户姓名');

      // The list: a CSV with Chinese headers; the first rows shown and the mapping suggested before the upload.
      const csv = [
        '姓名,手机,城市',
        `张伟,${numbers[0]},北京`,
        `李娜,${numbers[1]},上海`,
        `王芳,${numbers[2]},广州`,
        '无号码,not-a-number,深圳',
      ].join('\r\n');
      await page.setInputFiles('input[name=listFile]', {
        name: 'customers.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      });
      await page.locator('[data-testid=list-preview]').waitFor();
      await expect(page.locator('[data-testid=list-preview] tbody tr').count()).resolves.toBe(4);
      await expect(page.inputValue('select[data-target=phone]')).resolves.toBe('手机');
      await expect(page.inputValue('select[data-target=name]')).resolves.toBe('姓名');
      await page.click('[data-testid=import-list]');
      const report = page.locator('[data-testid=import-report]');
      await report.waitFor();
      const rejected = page.waitForEvent('download');
      await page.click('[data-testid=download-rejections]');
      const rejectedCsv = (await bytesOf(await rejected)).toString('utf8');
      expect(rejectedCsv).toContain('not-a-number');

      // The week grid: this hour and the next two in the contacts' zone (so the campaign can dial now).
      for (const cell of cellsFromNow(zone, 3)) {
        const button = page.locator(`[data-cell="${cell}"]`);
        if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
      }
      await page.check('input[name=holidays]');
      await page.fill('textarea[name=scriptDraft]', 'Hello {{name}}, do you like the new service?');
      await page.fill('input[name=pilotSize]', '1');

      // Submitting without a title: the API's reason shows next to the field.
      await page.click('[data-testid=submit-brief]');
      await page.locator('[data-field-error=title]').waitFor();
      await expect(page.getAttribute('input[name=title]', 'aria-invalid')).resolves.toBe('true');
      await noSeriousViolations(page, 'new brief with a field error');
      await page.fill('input[name=title]', `Service survey ${lang}`);
      await shot(page, 'brief-form');
      await page.click('[data-testid=submit-brief]');
      await pollUntil(
        async () => {
          const problem = page.locator('.form-error, .field-error');
          if (await problem.count())
            throw new Error(`the brief was refused: ${(await problem.allInnerTexts()).join(' | ')}`);
          return /\/requests\/[0-9a-f-]{36}$/.test(page.url());
        },
        { timeoutMs: 10_000, what: 'the submitted brief page' },
      );
      const briefId = page.url().split('/').pop()!;
      const status = page.locator('[data-testid=brief-status]');
      await pollUntil(async () => (await status.innerText()) === text.requester.status.submitted, {
        what: 'the brief submitted',
      });
      const [brief] = await ds.query(`SELECT windows, retry_policy, contact_list_id FROM briefs WHERE id = $1`, [
        briefId,
      ]);
      expect(brief.contact_list_id).toBeTruthy();
      expect(brief.windows).toMatchObject({ timeZone: zone, holidays: true });
      expect(brief.retry_policy).toMatchObject({ busy: { retryAfterMinutes: 120, maxRetries: 3 } });

      // The planner returns it with a reason; the requester reads it and resubmits.
      const reason = lang === 'en' ? 'Please add the evening hours.' : '请补充晚间时段。';
      expect(
        (await api(url, 'POST', `/api/briefs/${briefId}/reject`, { ...as(planner), body: { reason } })).status,
      ).toBe(200);
      await page.reload();
      await page.locator('[data-testid=rejection]').waitFor();
      await expect(page.locator('[data-testid=rejection]').innerText()).resolves.toContain(reason);
      await noSeriousViolations(page, 'returned brief');
      await shot(page, 'brief-rejected');
      await page.check('input[name=evenings]');
      await page.click('[data-testid=submit-brief]');
      await pollUntil(async () => (await status.innerText()) === text.requester.status.submitted, {
        what: 'the brief resubmitted',
      });

      lap('brief resubmitted');
      // The planner accepts it and runs it (through the API): a script, a pilot of one contact, then the full run,
      // worked by two simulated agents who answer the question and record a success.
      expect((await api(url, 'POST', `/api/briefs/${briefId}/accept`, as(planner))).status).toBe(200);
      const script = await api(url, 'POST', '/api/scripts', {
        ...as(planner),
        body: { name: 'Survey', departmentId: dep.id, briefId, body: SCRIPT, knownFields: ['name'] },
      });
      expect(script.status).toBe(201);
      const campaign = await api(url, 'POST', `/api/briefs/${briefId}/campaign`, {
        ...as(planner),
        body: { mode: 'preview', scriptVersionId: script.body.versions[0].id, wrapUpSeconds: 60 },
      });
      expect(campaign.status).toBe(201);
      const campaignId: string = campaign.body.id;
      for (const n of numbers) sim.setNumberBehaviour(n, { outcome: 'human', ringSeconds: 0.2, talkSeconds: 1 });
      const agents = [await anAgent(ds, dep.id), await anAgent(ds, dep.id)];
      let working = true;
      const work = (async () => {
        while (working) {
          for (const a of agents) {
            const s = await api(url, 'GET', '/api/agent/session', as(a.user));
            if (s.body?.state === 'wrap-up')
              await api(url, 'POST', '/api/agent/disposition', {
                ...as(a.user),
                body: { code: 'COMPLETED', answers: { satisfied: 'yes' } },
              });
            if (s.body?.state === 'paused') await api(url, 'POST', '/api/agent/ready', as(a.user));
            // preview mode: the agent dials the offered contact (no call can be abandoned on a loaded machine)
            if (s.body?.offer && !s.body.call) await api(url, 'POST', '/api/agent/preview/dial', as(a.user));
          }
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      try {
        expect(
          (await api(url, 'POST', `/api/campaigns/${campaignId}/start-pilot`, { ...as(planner), body: {} })).status,
        ).toBe(200);
        for (const a of agents)
          expect((await api(url, 'POST', '/api/agent/session', { ...as(a.user), body: { campaignId } })).status).toBe(
            201,
          );
        const settled = async (pilotOnly: boolean) =>
          (
            await ds.query(
              `SELECT count(*)::int AS n FROM call_attempts WHERE campaign_id = $1 AND disposition_code IS NOT NULL
                  AND ($2::boolean IS FALSE OR pilot)`,
              [campaignId, pilotOnly],
            )
          )[0].n as number;
        await pollUntil(async () => (await settled(true)) >= 1, { timeoutMs: 30_000, what: 'the pilot call disposed' });
        expect((await api(url, 'POST', `/api/campaigns/${campaignId}/review-pilot`, as(planner))).status).toBe(200);
        expect(
          (await api(url, 'POST', `/api/campaigns/${campaignId}/launch`, { ...as(planner), body: {} })).status,
        ).toBe(200);
        await pollUntil(
          async () =>
            (await ds.query(`SELECT state FROM campaigns WHERE id = $1`, [campaignId]))[0].state === 'completed',
          { timeoutMs: 40_000, what: 'the campaign completed' },
        ).catch(async (e: unknown) => {
          const rows = await ds.query(
            `SELECT cc.status, cc.attempts, cc.last_outcome, cc.next_attempt_at, cc.time_zone, (SELECT json_agg(json_build_object('o', a.outcome, 'd', a.disposition_code, 'p', a.pilot)) FROM call_attempts a WHERE a.campaign_contact_id = cc.id) AS a
               FROM campaign_contacts cc WHERE cc.campaign_id = $1`,
            [campaignId],
          );
          const [c] = await ds.query(`SELECT state, windows FROM campaigns WHERE id = $1`, [campaignId]);
          throw new Error(`${String(e)}\n${JSON.stringify({ c, rows }, null, 1)}`);
        });
      } finally {
        working = false;
        await work;
      }
      for (const a of agents) await api(url, 'DELETE', '/api/agent/session', as(a.user));
      // The delivery job runs every minute; an admin runs it now (through the dialer's /api/reports).
      const delivered = await api(url, 'POST', '/api/reports/deliveries/run', as(admin));
      expect(delivered.status).toBe(200);

      lap('campaign completed and delivered');
      // The results: figures, charts, answers, per-contact search, the XLSX export and the delivered archive.
      await page.goto(`${url}/requests`);
      await page.locator(`[data-brief="${briefId}"] progress`).waitFor();
      await noSeriousViolations(page, 'briefs list');
      await shot(page, 'briefs');
      await page.goto(`${url}/results/${briefId}`);
      await page.locator('[data-testid=figures]').waitFor();
      await expect(page.locator('[data-testid=reached]').innerText()).resolves.toBe(
        new Intl.NumberFormat(lang).format(3),
      );
      await page.locator('[data-testid=chart-day] canvas').waitFor();
      await page.locator('[data-testid=chart-hour] canvas').waitFor();
      await expect(page.locator('[data-testid=answers]').innerText()).resolves.toContain('Satisfied?');
      await page.fill('input[name=search]', '李娜');
      await page.press('input[name=search]', 'Enter');
      await pollUntil(async () => (await page.locator('[data-testid=contacts] tbody tr').count()) === 1, {
        what: 'one contact found',
      });
      await expect(page.locator('[data-testid=contacts] tbody').innerText()).resolves.toContain(numbers[1]);
      await page.locator('[data-testid=archives] [data-archive]').waitFor();
      await noSeriousViolations(page, 'results');
      await page.evaluate('window.scrollTo(0, 0)');
      await shot(page, 'brief-results');

      const xlsxDownload = page.waitForEvent('download');
      await page.click('[data-testid=export-xlsx]');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await bytesOf(await xlsxDownload)) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      const names: unknown[] = [];
      const results: unknown[] = [];
      ws.eachRow((row, i) => {
        if (i === 1) return;
        names.push(row.getCell(3).value);
        results.push(row.getCell(6).value);
      });
      expect(names.sort()).toEqual(['张伟', '李娜', '王芳'].sort());
      expect(results).toEqual(['successful', 'successful', 'successful']);

      const archiveDownload = page.waitForEvent('download');
      await page.click('[data-testid=archives] [data-archive] button');
      const archived = await bytesOf(await archiveDownload);
      const [entry] = await ds.query(`SELECT sha256 FROM archives WHERE brief_id = $1`, [briefId]);
      expect(createHash('sha256').update(archived).digest('hex')).toBe(entry.sha256);
      expect(archived.toString('utf8')).toContain('王芳');

      // A supervisor opens the campaign report, filtered to the department and the campaign.
      await page.click('[data-testid=sign-out]');
      await signIn(supervisor.email, '/floor');
      await page.goto(`${url}/reports`);
      await page.locator('[data-testid=report-campaigns]').waitFor();
      await page.selectOption('select[name=departmentId]', dep.id);
      await page.click('[data-testid=apply-filters]');
      await page.locator(`[data-campaign="${campaignId}"]`).waitFor();
      await page.selectOption('select[name=campaignId]', campaignId);
      await page.click('[data-testid=apply-filters]');
      await pollUntil(
        async () => (await page.locator('[data-testid=report-campaigns] tr[data-campaign]').count()) === 1,
        {
          what: 'the report filtered to one campaign',
        },
      );
      await page.locator('[data-testid=ops-chart-day] canvas').waitFor();
      await noSeriousViolations(page, 'operations report');
      await page.evaluate('window.scrollTo(0, 0)');
      await shot(page, 'operations-report');
      // The queue report (ACD): the tab reads GET /api/reports/queues through the proxy.
      await page.click('[data-kind=queues]');
      await page.locator('[data-testid=report-queues] [data-testid=queue-chart-wait]').waitFor();
      await noSeriousViolations(page, 'queue report');
      expect(errors).toEqual([]);
      lap('done');
      await ctx.close();
    }, 240_000); // about 45 s on a quiet machine; the shared CI runners are not always quiet
  });
});
