import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aDepartment, aUser } from '../../support/builders';
import { aCampaign } from '../../support/campaign-builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';

// The administration routes the admin pages use: holiday calendars, do-not-call lists (search, add, upload,
// remove), the audit log with filters; department scoping, roles, field errors, and an audit entry for each change.
describe('administration routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('dialer', { SIM_PORT: '0' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const audit = async (action: string, entityId: string) =>
    (await t.db.ds.query(`SELECT * FROM audit_log WHERE action = $1 AND entity_id = $2`, [action, entityId]))[0];

  it('holiday calendars: an admin creates and edits one; dates checked; others read theirs and the shared ones', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const other = await aDepartment(ds);
    const admin = t.tokenFor(await aUser(ds, 'admin', dep.id));
    const bad = await api(t.url, 'POST', '/api/holiday-calendars', {
      token: admin,
      body: { name: 'Bad', dates: [{ date: '2026-02-30' }, { date: '2026-13-01' }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['dates[1].date']);
    const feb = await api(t.url, 'POST', '/api/holiday-calendars', {
      token: admin,
      body: { name: 'Bad', dates: [{ date: '2026-02-30' }] },
    });
    expect(feb.body.details).toMatchObject([{ field: 'dates[0].date', reason: '2026-02-30 is no calendar day' }]);

    const mine = await api(t.url, 'POST', '/api/holiday-calendars', {
      token: admin,
      body: {
        name: `Dep ${dep.code}`,
        region: 'CN',
        departmentId: dep.id,
        dates: [{ date: '2026-10-02' }, { date: '2026-10-01', name: 'National Day' }],
      },
    });
    expect(mine.status).toBe(201);
    expect(mine.body.dates).toEqual([{ date: '2026-10-01', name: 'National Day' }, { date: '2026-10-02' }]);
    const theirs = await api(t.url, 'POST', '/api/holiday-calendars', {
      token: admin,
      body: { name: `Other ${other.code}`, departmentId: other.id, dates: [] },
    });
    const patched = await api(t.url, 'PATCH', `/api/holiday-calendars/${mine.body.id}`, {
      token: admin,
      body: { dates: [{ date: '2026-10-01', name: 'National Day' }, { date: '2026-10-03' }] },
    });
    expect(patched.status).toBe(200);
    expect(await audit('holiday-calendar.update', mine.body.id)).toMatchObject({
      details: { added: ['2026-10-03'], removed: ['2026-10-02'] },
    });

    const planner = t.tokenFor(await aUser(ds, 'planner', dep.id));
    const seen = (await api(t.url, 'GET', '/api/holiday-calendars', { token: planner })).body.map(
      (c: { id: string }) => c.id,
    );
    expect(seen).toContain(mine.body.id);
    expect(seen).not.toContain(theirs.body.id);
    expect(
      (await api(t.url, 'POST', '/api/holiday-calendars', { token: planner, body: { name: 'x', dates: [] } })).status,
    ).toBe(403);
  });

  it('do-not-call: add, upload, search and remove, each audited; scopes and departments enforced', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const other = await aDepartment(ds);
    const supUser = await aUser(ds, 'supervisor', dep.id);
    const sup = t.tokenFor(supUser);
    const admin = t.tokenFor(await aUser(ds, 'admin', dep.id));
    // Ends in 1: the upload below adds the same number ending in 8 and 9, which must differ from it.
    const n = `+86139${String(Date.now()).slice(-7)}1`;

    const bad = await api(t.url, 'POST', '/api/dnc', { token: sup, body: { e164: '13800', scope: 'department' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('e164');
    expect((await api(t.url, 'POST', '/api/dnc', { token: sup, body: { e164: n, scope: 'global' } })).status).toBe(403);
    expect(
      (
        await api(t.url, 'POST', '/api/dnc', {
          token: sup,
          body: { e164: n, scope: 'department', departmentId: other.id },
        })
      ).status,
    ).toBe(404);
    const added = await api(t.url, 'POST', '/api/dnc', {
      token: sup,
      body: { e164: n, scope: 'department', reason: 'asked by letter' },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ e164: n, scope: 'department', departmentId: dep.id, source: 'admin' });
    const again = await api(t.url, 'POST', '/api/dnc', { token: sup, body: { e164: n, scope: 'department' } });
    expect(again.status).toBe(409);
    expect(again.body.details).toMatchObject([{ field: 'e164', reason: 'already listed' }]);
    expect(await audit('dnc.add', added.body.id)).toMatchObject({ actor_id: supUser.id, details: { e164: n } });

    const c = await aCampaign(ds, { departmentId: dep.id });
    const up = await api(t.url, 'POST', '/api/dnc/upload', {
      token: sup,
      body: {
        numbers: [`${n.slice(0, -1)}9`, 'nonsense', `${n.slice(0, -1)}8`, `${n.slice(0, -1)}9`],
        scope: 'campaign',
        campaignId: c.id,
      },
    });
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ added: 2, alreadyListed: 0, rejected: [{ index: 1, value: 'nonsense' }] });

    const found = await api(t.url, 'GET', `/api/dnc?q=${encodeURIComponent(n.slice(0, -1))}`, { token: sup });
    expect(found.status).toBe(200);
    expect(found.body.total).toBe(3);
    const theirs = await api(t.url, 'POST', '/api/dnc', {
      token: admin,
      body: { e164: n, scope: 'department', departmentId: other.id },
    });
    expect(theirs.status).toBe(201);
    expect((await api(t.url, 'GET', `/api/dnc?q=${n.slice(1)}`, { token: sup })).body.total).toBe(1);
    expect((await api(t.url, 'GET', `/api/dnc?q=${n.slice(1)}`, { token: admin })).body.total).toBe(2);
    expect((await api(t.url, 'DELETE', `/api/dnc/${theirs.body.id}`, { token: sup })).status).toBe(404);
    expect((await api(t.url, 'GET', '/api/dnc?limit=0', { token: sup })).status).toBe(400);

    const removed = await api(t.url, 'DELETE', `/api/dnc/${added.body.id}`, { token: sup });
    expect(removed.status).toBe(204);
    expect(await audit('dnc.remove', added.body.id)).toMatchObject({
      details: { e164: n, scope: 'department', reason: 'asked by letter' },
    });
    expect((await ds.query(`SELECT 1 FROM dnc_entries WHERE id = $1`, [added.body.id])).length).toBe(0);
    const requester = t.tokenFor(await aUser(ds, 'requester', dep.id));
    expect((await api(t.url, 'GET', '/api/dnc', { token: requester })).status).toBe(403);
  });

  it('the audit log: newest first, filtered by action (or its prefix), entity, actor and time; admins only', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const adminUser = await aUser(ds, 'admin', dep.id);
    const admin = t.tokenFor(adminUser);
    const n = `+86137${String(Date.now()).slice(-8)}`;
    const a = await api(t.url, 'POST', '/api/dnc', { token: admin, body: { e164: n, scope: 'global' } });
    await api(t.url, 'DELETE', `/api/dnc/${a.body.id}`, { token: admin });
    const byEntity = await api(t.url, 'GET', `/api/audit-log?entityId=${a.body.id}`, { token: admin });
    expect(byEntity.status).toBe(200);
    expect(byEntity.body.entries.map((e: { action: string }) => e.action)).toEqual(['dnc.remove', 'dnc.add']);
    const prefix = await api(t.url, 'GET', `/api/audit-log?action=dnc.&actorId=${adminUser.id}&limit=1`, {
      token: admin,
    });
    expect(prefix.body.entries).toHaveLength(1);
    expect(prefix.body.entries[0].action).toBe('dnc.remove');
    const older = await api(
      t.url,
      'GET',
      `/api/audit-log?action=dnc.&actorId=${adminUser.id}&limit=1&before=${prefix.body.nextBefore}`,
      { token: admin },
    );
    expect(older.body.entries[0].action).toBe('dnc.add');
    const future = await api(t.url, 'GET', `/api/audit-log?from=${new Date(Date.now() + 3600_000).toISOString()}`, {
      token: admin,
    });
    expect(future.body).toEqual({ entries: [], nextBefore: null });
    const badFilter = await api(t.url, 'GET', '/api/audit-log?from=yesterday', { token: admin });
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.details[0].field).toBe('from');
    const sup = t.tokenFor(await aUser(ds, 'supervisor', dep.id));
    expect((await api(t.url, 'GET', '/api/audit-log', { token: sup })).status).toBe(403);
  });
});
