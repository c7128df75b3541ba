import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aDepartment, aUser } from '../../support/builders';
import { aCampaign, anAgent } from '../../support/campaign-builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';

// GET /api/agent/campaigns/:id/dispositions: the agent desktop's disposition buttons.
describe('GET /api/agent/campaigns/:id/dispositions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('dialer', { SIM_PORT: '0' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lists the campaign's codes agents may use, in order, without the system ones", async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const c = await aCampaign(ds, { departmentId: dep.id });
    await ds.query(
      `INSERT INTO dispositions (campaign_id, code, label, category, system, position) VALUES ($1, 'ABANDONED', 'Abandoned', 'no-contact', true, 0)`,
      [c.id],
    );
    const { user } = await anAgent(ds, dep.id);
    const r = await api(t.url, 'GET', `/api/agent/campaigns/${c.id}/dispositions`, { token: t.tokenFor(user) });
    expect(r.status).toBe(200);
    expect(r.body.map((d: { code: string }) => d.code)).toEqual([
      'SALE',
      'NOT_INTERESTED',
      'NOT_AVAILABLE',
      'CALL_LATER',
      'DO_NOT_CALL',
    ]);
    expect(r.body[0]).toEqual({ code: 'SALE', label: 'SALE', category: 'success' });
  });

  it("answers 404 for another department's campaign, 403 for a planner, 400 for a bad id", async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const other = await aDepartment(ds);
    const c = await aCampaign(ds, { departmentId: other.id });
    const { user } = await anAgent(ds, dep.id);
    const token = t.tokenFor(user);
    expect((await api(t.url, 'GET', `/api/agent/campaigns/${c.id}/dispositions`, { token })).status).toBe(404);
    const planner = await aUser(ds, 'planner', other.id);
    const asPlanner = await api(t.url, 'GET', `/api/agent/campaigns/${c.id}/dispositions`, {
      token: t.tokenFor(planner),
    });
    expect(asPlanner.status).toBe(403);
    const bad = await api(t.url, 'GET', `/api/agent/campaigns/not-a-uuid/dispositions`, { token });
    expect(bad.status).toBe(400);
  });
});
