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
    expect(res.months.map((m) => [m.month, m.rows])).toEqual([
      ['2026-04', 1],
      ['2026-05', 1],
    ]);
    const left: { id: string }[] = await db.ds.query(`SELECT id FROM call_attempts ORDER BY created_at`);
    expect(left.map((r) => r.id)).toEqual([ids.juneFirst, ids.fiveYearsLessADay]);
    const rollupDays: { day: string }[] = await db.ds.query(
      `SELECT DISTINCT day::text AS day FROM attempt_rollups WHERE attempts <> 0 ORDER BY 1`,
    );
    expect(rollupDays.map((r) => r.day)).toEqual(['2026-06-01', '2026-06-16']);
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
    // nothing more to do
    expect((await job.run()).months).toEqual([]);
  });

  it('a later clock takes the next month, never one that reaches into the retention', async () => {
    const job = new RetentionService(
      db.ds,
      { now: () => new Date('2031-06-30T23:00:00Z') },
      new LocalFolderStorage(dir),
      { years: 5, intervalMs: 0 },
    );
    expect((await job.run()).months).toEqual([]);
    const later = new RetentionService(
      db.ds,
      { now: () => new Date('2031-07-01T00:00:00Z') },
      new LocalFolderStorage(dir),
      { years: 5, intervalMs: 0 },
    );
    expect((await later.run()).months.map((m) => [m.month, m.rows])).toEqual([['2026-06', 2]]);
  });
});
