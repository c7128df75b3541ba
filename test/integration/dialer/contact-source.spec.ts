import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Campaign } from '@app/database';
import { engineSettingsOf, PgContactSource, sweepExpiredLeases, type PgLease } from '@app/dialer';
import { aDepartment } from '../../support/builders';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { aCampaign, aNumber, FAST_RETRY, someContacts } from '../../support/campaign-builders';

// Office hours on weekdays in each contact's own zone, Christmas off, no weekends.
const OFFICE = {
  weekdays: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
    day,
    ranges: [{ from: '09:00', to: '17:00' }],
  })),
  evenings: false,
  weekends: false,
  holidays: false,
  holidayDates: ['2026-12-25'],
  timeZone: 'Europe/London',
};
const ZONES = ['America/New_York', 'Europe/London', 'Asia/Tokyo', 'Australia/Sydney'];

function sourceFor(db: TestDatabase, c: Campaign, owner = 'test-owner', pilotOnly = false): PgContactSource {
  const s = engineSettingsOf(c);
  return new PgContactSource(
    db.ds,
    () => ({
      id: c.id,
      departmentId: c.departmentId,
      pilotOnly,
      rules: s.rules,
      ringTimeoutSeconds: s.config.ringTimeoutSeconds,
      policy: s.config.retryPolicy,
    }),
    owner,
    30,
  );
}

const at = (iso: string): number => Date.parse(iso);

