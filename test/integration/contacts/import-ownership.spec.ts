import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { loadDialerConfig } from '@app/config';
import { createDialerApp } from '../../../apps/dialer/src/bootstrap';
import { aDepartment, aUser } from '../../support/builders';
import { api, startTestApp, TEST_JWT_SECRET, type TestApp } from '../../support/test-app';

jest.setTimeout(90_000);

const ENV = { SIM_PORT: '0', DIALER_RUNNER: 'false', DEMO_DIALING: 'false', LOG_LEVEL: 'error' };

/**
 * A process that dies mid-import must not lock its list: when it starts again it fails the imports it owned (and drops
 * their staged rows); an import whose process shows no heartbeat is taken over by the next upload.
 */
describe('import ownership across restarts', () => {
  let t: TestApp;
  let restarted: INestApplication | undefined;

  beforeAll(async () => {
    t = await startTestApp('dialer', { ...ENV, DIALER_INSTANCE_ID: 'import-owner-live' });
  });
  afterAll(async () => {
    await restarted?.close();
    await t?.close();
  });

  it('releases the imports of a dead process at start, and takes over a stale one on the next upload', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const planner = await aUser(ds, 'planner', dep.id);
    const token = t.tokenFor(planner);
    const list = async (name: string): Promise<string> =>
      (await api(t.url, 'POST', '/api/contact-lists', { token, body: { name, region: 'GB' } })).body.id as string;
    const running = async (listId: string, owner: string, heartbeatAgo: string): Promise<string> => {
      await ds.query(`UPDATE contact_lists SET status = 'importing' WHERE id = $1`, [listId]);
      const [imp] = await ds.query(
        `INSERT INTO contact_imports (list_id, department_id, status, owner, heartbeat_at)
         VALUES ($1, $2, 'importing', $3, now() - $4::interval) RETURNING id`,
        [listId, dep.id, owner, heartbeatAgo],
      );
      await ds.query(
        `INSERT INTO contact_import_rows (import_id, dedupe_key, time_zone, fields, source_row, phones)
         VALUES ($1, 'tel:+447400100001', 'Europe/London', '{}', 2, '[]')`,
        [imp.id],
      );
      return imp.id as string;
    };
    // Owned by the process that is about to restart (same DIALER_INSTANCE_ID), by a live peer, by a dead peer.
    const mine = await list('mine');
    const mineImport = await running(mine, 'import-owner-restarting', '0 seconds');
    const peer = await list('peer');
    const peerImport = await running(peer, 'import-owner-peer', '0 seconds');
    const gone = await list('gone');
    const goneImport = await running(gone, 'import-owner-gone', '10 minutes');

    // Busy lists answer 409 while their import runs.
    const busy = await fetch(`${t.url}/api/contact-lists/${mine}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: 'phone\n07400 100001\n',
    });
    expect(busy.status).toBe(409);

    restarted = await createDialerApp({
      config: loadDialerConfig({
        DATABASE_URL: t.db.url,
        JWT_SECRET: TEST_JWT_SECRET,
        PORT: '0',
        ...ENV,
        DIALER_INSTANCE_ID: 'import-owner-restarting',
      }),
      databaseUrl: t.db.url,
      jwtSecret: TEST_JWT_SECRET,
      logger: false,
    });
    await restarted.init();

    const imports: { id: string; status: string; summary: any }[] = await ds.query(
      `SELECT id, status, summary FROM contact_imports WHERE id = ANY($1::uuid[])`,
      [[mineImport, peerImport, goneImport]],
    );
    const byId = new Map(imports.map((i) => [i.id, i]));
    expect(byId.get(mineImport)).toMatchObject({
      status: 'failed',
      summary: { error: { code: 'abandoned', kept: 0 } },
    });
    expect(byId.get(goneImport)).toMatchObject({ status: 'failed' });
    expect(byId.get(peerImport)!.status).toBe('importing'); // a live peer's import is left alone
    const lists: { id: string; status: string }[] = await ds.query(
      `SELECT id, status FROM contact_lists WHERE id = ANY($1::uuid[])`,
      [[mine, peer, gone]],
    );
    expect(Object.fromEntries(lists.map((l) => [l.id, l.status]))).toEqual({
      [mine]: 'ready',
      [peer]: 'importing',
      [gone]: 'ready',
    });
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM contact_import_rows WHERE import_id <> $1`, [
      peerImport,
    ]);
    expect(n).toBe(0);

    // The released list imports again at once; the peer's list too once its heartbeat is stale.
    const again = await fetch(`${t.url}/api/contact-lists/${mine}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: 'phone\n07400 100001\n',
    });
    expect(again.status).toBe(200);
    await ds.query(`UPDATE contact_imports SET heartbeat_at = now() - interval '1 hour' WHERE id = $1`, [peerImport]);
    const takeover = await fetch(`${t.url}/api/contact-lists/${peer}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: 'phone\n07400 100002\n',
    });
    expect(takeover.status).toBe(200);
    const history = await api(t.url, 'GET', `/api/contact-lists/${peer}/imports`, { token });
    expect(history.body.map((i: any) => i.status)).toEqual(['ready', 'failed']);
  });
});
