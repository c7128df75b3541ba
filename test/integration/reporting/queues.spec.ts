import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { User } from '@app/database';
import { aDepartment, aUser } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';

const RANGE = 'from=2026-05-04T00:00:00Z&to=2026-05-06T00:00:00Z';

async function aQueue(ds: DataSource, departmentId: string, serviceLevelSeconds: number): Promise<string> {
  const [q]: { id: string }[] = await ds.query(
    `INSERT INTO queues (department_id, name, strategy, service_level_seconds) VALUES ($1, $2, 'ring-all', $3)
     RETURNING id`,
    [departmentId, `queue-${randomUUID()}`, serviceLevelSeconds],
  );
  return q.id;
}

/** One inbound call's queue_log lines: ENTERQUEUE at `at`, then how it ended after `seconds`. */
async function aCall(
  ds: DataSource,
  queueId: string,
  at: string,
  end: 'CONNECT' | 'ABANDON' | 'EXITWITHTIMEOUT',
  seconds: number,
): Promise<void> {
  const id = randomUUID();
  const t = new Date(at);
  await ds.query(
    `INSERT INTO queue_events (at, inbound_call_id, queue_id, event, data) VALUES ($1, $2, $3, 'ENTERQUEUE', '{}'),
       ($4, $2, $3, $5, $6)`,
    [
      t,
      id,
      queueId,
      new Date(t.getTime() + seconds * 1000),
      end,
      end === 'CONNECT' ? { holdtime: seconds } : { waited: seconds, position: 1 },
    ],
  );
}

/** Per-queue operations figures, each counted by hand from the rows below. */
describe('reporting: per-queue operations', () => {
  let t: TestApp;
  let supervisor: User;
  let sales: string;
  let support: string;
  let other: string;

  beforeAll(async () => {
    t = await startTestApp('reporting');
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const dep2 = await aDepartment(ds);
    supervisor = await aUser(ds, 'supervisor', dep.id);
    sales = await aQueue(ds, dep.id, 20);
    support = await aQueue(ds, dep.id, 30);
    other = await aQueue(ds, dep2.id, 20);
    // sales, 2026-05-04 09:xx: answered after 10 s and 25 s, abandoned after 3 s and 40 s, overflowed after 300 s
    await aCall(ds, sales, '2026-05-04T09:00:00Z', 'CONNECT', 10);
    await aCall(ds, sales, '2026-05-04T09:10:00Z', 'CONNECT', 25);
    await aCall(ds, sales, '2026-05-04T09:20:00Z', 'ABANDON', 3);
    await aCall(ds, sales, '2026-05-04T09:30:00Z', 'ABANDON', 40);
    await aCall(ds, sales, '2026-05-04T09:40:00Z', 'EXITWITHTIMEOUT', 300);
    // sales, 2026-05-05 14:xx: answered after 5 s, abandoned after 130 s
    await aCall(ds, sales, '2026-05-05T14:00:00Z', 'CONNECT', 5);
    await aCall(ds, sales, '2026-05-05T14:05:00Z', 'ABANDON', 130);
    // support, 2026-05-05 09:xx: answered after 28 s (within its 30 s target) and 45 s
    await aCall(ds, support, '2026-05-05T09:00:00Z', 'CONNECT', 28);
    await aCall(ds, support, '2026-05-05T09:30:00Z', 'CONNECT', 45);
    // outside the range, and another department's queue
    await aCall(ds, sales, '2026-05-06T00:00:00Z', 'CONNECT', 1);
    await aCall(ds, other, '2026-05-04T09:00:00Z', 'CONNECT', 1);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('per queue: offered, answered, SL, ASA, abandons by wait band, overflows, longest wait', async () => {
    const res = await api(t.url, 'GET', `/api/reports/queues?${RANGE}`, { token: t.tokenFor(supervisor) });
    expect(res.status).toBe(200);
    expect(res.body.queues.map((q: { queueId: string }) => q.queueId).sort()).toEqual([sales, support].sort());
    const s = res.body.queues.find((q: { queueId: string }) => q.queueId === sales);
    expect(s).toMatchObject({
      targetSeconds: 20,
      // 3 answered + 3 abandoned + 1 overflow
      offered: 7,
      answered: 3,
      // 10 s and 5 s are within 20 s; 25 s is not
      answeredWithinTarget: 2,
      abandoned: 3,
      shortAbandons: 1,
      overflowed: 1,
      serviceLevel: 0.2857, // 2 / 7
      serviceLevelExcludingShortAbandons: 0.3333, // 2 / (7 - 1)
      asaSeconds: 13.33, // (10 + 25 + 5) / 3
      abandonRate: 0.4286, // 3 / 7
      longestWaitSeconds: 130, // the overflow's 300 s is not a CONNECT or an ABANDON
      abandonsByWait: { '0-5s': 1, '5-15s': 0, '15-30s': 0, '30-60s': 1, '60-120s': 0, '120s+': 1 },
    });
    const p = res.body.queues.find((q: { queueId: string }) => q.queueId === support);
    expect(p).toMatchObject({ offered: 2, answered: 2, answeredWithinTarget: 1, serviceLevel: 0.5, asaSeconds: 36.5 });
  });

  it('per day and hour of day (UTC), with each queue measured against its own target', async () => {
    const res = await api(t.url, 'GET', `/api/reports/queues?${RANGE}`, { token: t.tokenFor(supervisor) });
    const pick = (b: { offered: number; answered: number; answeredWithinTarget: number; abandoned: number }) => [
      b.offered,
      b.answered,
      b.answeredWithinTarget,
      b.abandoned,
    ];
    expect(res.body.byDay.map((d: { day: string }) => [d.day, ...pick(d as never)])).toEqual([
      ['2026-05-04', 5, 2, 1, 2],
      // sales 5 s (within 20) + support 28 s (within 30); 45 s is not
      ['2026-05-05', 4, 3, 2, 1],
    ]);
    expect(res.body.byHour.map((h: { hour: number }) => [h.hour, ...pick(h as never)])).toEqual([
      [9, 7, 4, 2, 2],
      [14, 2, 1, 1, 1],
    ]);
  });

  it('filters by queue and department (404 for one not worked for), 400 for a bad range', async () => {
    const token = t.tokenFor(supervisor);
    const one = (await api(t.url, 'GET', `/api/reports/queues?queueId=${support}&${RANGE}`, { token })).body;
    expect(one.queues.map((q: { queueId: string }) => q.queueId)).toEqual([support]);
    expect(one.byDay.map((d: { day: string }) => d.day)).toEqual(['2026-05-05']);
    const otherQueue = (await api(t.url, 'GET', `/api/reports/queues?queueId=${other}&${RANGE}`, { token })).body;
    expect(otherQueue.queues).toEqual([]);
    const dep2 = await t.db.ds.query(`SELECT department_id FROM queues WHERE id = $1`, [other]);
    expect(
      (await api(t.url, 'GET', `/api/reports/queues?departmentId=${dep2[0].department_id}&${RANGE}`, { token })).status,
    ).toBe(404);
    const bad = await api(t.url, 'GET', `/api/reports/queues?from=2026-05-06T00:00:00Z&to=2026-05-04T00:00:00Z`, {
      token,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('from');
  });
});
