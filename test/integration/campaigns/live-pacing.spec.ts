import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pollUntil } from '@app/common';
import { CampaignRunner, LineCapPacer } from '@app/dialer';
import type { PredictivePacer } from '@app/dialer-core';
import { aDepartment, aUser } from '../../support/builders';
import { aCampaign, ALWAYS_OPEN, anAgent, setState, someContacts } from '../../support/campaign-builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';

const ENV = { SIM_PORT: '0', DIALER_TICK_MS: '100', DIALER_LEASE_SECONDS: '2', DIALER_INSTANCE_ID: 'live-pacing' };

/**
 * PATCH /api/campaigns/:id/pacing: the floor view turns a running campaign's abandon target and dial ratio limit,
 * within the planner's bounds, scoped by department, audited, and the runner's pacer follows without a restart.
 */
describe('PATCH /api/campaigns/:id/pacing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('dialer', ENV);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a supervisor turns a running predictive campaign; the runner retunes its pacer; the change is audited', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const c = await aCampaign(ds, { departmentId: dep.id, mode: 'predictive' });
    await someContacts(ds, c, [{}]);
    await ds.query(`UPDATE campaign_contacts SET next_attempt_at = now() + interval '1 day' WHERE campaign_id = $1`, [
      c.id,
    ]);
    await setState(ds, c, 'running');
    const { user } = await anAgent(ds, dep.id);
    expect(
      (await api(t.url, 'POST', '/api/agent/session', { token: t.tokenFor(user), body: { campaignId: c.id } })).status,
    ).toBe(201);
    const runner = t.app.get(CampaignRunner);
    await pollUntil(() => !!runner.handle(c.id), { what: 'the runner holds the campaign' });

    const sup = t.tokenFor(await aUser(ds, 'supervisor', dep.id));
    const r = await api(t.url, 'PATCH', `/api/campaigns/${c.id}/pacing`, {
      token: sup,
      body: { abandonCapPercent: 1.5, maxLinesPerAgent: 2 },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id: c.id,
      state: 'running',
      pacing: { abandonCapPercent: 1.5, maxLinesPerAgent: 2 },
    });

    const pacer = (): LineCapPacer => runner.handle(c.id)!.engine.pacer as LineCapPacer;
    await pollUntil(() => pacer().maxLinesPerAgent === 2, { what: 'the pacer at two lines per agent' });
    expect((pacer().inner as PredictivePacer).opts.abandonCap).toBeCloseTo(0.015, 6);

    const [audit] = await ds.query(
      `SELECT action, details, department_id FROM audit_log WHERE entity_id = $1 AND action = 'campaign.pacing'`,
      [c.id],
    );
    expect(audit).toMatchObject({
      department_id: dep.id,
      details: { abandonCapPercent: { from: 3, to: 1.5 }, maxLinesPerAgent: { from: 3, to: 2 } },
    });
  });

  it("a holiday added to a running campaign's calendar reaches the runner without a change to the campaign", async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const admin = t.tokenFor(await aUser(ds, 'admin', dep.id));
    const cal = await api(t.url, 'POST', '/api/holiday-calendars', {
      token: admin,
      body: { name: `Holidays ${Date.now()}`, dates: [{ date: '2030-01-01', name: 'New Year' }] },
    });
    expect(cal.status).toBe(201);
    const c = await aCampaign(ds, {
      departmentId: dep.id,
      mode: 'progressive',
      windows: { ...ALWAYS_OPEN, holidayCalendarId: cal.body.id },
    });
    await someContacts(ds, c, [{}]);
    await setState(ds, c, 'running');
    const { user } = await anAgent(ds, dep.id);
    expect(
      (await api(t.url, 'POST', '/api/agent/session', { token: t.tokenFor(user), body: { campaignId: c.id } })).status,
    ).toBe(201);
    const runner = t.app.get(CampaignRunner);
    await pollUntil(() => !!runner.handle(c.id), { what: 'the runner holds the campaign' });
    const dates = () => runner.handle(c.id)!.settings.rules.holidays.map((h) => h.date);
    expect(dates()).toContain('2030-01-01');
    const [{ updated_at: before }] = await ds.query(`SELECT updated_at FROM campaigns WHERE id = $1`, [c.id]);

    const added = await api(t.url, 'PATCH', `/api/holiday-calendars/${cal.body.id}`, {
      token: admin,
      body: {
        dates: [
          { date: '2030-01-01', name: 'New Year' },
          { date: '2030-02-03', name: 'Spring Festival' },
        ],
      },
    });
    expect(added.status).toBe(200);
    await pollUntil(() => dates().includes('2030-02-03'), { what: "the runner's rules with the added holiday" });
    // The contact source reads the same rules: the added day is not callable from now on.
    expect(runner.handle(c.id)!.settings.rules.holidays).toEqual(
      expect.arrayContaining([{ date: '2030-02-03' }, { date: '2030-01-01' }]),
    );
    const [{ updated_at: after }] = await ds.query(`SELECT updated_at FROM campaigns WHERE id = $1`, [c.id]);
    expect(after).toEqual(before);
  });

  it('refuses values out of bounds naming the field, other departments (404), other roles (403), drafts (409)', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const c = await aCampaign(ds, { departmentId: dep.id, mode: 'progressive', state: 'paused' });
    const sup = t.tokenFor(await aUser(ds, 'supervisor', dep.id));
    const patch = (body: unknown, token = sup, id = c.id) =>
      api(t.url, 'PATCH', `/api/campaigns/${id}/pacing`, { token, body });

    const high = await patch({ abandonCapPercent: 7 });
    expect(high.status).toBe(400);
    expect(high.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'abandonCapPercent' })]),
    );
    const zero = await patch({ maxLinesPerAgent: 0 });
    expect(zero.status).toBe(400);
    expect(zero.body.details[0].field).toBe('maxLinesPerAgent');
    const progressive = await patch({ maxLinesPerAgent: 2 });
    expect(progressive.status).toBe(400);
    expect(progressive.body.details).toMatchObject([
      { field: 'maxLinesPerAgent', reason: 'progressive mode dials one line per agent' },
    ]);
    expect((await patch({})).status).toBe(400);
    expect((await patch({ abandonCapPercent: 2 })).status).toBe(200);

    const other = await aDepartment(ds);
    expect((await patch({ abandonCapPercent: 2 }, t.tokenFor(await aUser(ds, 'supervisor', other.id)))).status).toBe(
      404,
    );
    expect((await patch({ abandonCapPercent: 2 }, t.tokenFor(await aUser(ds, 'requester', dep.id)))).status).toBe(403);
    const draft = await aCampaign(ds, { departmentId: dep.id, state: 'draft' });
    const conflict = await patch({ abandonCapPercent: 2 }, sup, draft.id);
    expect(conflict.status).toBe(409);
  });
});
