import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { User } from '@app/database';
import { aBriefBody, aContactList, strata } from '../../integration/briefs/brief-builders';
import { aDepartment, aUser } from '../../support/builders';
import { listRoutes } from '../../support/routes';
import { api, startTestApp, type TestApp } from '../../support/test-app';

// A PATCH answers the whole resource as it now is: the same document a GET of it answers right after.
describe('every PATCH route answers the whole resource', () => {
  let t: TestApp;
  let admin: User;
  let requester: User;
  let planner: User;
  let depId: string;

  beforeAll(async () => {
    t = await startTestApp('dialer', { DIALER_RUNNER: 'false' });
    const dep = await aDepartment(t.db.ds);
    depId = dep.id;
    admin = await aUser(t.db.ds, 'admin', dep.id);
    requester = await aUser(t.db.ds, 'requester', dep.id);
    planner = await aUser(t.db.ds, 'planner', dep.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** PATCH with `body`, then GET the same path: both answer 200 and the same document. */
  async function patchThenGet(path: string, token: string, body: Record<string, unknown>): Promise<any> {
    const patched = await api(t.url, 'PATCH', path, { token, body });
    expect({ path, status: patched.status }).toEqual({ path, status: 200 });
    const got = await api(t.url, 'GET', path, { token });
    expect(got.status).toBe(200);
    expect(patched.body).toEqual(got.body);
    return patched.body;
  }

  it('covers every PATCH route the dialer serves', () => {
    const patchRoutes = listRoutes(t.app)
      .filter((r) => r.method === 'PATCH' && r.path.startsWith('/api/'))
      .map((r) => r.path)
      .sort();
    expect(patchRoutes).toEqual([
      '/api/agents/:id',
      '/api/briefs/:id',
      '/api/campaigns/:id',
      '/api/campaigns/:id/pacing',
      '/api/departments/:id',
      '/api/holiday-calendars/:id',
      '/api/queues/:id',
      '/api/users/:id',
    ]);
  });

  it('PATCH /api/departments/:id', async () => {
    const d = await aDepartment(t.db.ds);
    const after = await patchThenGet(`/api/departments/${d.id}`, t.tokenFor(admin), { name: 'Renamed department' });
    expect(after).toMatchObject({ id: d.id, name: 'Renamed department', code: d.code });
  });

  it('PATCH /api/agents/:id', async () => {
    const u = await aUser(t.db.ds, 'agent', depId);
    const [profile] = (await api(t.url, 'GET', '/api/agents', { token: t.tokenFor(admin) })).body.filter(
      (a: { userId: string }) => a.userId === u.id,
    );
    const after = await patchThenGet(`/api/agents/${profile.id}`, t.tokenFor(admin), { groups: ['team-b'] });
    expect(after).toMatchObject({ id: profile.id, userId: u.id, groups: ['team-b'], endpoint: profile.endpoint });
  });

  it('PATCH /api/queues/:id', async () => {
    const created = await api(t.url, 'POST', '/api/queues', {
      token: t.tokenFor(admin),
      body: { departmentId: depId, name: `Queue ${Date.now()}`, strategy: 'longest-idle' },
    });
    expect(created.status).toBe(201);
    const after = await patchThenGet(`/api/queues/${created.body.id}`, t.tokenFor(admin), { serviceLevelSeconds: 30 });
    expect(after).toMatchObject({ id: created.body.id, name: created.body.name, serviceLevelSeconds: 30 });
  });

  it('PATCH /api/users/:id', async () => {
    const u = await aUser(t.db.ds, 'qa', depId);
    const after = await patchThenGet(`/api/users/${u.id}`, t.tokenFor(admin), { displayName: 'Renamed user' });
    expect(after).toMatchObject({ id: u.id, email: u.email, role: 'qa', displayName: 'Renamed user' });
    expect(after.passwordHash).toBeUndefined();
  });

  it('PATCH /api/briefs/:id', async () => {
    const list = await aContactList(t.db.ds, depId, strata([['Europe/London', null, 2]]));
    const created = await api(t.url, 'POST', '/api/briefs', {
      token: t.tokenFor(requester),
      body: aBriefBody({ contactListId: list.id }),
    });
    expect(created.status).toBe(201);
    const after = await patchThenGet(`/api/briefs/${created.body.id}`, t.tokenFor(requester), { title: 'New title' });
    expect(after).toMatchObject({ id: created.body.id, title: 'New title', purpose: created.body.purpose });
  });

  it('PATCH /api/campaigns/:id', async () => {
    const list = await aContactList(t.db.ds, depId, strata([['Europe/London', null, 2]]));
    const brief = await api(t.url, 'POST', '/api/briefs', {
      token: t.tokenFor(requester),
      body: aBriefBody({ contactListId: list.id }),
    });
    await api(t.url, 'POST', `/api/briefs/${brief.body.id}/submit`, { token: t.tokenFor(requester) });
    await api(t.url, 'POST', `/api/briefs/${brief.body.id}/accept`, { token: t.tokenFor(planner) });
    const c = await api(t.url, 'POST', '/api/campaigns', {
      token: t.tokenFor(planner),
      body: { briefId: brief.body.id, mode: 'progressive' },
    });
    expect(c.status).toBe(201);
    const after = await patchThenGet(`/api/campaigns/${c.body.id}`, t.tokenFor(planner), { wrapUpSeconds: 42 });
    expect(after).toMatchObject({ id: c.body.id, wrapUpSeconds: 42, mode: 'progressive' });
  });

  it('PATCH /api/campaigns/:id/pacing answers the campaign as GET /api/campaigns/:id does', async () => {
    const list = await aContactList(t.db.ds, depId, strata([['Europe/London', null, 2]]));
    const brief = await api(t.url, 'POST', '/api/briefs', {
      token: t.tokenFor(requester),
      body: aBriefBody({ contactListId: list.id }),
    });
    await api(t.url, 'POST', `/api/briefs/${brief.body.id}/submit`, { token: t.tokenFor(requester) });
    await api(t.url, 'POST', `/api/briefs/${brief.body.id}/accept`, { token: t.tokenFor(planner) });
    const c = await api(t.url, 'POST', '/api/campaigns', {
      token: t.tokenFor(planner),
      body: { briefId: brief.body.id, mode: 'predictive' },
    });
    expect(c.status).toBe(201);
    // Live pacing applies to a campaign under way: a paused one is enough (no runner here).
    await t.db.ds.query(`UPDATE campaigns SET state = 'paused' WHERE id = $1`, [c.body.id]);
    const token = t.tokenFor(planner);
    const patched = await api(t.url, 'PATCH', `/api/campaigns/${c.body.id}/pacing`, {
      token,
      body: { abandonCapPercent: 2.5, maxLinesPerAgent: 2 },
    });
    expect(patched.status).toBe(200);
    const got = await api(t.url, 'GET', `/api/campaigns/${c.body.id}`, { token });
    expect(patched.body).toEqual(got.body);
    expect(JSON.stringify(got.body)).toContain('2.5');
  });

  it('PATCH /api/holiday-calendars/:id answers the calendar as the list shows it', async () => {
    const token = t.tokenFor(admin);
    const created = await api(t.url, 'POST', '/api/holiday-calendars', {
      token,
      body: {
        name: `Calendar ${Date.now()}`,
        departmentId: depId,
        dates: [{ date: '2026-10-01', name: 'National Day' }],
      },
    });
    expect(created.status).toBe(201);
    const patched = await api(t.url, 'PATCH', `/api/holiday-calendars/${created.body.id}`, {
      token,
      body: { dates: [{ date: '2026-10-02', name: 'Second day' }] },
    });
    expect(patched.status).toBe(200);
    const list = await api(t.url, 'GET', '/api/holiday-calendars', { token });
    expect(patched.body).toEqual(list.body.find((x: { id: string }) => x.id === created.body.id));
    expect(JSON.stringify(patched.body)).toContain('2026-10-02');
  });
});