describe('PgContactSource: who may be called now', () => {
  let db: TestDatabase;
  let departmentId: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    departmentId = (await aDepartment(db.ds)).id;
  });
  afterAll(async () => {
    await db.drop();
  });

  /** A fresh campaign with one contact per zone; returns the zones claimed at `now`. */
  async function zonesClaimedAt(now: number, windows: Record<string, unknown> = OFFICE): Promise<string[]> {
    const c = await aCampaign(db.ds, { departmentId, windows, pacing: { ringTimeoutSeconds: 20 } });
    await someContacts(
      db.ds,
      c,
      ZONES.map((timeZone) => ({ timeZone })),
    );
    const leases = await sourceFor(db, c).claim(10, now);
    return leases.map((l) => l.timeZone).sort();
  }

  it('claims only contacts whose local time is inside the window (time zones)', async () => {
    // Tuesday 2026-06-16 14:00 UTC: New York 10:00, London 15:00, Tokyo 23:00, Sydney 00:00 (Wednesday).
    expect(await zonesClaimedAt(at('2026-06-16T14:00:00Z'))).toEqual(['America/New_York', 'Europe/London']);
    // Tuesday 2026-06-16 01:00 UTC: Tokyo 10:00, Sydney 11:00; New York and London at night.
    expect(await zonesClaimedAt(at('2026-06-16T01:00:00Z'))).toEqual(['Asia/Tokyo', 'Australia/Sydney']);
  });

  it('follows daylight saving time (New York springs forward on 2026-03-08, London on 2026-03-29)', async () => {
    // Friday 2026-03-06 13:30 UTC: New York is on EST (08:30), too early; London 13:30.
    expect(await zonesClaimedAt(at('2026-03-06T13:30:00Z'))).toEqual(['Europe/London']);
    // Monday 2026-03-09 13:30 UTC: New York is on EDT (09:30), callable.
    expect(await zonesClaimedAt(at('2026-03-09T13:30:00Z'))).toEqual(['America/New_York', 'Europe/London']);
  });

  it('keeps the ring timeout and safety margin before the window closes', async () => {
    // Wednesday in winter, London closes at 17:00: the last placement is 17:00 − 20 s ring − 60 s margin = 16:58:40.
    expect(await zonesClaimedAt(at('2026-01-14T16:58:30Z'))).toEqual(['America/New_York', 'Europe/London']);
    expect(await zonesClaimedAt(at('2026-01-14T16:58:50Z'))).toEqual(['America/New_York']);
    expect(await zonesClaimedAt(at('2026-01-14T08:59:59Z'))).toEqual([]);
  });

  it('skips holidays and weekends', async () => {
    // Thursday 2026-12-24 15:00 UTC: New York 10:00, London 15:00.
    expect(await zonesClaimedAt(at('2026-12-24T15:00:00Z'))).toEqual(['America/New_York', 'Europe/London']);
    // Friday 2026-12-25 (holiday) 15:00 UTC: nobody; Tokyo and Sydney are on Saturday.
    expect(await zonesClaimedAt(at('2026-12-25T15:00:00Z'))).toEqual([]);
    // Saturday 2026-06-20 14:00 UTC: weekend everywhere that is in office hours.
    expect(await zonesClaimedAt(at('2026-06-20T14:00:00Z'))).toEqual([]);
  });

  it('never claims a do-not-call number, whatever its scope, and an entry added mid-campaign applies at once', async () => {
    const c = await aCampaign(db.ds, { departmentId });
    const other = await aCampaign(db.ds, { departmentId: (await aDepartment(db.ds)).id });
    const rows = await someContacts(db.ds, c, [{}, {}, {}, {}, {}, { numbers: [aNumber(), aNumber()] }]);
    const [g, d, k, expired, otherDept, twoNumbers] = rows;
    const dnc = (e164: string, scope: string, extra: Record<string, unknown> = {}): Promise<unknown> =>
      db.ds.query(
        `INSERT INTO dnc_entries (e164, scope, department_id, campaign_id, source, expires_at) VALUES ($1, $2, $3, $4, 'test', $5)`,
        [e164, scope, extra.departmentId ?? null, extra.campaignId ?? null, extra.expiresAt ?? null],
      );
    await dnc(g.numbers[0], 'global');
    await dnc(d.numbers[0], 'department', { departmentId });
    await dnc(k.numbers[0], 'campaign', { campaignId: c.id });
    await dnc(expired.numbers[0], 'global', { expiresAt: new Date(Date.now() - 60_000) });
    await dnc(otherDept.numbers[0], 'department', { departmentId: other.departmentId });
    await dnc(twoNumbers.numbers[0], 'global');
    const src = sourceFor(db, c);
    const leases = await src.claim(10, Date.now());
    const phones = leases.map((l) => l.phone).sort();
    expect(phones).toEqual([expired.numbers[0], otherDept.numbers[0], twoNumbers.numbers[1]].sort());

    // Mid-campaign: a contact given back to pending, then put on the list, is not claimed again.
    const l = leases.find((x) => x.contactId === expired.contactId)!;
    await src.release(l, new Date(Date.now() - 1000));
    await dnc(expired.numbers[0], 'campaign', { campaignId: c.id });
    expect(await src.claim(10, Date.now())).toEqual([]);
    // Contacts that only do-not-call entries block are closed as dnc so the campaign can finish.
    expect(await src.retireUndialable(Date.now())).toBe(4);
    const st = await db.ds.query(`SELECT contact_id, status FROM campaign_contacts WHERE campaign_id = $1`, [c.id]);
    const byId = new Map(st.map((r: { contact_id: string; status: string }) => [r.contact_id, r.status]));
    expect([g, d, k, expired].map((x) => byId.get(x.contactId))).toEqual(['dnc', 'dnc', 'dnc', 'dnc']);
  });

  it('never goes over the per-number and per-contact caps', async () => {
    const c = await aCampaign(db.ds, {
      departmentId,
      retryPolicy: { ...FAST_RETRY, maxAttemptsPerContact: 3, maxAttemptsPerNumber: 2 },
    });
    const [oneCapped, allCapped, contactCapped, fresh] = await someContacts(db.ds, c, [
      { numbers: [aNumber(), aNumber()] },
      { numbers: [aNumber(), aNumber()] },
      {},
      {},
    ]);
    await db.ds.query(`UPDATE phone_numbers SET attempt_count = 2 WHERE e164 = $1`, [oneCapped.numbers[0]]);
    await db.ds.query(`UPDATE phone_numbers SET attempt_count = 2 WHERE e164 = ANY($1)`, [allCapped.numbers]);
    await db.ds.query(`UPDATE campaign_contacts SET attempts = 3 WHERE id = $1`, [contactCapped.campaignContactId]);
    const src = sourceFor(db, c);
    const leases = await src.claim(10, Date.now());
    expect(leases.map((l) => l.phone).sort()).toEqual([oneCapped.numbers[1], fresh.numbers[0]].sort());
    expect(await src.retireUndialable(Date.now())).toBe(2);
    const st = await db.ds.query(`SELECT contact_id, status FROM campaign_contacts WHERE campaign_id = $1`, [c.id]);
    const byId = new Map(st.map((r: { contact_id: string; status: string }) => [r.contact_id, r.status]));
    expect(byId.get(allCapped.contactId)).toBe('exhausted');
    expect(byId.get(contactCapped.contactId)).toBe('exhausted');
  });

  it('dials pilot rows only in pilot, and due callbacks first (an agent-owned one only for its agent)', async () => {
    const c = await aCampaign(db.ds, { departmentId });
    const [p1] = await someContacts(db.ds, c, [{ pilot: true }, { priority: 5 }, { priority: 9 }, {}, {}]);
    expect((await sourceFor(db, c, 'o', true).claim(10, Date.now())).map((l) => l.contactId)).toEqual([p1.contactId]);

    const c2 = await aCampaign(db.ds, { departmentId });
    const rows = await someContacts(db.ds, c2, [{ priority: 9 }, {}, {}]);
    const [, anyone, owned] = rows;
    const agent = '00000000-0000-4000-8000-000000000001';
    await db.ds.query(
      `INSERT INTO callbacks (campaign_id, contact_id, campaign_contact_id, due_at, status) VALUES ($1, $2, $3, now() - interval '1 minute', 'pending')`,
      [c2.id, anyone.contactId, anyone.campaignContactId],
    );
    await db.ds.query(`UPDATE campaign_contacts SET owner_agent_id = $2 WHERE id = $1`, [
      owned.campaignContactId,
      agent,
    ]);
    const src = sourceFor(db, c2);
    const first = await src.claim(1, Date.now());
    expect(first.map((l) => l.contactId)).toEqual([anyone.contactId]);
    const rest = await src.claim(10, Date.now());
    expect(rest.map((l) => l.contactId)).toEqual([rows[0].contactId]); // the owned callback is not for the engine
    expect(await src.claimFor('00000000-0000-4000-8000-000000000002', Date.now(), false)).toBeUndefined();
    expect((await src.claimFor(agent, Date.now(), false))?.contactId).toBe(owned.contactId);
  });

  it('two dialer processes claiming at once never get the same contact; expired leases come back', async () => {
    const c = await aCampaign(db.ds, { departmentId });
    await someContacts(
      db.ds,
      c,
      Array.from({ length: 60 }, () => ({})),
    );
    const a = sourceFor(db, c, 'dialer-a');
    const b = sourceFor(db, c, 'dialer-b');
    const got: PgLease[][] = [];
    for (let round = 0; round < 4; round++) {
      const [x, y] = await Promise.all([a.claim(9, Date.now()), b.claim(9, Date.now())]);
      got.push(x, y);
    }
    const ids = got.flat().map((l) => l.contactId);
    expect(ids.length).toBe(60); // 72 asked for, 60 there
    expect(new Set(ids).size).toBe(ids.length);
    const owners = await db.ds.query(
      `SELECT lease_owner, count(*)::int AS n FROM campaign_contacts WHERE campaign_id = $1 GROUP BY lease_owner ORDER BY lease_owner`,
      [c.id],
    );
    expect(owners.reduce((s: number, r: { n: number }) => s + r.n, 0)).toBe(60);
    expect(
      owners.every((r: { lease_owner: string | null }) => r.lease_owner === 'dialer-a' || r.lease_owner === 'dialer-b'),
    ).toBe(true);

    await db.ds.query(
      `UPDATE campaign_contacts SET lease_expires_at = now() - interval '1 second' WHERE lease_owner = 'dialer-a'`,
    );
    const back = await sweepExpiredLeases(db.ds);
    expect(back).toBe(owners.find((r: { lease_owner: string }) => r.lease_owner === 'dialer-a').n);
    expect((await b.claim(100, Date.now())).length).toBe(back);
  });
});
