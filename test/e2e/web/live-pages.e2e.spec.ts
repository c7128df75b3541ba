import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AsteriskSim } from '@app/asterisk-sim';
import { hashPassword } from '@app/auth';
import { pollUntil } from '@app/common';
import { ASTERISK_SIM } from '@app/dialer';
import { aDepartment, aUser } from '../../support/builders';
import { aCampaign, someContacts } from '../../support/campaign-builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { anAcdWorld, untilRow } from '../../integration/acd/acd-fixtures';
import { axeViolations, catalogue, ensureWebBuild, launch, serious } from './browser';

// The live pages' inbound and steering parts in a real browser against the real dialer, its database and the ARI
// simulator: an inbound caller waits on the wallboard's queue board, is offered to the agent desktop (caller, queue,
// waited time), held, and transferred blind to another agent; a planner starts, pauses and retunes a campaign on
// the floor view (the API's field error shown next to the field). English and Chinese; axe; screenshots.

const ENV = { SIM_PORT: '0', DIALER_TICK_MS: '100', DIALER_LEASE_SECONDS: '3', DIALER_INSTANCE_ID: 'web-live' };
const PASSWORD = 'browser-test-password-2';
const SHOTS = join('docs', 'screenshots');
/** Hold, consult, listen and whisper come with the ACD's call-control routes; their steps run once those exist. */
const ACD_SOURCE = readFileSync(join('libs', 'acd', 'src', 'acd.controller.ts'), 'utf8');
const HAS_HOLD = ACD_SOURCE.includes("'agent/inbound/hold'");
const HAS_MONITOR_STOP = ACD_SOURCE.includes("'agents/:agentId/monitor/:channelId'");

