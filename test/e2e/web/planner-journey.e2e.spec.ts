import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { AsteriskSim } from '@app/asterisk-sim';
import { hashPassword } from '@app/auth';
import { ALWAYS_OPEN_WINDOWS } from '@app/briefs';
import { pollUntil } from '@app/common';
import type { User } from '@app/database';
import { ASTERISK_SIM } from '@app/dialer';
import { aDepartment, aUser } from '../../support/builders';
import { aNumber, anAgent } from '../../support/campaign-builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { axeViolations, catalogue, ensureWebBuild, launch, serious } from './browser';

// The planner's day in a real browser (Debian's Chromium through playwright-core) against the real dialer, its
// database and the ARI simulator: return one brief with a reason, accept another with a comment, write its script
// with a branch (a {{field}} inserted, an unknown one caught as typed), preview it with a contact of the list, set up
// the campaign (the API's field error shown next to the field), run the pilot with simulated agents, read its
// summary and launch. Once in English, once in Simplified Chinese. Screenshots go to docs/screenshots.

const ENV = { SIM_PORT: '0', DIALER_TICK_MS: '100', DIALER_LEASE_SECONDS: '3', DIALER_INSTANCE_ID: 'planner-e2e' };
const PASSWORD = 'planner-browser-password-1';
const SHOTS = join('docs', 'screenshots');
const FINAL = ['done', 'exhausted', 'dnc', 'excluded'];

