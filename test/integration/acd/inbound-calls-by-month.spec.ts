import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MigrationInterface } from 'typeorm';
import { MIGRATIONS } from '@app/database';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

/** The migration that partitions inbound_calls by month, run down and up again over a table with rows. */
describe('acd: inbound_calls partitioned by month (migration InboundCallsByMonth keeps the rows)', () => {
  let db: TestDatabase;
  const Migration = MIGRATIONS.find((m) => m.name === 'InboundCallsByMonth1796026044001');
  if (!Migration) throw new Error('migration InboundCallsByMonth1796026044001 is not listed');
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
      (await db.ds.query(`SELECT relkind FROM pg_class WHERE oid = 'inbound_calls'::regclass`)) as { relkind: string }[]
    )[0].relkind;
  const primaryKey = async (): Promise<string[]> =>
    (
      (await db.ds.query(
        `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'inbound_calls'::regclass AND contype = 'p'`,
      )) as { def: string }[]
    ).map((r) => r.def);
  type Row = { id: string; channel_id: string; arrived_at: Date; path: unknown; part: string };
  const rows = async (): Promise<Row[]> =>
    db.ds.query(
      `SELECT id, channel_id, arrived_at, path, tableoid::regclass::text AS part FROM inbound_calls ORDER BY channel_id`,
    );
  const strip = (r: Row[]): Omit<Row, 'part'>[] =>
    r.map(({ id, channel_id, arrived_at, path }) => ({ id, channel_id, arrived_at, path }));

  beforeAll(async () => {
    db = await createTestDatabase();
    await run('down');
    for (const [i, at] of ['2024-03-05T08:00:00Z', '2026-10-31T23:59:59Z', '2026-11-01T00:00:00Z'].entries())
      await db.ds.query(
        `INSERT INTO inbound_calls (channel_id, arrived_at, status, path) VALUES ($1, $2, 'waiting', $3)`,
        [`in-${i}`, at, JSON.stringify([{ step: 'entry', i }])],
      );
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('up partitions the table by month, every row kept in its month; updates by id still find the row', async () => {
    expect(await relkind()).toBe('r');
    expect(await primaryKey()).toEqual(['PRIMARY KEY (id)']);
    const before = strip(await rows());
    await run('up');
    expect(await relkind()).toBe('p');
    expect(await primaryKey()).toEqual(['PRIMARY KEY (id, arrived_at)']);
    const after = await rows();
    expect(strip(after)).toEqual(before);
    expect(after.map((r) => r.part)).toEqual([
      'inbound_calls_p2024_03',
      'inbound_calls_p2026_10',
      'inbound_calls_p2026_11',
    ]);
    // as the ACD updates a call: by id alone
    await db.ds.query(`UPDATE inbound_calls SET status = 'ended', outcome = 'answered' WHERE id = $1`, [after[0].id]);
    const [u]: { status: string; outcome: string }[] = await db.ds.query(
      `SELECT status, outcome FROM inbound_calls WHERE id = $1`,
      [after[0].id],
    );
    expect(u).toEqual({ status: 'ended', outcome: 'answered' });
    const indexes: { name: string }[] = await db.ds.query(
      `SELECT indexname AS name FROM pg_indexes WHERE tablename = 'inbound_calls' ORDER BY 1`,
    );
    expect(indexes.map((i) => i.name)).toEqual([
      'PK_28ac3c2612303c80f9d740147ad',
      'ix_inbound_calls_queue_arrived',
      'uq_inbound_calls_channel',
    ]);
  });

  it('a month without a partition waits in the default one and moves into the partition made for it', async () => {
    await db.ds.query(`INSERT INTO inbound_calls (channel_id, arrived_at) VALUES ('in-old', '2023-01-15T00:00:00Z')`);
    const where = async (): Promise<string> =>
      (
        (await db.ds.query(
          `SELECT tableoid::regclass::text AS part FROM inbound_calls WHERE channel_id = 'in-old'`,
        )) as { part: string }[]
      )[0].part;
    expect(await where()).toBe('inbound_calls_default');
    const [{ made }]: { made: boolean }[] = await db.ds.query(
      `SELECT inbound_calls_ensure_month('2023-01-01') AS made`,
    );
    expect(made).toBe(true);
    expect(await where()).toBe('inbound_calls_p2023_01');
  });

  it('down again gives back a plain table with every row', async () => {
    const before = strip(await rows());
    await run('down');
    expect(await relkind()).toBe('r');
    expect(await primaryKey()).toEqual(['PRIMARY KEY (id)']);
    expect(strip(await rows())).toEqual(before);
    await run('up');
  });
});