describe('the live pages in a browser: inbound calls, queues on the wallboard, steering campaigns', () => {
  let t: TestApp;
  let sim: AsteriskSim;
  let browser: Browser;
  let hash: string;

  beforeAll(async () => {
    ensureWebBuild();
    mkdirSync(SHOTS, { recursive: true });
    t = await startTestApp('dialer', ENV);
    sim = t.app.get(ASTERISK_SIM);
    browser = await launch();
    hash = await hashPassword(PASSWORD);
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
    const contexts: BrowserContext[] = [];
    afterAll(async () => {
      for (const c of contexts.splice(0)) await c.close();
    });
    const signedIn = async (email: string, expectPath: string): Promise<Page> => {
      const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: lang });
      contexts.push(ctx);
      const page = await ctx.newPage();
      await page.goto(`${t.url}/`);
      await page.locator('input[name=email]').waitFor();
      await page.selectOption('[data-testid=language]', lang);
      await page.fill('input[name=email]', email);
      await page.fill('input[name=password]', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForURL(`${t.url}${expectPath}`);
      return page;
    };

    it('an inbound caller waits on the wallboard, reaches the agent desktop with caller, queue and wait, is held and transferred', async () => {
      const ds = t.db.ds;
      const dep = await aDepartment(ds);
      const w = await anAcdWorld(t, dep.id);
      const q = await w.queue({ serviceLevelSeconds: 20, wrapUpSeconds: 2 });
      const first = await w.agent();
      const second = await w.agent();
      await w.join(q.id, first.id);
      const [firstUser] = await ds.query(`SELECT user_id FROM agents WHERE id = $1`, [first.id]);
      const [{ email }] = await ds.query(`SELECT email FROM users WHERE id = $1`, [firstUser.user_id]);
      const supervisor = await aUser(ds, 'supervisor', dep.id);
      await ds.query(`UPDATE users SET password_hash = $2 WHERE id = ANY($1)`, [
        [firstUser.user_id, supervisor.id],
        hash,
      ]);

      // The agent logs in on the desktop and takes a break.
      const page = await signedIn(email, '/agent');
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.click('[data-testid=login]');
      const badge = page.locator('[data-testid=agent-state]');
      await pollUntil(async () => (await badge.innerText()) !== text.states.offline, { what: 'logged in' });
      if ((await badge.innerText()) !== text.states.paused) await page.keyboard.press('Alt+P');
      await pollUntil(async () => (await badge.innerText()) === text.states.paused, { what: 'paused' });

      // The supervisor's wallboard shows the queue; a caller waits while its only agent is paused.
      const board = await signedIn(supervisor.email, '/floor');
      await board.click('a[href="/wallboard"]');
      const queueBoard = board.locator(`[data-queue="${q.id}"]`);
      await queueBoard.locator('[data-testid=queue-waiting]').waitFor({ timeout: 10_000 });
      const call = sim.injectInbound({
        number: q.did,
        callerId: '+8613912345678',
        talkSeconds: 120,
        patienceSeconds: 120,
      })!;
      await pollUntil(async () => (await queueBoard.locator('[data-testid=queue-waiting]').innerText()) === '1', {
        timeoutMs: 5000,
        what: 'the wallboard showing one caller waiting',
      });
      await pollUntil(async () => (await queueBoard.locator('[data-testid=queue-longest]').innerText()) !== '0:00', {
        timeoutMs: 5000,
        what: 'the longest wait counting',
      });
      await expect(queueBoard.locator('[data-testid=queue-agents-paused] .big').innerText()).resolves.toBe('1');
      await noSeriousViolations(board, 'wallboard with a queue');
      await shot(board, 'wallboard-queues');

      // Ready: the caller is offered to the agent desktop.
      await page.keyboard.press('Alt+R');
      await untilRow(ds, call.id, (r) => r.status === 'connected' && r.agent_id === first.id, 'with the first agent');
      const card = page.locator('[data-testid=inbound]');
      await card.waitFor({ timeout: 10_000 });
      await expect(card.locator('[data-testid=inbound-caller]').innerText()).resolves.toBe('+8613912345678');
      await expect(card.locator('[data-testid=inbound-queue]').innerText()).resolves.toBe(`q-${q.did}`);
      expect(await card.locator('[data-testid=inbound-wait]').innerText()).toMatch(/^\d+:\d\d$/);
      await expect(card.locator('h2').innerText()).resolves.toContain(text.inbound.title);
      // The wallboard: nobody waits now, one member talking.
      await pollUntil(async () => (await queueBoard.locator('[data-testid=queue-waiting]').innerText()) === '0', {
        timeoutMs: 3000,
        what: 'the wallboard showing nobody waiting',
      });
      await pollUntil(
        async () => (await queueBoard.locator('[data-testid=queue-agents-talking] .big').innerText()) === '1',
        { timeoutMs: 3000, what: 'the wallboard showing the member talking' },
      );

      if (HAS_HOLD) {
        await page.keyboard.press('Alt+O');
        await card.locator('[data-testid=inbound-held]').waitFor({ timeout: 5000 });
        await page.click('[data-testid=inbound-hold]');
        await card.locator('[data-testid=inbound-held]').waitFor({ state: 'detached', timeout: 5000 });
      }
      await noSeriousViolations(page, 'agent desktop with an inbound call');
      await shot(page, 'agent-desktop-inbound');

      // The supervisor sees the agent on the inbound call on the floor view, with barge (and listen, whisper).
      await board.click('a[href="/floor"]');
      const row = board.locator(`tr[data-agent="${first.id}"]`);
      await row.locator('[data-testid=monitor-barge]').waitFor({ timeout: 10_000 });
      await board.fill('[data-testid=monitor-endpoint]', 'PJSIP/agent-1977');
      await row.locator('[data-testid=monitor-barge]').click();
      await pollUntil(
        async () =>
          (await board.locator('[data-testid=monitoring]').count()) > 0 ||
          (await board.locator('[data-testid=floor-message].error').count()) > 0,
        { timeoutMs: 5000, what: 'the barge started or refused' },
      );
      expect(await board.locator('[data-testid=floor-message].error').allInnerTexts()).toEqual([]);
      const barged = await pollUntil(
        () =>
          sim
            .requests()
            .find((r) => r.method === 'POST' && r.path === '/ari/channels' && r.query.endpoint === 'PJSIP/agent-1977'),
        { what: "the supervisor's phone called" },
      );
      expect(barged).toBeTruthy();
      await noSeriousViolations(board, 'floor view with an inbound call');
      if (HAS_MONITOR_STOP) {
        await board.click('[data-testid=monitor-stop]');
        await board.locator('[data-testid=monitoring]').waitFor({ state: 'detached', timeout: 5000 });
      }

      // Blind transfer to the other agent, picked by name among the colleagues logged in now.
      await w.login(second.token);
      await page.selectOption('[data-testid=transfer-kind]', 'agent');
      await page.locator(`[data-testid=transfer-target] option[value="${second.id}"]`).waitFor({ state: 'attached' });
      await page.selectOption('[data-testid=transfer-target]', second.id);
      const secondName = await page.locator('[data-testid=transfer-target] option:checked').innerText();
      await page.keyboard.press('Alt+T');
      await untilRow(ds, call.id, (r) => r.agent_id === second.id, 'with the second agent');
      // The row changes before the page has the transfer's answer: wait for the page's own status line.
      await pollUntil(async () => (await page.locator('p[role=status].info').innerText()).includes(secondName), {
        timeoutMs: 5000,
        what: 'the desktop saying the call went to the second agent',
      });
      expect(errors).toEqual([]);
    }, 120_000);

    it('a planner starts a campaign, pauses it and changes its abandon target on the floor view', async () => {
      const ds = t.db.ds;
      const dep = await aDepartment(ds);
      const planner = await aUser(ds, 'planner', dep.id);
      await ds.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [planner.id, hash]);
      const c = await aCampaign(ds, { departmentId: dep.id, mode: 'predictive', state: 'draft' });
      await ds.query(`UPDATE campaigns SET pilot_size = 2 WHERE id = $1`, [c.id]);
      await someContacts(ds, c, [{}, {}, {}, {}]);
      const state = async () => (await ds.query(`SELECT state, pacing FROM campaigns WHERE id = $1`, [c.id]))[0];

      // A planner starts on their review queue; the floor view is one of their pages.
      const page = await signedIn(planner.email, '/planner/review');
      await page.goto(`${t.url}/floor`);
      const row = page.locator(`tr[data-campaign="${c.id}"]`);
      await row.locator('[data-testid=campaign-start]').click();
      await pollUntil(async () => (await state()).state === 'pilot', { what: 'the pilot started' });
      await row.locator('[data-testid=campaign-pause]').click();
      await pollUntil(async () => (await state()).state === 'pilot_paused', { what: 'the pilot paused' });
      await pollUntil(
        async () =>
          (await row.locator('[data-testid=campaign-state]').innerText()) === text.campaignStates.pilot_paused,
        { what: 'the floor view showing the pilot paused' },
      );

      // Out of bounds: the API's reason next to the field, in the page's language (the API names the rule, `max`
      // with 5, and the Chinese page words it from its catalogue).
      await row.locator('[data-testid=abandon-target]').fill('9');
      await row.locator('[data-testid=pacing-save]').click();
      const fieldError = row.locator('[data-field-error=abandonCapPercent]');
      await fieldError.waitFor({ timeout: 5000 });
      await expect(fieldError.innerText()).resolves.toContain(
        lang === 'en' ? 'must not exceed 5' : text.validation.max.replace('{{a}}', '5'),
      );
      await expect(row.locator('[data-testid=abandon-target]').getAttribute('aria-invalid')).resolves.toBe('true');
      await noSeriousViolations(page, 'floor view with a field error');

      await row.locator('[data-testid=abandon-target]').fill('2.5');
      await row.locator('[data-testid=dial-ratio]').fill('2');
      await row.locator('[data-testid=pacing-save]').click();
      await pollUntil(async () => (await state()).pacing.abandonCapPercent === 2.5, { what: 'the new abandon target' });
      expect((await state()).pacing.maxLinesPerAgent).toBe(2);
      await page.locator('[data-testid=floor-message]').waitFor();
      await shot(page, 'floor-view-steering');

      await row.locator('[data-testid=campaign-resume]').click();
      await pollUntil(async () => (await state()).state === 'pilot', { what: 'the pilot resumed' });
      const [audit] = await ds.query(
        `SELECT actor_id FROM audit_log WHERE entity_id = $1 AND action = 'campaign.pacing'`,
        [c.id],
      );
      expect(audit.actor_id).toBe(planner.id);
      // A supervisor may steer but not start: no start button for a draft.
      const other = await aCampaign(ds, { departmentId: dep.id, state: 'draft' });
      const sup = await aUser(ds, 'supervisor', dep.id);
      expect(
        (await api(t.url, 'POST', `/api/campaigns/${other.id}/start-pilot`, { token: t.tokenFor(sup), body: {} }))
          .status,
      ).toBe(403);
    }, 90_000);
  });
});
