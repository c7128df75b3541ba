import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { hashPassword } from '@app/auth';
import { User, type Role } from '@app/database';
import { aDepartment, aUser } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { connect, type RecordingSocket } from '../agent-gateway/socket-client';

const PASSWORD = 'correct horse battery';

/** POST with optional cookie and headers; answers status, JSON body and the Set-Cookie header. */
async function post(
  base: string,
  path: string,
  o: { cookie?: string; headers?: Record<string, string>; body?: unknown; token?: string } = {},
): Promise<{ status: number; body: any; setCookie: string | null }> {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: {
      ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(o.cookie ? { cookie: o.cookie } : {}),
      ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
      ...o.headers,
    },
    body: o.body !== undefined ? JSON.stringify(o.body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, setCookie: res.headers.get('set-cookie') };
}

/** `dialer_refresh=<value>` from a Set-Cookie header. */
const cookieOf = (setCookie: string | null): string => {
  const m = /^(dialer_refresh=[^;]*)/.exec(setCookie ?? '');
  if (!m) throw new Error(`no refresh cookie in ${setCookie}`);
  return m[1]!;
};

const WEB = { 'x-requested-with': 'dialer-web' };

describe('token revocation, logout and refresh', () => {
  let t: TestApp;
  const sockets: RecordingSocket[] = [];
  const open = (ns: string, auth: Record<string, unknown>): RecordingSocket => {
    const s = connect(t.url, ns, auth);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await startTestApp('dialer', { SIM_PORT: '0' });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  /** A user with a real password, logged in over HTTP. */
  async function loggedIn(role: Role, departmentId: string): Promise<{ user: User; token: string; cookie: string }> {
    const user = await aUser(t.db.ds, role, departmentId);
    await t.db.ds.getRepository(User).update(user.id, { passwordHash: await hashPassword(PASSWORD) });
    const res = await post(t.url, '/api/auth/login', { body: { email: user.email, password: PASSWORD } });
    expect(res.status).toBe(200);
    return { user, token: res.body.accessToken as string, cookie: cookieOf(res.setCookie) };
  }

  const adminOf = async (departmentId: string): Promise<string> =>
    t.tokenFor(await aUser(t.db.ds, 'admin', departmentId));

  it.each([
    ['deactivated', { active: false }],
    ['demoted', { role: 'requester' }],
    ['given a new password', { password: 'another long password' }],
  ] as const)(
    'refuses the old token at once on REST and disconnects the live socket when the user is %s',
    async (_what, patch) => {
      const dep = await aDepartment(t.db.ds);
      const admin = await adminOf(dep.id);
      const { user, token } = await loggedIn('supervisor', dep.id);
      expect((await api(t.url, 'GET', '/api/auth/me', { token })).status).toBe(200);
      const live = open('/wallboard', { token });
      await live.waitFor('connect');

      const res = await api(t.url, 'PATCH', `/api/users/${user.id}`, { token: admin, body: patch });
      expect(res.status).toBe(200);

      const after = await api(t.url, 'GET', '/api/users', { token });
      expect(after.status).toBe(401);
      expect(after.body.error).toBe('unauthenticated');
      expect(await live.waitFor('error')).toMatchObject({ error: 'unauthenticated' });
      await live.waitFor('disconnect');
      const again = open('/wallboard', { token });
      expect(await again.waitFor('connect_error')).toMatchObject({ error: 'unauthenticated' });
    },
  );

  it('revokes on a move to another department and on narrowed assignments, not on widened ones', async () => {
    const dep = await aDepartment(t.db.ds);
    const other = await aDepartment(t.db.ds);
    const third = await aDepartment(t.db.ds);
    const admin = await adminOf(dep.id);
    const patch = (id: string, body: unknown) => api(t.url, 'PATCH', `/api/users/${id}`, { token: admin, body });

    const moved = await loggedIn('planner', dep.id);
    expect((await patch(moved.user.id, { departmentId: other.id })).status).toBe(200);
    expect((await api(t.url, 'GET', '/api/auth/me', { token: moved.token })).status).toBe(401);

    const staff = await loggedIn('qa', dep.id);
    const widened = await patch(staff.user.id, { assignedDepartmentIds: [other.id, third.id] });
    expect(widened.body.assignedDepartmentIds.sort()).toEqual([other.id, third.id].sort());
    const me = await api(t.url, 'GET', '/api/auth/me', { token: staff.token });
    expect(me.status).toBe(200);
    expect(me.body.departmentIds.sort()).toEqual([dep.id, other.id, third.id].sort());
    expect((await patch(staff.user.id, { assignedDepartmentIds: [other.id] })).status).toBe(200);
    expect((await api(t.url, 'GET', '/api/auth/me', { token: staff.token })).status).toBe(401);

    const requester = await aUser(t.db.ds, 'requester', dep.id);
    const refused = await patch(requester.id, { assignedDepartmentIds: [other.id] });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toMatchObject([
      { field: 'assignedDepartmentIds', reason: 'a requester works for their own department only' },
    ]);
    const unknown = await patch(staff.user.id, { assignedDepartmentIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknown.body.details).toMatchObject([{ field: 'assignedDepartmentIds', reason: 'no such department' }]);
  });

  it('stops a demoted admin from creating admins with the old token', async () => {
    const dep = await aDepartment(t.db.ds);
    const root = await adminOf(dep.id);
    const { user, token } = await loggedIn('admin', dep.id);
    expect((await api(t.url, 'PATCH', `/api/users/${user.id}`, { token: root, body: { role: 'agent' } })).status).toBe(
      200,
    );
    const attempt = await api(t.url, 'POST', '/api/users', {
      token,
      body: {
        email: 'evil@test.local',
        displayName: 'x',
        password: 'long enough pw',
        role: 'admin',
        departmentId: dep.id,
      },
    });
    expect(attempt.status).toBe(401);
  });

  it('keeps the token when nothing that matters changed (a new display name)', async () => {
    const dep = await aDepartment(t.db.ds);
    const admin = await adminOf(dep.id);
    const { user, token } = await loggedIn('planner', dep.id);
    const renamed = await api(t.url, 'PATCH', `/api/users/${user.id}`, {
      token: admin,
      body: { displayName: 'Renamed' },
    });
    // The whole user comes back, not only the sent field.
    expect(renamed.body).toMatchObject({ displayName: 'Renamed', role: 'planner', departmentId: dep.id, active: true });
    expect((await api(t.url, 'GET', '/api/auth/me', { token })).status).toBe(200);
  });

  it('answers 401 (not a server error) for a validly signed token of a user who no longer exists', async () => {
    const dep = await aDepartment(t.db.ds);
    const user = await aUser(t.db.ds, 'requester', dep.id);
    const token = t.tokenFor(user);
    await t.db.ds.getRepository(User).delete(user.id);
    const res = await api(t.url, 'GET', '/api/briefs', { token });
    expect(res.status).toBe(401);
  });

  it('logs out: the access token and the refresh cookie stop working, live sockets close, the cookie is cleared', async () => {
    const dep = await aDepartment(t.db.ds);
    const { token, cookie } = await loggedIn('supervisor', dep.id);
    const live = open('/wallboard', { token });
    await live.waitFor('connect');
    const out = await post(t.url, '/api/auth/logout', { token, cookie });
    expect(out.status).toBe(204);
    expect(out.setCookie).toMatch(/^dialer_refresh=;.*Max-Age=0/);
    expect((await api(t.url, 'GET', '/api/auth/me', { token })).status).toBe(401);
    await live.waitFor('disconnect');
    expect((await post(t.url, '/api/auth/refresh', { cookie, headers: WEB })).status).toBe(401);
  });

  it('logs out from the refresh cookie alone (an expired access token), with the CSRF header', async () => {
    const dep = await aDepartment(t.db.ds);
    const { token, cookie } = await loggedIn('planner', dep.id);
    expect((await post(t.url, '/api/auth/logout', { cookie })).status).toBe(403);
    expect((await post(t.url, '/api/auth/logout', { headers: WEB })).status).toBe(401);
    const out = await post(t.url, '/api/auth/logout', { cookie, headers: WEB });
    expect(out.status).toBe(204);
    expect(out.setCookie).toMatch(/^dialer_refresh=;/);
    expect((await api(t.url, 'GET', '/api/auth/me', { token })).status).toBe(401);
    expect((await post(t.url, '/api/auth/refresh', { cookie, headers: WEB })).status).toBe(401);
    expect((await post(t.url, '/api/auth/logout', { token })).status).toBe(401); // revoked already
  });

  it('sets the refresh cookie at login: httpOnly, SameSite=Strict, Path=/api/auth, not Secure over http', async () => {
    const dep = await aDepartment(t.db.ds);
    const user = await aUser(t.db.ds, 'planner', dep.id);
    await t.db.ds.getRepository(User).update(user.id, { passwordHash: await hashPassword(PASSWORD) });
    const res = await post(t.url, '/api/auth/login', { body: { email: user.email, password: PASSWORD } });
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 8 * 3600, user: { id: user.id } });
    expect(typeof res.body.accessToken).toBe('string');
    const attrs = res.setCookie!.split(';').map((s) => s.trim());
    expect(attrs).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/api/auth']));
    expect(attrs).not.toContain('Secure');
    expect(attrs.find((a) => a.startsWith('Max-Age='))).toBe(`Max-Age=${14 * 24 * 3600}`);
  });

  it('rotates the refresh token, requires the CSRF header, and revokes the family when a used token returns', async () => {
    const dep = await aDepartment(t.db.ds);
    const { cookie: first } = await loggedIn('planner', dep.id);

    const noHeader = await post(t.url, '/api/auth/refresh', { cookie: first });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.details).toMatchObject([{ field: 'x-requested-with', reason: 'must be dialer-web' }]);
    expect((await post(t.url, '/api/auth/refresh', { headers: WEB })).status).toBe(401);

    const r1 = await post(t.url, '/api/auth/refresh', { cookie: first, headers: WEB });
    expect(r1.status).toBe(200);
    expect(Object.keys(r1.body).sort()).toEqual(['accessToken', 'expiresIn']);
    const second = cookieOf(r1.setCookie);
    expect(second).not.toBe(first);
    expect((await api(t.url, 'GET', '/api/auth/me', { token: r1.body.accessToken })).status).toBe(200);

    const r2 = await post(t.url, '/api/auth/refresh', { cookie: second, headers: WEB });
    expect(r2.status).toBe(200);
    const third = cookieOf(r2.setCookie);

    // The first token again: stolen or replayed. The whole family dies, and so do the access tokens.
    const reuse = await post(t.url, '/api/auth/refresh', { cookie: first, headers: WEB });
    expect(reuse.status).toBe(401);
    expect(reuse.body.message).toMatch(/already used/);
    expect((await post(t.url, '/api/auth/refresh', { cookie: third, headers: WEB })).status).toBe(401);
    expect((await api(t.url, 'GET', '/api/auth/me', { token: r2.body.accessToken })).status).toBe(401);
  });

  it('refuses to refresh for a deactivated user', async () => {
    const dep = await aDepartment(t.db.ds);
    const admin = await adminOf(dep.id);
    const { user, cookie } = await loggedIn('qa', dep.id);
    await api(t.url, 'PATCH', `/api/users/${user.id}`, { token: admin, body: { active: false } });
    expect((await post(t.url, '/api/auth/refresh', { cookie, headers: WEB })).status).toBe(401);
  });
});
