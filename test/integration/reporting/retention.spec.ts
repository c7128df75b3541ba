import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { LocalFolderStorage, RetentionService, retentionCutoff } from '@app/reporting';
import { aDepartment } from '../../support/builders';
import { aCampaign, someContacts } from '../../support/campaign-builders';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { anAttempt } from './reporting-builders';

describe('reporting: retention job (clock moved past five years)', () => {
  let db: TestDatabase;
  let dir: string;
  const ids: Record<string, string> = {};
  // five years before 2031-06-15 is 2026-06-15: the job may take whole months before 2026-06-01 only
  const clock = { now: () => new Date('2031-06-15T00:00:00Z') };

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'h9-archive-'));
    const dep = await aDepartment(db.ds);
    const c = await aCampaign(db.ds, { departmentId: dep.id });
    const [k] = await someContacts(db.ds, c, [{}]);
    for (const [name, at] of [
      ['april', '2026-04-10T12:00:00Z'],
      ['mayLastSecond', '2026-05-31T23:59:59Z'],
      ['juneFirst', '2026-06-01T00:00:00Z'],
      ['fiveYearsLessADay', '2026-06-16T10:00:00Z'],
    ])
      ids[name] = await anAttempt(db.ds, c, {
        contactId: k.contactId,
        calledNumber: k.numbers[0],
        at,
        outcome: 'busy',
      });
    // the test database's partitions start at the month it was migrated: these months wait in the default partition
    // until their partitions are made (April, May, June), July stays in the default one
    await anAttempt(db.ds, c, {
      contactId: k.contactId,
      calledNumber: k.numbers[0],
      at: '2026-07-02T10:00:00Z',
      outcome: 'busy',
    });
    for (const m of ['2026-04-01', '2026-05-01', '2026-06-01'])
      await db.ds.query(`SELECT call_attempts_ensure_month($1::date)`, [m]);
    // the ACD's queue_log and inbound calls at the same instants: April, May and June get partitions, July waits in
    // the default one
    for (const [i, at] of [
      '2026-04-10T12:00:00Z',
      '2026-05-31T23:59:59Z',
      '2026-06-01T00:00:00Z',
      '2026-06-16T10:00:00Z',
      '2026-07-02T10:00:00Z',
    ].entries()) {
      await db.ds.query(
        `INSERT INTO queue_events (at, inbound_call_id, event, data) VALUES ($1, gen_random_uuid(), 'ENTERQUEUE', $2)`,
        [at, { at }],
      );
      await db.ds.query(
        `INSERT INTO inbound_calls (channel_id, caller_number, arrived_at, status, outcome)
         VALUES ($1, '+4930123456', $2, 'ended', 'answered')`,
        [`retention-in-${i}`, at],
      );
    }
    for (const m of ['2026-04-01', '2026-05-01', '2026-06-01']) {
      await db.ds.query(`SELECT queue_events_ensure_month($1::date)`, [m]);
      await db.ds.query(`SELECT inbound_calls_ensure_month($1::date)`, [m]);
    }
  });

  /** The ACD tables' partitions of April to July 2026 (queue_events, inbound_calls) */
  const acdPartitions = async (): Promise<string[]> =>
    (
      (await db.ds.query(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent IN ('queue_events'::regclass, 'inbound_calls'::regclass)
            AND c.relname ~ '^(queue_events|inbound_calls)_p2026_0[4-7]$' ORDER BY 1`,
      )) as { name: string }[]
    ).map((r) => r.name);
  const queueEventTimes = async (): Promise<string[]> =>
    ((await db.ds.query(`SELECT at FROM queue_events ORDER BY at`)) as { at: Date }[]).map((r) => r.at.toISOString());
  const inboundCallTimes = async (): Promise<string[]> =>
    ((await db.ds.query(`SELECT arrived_at AS at FROM inbound_calls ORDER BY arrived_at`)) as { at: Date }[]).map((r) =>
      r.at.toISOString(),
    );

  const partitions = async (): Promise<{ name: string; rows: number }[]> => {
    const names: { name: string }[] = await db.ds.query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'call_attempts'::regclass AND c.relname ~ '^call_attempts_p2026_0[4-7]$' ORDER BY 1`,
    );
    const out: { name: string; rows: number }[] = [];
    for (const { name } of names) {
      const [r]: { n: string }[] = await db.ds.query(`SELECT count(*) AS n FROM ${name}`);
      out.push({ name, rows: Number(r.n) });
    }
    return out;
  };

  it('moves rows waiting in the default partition into the month partition made for them, rollups untouched', async () => {
    expect(await partitions()).toEqual([
      { name: 'call_attempts_p2026_04', rows: 1 },
      { name: 'call_attempts_p2026_05', rows: 1 },
      { name: 'call_attempts_p2026_06', rows: 2 },
    ]);
    const [d]: { n: string }[] = await db.ds.query(`SELECT count(*) AS n FROM call_attempts_default`);
    expect(Number(d.n)).toBeGreaterThanOrEqual(1); // July
    const days: { day: string; attempts: number }[] = await db.ds.query(
      `SELECT day::text AS day, sum(attempts)::int AS attempts FROM campaign_day_rollups WHERE attempts <> 0
        GROUP BY day ORDER BY day`,
    );
    expect(days).toEqual([
      { day: '2026-04-10', attempts: 1 },
      { day: '2026-05-31', attempts: 1 },
      { day: '2026-06-01', attempts: 1 },
      { day: '2026-06-16', attempts: 1 },
      { day: '2026-07-02', attempts: 1 },
    ]);
  });

  afterAll(async () => {
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses a retention shorter than five years', () => {
    expect(() => retentionCutoff(clock.now(), 4)).toThrow(/at least 5 years/);
    expect(retentionCutoff(clock.now(), 5).toISOString()).toBe('2026-06-01T00:00:00.000Z');
  });

  it('archives whole months older than the retention with their hash, deletes them, and leaves younger rows', async () => {
    const storage = new LocalFolderStorage(dir);
    const job = new RetentionService(db.ds, clock, storage, { years: 5, intervalMs: 0 });
    const res = await job.run();
    expect(res.cutoff.toISOString()).toBe('2026-06-01T00:00:00.000Z');
    expect(res.months.map((m) => [m.month, m.rows, m.partitionDropped])).toEqual([
      ['2026-04', 1, true],
      ['2026-05', 1, true],
    ]);
    // April's and May's partitions are detached and dropped; June's is whole
    expect(await partitions()).toEqual([{ name: 'call_attempts_p2026_06', rows: 2 }]);
    const left: { id: string }[] = await db.ds.query(
      `SELECT id FROM call_attempts WHERE created_at < '2026-07-01' ORDER BY created_at`,
    );
    expect(left.map((r) => r.id)).toEqual([ids.juneFirst, ids.fiveYearsLessADay]);
    const rollupDays: { day: string }[] = await db.ds.query(
      `SELECT DISTINCT day::text AS day FROM attempt_rollups WHERE attempts <> 0 ORDER BY 1`,
    );
    expect(rollupDays.map((r) => r.day)).toEqual(['2026-06-01', '2026-06-16', '2026-07-02']);
    const dayRollups: { day: string }[] = await db.ds.query(
      `SELECT day::text AS day FROM campaign_day_rollups WHERE attempts <> 0 ORDER BY 1`,
    );
    expect(dayRollups.map((r) => r.day)).toEqual(['2026-06-01', '2026-06-16', '2026-07-02']);
    for (const m of res.months) {
      const file = await readFile(join(dir, m.storageKey));
      expect(createHash('sha256').update(file).digest('hex')).toBe(m.sha256);
      expect(file.length).toBe(m.bytes);
      const csv = gunzipSync(file).toString('utf8');
      expect(csv.split('\r\n')[0]).toMatch(/^attempt_id,department_id,campaign_id/);
      expect(csv).toContain(m.month === '2026-04' ? ids.april : ids.mayLastSecond);
    }
    const recorded: { storage_key: string; sha256: string; rows: number }[] = await db.ds.query(
      `SELECT storage_key, sha256, rows FROM archives WHERE kind = 'call-attempts' ORDER BY period_from`,
    );
    expect(recorded).toEqual(res.months.map((m) => ({ storage_key: m.storageKey, sha256: m.sha256, rows: m.rows })));
    // queue_events by the same rule: April's and May's partitions archived, detached and dropped; June on is kept
    expect(res.queueEventMonths.map((m) => [m.month, m.rows, m.partitionDropped])).toEqual([
      ['2026-04', 1, true],
      ['2026-05', 1, true],
    ]);
    expect(res.inboundCallMonths.map((m) => [m.month, m.rows, m.partitionDropped])).toEqual([
      ['2026-04', 1, true],
      ['2026-05', 1, true],
    ]);
    expect(await acdPartitions()).toEqual(['inbound_calls_p2026_06', 'queue_events_p2026_06']);
    const kept = ['2026-06-01T00:00:00.000Z', '2026-06-16T10:00:00.000Z', '2026-07-02T10:00:00.000Z'];
    expect(await queueEventTimes()).toEqual(kept);
    expect(await inboundCallTimes()).toEqual(kept);
    for (const m of res.queueEventMonths) {
      const file = await readFile(join(dir, m.storageKey));
      expect(createHash('sha256').update(file).digest('hex')).toBe(m.sha256);
      expect(file.length).toBe(m.bytes);
      const lines = gunzipSync(file).toString('utf8').split('\r\n');
      expect(lines[0]).toBe('id,at,inbound_call_id,queue_id,agent_id,event,data');
      expect(lines[1]).toContain(m.month === '2026-04' ? '2026-04-10T12:00:00.000Z' : '2026-05-31T23:59:59.000Z');
      expect(lines[1]).toContain('ENTERQUEUE');
    }
    for (const m of res.inboundCallMonths) {
      const file = await readFile(join(dir, m.storageKey));
      expect(createHash('sha256').update(file).digest('hex')).toBe(m.sha256);
      const lines = gunzipSync(file).toString('utf8').split('\r\n');
      expect(lines[0]).toMatch(/^id,queue_id,department_id,channel_id,caller_number,did,arrived_at,/);
      expect(lines[1]).toContain(m.month === '2026-04' ? 'retention-in-0' : 'retention-in-1');
    }
    const acdArchives: { kind: string; storage_key: string; rows: number }[] = await db.ds.query(
      `SELECT kind, storage_key, rows FROM archives WHERE kind IN ('queue-events', 'inbound-calls')
        ORDER BY kind DESC, period_from`,
    );
    expect(acdArchives).toEqual([
      ...res.queueEventMonths.map((m) => ({ kind: 'queue-events', storage_key: m.storageKey, rows: m.rows })),
      ...res.inboundCallMonths.map((m) => ({ kind: 'inbound-calls', storage_key: m.storageKey, rows: m.rows })),
    ]);
    // nothing more to do
    const again = await job.run();
    expect(again.months).toEqual([]);
    expect(again.queueEventMonths).toEqual([]);
    expect(again.inboundCallMonths).toEqual([]);
  });

  it('a later clock takes the next month, never one that reaches into the retention', async () => {
    const job = new RetentionService(
      db.ds,
      { now: () => new Date('2031-06-30T23:00:00Z') },
      new LocalFolderStorage(dir),
      { years: 5, intervalMs: 0 },
    );
    const early = await job.run();
    expect(early.months).toEqual([]);
    expect(early.queueEventMonths).toEqual([]);
    expect(early.inboundCallMonths).toEqual([]);
    const later = new RetentionService(
      db.ds,
      { now: () => new Date('2031-07-01T00:00:00Z') },
      new LocalFolderStorage(dir),
      { years: 5, intervalMs: 0 },
    );
    const june = await later.run();
    expect(june.months.map((m) => [m.month, m.rows, m.partitionDropped])).toEqual([['2026-06', 2, true]]);
    expect(june.queueEventMonths.map((m) => [m.month, m.rows, m.partitionDropped])).toEqual([['2026-06', 2, true]]);
    expect(june.inboundCallMonths.map((m) => [m.month, m.rows, m.partitionDropped])).toEqual([['2026-06', 2, true]]);
    expect(await queueEventTimes()).toEqual(['2026-07-02T10:00:00.000Z']);
    expect(await inboundCallTimes()).toEqual(['2026-07-02T10:00:00.000Z']);
    expect(await acdPartitions()).toEqual([]);
    expect(await partitions()).toEqual([]);
    // July (in the default partition) is younger than five years: untouched
    const july: { n: string }[] = await db.ds.query(`SELECT count(*) AS n FROM call_attempts`);
    expect(Number(july[0].n)).toBe(1);
  });

  it('without a partition for the month, deletes its rows from the default partition', async () => {
    const job = new RetentionService(
      db.ds,
      { now: () => new Date('2031-08-01T00:00:00Z') },
      new LocalFolderStorage(dir),
      { years: 5, intervalMs: 0 },
    );
    const july = await job.run();
    expect(july.months.map((m) => [m.month, m.rows, m.partitionDropped])).toEqual([['2026-07', 1, false]]);
    expect(july.queueEventMonths.map((m) => [m.month, m.rows, m.partitionDropped])).toEqual([['2026-07', 1, false]]);
    expect(july.inboundCallMonths.map((m) => [m.month, m.rows, m.partitionDropped])).toEqual([['2026-07', 1, false]]);
    expect(await queueEventTimes()).toEqual([]);
    expect(await inboundCallTimes()).toEqual([]);
    const left: { n: string }[] = await db.ds.query(`SELECT count(*) AS n FROM call_attempts`);
    expect(Number(left[0].n)).toBe(0);
  });
});
