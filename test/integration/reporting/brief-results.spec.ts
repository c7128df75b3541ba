import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Campaign, Contact, User } from '@app/database';
import { rebuildRollups } from '@app/reporting';
import { aDepartment, assignDepartments, aUser } from '../../support/builders';
import { aCampaign, anAgent } from '../../support/campaign-builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { aContactList } from '../briefs/brief-builders';
import { aBriefRow, anAttempt, useScript } from './reporting-builders';

/**
 * One small brief written row by row; every figure below is counted by hand from these rows (see the comments),
 * not recomputed by the code under test.
 */
describe('reporting: results of a brief', () => {
  let t: TestApp;
  let requester: User;
  let briefId: string;
  let contacts: Contact[];
  let campaignA: Campaign;
  let agentName: string;
  let c1SecondAttempt: string;
  const numberOf = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp('reporting');
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    requester = await aUser(ds, 'requester', dep.id);
    const list = await aContactList(
      ds,
      dep.id,
      Array.from({ length: 8 }, (_, i) => ({ timeZone: 'Europe/London', segment: null, dnc: i === 5 })),
    );
    contacts = await ds.query(
      `SELECT id, last_name AS "lastName" FROM contacts WHERE list_id = $1 ORDER BY source_row`,
      [list.id],
    );
    for (const r of await ds.query<{ contact_id: string; e164: string }[]>(
      `SELECT contact_id, e164 FROM phone_numbers WHERE contact_id = ANY($1::uuid[])`,
      [contacts.map((c) => c.id)],
    ))
      numberOf.set(r.contact_id, r.e164);
    // the deadline has passed; campaign A is still running, so the deadline is missed
    const brief = await aBriefRow(ds, {
      departmentId: dep.id,
      createdById: requester.id,
      contactListId: list.id,
      deadline: new Date('2026-03-10T00:00:00Z'),
    });
    briefId = brief.id;
    campaignA = await aCampaign(ds, { departmentId: dep.id, state: 'running' });
    const campaignB = await aCampaign(ds, { departmentId: dep.id, state: 'completed' });
    const otherBriefCampaign = await aCampaign(ds, { departmentId: dep.id, state: 'running' });
    await ds.query(`UPDATE campaigns SET brief_id = $2, contact_list_id = $3 WHERE id = ANY($1::uuid[])`, [
      [campaignA.id, campaignB.id],
      brief.id,
      list.id,
    ]);
    await ds.query(`UPDATE campaigns SET completed_at = '2026-03-05T00:00:00Z' WHERE id = $1`, [campaignB.id]);
    await useScript(ds, campaignA, requester.id, {
      sections: [
        {
          id: 's1',
          questions: [
            {
              id: 'interest',
              type: 'single',
              text: 'Interested?',
              options: ['yes', 'no', { value: 'maybe', label: 'Maybe' }],
            },
            { id: 'age', type: 'number', text: 'Age' },
          ],
        },
        { id: 's2', questions: [{ id: 'comment', type: 'text', text: 'Comment' }] },
      ],
    });
    const { user: agentUser, agent } = await anAgent(ds, dep.id);
    agentName = agentUser.displayName;

    const [c0, c1, c2, c3, c4, c5, c6, c7] = contacts;
    const cc = (c: Campaign, ct: Contact, status: string, pilotRound: number | null = null) =>
      ds.query(
        `INSERT INTO campaign_contacts (campaign_id, contact_id, status, pilot, pilot_round, time_zone)
         VALUES ($1, $2, $3, $4, $4::boolean::int * $5, 'Europe/London')`,
        [c.id, ct.id, status, pilotRound !== null, pilotRound ?? 0],
      );
    await cc(campaignA, c0, 'done', 1);
    await cc(campaignA, c1, 'done', 1);
    await cc(campaignA, c2, 'exhausted');
    await cc(campaignA, c3, 'done');
    await cc(campaignA, c4, 'done');
    await cc(campaignA, c5, 'dnc');
    await cc(campaignA, c6, 'pending');
    await cc(campaignB, c7, 'done');
    await cc(otherBriefCampaign, c0, 'pending');

    const n = (c: Contact) => numberOf.get(c.id)!;
    const sale: [string, string] = ['SALE', 'success'];
    // day 1, 2026-03-02: pilot
    await anAttempt(ds, campaignA, {
      contactId: c0.id,
      calledNumber: n(c0),
      at: '2026-03-02T09:10:00Z',
      outcome: 'no-answer',
      pilot: true,
    });
    await anAttempt(ds, campaignA, {
      contactId: c0.id,
      calledNumber: n(c0),
      at: '2026-03-02T10:20:00Z',
      outcome: 'answered-human',
      pilot: true,
      agentId: agent.id,
      disposition: sale,
      wrapSeconds: 20,
      answers: { interest: 'yes', age: 30, comment: 'great' },
      note: 'wants the gold plan',
    });
    await anAttempt(ds, campaignA, {
      contactId: c1.id,
      calledNumber: n(c1),
      at: '2026-03-02T09:30:00Z',
      outcome: 'busy',
      pilot: true,
    });
    // day 2, 2026-03-03: full run
    c1SecondAttempt = await anAttempt(ds, campaignA, {
      contactId: c1.id,
      calledNumber: n(c1),
      at: '2026-03-03T14:05:00Z',
      outcome: 'answered-human',
      agentId: agent.id,
      disposition: ['NOT_INTERESTED', 'contact'],
      answers: { interest: 'no', age: 50, comment: '=cmd()' },
    });
    await anAttempt(ds, campaignA, {
      contactId: c2.id,
      calledNumber: n(c2),
      at: '2026-03-03T14:10:00Z',
      outcome: 'no-answer',
    });
    await anAttempt(ds, campaignA, {
      contactId: c2.id,
      calledNumber: n(c2),
      at: '2026-03-03T15:00:00Z',
      outcome: 'no-answer',
    });
    await anAttempt(ds, campaignA, {
      contactId: c3.id,
      calledNumber: n(c3),
      at: '2026-03-03T15:30:00Z',
      outcome: 'invalid-number',
    });
    // day 3, 2026-03-04
    await anAttempt(ds, campaignA, {
      contactId: c2.id,
      calledNumber: n(c2),
      at: '2026-03-04T09:00:00Z',
      outcome: 'no-answer',
    });
    await anAttempt(ds, campaignA, {
      contactId: c2.id,
      calledNumber: n(c2),
      at: '2026-03-04T10:00:00Z',
      outcome: 'rejected-by-rule',
    });
    await anAttempt(ds, campaignA, {
      contactId: c4.id,
      calledNumber: n(c4),
      at: '2026-03-04T09:30:00Z',
      outcome: 'machine',
      amd: true,
    });
    await anAttempt(ds, campaignB, {
      contactId: c7.id,
      calledNumber: n(c7),
      at: '2026-03-04T11:00:00Z',
      outcome: 'answered-human',
      agentId: agent.id,
      disposition: sale,
      answers: { interest: 'yes', age: 41 },
    });
    // not counted: still in flight, and another brief's campaign
    await anAttempt(ds, campaignB, {
      contactId: c7.id,
      calledNumber: n(c7),
      at: '2026-03-04T12:00:00Z',
      outcome: 'no-answer',
      settled: false,
    });
    await anAttempt(ds, otherBriefCampaign, {
      contactId: c0.id,
      calledNumber: n(c0),
      at: '2026-03-04T12:00:00Z',
      outcome: 'no-answer',
    });
    void c5;
    void c6;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('counts contacts, reach, success, reasons, attempts, outcomes and dispositions as counted by hand', async () => {
    const res = await api(t.url, 'GET', `/api/reports/briefs/${briefId}/results`, { token: t.tokenFor(requester) });
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.contacts).toBe(8);
    expect(r.contactsAttempted).toBe(6); // c0 c1 c2 c3 c4 c7
    expect(r.reached).toBe(3); // c0 c1 c7
    expect(r.successful).toBe(2); // c0 c7
    expect(r.reachRate).toBe(0.5);
    expect(r.successRate).toBe(0.6667);
    expect(r.inProgress).toBe(0);
    expect(r.byResult).toMatchObject({
      successful: 2,
      reached: 1,
      'attempts-exhausted': 1,
      invalid: 1,
      machine: 1,
      dnc: 1,
      'outside-deadline': 1,
      'no-answer': 0,
      busy: 0,
    });
    expect(r.notReached.total).toBe(5);
    expect(r.notReached.byReason).toMatchObject({
      dnc: 1,
      invalid: 1,
      machine: 1,
      'attempts-exhausted': 1,
      'outside-deadline': 1,
    });
    expect(r.attempts).toBe(10);
    expect(r.attemptsPerContact).toEqual({ average: 1.25, max: 3, distribution: { '0': 2, '1': 3, '2': 2, '3': 1 } });
    expect(r.outcomes).toEqual({ 'answered-human': 3, 'no-answer': 4, busy: 1, 'invalid-number': 1, machine: 1 });
    expect(r.dispositions).toEqual([
      { code: 'SALE', category: 'success', count: 2 },
      { code: 'NOT_INTERESTED', category: 'contact', count: 1 },
    ]);
  });

  it('aggregates script answers per question: choices, numbers and free-text samples', async () => {
    const r = (await api(t.url, 'GET', `/api/reports/briefs/${briefId}/results`, { token: t.tokenFor(requester) }))
      .body;
    const byId = Object.fromEntries((r.answers as { id: string }[]).map((a) => [a.id, a])) as Record<string, any>;
    expect(byId.interest).toEqual({
      id: 'interest',
      text: 'Interested?',
      type: 'single',
      answered: 3,
      counts: { yes: 2, no: 1, maybe: 0 },
    });
    expect(byId.age).toEqual({
      id: 'age',
      text: 'Age',
      type: 'number',
      answered: 3,
      min: 30,
      max: 50,
      mean: 40.33,
      median: 41,
    });
    expect(byId.comment.answered).toBe(2);
    expect([...byId.comment.samples].sort()).toEqual(['=cmd()', 'great']);
  });

  it('splits by day and hour of day (UTC), pilot against full run, and says the deadline was missed', async () => {
    const r = (await api(t.url, 'GET', `/api/reports/briefs/${briefId}/results`, { token: t.tokenFor(requester) }))
      .body;
    expect(r.byDay).toEqual([
      { day: '2026-03-02', attempts: 3, humanAnswered: 1, successes: 1 },
      { day: '2026-03-03', attempts: 4, humanAnswered: 1, successes: 0 },
      { day: '2026-03-04', attempts: 3, humanAnswered: 1, successes: 1 },
    ]);
    expect(r.byHour).toEqual([
      { hour: 9, attempts: 4, humanAnswered: 0, successes: 0 },
      { hour: 10, attempts: 1, humanAnswered: 1, successes: 1 },
      { hour: 11, attempts: 1, humanAnswered: 1, successes: 1 },
      { hour: 14, attempts: 2, humanAnswered: 1, successes: 0 },
      { hour: 15, attempts: 2, humanAnswered: 0, successes: 0 },
    ]);
    expect(r.pilot).toEqual({
      contactsAttempted: 2,
      contactsReached: 1,
      contactsSuccessful: 1,
      attempts: 3,
      humanAnswered: 1,
      successes: 1,
      reachRate: 0.5,
      successRate: 1,
    });
    expect(r.fullRun).toEqual({
      contactsAttempted: 5,
      contactsReached: 2,
      contactsSuccessful: 1,
      attempts: 7,
      humanAnswered: 2,
      successes: 1,
      reachRate: 0.4,
      successRate: 0.5,
    });
    expect(r.deadline).toMatchObject({
      met: false,
      state: 'missed',
      finishedAt: null,
      lastAttemptAt: '2026-03-04T11:01:05.000Z',
    });
    expect(r.campaigns).toHaveLength(2);
  });

  it('lists each contact with its result and every attempt (time, outcome, agent, disposition, answers, note)', async () => {
    const token = t.tokenFor(requester);
    const page = (await api(t.url, 'GET', `/api/reports/briefs/${briefId}/contacts?page=1&pageSize=3`, { token })).body;
    expect(page.total).toBe(8);
    expect(page.items.map((i: { lastName: string; result: string }) => [i.lastName, i.result])).toEqual([
      ['Last0', 'successful'],
      ['Last1', 'reached'],
      ['Last2', 'attempts-exhausted'],
    ]);
    const c0 = page.items[0];
    expect(c0.numbers).toEqual([numberOf.get(contacts[0].id)]);
    expect(c0.attempts).toHaveLength(2); // the other brief's attempt is not here
    expect(c0.attempts[1]).toMatchObject({
      at: '2026-03-02T10:20:00.000Z',
      outcome: 'answered-human',
      pilot: true,
      agentName,
      dispositionCode: 'SALE',
      dispositionLabel: 'SALE',
      dispositionCategory: 'success',
      answers: { interest: 'yes', age: 30, comment: 'great' },
      note: 'wants the gold plan',
    });
    // every attempt, the one a rule refused included (it is not counted in the figures)
    expect(page.items[2].attempts.map((a: { outcome: string }) => a.outcome)).toEqual([
      'no-answer',
      'no-answer',
      'no-answer',
      'rejected-by-rule',
    ]);
    const found = (await api(t.url, 'GET', `/api/reports/briefs/${briefId}/contacts?search=last5`, { token })).body;
    expect(found.items.map((i: { result: string }) => i.result)).toEqual(['dnc']);
    const byNumber = numberOf.get(contacts[6].id)!;
    const found2 = (
      await api(t.url, 'GET', `/api/reports/briefs/${briefId}/contacts?search=${encodeURIComponent(byNumber)}`, {
        token,
      })
    ).body;
    expect(found2.items.map((i: { result: string }) => i.result)).toEqual(['outside-deadline']);
    const bad = await api(t.url, 'GET', `/api/reports/briefs/${briefId}/contacts?pageSize=0`, { token });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('pageSize');
  });

  it('keeps the rollups exact when a disposition changes after the call settled', async () => {
    await t.db.ds.query(
      `UPDATE call_attempts SET disposition_code = 'SALE', disposition_category = 'success' WHERE id = $1`,
      [c1SecondAttempt],
    );
    const r = (await api(t.url, 'GET', `/api/reports/briefs/${briefId}/results`, { token: t.tokenFor(requester) }))
      .body;
    expect(r.successful).toBe(3);
    expect(r.dispositions).toEqual([{ code: 'SALE', category: 'success', count: 3 }]);
    expect(r.byDay[1]).toEqual({ day: '2026-03-03', attempts: 4, humanAnswered: 1, successes: 1 });
    const [{ n }] = await t.db.ds.query(
      `SELECT coalesce(sum(attempts), 0)::int AS n FROM attempt_rollups WHERE campaign_id = $1`,
      [campaignA.id],
    );
    const [{ m }] = await t.db.ds.query(
      `SELECT count(*)::int AS m FROM call_attempts WHERE campaign_id = $1 AND ended_at IS NOT NULL`,
      [campaignA.id],
    );
    expect(n).toBe(m);
    await t.db.ds.query(
      `UPDATE call_attempts SET disposition_code = 'NOT_INTERESTED', disposition_category = 'contact' WHERE id = $1`,
      [c1SecondAttempt],
    );
  });

  it('a full rebuild of the rollups from the attempts gives exactly what the trigger kept', async () => {
    const snapshot = async () =>
      t.db.ds.query(
        `SELECT campaign_id, day::text, hour, outcome, disposition_code, pilot, disposition_category, attempts, answered,
                bridged, amd, ring_seconds, talk_seconds, wrap_seconds FROM attempt_rollups WHERE attempts <> 0
          UNION ALL
         SELECT agent_id, day::text, 0, '', '', false, '', calls, successes, 0, 0, 0, talk_seconds, wrap_seconds
           FROM agent_attempt_rollups WHERE calls <> 0
          ORDER BY 1, 2, 3, 4, 5, 6`,
      );
    const kept = await snapshot();
    expect(kept.length).toBeGreaterThan(5);
    await rebuildRollups(t.db.ds);
    expect(await snapshot()).toEqual(kept);
  });

  it("scopes by department: another department's requester and unassigned staff get 404, assigned staff and admins see it", async () => {
    const ds = t.db.ds;
    const other = await aDepartment(ds);
    const path = `/api/reports/briefs/${briefId}/results`;
    const outsider = await aUser(ds, 'requester', other.id);
    expect((await api(t.url, 'GET', path, { token: t.tokenFor(outsider) })).status).toBe(404);
    const planner = await aUser(ds, 'planner', other.id);
    expect((await api(t.url, 'GET', path, { token: t.tokenFor(planner) })).status).toBe(404);
    await assignDepartments(ds, planner, requester.departmentId);
    expect((await api(t.url, 'GET', path, { token: t.tokenFor(planner) })).status).toBe(200);
    const admin = await aUser(ds, 'admin', other.id);
    expect((await api(t.url, 'GET', path, { token: t.tokenFor(admin) })).status).toBe(200);
    const agent = await aUser(ds, 'agent', requester.departmentId);
    expect((await api(t.url, 'GET', path, { token: t.tokenFor(agent) })).status).toBe(403);
    expect(
      (await api(t.url, 'GET', `/api/reports/briefs/${briefId}/contacts`, { token: t.tokenFor(outsider) })).status,
    ).toBe(404);
  });
});
