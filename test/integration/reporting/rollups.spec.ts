import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rebuildRollups, refreshAbandonWindows } from '@app/reporting';
import { aDepartment } from '../../support/builders';
import { aCampaign, anAgent, someContacts } from '../../support/campaign-builders';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { anAttempt } from './reporting-builders';

/** Every coarse rollup kept by the trigger equals a set-based rebuild, through inserts, late updates and deletes. */
describe('reporting: coarse rollups kept by the trigger', () => {
  let db: TestDatabase;

  const snapshot = async (): Promise<Record<string, unknown[]>> => {
    const ds = db.ds;
    await refreshAbandonWindows(ds, null);
    const q = (sql: string) => ds.query(sql);
    return {
      hour: await q(`SELECT campaign_id, hour, attempts, dials, answered, human, abandoned, machine, rejected, successes,
                            talk_seconds, wrap_seconds FROM campaign_hour_rollups WHERE attempts <> 0 ORDER BY 1, 2`),
      day: await q(`SELECT campaign_id, day::text, attempts, dials, answered, human, abandoned, machine, rejected,
                           successes, talk_seconds, wrap_seconds, active_hours
                      FROM campaign_day_rollups WHERE attempts <> 0 ORDER BY 1, 2`),
      hourOfDay: await q(`SELECT campaign_id, month::text, hour, dials, human, abandoned, successes
                            FROM campaign_hour_of_day_rollups WHERE dials + human + abandoned + successes <> 0
                           ORDER BY 1, 2, 3`),
      agentDay: await q(`SELECT agent_id, day::text, calls, successes, talk_seconds, wrap_seconds FROM agent_day_rollups
                          WHERE calls <> 0 ORDER BY 1, 2`),
      numberDay: await q(`SELECT campaign_id, day::text, called_number, dials FROM number_day_rollups WHERE dials <> 0
                           ORDER BY 1, 2, 3`),
      numberCounts: await q(`SELECT campaign_id, day::text, dials, numbers FROM number_day_counts WHERE numbers <> 0
                              ORDER BY 1, 2, 3`),
      outside: await q(`SELECT attempt_id, local_time FROM outside_window_attempts ORDER BY 1`),
      windows: await q(`SELECT campaign_id, day::text, hours, windows, windows_over_cap, worst_end, worst_live,
                               worst_abandoned FROM abandon_window_days ORDER BY 1, 2, 3`),
      months: await q(`SELECT campaign_id, month::text, hours, windows, windows_over_cap, worst_end, worst_live,
                              worst_abandoned FROM abandon_window_months ORDER BY 1, 2, 3`),
      contacts: await q(`SELECT campaign_id, contacts_dialled, dnc_before_dial FROM campaign_contact_totals
                          WHERE contacts_dialled <> 0 OR dnc_before_dial <> 0 ORDER BY 1`),
    };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('equals a rebuild after inserts, late dispositions, deletes and contact changes', async () => {
    const ds = db.ds;
    const dep = await aDepartment(ds);
    const c = await aCampaign(ds, {
      departmentId: dep.id,
      windows: {
        weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, ranges: [{ from: '09:00', to: '18:00' }] })),
        timeZone: 'Europe/London',
      },
    });
    const { agent } = await anAgent(ds, dep.id);
    const [k1, k2, k3] = await someContacts(ds, c, [{}, {}, {}]);
    const on = (k: typeof k1) => ({
      contactId: k.contactId,
      campaignContactId: k.campaignContactId,
      calledNumber: k.numbers[0],
    });
    const ids: string[] = [];
    for (const [k, at, outcome] of [
      [k1, '2026-03-02T10:05:00Z', 'answered-human'],
      [k1, '2026-03-02T10:40:00Z', 'no-answer'],
      [k1, '2026-03-02T11:10:00Z', 'abandoned'],
      [k2, '2026-03-02T22:30:00Z', 'busy'],
      [k2, '2026-03-03T09:30:00Z', 'rejected-by-rule'],
      [k3, '2026-03-31T23:30:00Z', 'machine'],
      [k3, '2026-04-01T09:30:00Z', 'answered-human'],
    ] as const)
      ids.push(
        await anAttempt(ds, c, {
          ...on(k),
          at,
          outcome,
          agentId: outcome === 'answered-human' ? agent.id : null,
          disposition: outcome === 'answered-human' ? ['SALE', 'success'] : undefined,
          talkSeconds: outcome === 'answered-human' ? 80 : undefined,
          wrapSeconds: outcome === 'answered-human' ? 15 : undefined,
        }),
      );
    // still in flight, then settles
    const open = await anAttempt(ds, c, { ...on(k2), at: '2026-03-02T10:20:00Z', outcome: 'busy', settled: false });
    await ds.query(
      `UPDATE call_attempts SET ended_at = created_at + interval '20 seconds', outcome = 'abandoned' WHERE id = $1`,
      [open],
    );
    // a disposition changed after the call, an attempt removed, contacts dialled and closed
    await ds.query(
      `UPDATE call_attempts SET disposition_code = 'NOT_INTERESTED', disposition_category = 'contact' WHERE id = $1`,
      [ids[0]],
    );
    await ds.query(`DELETE FROM call_attempts WHERE id = $1`, [ids[1]]);
    await ds.query(`UPDATE campaign_contacts SET attempts = 2 WHERE id = ANY($1::bigint[])`, [
      [k1.campaignContactId, k2.campaignContactId],
    ]);
    await ds.query(`UPDATE campaign_contacts SET status = 'dnc' WHERE id = $1`, [k3.campaignContactId]);

    const kept = await snapshot();
    expect(kept.day.length).toBe(4);
    // the contacts' time zone is UTC: 22:30 and 23:30 are outside 09:00-18:00
    expect(kept.outside).toEqual(
      expect.arrayContaining([
        { attempt_id: ids[3], local_time: 'Mon 2026-03-02 22:30' },
        { attempt_id: ids[5], local_time: 'Tue 2026-03-31 23:30' },
      ]),
    );
    expect(kept.outside).toHaveLength(2);
    expect(kept.numberCounts.length).toBeGreaterThan(2);
    expect(kept.windows.length).toBeGreaterThan(5);
    // March and April (the 30-day windows of 2026-03-02 end in April too)
    expect(new Set((kept.months as { month: string }[]).map((m) => m.month))).toEqual(
      new Set(['2026-03-01', '2026-04-01']),
    );
    expect(kept.contacts).toEqual([{ campaign_id: c.id, contacts_dialled: 2, dnc_before_dial: 1 }]);
    // 2026-03-02: hours 10, 11, 22 had attempts (the 10:40 one was removed, 10:05 and 10:20 remain)
    expect(kept.day[0]).toMatchObject({ day: '2026-03-02', active_hours: 3, dials: 4, human: 1, abandoned: 2 });

    // the month summaries are the day summaries summed
    const byMonth: { month: string; hours: number; windows: number; over: number }[] = await ds.query(
      `SELECT date_trunc('month', day)::date::text AS month, hours, sum(windows)::int AS windows,
              sum(windows_over_cap)::int AS over FROM abandon_window_days GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(
      (kept.months as { month: string; hours: number; windows: number; windows_over_cap: number }[]).map((m) => ({
        month: m.month,
        hours: m.hours,
        windows: m.windows,
        over: m.windows_over_cap,
      })),
    ).toEqual(byMonth);

    await rebuildRollups(ds);
    expect(await snapshot()).toEqual(kept);
  });
});
