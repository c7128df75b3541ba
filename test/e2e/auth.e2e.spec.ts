import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { hashPassword } from '@app/auth';
import { User } from '@app/database';
import { aDepartment, aUser } from '../support/builders';
import { concretePath, listRoutes } from '../support/routes';
import { api, startTestApp, type TestApp } from '../support/test-app';

/** Routes that answer without a token, on purpose. Anything else must refuse an anonymous caller. */
// refresh and logout also work from the refresh cookie; without a token or cookie they answer 401/403 themselves.
const PUBLIC_ROUTES = new Set([
  'GET /health',
  'POST /api/auth/login',
  'POST /api/auth/refresh',
  'POST /api/auth/logout',
  // reporting: an archived file through a signed, expiring link (mail and webhook recipients have no token)
  'GET /api/reports/archives/:id/file',
]);

describe.each(['dialer', 'reporting'] as const)('%s app: authentication on every route', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses an anonymous call to every non-public route with 401', async () => {
    const routes = listRoutes(t.app).filter((r) => !r.path.startsWith('/api/docs'));
    const methods = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
    expect(routes.length).toBeGreaterThan(kind === 'dialer' ? 8 : 1);
    const failures: string[] = [];
    for (const r of routes.filter((x) => methods.has(x.method))) {
      const key = `${r.method} ${r.path}`;
      if (PUBLIC_ROUTES.has(key) || r.path === '/health') continue; // /health is public for every method (non-GET: 404)
      const res = await api(t.url, r.method, concretePath(r.path), r.method === 'GET' ? {} : { body: {} });
      if (res.status !== 401 || res.body?.error !== 'unauthenticated') failures.push(`${key} -> ${res.status}`);
      const forged = await api(t.url, r.method, concretePath(r.path), { token: 'not.a.token' });
      if (forged.status !== 401) failures.push(`${key} with a forged token -> ${forged.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('serves /health without a token and reports the database', async () => {
    const res = await api(t.url, 'GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('serves the OpenAPI document at /api/docs-json', async () => {
    const res = await api(t.url, 'GET', '/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toContain('/api/auth/me');
  });
});

describe('dialer app: login, roles and departments', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('dialer');
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs in with the right password, refuses a wrong one, and the token works', async () => {
    const dep = await aDepartment(t.db.ds);
    const u = await aUser(t.db.ds, 'planner', dep.id, 'login-test@test.local');
    await t.db.ds.getRepository(User).update(u.id, { passwordHash: await hashPassword('correct horse battery') });
    const bad = await api(t.url, 'POST', '/api/auth/login', { body: { email: u.email, password: 'wrong password!' } });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toBe('invalid-credentials');
    const ok = await api(t.url, 'POST', '/api/auth/login', {
      body: { email: 'LOGIN-TEST@test.local', password: 'correct horse battery' },
    });
    expect(ok.status).toBe(200);
    const me = await api(t.url, 'GET', '/api/auth/me', { token: ok.body.accessToken });
    expect(me.body).toMatchObject({ userId: u.id, role: 'planner', departmentId: dep.id });
  });

  it('reports every invalid field with its reason', async () => {
    const res = await api(t.url, 'POST', '/api/auth/login', { body: { email: 'not-an-email', extra: 1 } });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation-failed');
    const fields = (res.body.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'extra']));
  });

  it('lets only admins create departments and users, with per-field errors', async () => {
    const dep = await aDepartment(t.db.ds);
    const admin = await aUser(t.db.ds, 'admin', dep.id);
    const planner = await aUser(t.db.ds, 'planner', dep.id);
    const refused = await api(t.url, 'POST', '/api/departments', {
      token: t.tokenFor(planner),
      body: { name: 'X', code: 'X1' },
    });
    expect(refused.status).toBe(403);
    const created = await api(t.url, 'POST', '/api/departments', {
      token: t.tokenFor(admin),
      body: { name: 'Collections', code: 'COLL' },
    });
    expect(created.status).toBe(201);
    const dup = await api(t.url, 'POST', '/api/departments', {
      token: t.tokenFor(admin),
      body: { name: 'Collections', code: 'COLL' },
    });
    expect(dup.status).toBe(409);
    const badUser = await api(t.url, 'POST', '/api/users', {
      token: t.tokenFor(admin),
      body: { email: 'x', displayName: '', password: 'short', role: 'boss', departmentId: created.body.id },
    });
    expect(badUser.status).toBe(400);
    expect((badUser.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'displayName',
      'email',
      'password',
      'role',
    ]);
    const user = await api(t.url, 'POST', '/api/users', {
      token: t.tokenFor(admin),
      body: {
        email: 'New.Agent@Test.local',
        displayName: 'New agent',
        password: 'long enough pw',
        role: 'requester',
        departmentId: created.body.id,
      },
    });
    expect(user.status).toBe(201);
    expect(user.body.email).toBe('new.agent@test.local');
    expect(user.body.passwordHash).toBeUndefined();
  });

  it("scopes a requester to their own department: another department's is a 404", async () => {
    const a = await aDepartment(t.db.ds);
    const b = await aDepartment(t.db.ds);
    const requesterA = await aUser(t.db.ds, 'requester', a.id);
    const own = await api(t.url, 'GET', `/api/departments/${a.id}`, { token: t.tokenFor(requesterA) });
    expect(own.status).toBe(200);
    const other = await api(t.url, 'GET', `/api/departments/${b.id}`, { token: t.tokenFor(requesterA) });
    expect(other.status).toBe(404);
    expect(other.body.error).toBe('not-found');
    const list = await api(t.url, 'GET', '/api/departments', { token: t.tokenFor(requesterA) });
    expect(list.body.map((d: { id: string }) => d.id)).toEqual([a.id]);
  });
});
