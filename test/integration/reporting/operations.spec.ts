import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Campaign, User } from '@app/database';
import { aDepartment, aUser } from '../../support/builders';
import { aCampaign, anAgent, someContacts } from '../../support/campaign-builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { AbandonWindowsJob } from '@app/reporting';
import { anAttempt } from './reporting-builders';

const FROM = '2026-04-01T00:00:00.000Z';
const TO = '2026-04-03T00:00:00.000Z';
const RANGE = `from=${FROM}&to=${TO}`;

/** Operations and compliance figures of a hand-made day and a half, each counted by hand in the comments. */
describe('reporting: operations and compliance', () => {
  let t: TestApp;
  let supervisor: User;
  let admin: User;
  let x: Campaign;
  let y: Campaign;
  let agentId: string;
  let otherDepartmentId: string;

  beforeAll(async () => {
    // the abandon-window refresh runs only when a test runs it
    t = await startTestApp('reporting', { ABANDON_WINDOWS_REFRESH_SECONDS: '0' });
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const dep2 = await aDepartment(ds);
    otherDepartmentId = dep2.id;
    supervisor = await aUser(ds, 'supervisor', dep.id);
    admin = await aUser(ds, 'admin', dep2.id);
    const london8to20 = {
      weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({
        day,
        ranges: [{ from: '08:00', to: '20:00' }],
      })),
      evenings: true,
      weekends: true,
      holidays: true,
      holidayDates: [],
      timeZone: 'Europe/London',
    };
    x = await aCampaign(ds, {
      departmentId: dep.id,
      mode: 'predictive',
      state: 'running',
      windows: london8to20,
      pacing: { abandonCapPercent: 3 },
      retryPolicy: { maxAttemptsPerNumberPerDay: 2, maxAttemptsPerContact: 6 },
    });
    y = await aCampaign(ds, { departmentId: dep2.id, mode: 'progressive', state: 'running' });
    const [k1, k2, k3, k4] = await someContacts(ds, x, [
      { timeZone: 'Europe/London' },
      { timeZone: 'Europe/London' },
      { timeZone: 'Europe/London' },
      { timeZone: 'Europe/London' },
    ]);
    await ds.query(`UPDATE campaign_contacts SET attempts = 4, status = 'done' WHERE id = $1`, [k1.campaignContactId]);
    await ds.query(`UPDATE campaign_contacts SET attempts = 5, status = 'done' WHERE id = $1`, [k2.campaignContactId]);
    await ds.query(`UPDATE campaign_contacts SET status = 'dnc' WHERE id = $1`, [k4.campaignContactId]);
    const { agent } = await anAgent(ds, dep.id);
    agentId = agent.id;
    const on = (k: typeof k1) => ({
      contactId: k.contactId,
      campaignContactId: k.campaignContactId,
      calledNumber: k.numbers[0],
    });
    const sale: [string, string] = ['SALE', 'success'];
    // before the range (counts in the 30-day window): a person answered, no agent recorded
    await anAttempt(ds, x, { ...on(k1), at: '2026-03-31T23:00:00Z', outcome: 'answered-human' });
    // 2026-04-01
    await anAttempt(ds, x, {
      ...on(k1),
      at: '2026-04-01T10:00:00Z',
      outcome: 'answered-human',
      agentId,
      disposition: sale,
      talkSeconds: 100,
      wrapSeconds: 20,
    });
    await anAttempt(ds, x, {
      ...on(k2),
      at: '2026-04-01T10:30:00Z',
      outcome: 'answered-human',
      agentId,
      disposition: ['NOT_INTERESTED', 'contact'],
      talkSeconds: 50,
      wrapSeconds: 10,
    });
    await anAttempt(ds, x, { ...on(k2), at: '2026-04-01T10:40:00Z', outcome: 'abandoned' });
    await anAttempt(ds, x, { ...on(k2), at: '2026-04-01T11:10:00Z', outcome: 'machine', amd: true });
    // 19:30 UTC is 20:30 in London (BST): outside the 08:00-20:00 window
    await anAttempt(ds, x, { ...on(k1), at: '2026-04-01T19:30:00Z', outcome: 'no-answer' });
    // 2026-04-02
    await anAttempt(ds, x, { ...on(k1), at: '2026-04-02T09:00:00Z', outcome: 'busy' });
    await anAttempt(ds, x, {
      ...on(k2),
      at: '2026-04-02T09:15:00Z',
      outcome: 'answered-human',
      agentId,
      disposition: sale,
      talkSeconds: 70,
      wrapSeconds: 30,
    });
    await anAttempt(ds, x, { ...on(k3), at: '2026-04-02T09:20:00Z', outcome: 'rejected-by-rule' });
    // after the range
    await anAttempt(ds, x, { ...on(k2), at: '2026-04-03T01:00:00Z', outcome: 'no-answer' });
    const [ky] = await someContacts(ds, y, [{}]);
    await anAttempt(ds, y, {
      contactId: ky.contactId,
      calledNumber: ky.numbers[0],
      at: '2026-04-01T10:00:00Z',
      outcome: 'answered-human',
    });

    const change = (at: string, from: string | null, to: string, reason: string | null = null) =>
      ds.query(
        `INSERT INTO agent_state_changes (agent_id, from_state, to_state, reason, campaign_id, at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [agentId, from, to, reason, x.id, at],
      );
    await change('2026-03-31T20:00:00Z', 'offline', 'ready');
    await change('2026-04-01T10:00:00Z', 'ready', 'talking');
    await change('2026-04-01T10:02:00Z', 'talking', 'wrap-up');
    await change('2026-04-01T10:03:00Z', 'wrap-up', 'paused', 'lunch');
    await change('2026-04-01T11:03:00Z', 'paused', 'ready');
    await change('2026-04-01T12:00:00Z', 'ready', 'paused', 'training');
    await change('2026-04-01T12:30:00Z', 'paused', 'offline');
    await change('2026-04-02T09:00:00Z', 'offline', 'ready');
    await change('2026-04-02T09:15:00Z', 'ready', 'talking');
    await change('2026-04-02T09:17:00Z', 'talking', 'wrap-up');
    await change('2026-04-02T09:18:00Z', 'wrap-up', 'offline');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('per campaign: dials, rates, talk/wrap/idle, dials per contact and the abandon budget per window', async () => {
    const res = await api(t.url, 'GET', `/api/reports/campaigns?${RANGE}`, { token: t.tokenFor(supervisor) });
    expect(res.status).toBe(200);
    expect(res.body.campaigns).toHaveLength(1); // y is another department's
    expect(res.body.campaigns[0]).toEqual({
      campaignId: x.id,
      name: x.name,
      departmentId: x.departmentId,
      mode: 'predictive',
      state: 'running',
      dials: 7, // 10:00 10:30 10:40 11:10 19:30, 09:00 09:15 (not the refused 09:20)
      answered: 5, // 3 people, 1 abandoned, 1 machine
      humanAnswered: 3,
      abandoned: 1,
      machine: 1,
      successes: 2,
      activeHours: 4, // 04-01 10h 11h 19h, 04-02 09h
      contactsPerHour: 0.75,
      answerRate: 0.7143,
      abandonRate: 0.25, // 1 ÷ (3 + 1)
      amdRate: 0.2,
      talkSeconds: 220,
      wrapSeconds: 60,
      averageTalkSeconds: 73,
      averageWrapSeconds: 20,
      idleSeconds: 40320, // ready 00:00-10:00, 11:03-12:00, 04-02 09:00-09:15
      dialsPerContact: 4.5, // 9 dials ever ÷ 2 contacts dialled
      abandonWindows: [
        { hours: 24, windowEnd: TO, liveAnswered: 1, abandoned: 0, rate: 0, capPercent: 3, budgetLeft: 0 },
        { hours: 720, windowEnd: TO, liveAnswered: 5, abandoned: 1, rate: 0.2, capPercent: 3, budgetLeft: -1 },
      ],
    });
    expect(res.body.byDay).toEqual([
      { day: '2026-04-01', dials: 5, humanAnswered: 2, abandoned: 1, successes: 1 },
      { day: '2026-04-02', dials: 2, humanAnswered: 1, abandoned: 0, successes: 1 },
    ]);
    expect(res.body.byHour.map((h: { hour: number; dials: number }) => [h.hour, h.dials])).toEqual([
      [9, 2],
      [10, 3],
      [11, 1],
      [19, 1],
    ]);
    // from 12:00 on the 1st to the end of April: read as April less its first 12 hours (10:00 and 11:00 net to 0)
    const rest = await api(t.url, 'GET', `/api/reports/campaigns?from=2026-04-01T12:00:00Z&to=2026-05-01T00:00:00Z`, {
      token: t.tokenFor(supervisor),
    });
    expect(rest.body.byHour.map((h: { hour: number; dials: number }) => [h.hour, h.dials])).toEqual([
      [1, 1],
      [9, 2],
      [19, 1],
    ]);
  });

  it('filters by department (404 for one not worked for), campaign and mode', async () => {
    const sup = t.tokenFor(supervisor);
    expect(
      (await api(t.url, 'GET', `/api/reports/campaigns?${RANGE}&departmentId=${otherDepartmentId}`, { token: sup }))
        .status,
    ).toBe(404);
    const all = (await api(t.url, 'GET', `/api/reports/campaigns?${RANGE}`, { token: t.tokenFor(admin) })).body;
    expect(all.campaigns.map((c: { campaignId: string }) => c.campaignId).sort()).toEqual([x.id, y.id].sort());
    const progressive = (
      await api(t.url, 'GET', `/api/reports/campaigns?${RANGE}&mode=progressive`, { token: t.tokenFor(admin) })
    ).body;
    expect(progressive.campaigns.map((c: { campaignId: string }) => c.campaignId)).toEqual([y.id]);
    const one = (
      await api(t.url, 'GET', `/api/reports/campaigns?${RANGE}&campaignId=${y.id}`, { token: t.tokenFor(admin) })
    ).body;
    expect(one.campaigns).toHaveLength(1);
    const bad = await api(t.url, 'GET', `/api/reports/campaigns?from=yesterday`, { token: sup });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('from');
    const backwards = await api(t.url, 'GET', `/api/reports/campaigns?from=${TO}&to=${FROM}`, { token: sup });
    expect(backwards.status).toBe(400);
  });

  it('per agent: logged-in, ready, talk, wrap, pause by reason from the state history; calls, success rate, AHT', async () => {
    const res = await api(t.url, 'GET', `/api/reports/agents?${RANGE}`, { token: t.tokenFor(supervisor) });
    expect(res.status).toBe(200);
    expect(res.body.agents).toHaveLength(1);
    expect(res.body.agents[0]).toMatchObject({
      agentId,
      loggedInSeconds: 46080,
      readySeconds: 40320,
      talkSeconds: 240,
      wrapSeconds: 120,
      pausedSeconds: 5400,
      pauseByReason: { lunch: 3600, training: 1800 },
      calls: 3,
      successes: 2,
      successRate: 0.6667,
      averageHandleSeconds: 93, // (220 + 60) ÷ 3
    });
    const other = (
      await api(t.url, 'GET', `/api/reports/agents?${RANGE}`, {
        token: t.tokenFor(await aUser(t.db.ds, 'supervisor', otherDepartmentId)),
      })
    ).body;
    expect(other.agents).toEqual([]);
  });

  it('compliance: every rolling abandon window, calls outside the window with the proof query, DNC, per-number caps', async () => {
    const res = await api(t.url, 'GET', `/api/reports/compliance?${RANGE}`, { token: t.tokenFor(supervisor) });
    expect(res.status).toBe(200);
    const c = res.body.campaigns[0];
    expect(res.body.campaigns).toHaveLength(1);
    // 24 h windows ending 04-01 11:00 12:00 20:00 (4 live, 1 abandoned), 04-02 00:00 (3, 1), 10:00 (4, 1),
    // 11:00 12:00 20:00 (1, 0)
    expect(c.abandon[0]).toEqual({
      hours: 24,
      windows: 8,
      windowsOverCap: 5,
      worst: { windowEnd: '2026-04-02T00:00:00.000Z', liveAnswered: 3, abandoned: 1, rate: 0.3333 },
    });
    // 30 day windows ending 04-01 11:00 12:00 20:00 (4, 1) and 04-02 10:00 (5, 1)
    expect(c.abandon[1]).toEqual({
      hours: 720,
      windows: 4,
      windowsOverCap: 4,
      worst: { windowEnd: '2026-04-01T11:00:00.000Z', liveAnswered: 4, abandoned: 1, rate: 0.25 },
    });
    expect(c.outsideWindow).toBe(1);
    expect(res.body.outsideWindow.total).toBe(1);
    expect(res.body.outsideWindow.samples).toEqual([
      expect.objectContaining({ campaignId: x.id, localTime: 'Wed 2026-04-01 20:30', timeZone: 'Europe/London' }),
    ]);
    // the proof query finds the same row when run by hand
    const proof = await t.db.ds.query(res.body.outsideWindow.proofQuery, [[x.id], FROM, TO]);
    expect(proof).toHaveLength(1);
    expect(c.dncPrevented).toEqual({ contactsClosedBeforeDial: 1, attemptsRejectedByRule: 1 });
    // k2 was dialled 3 times on 04-01 against a cap of 2 a day
    expect(c.attemptsPerNumberPerDay).toEqual({
      cap: 2,
      capSource: 'maxAttemptsPerNumberPerDay',
      max: 3,
      numberDaysOverCap: 1,
    });
  });

  it('compliance only reads: the windows are the same before and after the refresh job, and follow a changed cap', async () => {
    const ds = t.db.ds;
    const state = async () =>
      (
        await ds.query<{ dirty: number; days: string[]; months: string[] }[]>(
          `SELECT (SELECT count(*)::int FROM abandon_window_dirty) AS dirty,
                  (SELECT coalesce(array_agg(concat_ws(' ', campaign_id, day, hours, cap_percent, windows, windows_over_cap)
                                             ORDER BY campaign_id, day, hours), '{}') FROM abandon_window_days) AS days,
                  (SELECT coalesce(array_agg(concat_ws(' ', campaign_id, month, hours, cap_percent, windows_over_cap)
                                             ORDER BY campaign_id, month, hours), '{}') FROM abandon_window_months) AS months`,
        )
      )[0];
    const compliance = async () => {
      const res = await api(t.url, 'GET', `/api/reports/compliance?${RANGE}`, { token: t.tokenFor(supervisor) });
      expect(res.status).toBe(200);
      return res.body.campaigns[0].abandon;
    };
    // the attempts settled in beforeAll marked their days; a GET leaves the marks and the summaries as they are
    const before = await state();
    expect(before.dirty).toBeGreaterThan(0);
    const read = await compliance();
    expect(await state()).toEqual(before);
    expect(read[0]).toMatchObject({ windows: 8, windowsOverCap: 5 });
    // the job summarises; the report reads the summaries and answers the same
    await t.app.get(AbandonWindowsJob).run();
    const refreshed = await state();
    expect(refreshed.dirty).toBe(0);
    expect(refreshed.days.length).toBeGreaterThan(0);
    expect(await compliance()).toEqual(read);
    // a cap of 30 %: only the 24 h window at 1 in 3 is over it; the GET computes it without writing
    await ds.query(`UPDATE campaigns SET pacing = '{"abandonCapPercent": 30}' WHERE id = $1`, [x.id]);
    try {
      const capped = await compliance();
      expect(capped.map((w: { windowsOverCap: number }) => w.windowsOverCap)).toEqual([1, 0]);
      expect(await state()).toEqual(refreshed);
      await t.app.get(AbandonWindowsJob).run();
      const resummarised = await state();
      const mine = resummarised.months.filter((m) => m.startsWith(x.id));
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((m) => m.includes(' 30 '))).toBe(true);
      expect(resummarised.dirty).toBe(0);
      expect(await compliance()).toEqual(capped);
    } finally {
      await ds.query(`UPDATE campaigns SET pacing = '{"abandonCapPercent": 3}' WHERE id = $1`, [x.id]);
      await t.app.get(AbandonWindowsJob).run();
    }
  });

  it('refuses requesters and agents', async () => {
    const dep = x.departmentId;
    for (const role of ['requester', 'agent'] as const) {
      const u = await aUser(t.db.ds, role, dep);
      for (const path of ['campaigns', 'agents', 'compliance'])
        expect((await api(t.url, 'GET', `/api/reports/${path}`, { token: t.tokenFor(u) })).status).toBe(403);
    }
  });
});
