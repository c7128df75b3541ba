import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Role, User } from '@app/database';
import { aDepartment, aUser } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';

// A user's profile (email, last login) is read by its owner and by those who manage people; not by colleagues.
describe('GET /api/users/:id: who reads whose profile', () => {
  let t: TestApp;
  let colleague: User;
  const byRole: Partial<Record<Role, User>> = {};

  beforeAll(async () => {
    t = await startTestApp('dialer', { DIALER_RUNNER: 'false' });
    const dep = await aDepartment(t.db.ds);
    colleague = await aUser(t.db.ds, 'agent', dep.id);
    for (const role of ['agent', 'requester', 'planner', 'qa', 'supervisor', 'admin'] as const)
      byRole[role] = await aUser(t.db.ds, role, dep.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each([
    ['agent', 404],
    ['requester', 404],
    ['planner', 404],
    ['qa', 404],
    ['supervisor', 200],
    ['admin', 200],
  ] as const)("a %s reading a colleague's profile gets %i", async (role, status) => {
    const res = await api(t.url, 'GET', `/api/users/${colleague.id}`, { token: t.tokenFor(byRole[role]!) });
    expect(res.status).toBe(status);
    if (status === 404) expect(JSON.stringify(res.body)).not.toContain(colleague.email);
  });

  it('everyone reads their own profile', async () => {
    for (const u of Object.values(byRole)) {
      const res = await api(t.url, 'GET', `/api/users/${u!.id}`, { token: t.tokenFor(u!) });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: u!.id, email: u!.email });
      expect(res.body.passwordHash).toBeUndefined();
    }
  });
});
