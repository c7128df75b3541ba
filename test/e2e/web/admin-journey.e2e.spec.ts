import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '@app/auth';
import { pollUntil } from '@app/common';
import { aDepartment, aUser } from '../../support/builders';
import { startTestApp, type TestApp } from '../../support/test-app';
import { axeViolations, catalogue, ensureWebBuild, launch, serious } from './browser';

// The administrator's journey in a real browser against the real dialer and its database: create a department and
// rotate its webhook secret (shown once), add a user, give the agent a skill and a phone, add a holiday, upload,
// search and remove do-not-call numbers, create a queue, filter the audit log. The API's field errors appear next to
// their fields. Once in English, once in Chinese; axe on every page; screenshots to docs/screenshots.

const PASSWORD = 'browser-test-password-3';
const SHOTS = join('docs', 'screenshots');

describe('the administration pages in a browser', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuild();
    mkdirSync(SHOTS, { recursive: true });
    t = await startTestApp('dialer', { SIM_PORT: '0' });
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  describe.each(['en', 'zh-CN'])('in %s', (lang) => {
    const text = catalogue(lang);
    const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}-${lang}.png`) });
    const noSeriousViolations = async (page: Page, what: string) => {
      const v = serious(await axeViolations(page));
      expect({ what, violations: v }).toEqual({ what, violations: [] });
    };

    it('an admin sets up a department, a user, an agent, a holiday, do-not-call numbers and a queue, then reads the audit log', async () => {
      const ds = t.db.ds;
      const home = await aDepartment(ds);
      const admin = await aUser(ds, 'admin', home.id);
      await ds.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [admin.id, await hashPassword(PASSWORD)]);
      const sfx = `${lang === 'en' ? 'E' : 'Z'}${String(Date.now()).slice(-6)}`;

      const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: lang });
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${t.url}/`);
      await page.locator('input[name=email]').waitFor();
      await page.selectOption('[data-testid=language]', lang);
      await page.fill('input[name=email]', admin.email);
      await page.fill('input[name=password]', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForURL(`${t.url}/admin`);
      await page.locator('h1', { hasText: text.admin.sections.home }).waitFor();
      await noSeriousViolations(page, 'admin index');
      const open = async (section: string) => {
        await page.click(`.admin-nav a[href="/admin/${section}"]`);
        await page.waitForURL(`${t.url}/admin/${section}`);
      };

      // Departments: a bad code is named next to its field; then created; its webhook secret rotated, shown once.
      await open('departments');
      await page.fill('#dep-name', `Outreach ${sfx}`);
      await page.fill('#dep-code', 'x');
      await page.click('[data-testid=department-create]');
      await page.locator('[data-field-error=code]').waitFor();
      await expect(page.getAttribute('#dep-code', 'aria-invalid')).resolves.toBe('true');
      await noSeriousViolations(page, 'departments with a field error');
      await page.fill('#dep-code', `OUT${sfx}`);
      await page.click('[data-testid=department-create]');
      const depRow = page.locator(`tr[data-department="OUT${sfx}"]`);
      await depRow.waitFor();
      const [dep] = await ds.query(`SELECT id, webhook_secret FROM departments WHERE code = $1`, [`OUT${sfx}`]);
      await depRow.locator('[data-testid=rotate-secret]').click();
      const secret = await page.locator('[data-testid=webhook-secret-value]').innerText();
      expect(secret.length).toBeGreaterThanOrEqual(16);
      const [after] = await ds.query(`SELECT webhook_secret FROM departments WHERE id = $1`, [dep.id]);
      expect(after.webhook_secret).not.toBe(dep.webhook_secret);
      expect(JSON.stringify(after)).toContain(secret.slice(0, 8));
      // The screenshot masks the secret (a throwaway one, but the repository keeps no secrets, not even those).
      await page.screenshot({
        path: join(SHOTS, `admin-departments-${lang}.png`),
        mask: [page.locator('[data-testid=webhook-secret-value]')],
      });
      await page.click('[data-testid=webhook-secret] button');
      await expect(page.locator('[data-testid=webhook-secret]').count()).resolves.toBe(0);

      // Users: an agent of the new department (its agent profile made with it).
      await open('users');
      const email = `agent-${sfx.toLowerCase()}@test.local`;
      await page.fill('#user-email', email);
      await page.fill('#user-name', `Agent ${sfx}`);
      await page.fill('#user-password', 'short');
      await page.selectOption('#user-role', 'agent');
      await page.selectOption('#user-dep', dep.id);
      await page.click('[data-testid=user-create]');
      // The API names the rule (minLength, 10): a Chinese page words it from its own catalogue.
      await expect(page.locator('[data-field-error=password]').innerText()).resolves.toBe(
        lang === 'en' ? 'password must be at least 10 characters' : text.validation.minLength.replace('{{a}}', '10'),
      );
      await page.fill('#user-password', 'a-long-enough-password');
      await page.click('[data-testid=user-create]');
      await page.locator(`tr[data-user="${email}"]`).waitFor();
      const [agentRow] = await ds.query(
        `SELECT a.id FROM agents a JOIN users u ON u.id = a.user_id WHERE u.email = $1 AND u.role = 'agent'`,
        [email],
      );
      expect(agentRow).toBeTruthy();
      await noSeriousViolations(page, 'users');

      // Agents: a skill level out of range is named; then a skill and a phone.
      await open('agents');
      const agent = page.locator(`tr[data-agent="${email}"]`);
      await agent.locator('[data-testid=agent-skills]').fill('mandarin:11');
      await agent.locator('[data-testid=agent-save]').click();
      await expect(agent.locator('[data-field-error=skills]').innerText()).resolves.toContain(
        lang === 'en' ? '1 to 10' : text.validation.levelRange.replace('{{a}}', '1').replace('{{b}}', '10'),
      );
      await agent.locator('[data-testid=agent-skills]').fill('mandarin:7');
      await agent.locator('[data-testid=agent-endpoint]').fill('PJSIP/agent-2701');
      await agent.locator('[data-testid=agent-save]').click();
      await pollUntil(
        async () => {
          const [a] = await ds.query(`SELECT skills, endpoint FROM agents WHERE id = $1`, [agentRow.id]);
          return a.endpoint === 'PJSIP/agent-2701' && a.skills.mandarin === 7;
        },
        { what: "the agent's skill and phone saved" },
      );
      await noSeriousViolations(page, 'agents');
      await shot(page, 'admin-agents');

      // Holiday calendars: a calendar for the department; a day that does not exist is named; then a holiday.
      await open('calendars');
      await page.fill('[data-testid=calendar-name]', `Holidays ${sfx}`);
      await page.selectOption('#cal-dep', dep.id);
      await page.click('[data-testid=calendar-create]');
      const cal = page.locator(`section[data-calendar="Holidays ${sfx}"]`);
      await cal.waitFor();
      await cal.locator('[data-testid=holiday-date]').fill('2026-02-30');
      await cal.locator('[data-testid=holiday-add]').click();
      await expect(cal.locator('[data-field-error="dates[0].date"]').innerText()).resolves.toBe(
        lang === 'en' ? '2026-02-30 is no calendar day' : text.validation.noCalendarDay.replace('{{a}}', '2026-02-30'),
      );
      await cal.locator('[data-testid=holiday-date]').fill('2026-10-01');
      await cal.locator('[data-testid=holiday-name]').fill('National Day');
      await cal.locator('[data-testid=holiday-add]').click();
      await page.locator(`section[data-calendar="Holidays ${sfx}"] li[data-date="2026-10-01"]`).waitFor();
      const [calendar] = await ds.query(`SELECT dates FROM holiday_calendars WHERE name = $1`, [`Holidays ${sfx}`]);
      expect(calendar.dates).toEqual([{ date: '2026-10-01', name: 'National Day' }]);
      await noSeriousViolations(page, 'calendars');

      // Do-not-call: upload a file (a bad line reported), search a number, remove it (audited).
      await open('dnc');
      const base = `+86135${String(Date.now()).slice(-7)}`;
      const numbers = [`${base}1`, `${base}2`];
      await page.setInputFiles('[data-testid=dnc-file]', {
        name: 'dnc.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`phone,note\n${numbers[0]},letter\nnot-a-number\n${numbers[1]}\n`),
      });
      await page.click('[data-testid=dnc-upload]');
      await page.locator('[data-testid=dnc-rejected]').waitFor();
      await expect(page.locator('[data-testid=dnc-rejected] td').nth(1).innerText()).resolves.toBe('not-a-number');
      await page.fill('[data-testid=dnc-search]', base.slice(3));
      await page.click('[data-testid=dnc-search-go]');
      await page.locator(`tr[data-dnc="${numbers[1]}"]`).waitFor();
      await pollUntil(async () => (await page.locator('tbody tr[data-dnc]').count()) === 2, {
        what: 'the two uploaded numbers found',
      });
      await page.fill('[data-testid=dnc-number]', '12345');
      await page.click('[data-testid=dnc-add]');
      await expect(page.locator('[data-field-error=e164]').innerText()).resolves.toContain('E.164');
      await noSeriousViolations(page, 'do-not-call');
      await shot(page, 'admin-dnc');
      await page.locator(`tr[data-dnc="${numbers[0]}"] [data-testid=dnc-remove]`).click();
      await page.locator(`tr[data-dnc="${numbers[0]}"]`).waitFor({ state: 'detached' });
      expect(await ds.query(`SELECT 1 FROM dnc_entries WHERE e164 = $1`, [numbers[0]])).toEqual([]);
      expect(await ds.query(`SELECT 1 FROM dnc_entries WHERE e164 = $1`, [numbers[1]])).toHaveLength(1);

      // Queues: a new one with a service level target.
      await open('queues');
      await page.fill('[data-testid=queue-name]', `Support ${sfx}`);
      await page.fill('[data-testid=queue-sl]', '30');
      await page.click('[data-testid=queue-create]');
      await page.locator(`tr[data-queue="Support ${sfx}"]`).waitFor();
      const [queue] = await ds.query(`SELECT service_level_seconds FROM queues WHERE name = $1`, [`Support ${sfx}`]);
      expect(queue.service_level_seconds).toBe(30);
      await noSeriousViolations(page, 'queues');

      // The audit log filtered to the do-not-call changes of this admin: the removal and the upload.
      await open('audit');
      await page.fill('[data-testid=audit-action]', 'dnc.');
      await page.selectOption('#audit-actorId', admin.id);
      await page.click('[data-testid=audit-apply]');
      await pollUntil(
        async () =>
          JSON.stringify(
            await page.locator('tbody tr[data-audit]').evaluateAll((r) => r.map((x) => x.getAttribute('data-audit'))),
          ) === JSON.stringify(['dnc.remove', 'dnc.upload']),
        { what: 'the filtered audit log' },
      );
      await expect(page.locator('tr[data-audit="dnc.remove"]').innerText()).resolves.toContain(numbers[0]);
      await page.fill('[data-testid=audit-from]', 'yesterday');
      await page.click('[data-testid=audit-apply]');
      await page.locator('[data-field-error=from]').waitFor();
      await noSeriousViolations(page, 'audit log');
      await page.fill('[data-testid=audit-from]', '');
      await page.click('[data-testid=audit-apply]');
      await page.locator('[data-field-error=from]').waitFor({ state: 'detached' });
      await shot(page, 'admin-audit');
      expect(errors).toEqual([]);
      await ctx.close();
    }, 120_000);
  });
});
