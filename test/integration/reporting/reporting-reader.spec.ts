import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { User } from '@app/database';
import { aDepartment, aUser } from '../../support/builders';
import { aCampaign, someContacts } from '../../support/campaign-builders';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { anAttempt } from './reporting-builders';

/**
 * REPORTING_DATABASE_URL: the reports read through their own pool on another database (here a second database
 * standing in for a read replica), while sign-in and the jobs stay on DATABASE_URL.
 */
describe('reporting: reports read through REPORTING_DATABASE_URL', () => {
  let replica: TestDatabase;
  let t: TestApp;
  let admin: User;
  let campaignId: string;

  beforeAll(async () => {
    replica = await createTestDatabase();
    const dep = await aDepartment(replica.ds);
    const c = await aCampaign(replica.ds, { departmentId: dep.id, state: 'running' });
    campaignId = c.id;
    const [k] = await someContacts(replica.ds, c, [{}]);
    for (const at of ['2026-04-01T10:00:00Z', '2026-04-01T11:00:00Z'])
      await anAttempt(replica.ds, c, { contactId: k.contactId, calledNumber: k.numbers[0], at, outcome: 'busy' });
    t = await startTestApp('reporting', { REPORTING_DATABASE_URL: replica.url });
    const mainDep = await aDepartment(t.db.ds);
    admin = await aUser(t.db.ds, 'admin', mainDep.id);
  });

  afterAll(async () => {
    await t?.close();
    await replica?.drop();
  });

  it('answers from the reporting database, signing in against the main one', async () => {
    const res = await api(t.url, 'GET', `/api/reports/campaigns?from=2026-04-01T00:00:00Z&to=2026-04-02T00:00:00Z`, {
      token: t.tokenFor(admin),
    });
    expect(res.status).toBe(200);
    expect(res.body.campaigns.map((c: { campaignId: string; dials: number }) => [c.campaignId, c.dials])).toEqual([
      [campaignId, 2],
    ]);
    // the main database has no such campaign
    expect(await t.db.ds.query(`SELECT id FROM campaigns WHERE id = $1`, [campaignId])).toEqual([]);
    const readers: { n: string }[] = await replica.ds.query(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'reporting-reader'`,
    );
    expect(Number(readers[0].n)).toBeGreaterThan(0);
  });
});