describe('the planner in a browser: review, script, campaign, pilot, launch', () => {
  let t: TestApp;
  let sim: AsteriskSim;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuild();
    mkdirSync(SHOTS, { recursive: true });
    t = await startTestApp('dialer', ENV);
    sim = t.app.get(ASTERISK_SIM);
    browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  describe.each(['en', 'zh-CN'])('in %s', (lang) => {
    const text = catalogue(lang);
    const P = text.planner;
    const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}-${lang}.png`) });
    const noSeriousViolations = async (page: Page, what: string) => {
      const v = serious(await axeViolations(page));
      expect({ what, violations: v }).toEqual({ what, violations: [] });
    };

    it('a planner returns a brief, accepts another, writes and previews its script, sets up the campaign, pilots it with simulated agents and launches it', async () => {
      const ds = t.db.ds;
      const dep = await aDepartment(ds);
      const requester = await aUser(ds, 'requester', dep.id);
      const planner = await aUser(ds, 'planner', dep.id);
      await ds.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [planner.id, await hashPassword(PASSWORD)]);
      const as = (u: User) => t.tokenFor(u);

      // Two briefs submitted by the department (through the API): one to return, one to accept.
      const names = ['Ann', 'Bo', 'Cy', 'Di', 'Ed', 'Flo'];
      const numbers = names.map(() => aNumber());
      for (const n of numbers) sim.setNumberBehaviour(n, { outcome: 'human', ringSeconds: 0.2, talkSeconds: 1 });
      const submit = async (title: string) => {
        const res = await api(t.url, 'POST', '/api/briefs', {
          token: as(requester),
          body: {
            title,
            purpose: 'Ask customers on the gold plan whether they are satisfied.',
            contactPerson: { name: 'Ann Example', email: 'ann@example.com' },
            rows: names.map((first_name, i) => ({
              phone: numbers[i],
              first_name,
              time_zone: 'Europe/London',
              plan: 'gold',
            })),
            scriptDraft: 'Hello, a question about your plan.',
            deadline: new Date(Date.now() + 14 * 24 * 3600_000).toISOString(),
            // Any day, any hour, but not on holidays: the campaign setup below goes beyond that.
            windows: { ...ALWAYS_OPEN_WINDOWS, holidays: false },
            retryPolicy: { busy: { retryAfterMinutes: 120, maxRetries: 3 }, maxAttemptsPerContact: 4 },
            pilotSize: 3,
            region: 'GB',
          },
        });
        expect(res.status).toBe(201);
        expect((await api(t.url, 'POST', `/api/briefs/${res.body.id}/submit`, { token: as(requester) })).status).toBe(
          200,
        );
        return res.body.id as string;
      };
      const toReturn = await submit(`Survey A ${lang}`);
      const toAccept = await submit(`Survey B ${lang}`);
      const briefRow = async (id: string) => (await ds.query(`SELECT * FROM briefs WHERE id = $1`, [id]))[0];

      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: lang });
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${t.url}/`);
      await page.locator('input[name=email]').waitFor();
      await page.selectOption('[data-testid=language]', lang);
      await page.fill('input[name=email]', planner.email);
      await page.fill('input[name=password]', PASSWORD);
      await page.click('button[type=submit]');
      // The review queue is the planner's home.
      await page.waitForURL(`${t.url}/planner/review`);
      await page.locator(`[data-testid=review-queue] tr[data-brief="${toAccept}"]`).waitFor();
      await noSeriousViolations(page, 'review queue');
      await shot(page, 'planner-review-queue');

      // Return brief A: a too-short reason is refused by the API and shown next to the field; then a real one.
      await page.click(`tr[data-brief="${toReturn}"] a`);
      await page.waitForURL(`${t.url}/planner/briefs/${toReturn}`);
      await expect(page.locator('[data-testid=list-accepted]').innerText()).resolves.toBe('6');
      await page.fill('#reject-reason', 'no');
      await page.click('[data-testid=reject]');
      const reasonError = page.locator('#reject-reason ~ [data-field-error=reason]');
      await reasonError.waitFor();
      await expect(page.getAttribute('#reject-reason', 'aria-invalid')).resolves.toBe('true');
      await reasonError.scrollIntoViewIfNeeded();
      await noSeriousViolations(page, 'brief with a field error');
      await shot(page, 'planner-brief');
      await page.fill('#reject-reason', 'The list has no consent column; please add one.');
      await page.click('[data-testid=reject]');
      await page.locator('[data-testid=brief-message]').waitFor();
      expect(await briefRow(toReturn)).toMatchObject({
        status: 'rejected',
        rejection_reason: 'The list has no consent column; please add one.',
      });

      // Accept brief B with a comment.
      await page.click('a[href="/planner/review"]');
      await page.click(`tr[data-brief="${toAccept}"] a`);
      await page.waitForURL(`${t.url}/planner/briefs/${toAccept}`);
      await page.fill('#accept-comment', 'Accepted: pilot today.');
      await page.click('[data-testid=accept]');
      await page.locator('[data-testid=new-script]').waitFor();
      expect((await briefRow(toAccept)).status).toBe('accepted');
      const [change] = await ds.query(
        `SELECT * FROM brief_status_changes WHERE brief_id = $1 AND to_status = 'accepted'`,
        [toAccept],
      );
      expect(JSON.stringify(change)).toContain('Accepted: pilot today.');

      // The script: a {{field}} inserted from the list's columns, an unknown one caught as typed, a branch.
      await page.click('[data-testid=new-script]');
      await page.waitForURL(/\/planner\/scripts\//);
      const text0 = page.locator('#s0-text');
      await text0.fill('Hello {{nickname}}');
      const text0Error = page.locator('[data-field-error="body.sections[0].text"]');
      await text0Error.waitFor();
      await expect(text0Error.innerText()).resolves.toContain('{{nickname}}');
      await text0.fill('Hello ');
      await page.selectOption('[data-testid=insert-field-name]', 'first_name');
      await page.click('[data-testid=insert-field]');
      await text0.press('End');
      await text0.pressSequentially(', about your ');
      await page.selectOption('[data-testid=insert-field-name]', 'plan');
      await page.click('[data-testid=insert-field]');
      await expect(text0.inputValue()).resolves.toBe('Hello {{first_name}}, about your {{plan}}');
      await expect(text0Error.count()).resolves.toBe(0);
      await page.click('[data-section-index="0"] [data-testid=add-question]');
      await page.fill('#s0-q0-id', 'satisfied');
      await page.fill('#s0-q0-text', 'Are you satisfied, {{first_name}}?');
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
      await expect(page.locator('[data-testid=script-check]').innerText()).resolves.toBe(P.script.valid);
      await page.click('[data-testid=save-script]');
      await page.locator('[data-testid=script-saved]').waitFor();
      // Preview with a real contact of the list: the text filled in, the "no" branch followed.
      await page.selectOption('[data-testid=preview-contact]', { label: 'Ann' });
      await page.click('[data-testid=run-preview]');
      const preview = page.locator('[data-testid=script-preview]');
      await preview.waitFor();
      await expect(preview.innerText()).resolves.toContain('Hello Ann, about your gold');
      await expect(page.locator('[data-section=why]').count()).resolves.toBe(0);
      await preview.locator('[data-question=satisfied] input[value=no]').check();
      await page.locator('[data-section=why] [data-question=reason]').waitFor();
      // A second version, compared side by side with the first.
      await page.fill('#s1-text', 'Sorry to hear that, {{first_name}}.');
      await page.fill('#change-note', 'friendlier');
      await page.click('[data-testid=save-script]');
      await pollUntil(async () => (await page.locator('[data-testid=compare-b]').count()) > 0, {
        what: 'the comparison',
      });
      await expect(page.locator('[data-testid=compare-b] .pl-diff').innerText()).resolves.toContain('{{first_name}}.');
      await noSeriousViolations(page, 'script editor');
      await shot(page, 'planner-script-editor');

      // The campaign from the brief: a bad caller ID is refused by the API, its reason shown next to the field.
      await page.click(`a[href="/planner/briefs/${toAccept}"]`);
      await page.click('[data-testid=setup-campaign]');
      await page.waitForURL(`${t.url}/planner/briefs/${toAccept}/campaign`);
      await pollUntil(async () => (await page.inputValue('#cf-script')) !== '', { what: 'the script version chosen' });
      await page.fill('#cf-callerId', '12345');
      await page.click('[data-testid=campaign-submit]');
      const callerError = page.locator('#cf-callerId ~ [data-field-error=callerId]');
      await callerError.waitFor();
      await expect(callerError.innerText()).resolves.toContain('E.164');
      await callerError.scrollIntoViewIfNeeded();
      await noSeriousViolations(page, 'campaign setup with a field error');
      await shot(page, 'planner-campaign-setup');
      await page.fill('#cf-callerId', '+442071234567');
      // Calling on holidays goes beyond the brief's windows: warned as typed, refused by the API unless kept.
      await page.check('[data-flag=holidays]');
      await page.locator('[data-testid=windows-warning]').waitFor();
      await page.click('[data-testid=campaign-submit]');
      await page.locator('[data-field-error=windows]').waitFor();
      await expect(page.locator('[data-field-error=windows]').innerText()).resolves.toContain('holidays');
      await expect(page.locator('#cf-callerId ~ [data-field-error]').count()).resolves.toBe(0);
      await page.check('[data-testid=allow-wider]');
      await page.click('[data-testid=campaign-submit]');
      await page.waitForURL(/\/planner\/campaigns\/[0-9a-f-]{36}$/);
      const campaignId = page.url().split('/').pop()!;
      const [created] = await ds.query(`SELECT * FROM campaigns WHERE id = $1`, [campaignId]);
      expect(created).toMatchObject({ state: 'draft', mode: 'progressive', caller_id: '+442071234567', pilot_size: 3 });
      expect(created.windows).toMatchObject({ holidays: true });
      await page.locator('[data-testid=campaign-warnings]').waitFor();
      expect(created.script_version_id).toBeTruthy();

      // Two simulated agents: they log in on the pilot and dispose of each call after it ends.
      const agents = [await anAgent(ds, dep.id), await anAgent(ds, dep.id)];
      let working = true;
      const work = (async () => {
        while (working) {
          for (const a of agents) {
            const s = await api(t.url, 'GET', '/api/agent/session', { token: as(a.user) });
            if (s.body?.state === 'wrap-up')
              await api(t.url, 'POST', '/api/agent/disposition', {
                token: as(a.user),
                body: { code: 'COMPLETED', answers: { satisfied: 'yes' } },
              });
            else if (s.body?.state === 'paused') await api(t.url, 'POST', '/api/agent/ready', { token: as(a.user) });
          }
          await new Promise((r) => setTimeout(r, 150));
        }
      })();

      try {
        // Run the pilot and watch it: the three pilot contacts are called and disposed.
        await page.click('[data-testid=run-pilot]');
        await pollUntil(
          async () => (await ds.query(`SELECT state FROM campaigns WHERE id = $1`, [campaignId]))[0].state === 'pilot',
          { what: 'the pilot started' },
        );
        for (const a of agents) {
          const res = await api(t.url, 'POST', '/api/agent/session', { token: as(a.user), body: { campaignId } });
          expect({ status: res.status, body: res.status === 201 ? null : res.body }).toEqual({
            status: 201,
            body: null,
          });
        }
        await page.locator('[data-testid=live-dials]').waitFor();
        const pilotDone = async () => {
          const [r] = await ds.query(
            `SELECT count(*) FILTER (WHERE status = ANY($2))::int AS done, count(*)::int AS n
               FROM campaign_contacts WHERE campaign_id = $1 AND pilot`,
            [campaignId, FINAL],
          );
          return r.n === 3 && r.done === 3;
        };
        await pollUntil(pilotDone, { timeoutMs: 30_000, what: 'the pilot contacts called and disposed' });
        await pollUntil(async () => (await page.locator('[data-testid=live-dials] .big').innerText()) === '3', {
          what: 'the watch showing three dials',
        });
        await noSeriousViolations(page, 'pilot watch');
        await shot(page, 'planner-pilot-watch');

        // The runner ends the pilot once its contacts are done (the planner may end it earlier): the summary shows.
        await pollUntil(
          async () =>
            (await ds.query(`SELECT state FROM campaigns WHERE id = $1`, [campaignId]))[0].state === 'pilot_review',
          { what: 'the pilot ended' },
        );
        const summary = page.locator('[data-testid=pilot-summary]');
        await summary.waitFor({ timeout: 10_000 }).catch(async (e) => {
          console.log(await page.locator('main').innerText());
          throw e;
        });
        await expect(summary.locator('td[data-code=COMPLETED]').innerText()).resolves.toBe('3');
        await page.locator('[data-testid=forecast-chart]').waitFor();
        await noSeriousViolations(page, 'pilot summary');
        await shot(page, 'planner-pilot-summary');
        await page.locator('[data-testid=forecast-chart]').scrollIntoViewIfNeeded();
        await shot(page, 'planner-forecast');

        // Adjust between rounds (a shorter ring time), then another round of two contacts not piloted yet (five done).
        await page.click('[data-testid=adjust]');
        await page.fill('#cf-ringTimeoutSeconds', '20');
        await page.click('[data-testid=campaign-submit]');
        await pollUntil(
          async () =>
            (await ds.query(`SELECT pacing FROM campaigns WHERE id = $1`, [campaignId]))[0].pacing
              .ringTimeoutSeconds === 20,
          { what: 'the ring time adjusted' },
        ).catch(async (e) => {
          console.log(await page.locator('main').innerText());
          throw e;
        });
        await page.fill('#pilot-size', '2');
        await page.click('[data-testid=run-pilot]');
        await pollUntil(
          async () => {
            const [r] = await ds.query(
              `SELECT c.state, count(*) FILTER (WHERE cc.status = ANY($2))::int AS done
                 FROM campaigns c JOIN campaign_contacts cc ON cc.campaign_id = c.id WHERE c.id = $1 GROUP BY c.state`,
              [campaignId, FINAL],
            );
            return r.state === 'pilot_review' && r.done === 5;
          },
          { timeoutMs: 30_000, what: 'the second pilot round called and ended' },
        ).catch(async (e) => {
          console.log(
            JSON.stringify({
              c: await ds.query(`SELECT state, pilot_summary FROM campaigns WHERE id = $1`, [campaignId]),
              cc: await ds.query(
                `SELECT pilot, status, count(*)::int FROM campaign_contacts WHERE campaign_id = $1 GROUP BY 1, 2`,
                [campaignId],
              ),
              a: await ds.query(`SELECT state, campaign_id FROM agents WHERE id = ANY($1)`, [
                agents.map((a) => a.agent.id),
              ]),
              main: await page.locator('main').innerText(),
            }),
          );
          throw e;
        });
        await pollUntil(
          async () =>
            (await summary.count()) > 0 && (await summary.locator('td[data-code=COMPLETED]').innerText()) === '2',
          { what: "the second round's summary" },
        );
        await expect(summary.innerText()).resolves.toContain(P.pilot.rounds.replace('{{n}}', '2'));
        await page.click('[data-testid=launch]');
        await pollUntil(
          async () =>
            (await ds.query(`SELECT state FROM campaigns WHERE id = $1`, [campaignId]))[0].state === 'running',
          { what: 'the campaign running' },
        );
        await expect(page.locator('[data-testid=campaign-state]').innerText()).resolves.toBe(P.campaignState.running);

        // The campaign list with its state and whether (or why not) it dials.
        await page.click('a[href="/planner/campaigns"]');
        const row = page.locator(`tr[data-campaign="${campaignId}"]`);
        await row.waitFor();
        await pollUntil(async () => (await row.locator('[data-testid=why-not-dialing]').innerText()) !== '—', {
          what: 'why (not) dialing',
        });
        await noSeriousViolations(page, 'campaign list');
        await shot(page, 'planner-campaigns');

        // Back home, the department's notices say the pilot finished and the campaign was launched.
        await page.click('a[href="/planner/review"]');
        await page.locator('[data-testid=notices] li[data-kind="campaign.pilot-finished"]').first().waitFor();
        await page.locator('[data-testid=notices] li[data-kind="campaign.launched"]').waitFor();
      } finally {
        working = false;
        await work;
        for (const a of agents) await api(t.url, 'DELETE', '/api/agent/session', { token: as(a.user) });
        await api(t.url, 'POST', `/api/campaigns/${campaignId}/pause`, { token: as(planner) });
      }
      expect(errors).toEqual([]);
      await ctx.close();
    }, 150_000);
  });
});
