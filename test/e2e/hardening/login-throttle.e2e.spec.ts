import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { hashPassword } from '@app/auth';
import { AuditLogEntry, User } from '@app/database';
import { aDepartment, aUser } from '../../support/builders';
import { startTestApp, type TestApp } from '../../support/test-app';

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: any;
}

/** POST /api/auth/login from a chosen local address (127.0.0.x are all the loopback interface on Linux). */
function login(base: string, from: string, email: string, password: string, forwardedFor?: string): Promise<Answer> {
  const url = new URL('/api/auth/login', base);
  const payload = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: from,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'] as string | undefined,
            body: text ? JSON.parse(text) : undefined,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('login throttling', () => {
  let t: TestApp;
  let victim: User;
  let bystander: User;
  const password = 'correct horse battery';

  beforeAll(async () => {
    t = await startTestApp('dialer', { DIALER_RUNNER: 'false' });
    const dep = await aDepartment(t.db.ds);
    victim = await aUser(t.db.ds, 'admin', dep.id);
    bystander = await aUser(t.db.ds, 'planner', dep.id);
    const hash = await hashPassword(password);
    await t.db.ds.getRepository(User).update([victim.id, bystander.id], { passwordHash: hash });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses the right password after 40 wrong ones with 429 and Retry-After; another account from another address is unaffected', async () => {
    const answers: Answer[] = [];
    for (let i = 0; i < 40; i++) answers.push(await login(t.url, '127.0.0.1', victim.email, `wrong password ${i}`));
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThan(25);
    for (const a of answers) expect([401, 429]).toContain(a.status);

    const right = await login(t.url, '127.0.0.1', victim.email, password);
    expect(right.status).toBe(429);
    expect(right.body).toMatchObject({ error: 'rate-limited' });
    expect(Number(right.retryAfter)).toBeGreaterThanOrEqual(1);

    // The same account from elsewhere is still locked (the account key), ...
    const elsewhere = await login(t.url, '127.0.0.3', victim.email, password);
    expect(elsewhere.status).toBe(429);
    // ... another account from the same address too (the address key, after 20 failures from it), ...
    const sameAddress = await login(t.url, '127.0.0.1', bystander.email, password);
    expect(sameAddress.status).toBe(429);
    expect(sameAddress.body.details).toMatchObject([{ field: 'address', reason: 'too many failed logins' }]);
    // ... while another account from another address logs in.
    const other = await login(t.url, '127.0.0.2', bystander.email, password);
    expect(other.status).toBe(200);
    expect(other.body.accessToken).toEqual(expect.any(String));
  });

  it('audits failed logins, with the lock they start', async () => {
    const rows = await t.db.ds.getRepository(AuditLogEntry).find({ where: { action: 'auth.login-failed' } });
    const mine = rows.filter((r) => r.entityId === victim.id);
    expect(mine.length).toBeGreaterThanOrEqual(6);
    expect(mine[0].details).toMatchObject({ email: victim.email, reason: 'wrong-password' });
    expect(mine.some((r) => typeof r.details?.lockedForSeconds === 'number')).toBe(true);
    const unknown = await login(t.url, '127.0.0.4', 'nobody@test.local', 'whatever password');
    expect(unknown.status).toBe(401);
    const [u] = await t.db.ds
      .getRepository(AuditLogEntry)
      .find({ where: { action: 'auth.login-failed', entityId: 'unknown' } });
    expect(u.details).toMatchObject({ email: 'nobody@test.local', reason: 'unknown-email' });
  });
});

describe('the client address behind a reverse proxy (TRUST_PROXY)', () => {
  const password = 'correct horse battery';
  async function twoUsers(t: TestApp): Promise<[User, User]> {
    const dep = await aDepartment(t.db.ds);
    const a = await aUser(t.db.ds, 'planner', dep.id);
    const b = await aUser(t.db.ds, 'planner', dep.id);
    await t.db.ds.getRepository(User).update([a.id, b.id], { passwordHash: await hashPassword(password) });
    return [a, b];
  }
  /** 21 wrong passwords for 21 unknown accounts: only the address key can lock. */
  const spray = async (t: TestApp, from: string, forwardedFor: (i: number) => string) => {
    for (let i = 0; i < 21; i++) await login(t.url, from, `nobody${i}@test.local`, 'wrong', forwardedFor(i));
  };

  it('without it, X-Forwarded-For is ignored: a client cannot dodge the address lock by inventing addresses', async () => {
    const t = await startTestApp('dialer', { DIALER_RUNNER: 'false' });
    try {
      const [, b] = await twoUsers(t);
      await spray(t, '127.0.0.5', (i) => `198.51.100.${i + 1}`);
      const after = await login(t.url, '127.0.0.5', b.email, password, '198.51.100.200');
      expect(after.status).toBe(429);
      expect(after.body.details).toMatchObject([{ field: 'address', reason: 'too many failed logins' }]);
    } finally {
      await t.close();
    }
  });

  it('with TRUST_PROXY=loopback, each forwarded client has its own address budget', async () => {
    const t = await startTestApp('dialer', { DIALER_RUNNER: 'false', TRUST_PROXY: 'loopback' });
    try {
      const [a, b] = await twoUsers(t);
      await spray(t, '127.0.0.6', () => '203.0.113.9');
      const locked = await login(t.url, '127.0.0.6', a.email, password, '203.0.113.9');
      expect(locked.status).toBe(429);
      expect(locked.body.details).toMatchObject([{ field: 'address', reason: 'too many failed logins' }]);
      // Another client behind the same proxy is not locked out with the first.
      const other = await login(t.url, '127.0.0.6', b.email, password, '203.0.113.10');
      expect(other.status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
