import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CallAttempt, Notification, type User } from '@app/database';
import { aDepartment, aUser, assignDepartments } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { aBriefBody, aContactList, aScriptVersion, strata } from '../briefs/brief-builders';

/** Pilot attempts as the engine writes them: one answered call with a final disposition per pilot contact. */
async function dialPilot(t: TestApp, campaignId: string, departmentId: string, n = Infinity): Promise<number> {
  const rows: { id: string; contact_id: string }[] = await t.db.ds.query(
    `SELECT id, contact_id FROM campaign_contacts WHERE campaign_id = $1 AND pilot ORDER BY id`,
    [campaignId],
  );
  const picked = rows.slice(0, n);
  const t0 = Date.now() - 600_000;
  await t.db.ds.getRepository(CallAttempt).save(
    picked.map((r, i) => ({
      campaignId,
      departmentId,
      campaignContactId: r.id,
      contactId: r.contact_id,
      attemptNumber: 1,
      channelId: `pilot-${randomUUID()}`,
      dialerInstance: 'test',
      mode: 'progressive' as const,
      pilot: true,
      calledNumber: '+447900000000',
      queuedAt: new Date(t0 + i * 1000),
      answeredAt: new Date(t0 + i * 1000 + 3000),
      endedAt: new Date(t0 + i * 1000 + 60_000),
      wrapEndedAt: new Date(t0 + i * 1000 + 70_000),
      outcome: 'answered-human' as const,
      dispositionCode: 'COMPLETED',
      dispositionCategory: 'success' as const,
      talkSeconds: 57,
      scriptAnswers: null,
    })),
  );
  return picked.length;
}

/**
 * The planner's day after acceptance: a pilot that can be paused, edited and re-run in numbered rounds, a launch
 * refused after an empty pilot unless forced, windows wider than the brief's refused unless overridden, a second
 * campaign (wave) from the same brief, completion that asks before leaving contacts uncalled, the brief completed
 * with its last campaign, and the department told at each step.
 */
