import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { Browser, Download } from 'playwright-core';
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

// The issue's "Done means" journey in one go, in a real browser (Debian's Chromium through playwright-core) against
// the real dialer, the reporting app behind the dialer's /api/reports, one database and the ARI simulator:
//   requester (UI): a brief with an uploaded CSV list (Chinese headers) and a week-grid window, submitted;
//   planner (UI): returns it with a reason;
//   requester (UI): reads the reason, adds the evenings, resubmits;
//   planner (UI): accepts it, writes a script with a branch, previews it with a contact of the list, creates the
//     campaign, runs the pilot, reads its summary, launches;
//   simulated agents (API, as in the planner and requester journeys): log in on the campaign and dispose every call
//     until the campaign is completed;
//   admin (API): runs the results delivery now instead of waiting for its minute (POST /api/reports/deliveries/run);
//   requester (UI): opens the results page, downloads the XLSX (read with exceljs, checked against the database) and
//     the delivered archive (checked against the archive's sha256 in the database).
// Every page visited is checked with axe-core (no serious or critical violations) and photographed into
// docs/screenshots/full-journey-<step>-<lang>.png. Servers listen on port 0 (in-process); the block 29000-29099 is
// this file's in test/support/ports.md.

const PASSWORD = 'full-journey-password-3';
const SHOTS = join('docs', 'screenshots');
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const NAMES = ['张伟', '李娜', '王芳', '刘洋', '陈静', '杨军'];

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

