import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MigrationInterface } from 'typeorm';
import { MIGRATIONS } from '@app/database';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

/** The migration that partitions queue_events by month, run down and up again over a table with rows. */
describe('acd: queue_events partitioned by month (migration QueueEventsByMonth keeps the rows)', () => {
  let db: TestDatabase;
  const Migration = MIGRATIONS.find((m) => m.name === 'QueueEventsByMonth1796026044000');
  if (!Migration) throw new Error('migration QueueEventsByMonth1796026044000 is not listed');
  const migration = new Migration() as MigrationInterface;
  const run = async (step: 'up' | 'down'): Promise<void> => {
    const qr = db.ds.createQueryRunner();
    try {
      await qr.startTransaction();
      await migration[step](qr);
      await qr.commitTransaction();
    } finally {
      await qr.release();
    }
  };
  const relkind = async (): Promise<string> =>
    (
      (await db.ds.query(`SELECT relkind FROM pg_class WHERE oid = 'queue_events'::regclass`)) as { relkind: string }[]
    )[0].relkind;
  type Row = { id: string; at: Date; event: string; data: Record<string, unknown>; part: string };
  const rows = async (): Promise<Row[]> =>
    db.ds.query(`SELECT id, at, event, data, tableoid::regclass::text AS part FROM queue_events ORDER BY id`);
  const times = ['2024-03-05T08:00:00Z', '2026-10-31T23:59:59Z', '2026-11-01T00:00:00Z'];

  beforeAll(async () => {
    db = await createTestDatabase();
    await run('down');
    for (const [i, at] of times.entries())
      await db.ds.query(
        `INSERT INTO queue_events (at, inbound_call_id, event, data) VALUES ($1, gen_random_uuid(), 'ENTERQUEUE', $2)`,
        [at, { n: i }],
      );
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('down leaves a plain table with the primary key (id)', async () => {
    expect(await relkind()).toBe('r');
    const pk: { cols: string }[] = await db.ds.query(
      `SELECT pg_get_constraintdef(oid) AS cols FROM pg_constraint WHERE conrelid = 'queue_events'::regclass AND contype = 'p'`,
    );
    expect(pk).toEqual([{ cols: 'PRIMARY KEY (id)' }]);
  });

  it('up partitions the table by month, every row kept in its month, ids kept and the identity going on', async () => {
    const before = (await rows()).map(({ id, at, event, data }) => ({ id, at, event, data }));
    await run('up');
    expect(await relkind()).toBe('p');
    const after = await rows();
    expect(after.map(({ id, at, event, data }) => ({ id, at, event, data }))).toEqual(before);
    expect(after.map((r) => r.part)).toEqual([
      'queue_events_p2024_03',
      'queue_events_p2026_10',
      'queue_events_p2026_11',
    ]);
    const pk: { cols: string }[] = await db.ds.query(
      `SELECT pg_get_constraintdef(oid) AS cols FROM pg_constraint WHERE conrelid = 'queue_events'::regclass AND contype = 'p'`,
    );
    expect(pk).toEqual([{ cols: 'PRIMARY KEY (id, at)' }]);
    const indexes: { name: string }[] = await db.ds.query(
      `SELECT indexname AS name FROM pg_indexes WHERE tablename = 'queue_events' ORDER BY 1`,
    );
    expect(indexes.map((i) => i.name)).toEqual([
      'PK_94c9ce3a4e53430cf490e5ed85d',
      'ix_queue_events_call',
      'ix_queue_events_queue_at',
    ]);
    const [made]: { id: string; part: string }[] = await db.ds.query(
      `INSERT INTO queue_events (inbound_call_id, event) VALUES (gen_random_uuid(), 'CONNECT')
       RETURNING id, tableoid::regclass::text AS part`,
    );
    expect(BigInt(made.id)).toBeGreaterThan(BigInt(after[after.length - 1].id));
    // this month's partition was made ahead by the migration
    expect(made.part).toMatch(/^queue_events_p\d{4}_\d{2}$/);
  });

  it('a month without a partition waits in the default one and moves into the partition made for it', async () => {
    await db.ds.query(
      `INSERT INTO queue_events (at, inbound_call_id, event) VALUES ('2023-01-15T00:00:00Z', gen_random_uuid(), 'ABANDON')`,
    );
    const [{ part }]: { part: string }[] = await db.ds.query(
      `SELECT tableoid::regclass::text AS part FROM queue_events WHERE event = 'ABANDON'`,
    );
    expect(part).toBe('queue_events_default');
    const [{ made }]: { made: boolean }[] = await db.ds.query(`SELECT queue_events_ensure_month('2023-01-01') AS made`);
    expect(made).toBe(true);
    const moved: { part: string }[] = await db.ds.query(
      `SELECT tableoid::regclass::text AS part FROM queue_events WHERE event = 'ABANDON'`,
    );
    expect(moved).toEqual([{ part: 'queue_events_p2023_01' }]);
    const [{ again }]: { again: boolean }[] = await db.ds.query(
      `SELECT queue_events_ensure_month('2023-01-20') AS again`,
    );
    expect(again).toBe(false);
  });

  it('down again gives back a plain table with every row', async () => {
    const before = (await rows()).map(({ id, at, event }) => ({ id, at, event }));
    await run('down');
    expect(await relkind()).toBe('r');
    expect((await rows()).map(({ id, at, event }) => ({ id, at, event }))).toEqual(before);
    const [{ n }]: { n: string }[] = await db.ds.query(
      `SELECT count(*) AS n FROM pg_class WHERE relname LIKE 'queue_events\\_%' AND relkind IN ('r', 'p')`,
    );
    expect(Number(n)).toBe(0);
    await run('up');
  });
});
