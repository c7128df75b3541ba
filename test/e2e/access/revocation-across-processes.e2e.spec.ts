import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { SessionRevocations } from '@app/auth';
import { pollUntil } from '@app/common';
import { loadDialerConfig } from '@app/config';
import { aDepartment, aUser } from '../../support/builders';
import { api, startTestApp, TEST_JWT_SECRET, type TestApp } from '../../support/test-app';
import { createDialerApp } from '../../../apps/dialer/src/bootstrap';
import { connect, type RecordingSocket } from '../agent-gateway/socket-client';

// Two dialer processes on one database (instances behind a balancer): a revocation made through one disconnects the
// user's sockets held by the other at once, through PostgreSQL NOTIFY, not only on their next connection.
describe('session revocation across dialer processes', () => {
  let t: TestApp;
  let second: INestApplication;
  let secondUrl: string;
  const sockets: RecordingSocket[] = [];

  beforeAll(async () => {
    t = await startTestApp('dialer', { DIALER_RUNNER: 'false' });
    const env = {
      DATABASE_URL: t.db.url,
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      DIALER_RUNNER: 'false',
      DIALER_INSTANCE_ID: 'second',
    };
    second = await createDialerApp({
      config: loadDialerConfig(env),
      databaseUrl: t.db.url,
      jwtSecret: TEST_JWT_SECRET,
      logger: false,
    });
    await second.listen(0, '127.0.0.1');
    secondUrl = `http://127.0.0.1:${(second.getHttpServer() as { address(): { port: number } }).address().port}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await second?.close();
    await t?.close();
  });

  it('disconnects the live socket on the other process when the user is deactivated here', async () => {
    const dep = await aDepartment(t.db.ds);
    const admin = t.tokenFor(await aUser(t.db.ds, 'admin', dep.id));
    const supervisor = await aUser(t.db.ds, 'supervisor', dep.id);
    const token = t.tokenFor(supervisor);
    const elsewhere = connect(secondUrl, '/wallboard', { token });
    sockets.push(elsewhere);
    await elsewhere.waitFor('connect');

    const started = Date.now();
    expect(
      (await api(t.url, 'PATCH', `/api/users/${supervisor.id}`, { token: admin, body: { active: false } })).status,
    ).toBe(200);
    expect(await elsewhere.waitFor('error')).toMatchObject({ error: 'unauthenticated' });
    await elsewhere.waitFor('disconnect');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('runs a revocation once on the process that made it, and once on the other', async () => {
    const calls = { here: [] as string[], there: [] as string[] };
    const offHere = t.app.get(SessionRevocations).on((u) => calls.here.push(u));
    const offThere = second.get(SessionRevocations).on((u) => calls.there.push(u));
    try {
      t.app.get(SessionRevocations).publish('user-1', 'test');
      await pollUntil(() => calls.there.length > 0 || undefined, { timeoutMs: 2_000, what: 'the other process' });
      // Time for this process's own notification to come back: it must not run the listeners again.
      await new Promise((r) => setTimeout(r, 300));
      expect(calls).toEqual({ here: ['user-1'], there: ['user-1'] });
    } finally {
      offHere();
      offThere();
    }
  });
});