describe('the whole journey in a browser: brief, review, script, campaign, pilot, agents, results', () => {
  let db: TestDatabase;
  let reporting: INestApplication;
  let dialer: INestApplication;
  let url: string;
  let sim: AsteriskSim;
  let browser: Browser;
  let tmp: string;
  let tokenFor: (u: User) => string;

  beforeAll(async () => {
    ensureWebBuild();
    mkdirSync(SHOTS, { recursive: true });
    tmp = mkdtempSync(join(tmpdir(), 'dialer-full-journey-'));
    db = await createTestDatabase();
    const env = {
      DATABASE_URL: db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      EMBEDDED_PG_DIR: join(tmp, 'postgres'),
      SIM_PORT: '0',
      DIALER_TICK_MS: '100',
      DIALER_LEASE_SECONDS: '3',
      DIALER_INSTANCE_ID: 'web-full-journey-e2e',
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
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  describe.each([
    ['en', 'Europe/London', 'GB', NAMES.map((_, i) => `+4479111234${String(i + 10)}`)],
    ['zh-CN', 'Asia/Shanghai', 'CN', NAMES.map((_, i) => `+86138001380${String(i + 10)}`)],
  ])('in %s', (lang, zone, region, numbers) => {
    const text = catalogue(lang);
    const P = text.planner;

    it('a brief goes from the requester through the planner, a pilot and simulated agents back to the requester as results', async () => {
      const started = Date.now();
      const phases: string[] = [];
      let last = started;
      const phase = (name: string) => {
        phases.push(`${name} ${((Date.now() - last) / 1000).toFixed(1)} s`);
        last = Date.now();
      };
      const ds = db.ds;
      const dep = await aDepartment(ds);
      const requester = await aUser(ds, 'requester', dep.id);
      const planner = await aUser(ds, 'planner', dep.id);
      const admin = await aUser(ds, 'admin', dep.id);
      await ds.query(`UPDATE users SET password_hash = $2 WHERE id = ANY($1)`, [
        [requester.id, planner.id],
        await hashPassword(PASSWORD),
      ]);
      const as = (u: User) => ({ token: tokenFor(u) });
      const state = async (campaignId: string) =>
        (await ds.query(`SELECT state FROM campaigns WHERE id = $1`, [campaignId]))[0].state as string;

      const ctx = await browser.newContext({
        viewport: { width: 1024, height: 768 },
        locale: lang,
        acceptDownloads: true,
      });
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      /** Each page visited: axe-core without serious or critical violations, and a screenshot. */
      const visited = async (step: string) => {
        await page.evaluate('window.scrollTo(0, 0)');
        const v = serious(await axeViolations(page));
        expect({ step, violations: v }).toEqual({ step, violations: [] });
        await page.screenshot({ path: join(SHOTS, `full-journey-${step}-${lang}.png`) });
      };
      let signInChecked = false;
      const signIn = async (email: string, expectPath: string) => {
        await page.goto(`${url}/`);
        await page.locator('input[name=email]').waitFor();
        await page.selectOption('[data-testid=language]', lang);
        if (!signInChecked) {
          await visited('sign-in');
          signInChecked = true;
        }
        await page.fill('input[name=email]', email);
        await page.fill('input[name=password]', PASSWORD);
        await page.click('button[type=submit]');
        await page.waitForURL(`${url}${expectPath}`);
      };
      const signOut = async () => {
        await page.click('[data-testid=sign-out]');
        await page.locator('input[name=email]').waitFor();
      };

      // 1. Requester (UI): the new brief with an uploaded CSV (Chinese headers) and the week grid.
      await signIn(requester.email, '/requests');
      await page.click('[data-testid=new-brief]');
      await page.waitForURL(`${url}/requests/new`);
      await page.fill('textarea[name=purpose]', 'Ask customers about the new service.');
      await page.fill('input[name=region]', region);
      await page.fill('input[name=timeZone]', zone);
      const csv = ['姓名,手机,城市', ...NAMES.map((n, i) => `${n},${numbers[i]},北京`)].join('\r\n');
      await page.setInputFiles('input[name=listFile]', {
        name: 'customers.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      });
      await page.locator('[data-testid=list-preview]').waitFor();
      await expect(page.inputValue('select[data-target=phone]')).resolves.toBe('手机');
      await expect(page.inputValue('select[data-target=name]')).resolves.toBe('姓名');
      await page.click('[data-testid=import-list]');
      await page.locator('[data-testid=import-report]').waitFor();
      for (const cell of cellsFromNow(zone, 3)) {
        const button = page.locator(`[data-cell="${cell}"]`);
        if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
      }
      await page.check('input[name=holidays]');
      await page.fill('textarea[name=scriptDraft]', 'Hello {{name}}, do you like the new service?');
      await page.fill('input[name=pilotSize]', '2');
      // Submitted without a title: the API's reason is shown next to the field.
      await page.click('[data-testid=submit-brief]');
      await page.locator('[data-field-error=title]').waitFor();
      await expect(page.getAttribute('input[name=title]', 'aria-invalid')).resolves.toBe('true');
      await visited('brief-form');
      await page.fill('input[name=title]', `Full journey ${lang}`);
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
      await visited('brief-submitted');
      await signOut();

      phase('requester brief');
      // 2. Planner (UI): the review queue, the brief returned with a reason.
      const reason = lang === 'en' ? 'Please add the evening hours.' : '请补充晚间时段。';
      await signIn(planner.email, '/planner/review');
      await page.locator(`[data-testid=review-queue] tr[data-brief="${briefId}"]`).waitFor();
      await visited('review-queue');
      await page.click(`tr[data-brief="${briefId}"] a`);
      await page.waitForURL(`${url}/planner/briefs/${briefId}`);
      await expect(page.locator('[data-testid=list-accepted]').innerText()).resolves.toBe(String(NAMES.length));
      await page.getByLabel(P.brief.reason).fill(reason);
      await page.getByRole('button', { name: P.brief.reject, exact: true }).click();
      await page.locator('[data-testid=brief-message]').waitFor();
      await visited('brief-returned');
      expect((await ds.query(`SELECT status FROM briefs WHERE id = $1`, [briefId]))[0].status).toBe('rejected');
      await signOut();

      phase('planner return');
      // 3. Requester (UI): the reason shown; the evenings added; resubmitted.
      await signIn(requester.email, '/requests');
      await page.goto(`${url}/requests/${briefId}`);
      await page.locator('[data-testid=rejection]').waitFor();
      await expect(page.locator('[data-testid=rejection]').innerText()).resolves.toContain(reason);
      await visited('brief-rejection-reason');
      await page.check('input[name=evenings]');
      await page.click('[data-testid=submit-brief]');
      await pollUntil(async () => (await status.innerText()) === text.requester.status.submitted, {
        what: 'the brief resubmitted',
      });
      const [brief] = await ds.query(`SELECT windows FROM briefs WHERE id = $1`, [briefId]);
      expect(brief.windows).toMatchObject({ timeZone: zone, holidays: true, evenings: true });
      await signOut();

      phase('requester resubmit');
      // 4. Planner (UI): accept, script with a branch, preview, campaign, pilot, summary, launch.
      await signIn(planner.email, '/planner/review');
      await page.click(`tr[data-brief="${briefId}"] a`);
      await page.waitForURL(`${url}/planner/briefs/${briefId}`);
      await page.getByLabel(P.brief.comment).fill('Accepted: pilot today.');
      await page.getByRole('button', { name: P.brief.accept, exact: true }).click();
      await page.locator('[data-testid=new-script]').waitFor();
      await visited('brief-accepted');
      await page.click('[data-testid=new-script]');
      await page.waitForURL(/\/planner\/scripts\//);
      const text0 = page.locator('#s0-text');
      await text0.fill('Hello ');
      await page.selectOption('[data-testid=insert-field-name]', 'name');
      await page.click('[data-testid=insert-field]');
      await expect(text0.inputValue()).resolves.toBe('Hello {{name}}');
      await page.click('[data-section-index="0"] [data-testid=add-question]');
      await page.fill('#s0-q0-id', 'satisfied');
      await page.fill('#s0-q0-text', 'Are you satisfied?');
      await page.fill('#s0-q0-options', 'yes\nno');
      await page.click('[data-testid=add-section]');
      await page.fill('#s1-id', 'why');
      await page.fill('#s1-text', 'Sorry to hear that.');
      await page.click('[data-section-index="1"] [data-testid=add-question]');
      await page.fill('#s1-q0-id', 'reason');
      await page.selectOption('#s1-q0-type', 'text');
      await page.fill('#s1-q0-text', 'What went wrong?');
      await page.click('[data-section-index="0"] [data-testid=add-branch]');
      await page.selectOption('#s0-b0-eq', 'no');
      await page.selectOption('#s0-b0-goto', 'why');
      await page.selectOption('#s0-next', 'end');
      await expect(page.locator('[data-testid=script-check]').innerText()).resolves.toBe(text.planner.script.valid);
      await page.click('[data-testid=save-script]');
      await page.locator('[data-testid=script-saved]').waitFor();
      // The preview with a real contact of the list: the name filled in, the "no" answer follows the branch.
      await page.click('[data-testid=run-preview]');
      const preview = page.locator('[data-testid=script-preview]');
      await preview.waitFor();
      await expect(preview.innerText()).resolves.toMatch(new RegExp(`Hello (${NAMES.join('|')})`));
      await expect(page.locator('[data-section=why]').count()).resolves.toBe(0);
      await preview.locator('[data-question=satisfied] input[value=no]').check();
      await page.locator('[data-section=why] [data-question=reason]').waitFor();
      await visited('script-editor');

      phase('planner accept+script');
      await page.click(`a[href="/planner/briefs/${briefId}"]`);
      await page.click('[data-testid=setup-campaign]');
      await page.waitForURL(`${url}/planner/briefs/${briefId}/campaign`);
      await pollUntil(async () => (await page.inputValue('#cf-script')) !== '', { what: 'the script version chosen' });
      await page.fill('#cf-callerId', '+442071234567');
      await visited('campaign-setup');
      await page.click('[data-testid=campaign-submit]');
      await page.waitForURL(/\/planner\/campaigns\/[0-9a-f-]{36}$/, { timeout: 10_000 }).catch(async (e) => {
        throw new Error(`${String(e)}\n${await page.locator('main').innerText()}`);
      });
      const campaignId = page.url().split('/').pop()!;
      const [created] = await ds.query(`SELECT pilot_size, script_version_id FROM campaigns WHERE id = $1`, [
        campaignId,
      ]);
      expect(created.pilot_size).toBe(2);
      expect(created.script_version_id).toBeTruthy();
      for (const n of numbers) sim.setNumberBehaviour(n, { outcome: 'human', ringSeconds: 0.2, talkSeconds: 1 });

      phase('campaign setup');
      // Simulated agents (API, as the planner and requester journeys do): they dispose every call after it ends.
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
            else if (s.body?.state === 'paused') await api(url, 'POST', '/api/agent/ready', as(a.user));
            if (s.body?.offer && !s.body.call) await api(url, 'POST', '/api/agent/preview/dial', as(a.user));
          }
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      try {
        await page.getByRole('button', { name: P.pilot.run, exact: true }).click();
        await pollUntil(async () => (await state(campaignId)) === 'pilot', { what: 'the pilot started' });
        for (const a of agents)
          expect((await api(url, 'POST', '/api/agent/session', { ...as(a.user), body: { campaignId } })).status).toBe(
            201,
          );
        await pollUntil(async () => (await state(campaignId)) === 'pilot_review', {
          timeoutMs: 30_000,
          what: 'the pilot ended',
        });
        const summary = page.locator('[data-testid=pilot-summary]');
        await summary.waitFor({ timeout: 10_000 });
        await expect(summary.locator('td[data-code=COMPLETED]').innerText()).resolves.toBe('2');
        await visited('pilot-summary');
        phase('pilot');
        await page.getByRole('button', { name: P.pilot.launch, exact: true }).click();
        await pollUntil(async () => ['running', 'completed'].includes(await state(campaignId)), {
          what: 'the campaign launched',
        });
        await pollUntil(async () => (await state(campaignId)) === 'completed', {
          timeoutMs: 45_000,
          what: 'the campaign completed',
        }).catch(async (e: unknown) => {
          const rows = await ds.query(
            `SELECT status, attempts, last_outcome, next_attempt_at FROM campaign_contacts WHERE campaign_id = $1`,
            [campaignId],
          );
          throw new Error(`${String(e)}\n${JSON.stringify(rows)}`);
        });
        phase('launch to completed');
        await visited('campaign-completed');
      } finally {
        working = false;
        await work;
        for (const a of agents) await api(url, 'DELETE', '/api/agent/session', as(a.user));
      }
      await signOut();

      // The delivery job runs every minute; an admin runs it now (API, through the dialer's /api/reports).
      expect((await api(url, 'POST', '/api/reports/deliveries/run', as(admin))).status).toBe(200);

      phase('delivery');
      // 5. Requester (UI): the briefs, the results page, the XLSX and the delivered archive.
      await signIn(requester.email, '/requests');
      await page.locator(`[data-brief="${briefId}"] progress`).waitFor();
      await visited('briefs');
      await page.goto(`${url}/results/${briefId}`);
      await page.locator('[data-testid=figures]').waitFor();
      const [{ reached }] = await ds.query(
        `SELECT count(DISTINCT campaign_contact_id)::int AS reached FROM call_attempts
          WHERE campaign_id = $1 AND disposition_code = 'COMPLETED'`,
        [campaignId],
      );
      expect(reached).toBe(NAMES.length);
      await expect(page.locator('[data-testid=reached]').innerText()).resolves.toBe(
        new Intl.NumberFormat(lang).format(reached),
      );
      await page.locator('[data-testid=archives] [data-archive]').waitFor();
      await visited('results');

      const xlsxDownload = page.waitForEvent('download');
      await page.click('[data-testid=export-xlsx]');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await bytesOf(await xlsxDownload)) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      const rows: { name: unknown; result: unknown }[] = [];
      ws.eachRow((row, i) => {
        if (i > 1) rows.push({ name: row.getCell(3).value, result: row.getCell(6).value });
      });
      const inDb: { name: string }[] = await ds.query(
        `SELECT concat_ws(' ', c.first_name, c.last_name) AS name
           FROM campaign_contacts cc JOIN contacts c ON c.id = cc.contact_id WHERE cc.campaign_id = $1`,
        [campaignId],
      );
      expect(inDb.map((r) => r.name).sort()).toEqual([...NAMES].sort());
      expect(rows.map((r) => r.name).sort()).toEqual(inDb.map((r) => r.name).sort());
      expect(rows.filter((r) => r.result === 'successful')).toHaveLength(reached);

      const archiveDownload = page.waitForEvent('download');
      await page.click('[data-testid=archives] [data-archive] button');
      const archived = await bytesOf(await archiveDownload);
      const [entry] = await ds.query(`SELECT sha256 FROM archives WHERE brief_id = $1`, [briefId]);
      expect(createHash('sha256').update(archived).digest('hex')).toBe(entry.sha256);
      expect(archived.toString('utf8')).toContain(NAMES[2]);

      phase('results');
      expect(errors).toEqual([]);
      await ctx.close();
      console.log(`full journey in ${lang}: ${Math.round((Date.now() - started) / 1000)} s (${phases.join(', ')})`);
    }, 180_000);
  });
});
