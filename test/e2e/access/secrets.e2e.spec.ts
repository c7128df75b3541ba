import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Agent, Department, ROLES } from '@app/database';
import { aDepartment, aUser } from '../../support/builders';
import { listRoutes } from '../../support/routes';
import { api, startTestApp, type TestApp } from '../../support/test-app';

const SECRET = 'known-webhook-secret-0123456789';
/** What must never appear in any response body. */
const NEVER = [SECRET, 'scrypt$', 'passwordHash', 'webhookSecret"', 'tokenVersion', 'tokenHash', 'token_hash'];

describe('secrets never leave the server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('dialer', { SIM_PORT: '0' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('GET /api/departments shows no webhook secret to any role, only whether one is set', async () => {
    const dep = await aDepartment(t.db.ds);
    const other = await aDepartment(t.db.ds);
    await t.db.ds.getRepository(Department).update(dep.id, { webhookSecret: SECRET });
    for (const home of [dep.id, other.id])
      for (const role of ROLES) {
        const u = await aUser(t.db.ds, role, home);
        const list = await api(t.url, 'GET', '/api/departments', { token: t.tokenFor(u) });
        expect(list.status).toBe(200);
        expect(JSON.stringify(list.body)).not.toContain(SECRET);
        for (const d of list.body as Record<string, unknown>[]) {
          expect(d).not.toHaveProperty('webhookSecret');
          expect(d.webhookSecretSet).toBe(d.id === dep.id);
        }
        const one = await api(t.url, 'GET', `/api/departments/${dep.id}`, { token: t.tokenFor(u) });
        if (one.status === 200) expect(one.body).toMatchObject({ webhookSecretSet: true });
        expect(JSON.stringify(one.body)).not.toContain(SECRET);
      }
  });

  it('shows a rotated secret once; create and update answer only webhookSecretSet', async () => {
    const home = await aDepartment(t.db.ds);
    const admin = t.tokenFor(await aUser(t.db.ds, 'admin', home.id));
    const created = await api(t.url, 'POST', '/api/departments', {
      token: admin,
      body: { name: 'Secretive', code: 'SECRET1', webhookUrl: 'https://example.test/hook', webhookSecret: SECRET },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ webhookSecretSet: true });
    expect(JSON.stringify(created.body)).not.toContain(SECRET);
    const patched = await api(t.url, 'PATCH', `/api/departments/${created.body.id}`, {
      token: admin,
      body: { name: 'Secretive 2' },
    });
    expect(patched.body).toMatchObject({ name: 'Secretive 2', webhookSecretSet: true });
    expect(patched.body).not.toHaveProperty('webhookSecret');
    const clash = await api(t.url, 'PATCH', `/api/departments/${created.body.id}`, {
      token: admin,
      body: { name: home.name },
    });
    expect(clash.status).toBe(409);

    const planner = t.tokenFor(await aUser(t.db.ds, 'planner', created.body.id));
    expect(
      (await api(t.url, 'POST', `/api/departments/${created.body.id}/webhook-secret`, { token: planner })).status,
    ).toBe(403);
    const rotated = await api(t.url, 'POST', `/api/departments/${created.body.id}/webhook-secret`, { token: admin });
    expect(rotated.status).toBe(200);
    expect(rotated.body.departmentId).toBe(created.body.id);
    expect(rotated.body.webhookSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row]: { webhook_secret: string }[] = await t.db.ds.query(
      'SELECT webhook_secret FROM departments WHERE id = $1',
      [created.body.id],
    );
    expect(row!.webhook_secret).toBe(rotated.body.webhookSecret);
    const again = await api(t.url, 'GET', `/api/departments/${created.body.id}`, { token: admin });
    expect(JSON.stringify(again.body)).not.toContain(rotated.body.webhookSecret);
    expect(
      (
        await api(t.url, 'POST', '/api/departments/00000000-0000-4000-8000-000000000000/webhook-secret', {
          token: admin,
        })
      ).status,
    ).toBe(404);
  });

  it('no GET route answers a secret, a password hash or a token hash (swept as an admin)', async () => {
    const dep = await aDepartment(t.db.ds);
    await t.db.ds.getRepository(Department).update(dep.id, { webhookSecret: SECRET });
    const admin = await aUser(t.db.ds, 'admin', dep.id);
    const agentUser = await aUser(t.db.ds, 'agent', dep.id);
    const agent = (await t.db.ds.getRepository(Agent).findOne({ where: { userId: agentUser.id } }))!;
    const ids: Record<string, string> = { departments: dep.id, users: agentUser.id, agents: agent.id };
    const token = t.tokenFor(admin);
    const leaks: string[] = [];
    let checked = 0;
    for (const r of listRoutes(t.app).filter((x) => x.method === 'GET' && x.path.startsWith('/api/'))) {
      if (r.path.startsWith('/api/docs')) continue;
      const first = r.path.split('/')[2] ?? '';
      const path = r.path.replace(/:([A-Za-z]+)/g, () => ids[first] ?? '00000000-0000-4000-8000-000000000000');
      const res = await fetch(t.url + path, { headers: { authorization: `Bearer ${token}` } });
      const text = await res.text();
      checked += res.status === 200 ? 1 : 0;
      for (const n of NEVER) if (text.includes(n)) leaks.push(`GET ${path} contains ${n}`);
    }
    expect(checked).toBeGreaterThan(5);
    expect(leaks).toEqual([]);
  });
});