describe('campaign workflow: pilot rounds, waves, completion, notices', () => {
  let t: TestApp;
  let requester: User;
  let planner: User;
  let as: (u: User) => string;
  beforeAll(async () => {
    t = await startTestApp('dialer', { DIALER_RUNNER: 'false' });
    as = (u) => t.tokenFor(u);
    const sales = await aDepartment(t.db.ds);
    requester = await aUser(t.db.ds, 'requester', sales.id);
    planner = await aUser(t.db.ds, 'planner', (await aDepartment(t.db.ds)).id);
    await assignDepartments(t.db.ds, planner, sales.id);
    await aUser(t.db.ds, 'agent', sales.id);
  });
  afterAll(async () => {
    await t.close();
  });

  /** An accepted brief over a list of `n` London contacts. */
  async function acceptedBrief(n: number, comment?: string): Promise<{ id: string; listId: string }> {
    const list = await aContactList(t.db.ds, requester.departmentId, strata([['Europe/London', 'retail', n]]));
    const b = await api(t.url, 'POST', '/api/briefs', {
      token: as(requester),
      body: aBriefBody({ contactListId: list.id, pilotSize: 4 }),
    });
    await api(t.url, 'POST', `/api/briefs/${b.body.id}/submit`, { token: as(requester) });
    const acc = await api(t.url, 'POST', `/api/briefs/${b.body.id}/accept`, {
      token: as(planner),
      ...(comment !== undefined ? { body: { comment } } : {}),
    });
    expect(acc.status).toBe(200);
    return { id: b.body.id, listId: list.id };
  }

  it('accepts with a comment; the history names who did what', async () => {
    const brief = await acceptedBrief(3, 'Fine, but start with the business customers');
    const history = await api(t.url, 'GET', `/api/briefs/${brief.id}/history`, { token: as(requester) });
    expect(history.status).toBe(200);
    expect(history.body.map((h: Record<string, unknown>) => [h.toStatus, h.actorName, h.reason])).toEqual([
      ['draft', requester.displayName, null],
      ['submitted', requester.displayName, null],
      ['accepted', planner.displayName, 'Fine, but start with the business customers'],
    ]);
    expect(history.body[2]).toMatchObject({ actorId: planner.id, actorEmail: planner.email, actorRole: 'planner' });
    const inbox = await api(t.url, 'GET', '/api/notifications', { token: as(requester) });
    expect(inbox.body[0]).toMatchObject({
      entityId: brief.id,
      message: expect.stringContaining('start with the business customers'),
    });
    // accepting without a body still works
    const plain = await acceptedBrief(1);
    expect((await api(t.url, 'GET', `/api/briefs/${plain.id}`, { token: as(requester) })).body.status).toBe('accepted');
  });

  it('pauses, edits and re-runs a pilot in rounds; refuses to launch after an empty pilot unless forced', async () => {
    const brief = await acceptedBrief(20);
    const created = await api(t.url, 'POST', `/api/briefs/${brief.id}/campaign`, {
      token: as(planner),
      body: { mode: 'progressive' },
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const pilot = await api(t.url, 'POST', `/api/campaigns/${id}/start-pilot`, { token: as(planner), body: {} });
    expect(pilot.body).toMatchObject({ state: 'pilot', contacts: { pilot: 4 } });

    // a running pilot cannot be edited: the 409 says where it can go
    const busy = await api(t.url, 'PATCH', `/api/campaigns/${id}`, { token: as(planner), body: { wrapUpSeconds: 30 } });
    expect(busy.status).toBe(409);
    expect(busy.body.details).toMatchObject({ state: 'pilot', editableIn: expect.arrayContaining(['pilot_paused']) });

    // pause, edit (a new script version), resume
    const paused = await api(t.url, 'POST', `/api/campaigns/${id}/pause`, { token: as(planner) });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({
      state: 'pilot_paused',
      allowedTransitions: ['pilot', 'pilot_review', 'cancelled'],
    });
    const v2 = await aScriptVersion(t.db.ds, requester.departmentId, requester.id, 2);
    const edited = await api(t.url, 'PATCH', `/api/campaigns/${id}`, {
      token: as(planner),
      body: { scriptVersionId: v2.id, pilotSize: 5 },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ scriptVersionId: v2.id, pilotSize: 5, state: 'pilot_paused' });
    const resumed = await api(t.url, 'POST', `/api/campaigns/${id}/resume`, { token: as(planner) });
    expect(resumed.body.state).toBe('pilot');
    expect(resumed.body.contacts.pilot).toBe(4); // resuming keeps the sample

    // round 1 placed no calls: reviewing works, launching is refused unless forced
    const review1 = await api(t.url, 'POST', `/api/campaigns/${id}/review-pilot`, { token: as(planner) });
    expect(review1.body.state).toBe('pilot_review');
    const refused = await api(t.url, 'POST', `/api/campaigns/${id}/launch`, { token: as(planner) });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      error: 'conflict',
      message: expect.stringContaining('0 attempts'),
      details: { field: 'force', pilotAttempts: 0, round: 1 },
    });

    // round 2: a new sample of 5 from contacts never piloted
    const round2 = await api(t.url, 'POST', `/api/campaigns/${id}/start-pilot`, { token: as(planner), body: {} });
    expect(round2.status).toBe(200);
    expect(round2.body).toMatchObject({ state: 'pilot', contacts: { pilot: 5 } });
    const rounds: { pilot_round: number; n: number; pilot: number }[] = await t.db.ds.query(
      `SELECT pilot_round, count(*)::int AS n, count(*) FILTER (WHERE pilot)::int AS pilot FROM campaign_contacts
        WHERE campaign_id = $1 AND pilot_round IS NOT NULL GROUP BY pilot_round ORDER BY pilot_round`,
      [id],
    );
    expect(rounds).toEqual([
      { pilot_round: 1, n: 4, pilot: 0 },
      { pilot_round: 2, n: 5, pilot: 5 },
    ]);
    expect(await dialPilot(t, id, requester.departmentId, 3)).toBe(3);
    await api(t.url, 'POST', `/api/campaigns/${id}/review-pilot`, { token: as(planner) });
    const summary = await api(t.url, 'GET', `/api/campaigns/${id}/pilot-summary`, { token: as(planner) });
    expect(summary.body).toMatchObject({
      state: 'pilot_review',
      round: 2,
      summary: { pilotContacts: 5, attempts: 3 },
      rounds: [
        { round: 1, selection: { size: 4, selected: 4 }, summary: { pilotContacts: 4, attempts: 0 } },
        { round: 2, selection: { size: 5, selected: 5 }, summary: { pilotContacts: 5, attempts: 3 } },
      ],
    });
    const launched = await api(t.url, 'POST', `/api/campaigns/${id}/launch`, { token: as(planner) });
    expect(launched.status).toBe(200);
    expect(launched.body).toMatchObject({ state: 'running', warnings: [] });

    // the department heard about each step of the pilot and the launch
    const kinds = (
      await t.db.ds
        .getRepository(Notification)
        .find({ where: { departmentId: requester.departmentId, entityId: id }, order: { createdAt: 'ASC' } })
    ).map((n) => n.kind);
    expect(kinds).toEqual([
      'campaign.paused',
      'campaign.resumed',
      'campaign.pilot-finished',
      'campaign.pilot-finished',
      'campaign.launched',
    ]);
  });

  it('launches an empty pilot only with force: true, with a warning in the response and the audit log', async () => {
    const brief = await acceptedBrief(6);
    const c = (
      await api(t.url, 'POST', `/api/briefs/${brief.id}/campaign`, { token: as(planner), body: { mode: 'preview' } })
    ).body;
    await api(t.url, 'POST', `/api/campaigns/${c.id}/start-pilot`, { token: as(planner), body: {} });
    await api(t.url, 'POST', `/api/campaigns/${c.id}/review-pilot`, { token: as(planner) });
    const forced = await api(t.url, 'POST', `/api/campaigns/${c.id}/launch`, {
      token: as(planner),
      body: { force: true },
    });
    expect(forced.status).toBe(200);
    expect(forced.body).toMatchObject({
      state: 'running',
      warnings: [{ field: 'force', reason: 'launched after an empty pilot (round 1: 0 attempts)' }],
    });
    const [audit] = await t.db.ds.query(
      `SELECT details FROM audit_log WHERE entity_id = $1 AND action = 'campaign.running'`,
      [c.id],
    );
    expect(audit.details.warning).toBe('launched after an empty pilot (0 attempts)');
  });

  it('refuses windows wider than the brief unless allowWiderWindows, and then says so', async () => {
    const brief = await acceptedBrief(2);
    const wider = {
      weekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((day) => ({
        day,
        ranges: [{ from: '08:00', to: '17:30' }],
      })),
      evenings: false,
      weekends: true,
      holidays: false,
      holidayDates: ['2026-12-25', '2026-12-26'],
      timeZone: 'Europe/London',
    };
    const refused = await api(t.url, 'POST', `/api/briefs/${brief.id}/campaign`, {
      token: as(planner),
      body: { mode: 'progressive', windows: wider },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual(
      expect.arrayContaining([
        {
          field: 'windows',
          reason:
            "wider than the brief: mon, tue, wed, thu, fri 08:00-09:00 is outside the brief's windows (09:00-17:30); set allowWiderWindows: true to keep it",
        },
        {
          field: 'windows',
          reason:
            'wider than the brief: weekend calls are allowed, the brief does not allow them; set allowWiderWindows: true to keep it',
        },
      ]),
    );
    const ok = await api(t.url, 'POST', `/api/briefs/${brief.id}/campaign`, {
      token: as(planner),
      body: { mode: 'progressive', windows: wider, allowWiderWindows: true },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.warnings).toEqual(
      expect.arrayContaining([
        {
          field: 'windows',
          reason:
            "wider than the brief: mon, tue, wed, thu, fri 08:00-09:00 is outside the brief's windows (09:00-17:30)",
        },
      ]),
    );
    // the same check on PATCH
    const patch = await api(t.url, 'PATCH', `/api/campaigns/${ok.body.id}`, {
      token: as(planner),
      body: { windows: { ...wider, evenings: true } },
    });
    expect(patch.status).toBe(400);
    expect(patch.body.details[0].field).toBe('windows');
  });

  it('makes a second wave from the same brief, completes with confirmation, and completes the brief', async () => {
    const brief = await acceptedBrief(10);
    const first = (
      await api(t.url, 'POST', `/api/briefs/${brief.id}/campaign`, {
        token: as(planner),
        body: { mode: 'progressive', name: 'Renewal wave 1' },
      })
    ).body;
    await api(t.url, 'POST', `/api/campaigns/${first.id}/start-pilot`, { token: as(planner), body: {} });
    await dialPilot(t, first.id, requester.departmentId);
    await api(t.url, 'POST', `/api/campaigns/${first.id}/review-pilot`, { token: as(planner) });
    await api(t.url, 'POST', `/api/campaigns/${first.id}/launch`, { token: as(planner) });
    // 4 pilot contacts done; 6 still pending
    const early = await api(t.url, 'POST', `/api/campaigns/${first.id}/complete`, { token: as(planner) });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      error: 'conflict',
      message: expect.stringContaining('6 contact(s) are still waiting'),
      details: { field: 'confirmPending', pending: 6 },
    });
    const done = await api(t.url, 'POST', `/api/campaigns/${first.id}/complete`, {
      token: as(planner),
      body: { confirmPending: true },
    });
    expect(done.status).toBe(200);
    expect(done.body.state).toBe('completed');
    expect((await api(t.url, 'GET', `/api/briefs/${brief.id}`, { token: as(requester) })).body).toMatchObject({
      status: 'completed',
      campaigns: [{ id: first.id, name: 'Renewal wave 1', state: 'completed' }],
    });

    // a second wave: by default the contacts the first did not finish (6), the brief is converted again
    const second = await api(t.url, 'POST', `/api/briefs/${brief.id}/campaign`, {
      token: as(planner),
      body: { mode: 'progressive' },
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ name: 'Renewal reminder (wave 2)', contacts: { total: 6 } });
    const b = (await api(t.url, 'GET', `/api/briefs/${brief.id}`, { token: as(requester) })).body;
    expect(b.status).toBe('converted');
    expect(b.campaigns.map((x: { id: string; state: string }) => [x.id, x.state])).toEqual([
      [first.id, 'completed'],
      [second.body.id, 'draft'],
    ]);
    // or every contact of the list again, on request
    const all = await api(t.url, 'POST', `/api/briefs/${brief.id}/campaign`, {
      token: as(planner),
      body: { mode: 'progressive', contacts: 'all', name: 'Re-plan' },
    });
    expect(all.body.contacts.total).toBe(10);
    await api(t.url, 'POST', `/api/campaigns/${all.body.id}/cancel`, { token: as(planner) });
    // the brief completes with its last campaign
    await api(t.url, 'POST', `/api/campaigns/${second.body.id}/cancel`, { token: as(planner) });
    const final = (await api(t.url, 'GET', `/api/briefs/${brief.id}`, { token: as(requester) })).body;
    expect(final.status).toBe('completed');
    const history = (await api(t.url, 'GET', `/api/briefs/${brief.id}/history`, { token: as(requester) })).body;
    expect(history.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'draft',
      'submitted',
      'accepted',
      'converted',
      'completed',
      'converted',
      'completed',
    ]);
    const notices = await t.db.ds
      .getRepository(Notification)
      .find({ where: { departmentId: requester.departmentId, entityId: first.id }, order: { createdAt: 'ASC' } });
    expect(notices.map((n) => n.kind)).toEqual(['campaign.pilot-finished', 'campaign.launched', 'campaign.completed']);
    expect(notices[2]).toMatchObject({
      message: 'Campaign "Renewal wave 1" was completed with 6 contact(s) not called',
      payload: { event: 'campaign.completed', campaignId: first.id, briefId: brief.id, pendingLeft: 6 },
    });
  });

  it("forecasts with each contact's own time zone: New York contacts wait for New York's window", async () => {
    const list = await aContactList(
      t.db.ds,
      requester.departmentId,
      strata([
        ['Europe/London', 'retail', 10],
        ['America/New_York', 'retail', 10],
      ]),
    );
    const b = await api(t.url, 'POST', '/api/briefs', {
      token: as(requester),
      body: aBriefBody({ contactListId: list.id }),
    });
    expect(b.body.forecast.zones).toEqual([
      { timeZone: 'America/New_York', contacts: 10, firstCallableAt: expect.any(String) },
      { timeZone: 'Europe/London', contacts: 10, firstCallableAt: expect.any(String) },
    ]);
    await api(t.url, 'POST', `/api/briefs/${b.body.id}/submit`, { token: as(requester) });
    await api(t.url, 'POST', `/api/briefs/${b.body.id}/accept`, { token: as(planner) });
    const c = await api(t.url, 'POST', `/api/briefs/${b.body.id}/campaign`, {
      token: as(planner),
      body: { mode: 'progressive' },
    });
    const asked = Date.now();
    const f = (await api(t.url, 'GET', `/api/campaigns/${c.body.id}/forecast?agents=50`, { token: as(planner) })).body;
    const ny = f.zones.find((z: { timeZone: string }) => z.timeZone === 'America/New_York');
    const london = f.zones.find((z: { timeZone: string }) => z.timeZone === 'Europe/London');
    // Each zone opens on its own clock: callable now (inside its window), or at 09:00 local on a weekday (the brief's
    // window), whatever the hour the test runs at.
    const local = (iso: string, timeZone: string) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .format(new Date(iso))
        .split(' ');
    for (const z of [ny, london]) {
      const [day, hm] = local(z.firstCallableAt, z.timeZone);
      expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(day.replace(',', ''));
      if (Date.parse(z.firstCallableAt) > asked + 60_000) expect(hm).toBe('09:00');
      else expect(hm >= '09:00' && hm < '17:30').toBe(true);
    }
    // with 50 agents London's half is quick; the whole list cannot finish before New York opens
    expect(Date.parse(f.expectedFinishAt)).toBeGreaterThan(Date.parse(ny.firstCallableAt));
    expect(f.firstCallableAt).toBe(
      new Date(Math.min(Date.parse(ny.firstCallableAt), Date.parse(london.firstCallableAt))).toISOString(),
    );
  });
});
