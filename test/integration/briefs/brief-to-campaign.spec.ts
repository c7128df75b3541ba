import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { AuditLogEntry, CallAttempt, CampaignContact, Notification, type User } from '@app/database';
import { aDepartment, assignDepartments, aUser } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { aBriefBody, aContactList, aScriptVersion, strata } from './brief-builders';

// HTTP round trips against a real database; generous for a loaded CI machine.
jest.setTimeout(30_000);

/**
 * The whole path over HTTP and real PostgreSQL: a requester's brief is rejected, fixed, resubmitted and accepted;
 * a planner turns it into a campaign, runs a stratified pilot (attempts written directly: the engine is not here),
 * reviews the pilot summary and launches the full run.
 */
describe('brief → review → campaign → pilot → launch', () => {
  let t: TestApp;
  let requester: User;
  let planner: User;
  let as: (u: User) => string;
  beforeAll(async () => {
    // the engine's campaign runner is not under test here: keep it from touching these campaigns
    t = await startTestApp('dialer', { DIALER_RUNNER: 'false' });
    as = (u) => t.tokenFor(u);
    const sales = await aDepartment(t.db.ds);
    const planning = await aDepartment(t.db.ds);
    requester = await aUser(t.db.ds, 'requester', sales.id);
    planner = await aUser(t.db.ds, 'planner', planning.id);
    await assignDepartments(t.db.ds, planner, sales.id); // centre staff work for the departments assigned
    for (let i = 0; i < 3; i++) await aUser(t.db.ds, 'agent', sales.id);
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs from the brief to the full run', async () => {
    const ds = t.db.ds;
    // 60 callable contacts in three strata (shares 50% / 30% / 20%) and 3 on the do-not-call list
    const list = await aContactList(ds, requester.departmentId, [
      ...strata([
        ['Europe/London', 'retail', 30],
        ['Europe/London', 'business', 18],
        ['America/New_York', 'retail', 12],
      ]),
      ...strata([['Europe/London', 'retail', 3]]).map((c) => ({ ...c, dnc: true })),
    ]);

    // 1. draft, submit
    const draft = await api(t.url, 'POST', '/api/briefs', {
      token: as(requester),
      body: aBriefBody({ contactListId: list.id }),
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', departmentId: requester.departmentId, pilotSize: 10 });
    expect(draft.body.forecast).toMatchObject({ contactsRemaining: 60, agents: 3, contactRateSource: 'default' });
    const id: string = draft.body.id;
    expect((await api(t.url, 'POST', `/api/briefs/${id}/submit`, { token: as(requester) })).body.status).toBe(
      'submitted',
    );

    // 2. the planner's queue; rejecting needs a reason
    const queue = await api(t.url, 'GET', '/api/briefs/review-queue', { token: as(planner) });
    expect(queue.status).toBe(200);
    expect(queue.body.find((b: { id: string }) => b.id === id)).toMatchObject({ overdue: false });
    const noReason = await api(t.url, 'POST', `/api/briefs/${id}/reject`, { token: as(planner), body: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details.map((d: { field: string }) => d.field)).toContain('reason');
    const rejected = await api(t.url, 'POST', `/api/briefs/${id}/reject`, {
      token: as(planner),
      body: { reason: 'The calling window ends too late for business customers' },
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: expect.stringContaining('too late') });
    const inbox = await api(t.url, 'GET', '/api/notifications', { token: as(requester) });
    expect(inbox.body[0]).toMatchObject({ entityId: id, payload: { status: 'rejected' } });

    // 3. back in the department: edit and resubmit, then accept
    const edited = await api(t.url, 'PATCH', `/api/briefs/${id}`, {
      token: as(requester),
      body: { title: 'Renewal reminder (earlier hours)' },
    });
    expect(edited.status).toBe(200);
    expect((await api(t.url, 'POST', `/api/briefs/${id}/submit`, { token: as(requester) })).body.status).toBe(
      'submitted',
    );
    const accepted = await api(t.url, 'POST', `/api/briefs/${id}/accept`, { token: as(planner) });
    expect(accepted.body.status).toBe('accepted');
    const history = await api(t.url, 'GET', `/api/briefs/${id}/history`, { token: as(requester) });
    expect(history.body.map((h: { toStatus: string; reason: string | null }) => [h.toStatus, !!h.reason])).toEqual([
      ['draft', false],
      ['submitted', false],
      ['rejected', true],
      ['submitted', false],
      ['accepted', false],
    ]);

    // 4. the campaign: settings, dispositions, every contact of the list (dnc ones marked)
    const script = await aScriptVersion(ds, requester.departmentId, requester.id);
    const created = await api(t.url, 'POST', `/api/briefs/${id}/campaign`, {
      token: as(planner),
      body: {
        mode: 'progressive',
        scriptVersionId: script.id,
        callerId: '+442071234567',
        abandonMessage: 'abandon-gb',
      },
    });
    expect(created.status).toBe(201);
    const c = created.body;
    expect(c).toMatchObject({
      state: 'draft',
      briefId: id,
      departmentId: requester.departmentId,
      priority: 5,
      pilotSize: 10,
      pacing: { abandonCapPercent: 3, abandonWindowHours: 24, maxLinesPerAgent: 1, ringTimeoutSeconds: 25 },
      windows: { timeZone: 'Europe/London' },
      retryPolicy: { busy: { retryAfterMinutes: 10, maxRetries: 3 }, maxAttemptsPerContact: 4 },
      contacts: { total: 63, pilot: 0, byStatus: { pending: 60, dnc: 3 } },
      allowedTransitions: ['pilot', 'cancelled'],
    });
    expect(c.dispositions.filter((d: { system: boolean }) => d.system).map((d: { code: string }) => d.code)).toEqual([
      'ABANDONED',
      'MACHINE',
      'NO_ANSWER',
      'BUSY',
      'CONGESTION',
      'REJECTED',
      'INVALID_NUMBER',
      'FAILED',
      'NOT_DIALED',
      'LOST',
      'INTERRUPTED',
      'HANGUP_BEFORE_TALK',
      'WRAP_TIMEOUT',
    ]);
    expect(c.dispositions.length).toBeGreaterThan(4);
    expect((await api(t.url, 'GET', `/api/briefs/${id}`, { token: as(requester) })).body.status).toBe('converted');
    const ccTimeZones = await ds.query(
      `SELECT count(*)::int AS n FROM campaign_contacts cc JOIN contacts ct ON ct.id = cc.contact_id
        WHERE cc.campaign_id = $1 AND cc.time_zone = ct.time_zone AND cc.priority = 5`,
      [c.id],
    );
    expect(ccTimeZones[0].n).toBe(63);

    // 5. the pilot: 10 contacts, proportional to the strata (5 / 3 / 2), the same for the same seed
    const pilot = await api(t.url, 'POST', `/api/campaigns/${c.id}/start-pilot`, {
      token: as(planner),
      body: { seed: 42 },
    });
    expect(pilot.status).toBe(200);
    expect(pilot.body).toMatchObject({ state: 'pilot', contacts: { pilot: 10 } });
    const picked: { id: string; contact_id: string; segment: string; tz: string; status: string }[] = await ds.query(
      `SELECT cc.id, cc.contact_id, ct.segment, cc.time_zone AS tz, cc.status FROM campaign_contacts cc
         JOIN contacts ct ON ct.id = cc.contact_id WHERE cc.campaign_id = $1 AND cc.pilot ORDER BY cc.id`,
      [c.id],
    );
    const count = (tz: string, seg: string): number => picked.filter((r) => r.tz === tz && r.segment === seg).length;
    expect([
      count('Europe/London', 'retail'),
      count('Europe/London', 'business'),
      count('America/New_York', 'retail'),
    ]).toEqual([5, 3, 2]);
    expect(picked.every((r) => r.status === 'pending')).toBe(true);
    const selection = (await api(t.url, 'GET', `/api/campaigns/${c.id}/pilot-summary`, { token: as(planner) })).body;
    expect(selection).toMatchObject({ state: 'pilot', selection: { seed: 42, size: 10, selected: 10 } });

    // 6. pilot calls (as the engine will write them): 4 success, 2 contact, 2 callbacks, 1 no answer, 1 abandoned
    const plan: [string, string | null, string | null, number | null, Record<string, unknown> | null][] = [
      ['answered-human', 'INTERESTED', 'success', 100, { q1: 'yes' }],
      ['answered-human', 'INTERESTED', 'success', 140, { q1: 'yes' }],
      ['answered-human', 'COMPLETED', 'success', 120, { q1: 'yes' }],
      ['answered-human', 'COMPLETED', 'success', 80, { q1: 'no' }],
      ['answered-human', 'NOT_INTERESTED', 'contact', 30, { q1: 'no' }],
      ['answered-human', 'WRONG_PERSON', 'contact', 10, null],
      ['answered-human', 'CALLBACK', 'callback', 20, null],
      ['answered-human', 'CALLBACK', 'callback', 20, null],
      ['no-answer', 'NO_ANSWER', 'no-contact', null, null],
      ['abandoned', 'ABANDONED', 'no-contact', null, null],
    ];
    const t0 = Date.now() - 3600_000;
    await ds.getRepository(CallAttempt).save(
      picked.map((r, i) => {
        const [outcome, code, category, talk, answers] = plan[i];
        const ended = new Date(t0 + i * 60_000 + (talk ?? 20) * 1000);
        return {
          campaignId: c.id,
          departmentId: requester.departmentId,
          campaignContactId: r.id,
          contactId: r.contact_id,
          attemptNumber: 1,
          channelId: `pilot-${randomUUID()}`,
          dialerInstance: 'test',
          mode: 'progressive' as const,
          pilot: true,
          calledNumber: '+447900000000',
          queuedAt: new Date(t0 + i * 60_000),
          answeredAt: outcome === 'answered-human' || outcome === 'abandoned' ? new Date(t0 + i * 60_000 + 5000) : null,
          endedAt: ended,
          wrapEndedAt: talk != null ? new Date(ended.getTime() + 15_000) : null,
          outcome: outcome as CallAttempt['outcome'],
          dispositionCode: code,
          dispositionCategory: category as CallAttempt['dispositionCategory'],
          talkSeconds: talk,
          scriptAnswers: answers,
        };
      }),
    );

    // 7. the planner ends the pilot: the summary is computed from call_attempts and stored
    const review = await api(t.url, 'POST', `/api/campaigns/${c.id}/transitions`, {
      token: as(planner),
      body: { to: 'pilot_review' },
    });
    expect(review.status).toBe(200);
    const summary = (await api(t.url, 'GET', `/api/campaigns/${c.id}/pilot-summary`, { token: as(planner) })).body;
    expect(summary).toMatchObject({
      state: 'pilot_review',
      selection: { seed: 42 },
      summary: {
        pilotContacts: 10,
        attempts: 10,
        contactsReached: 8,
        contactRate: 0.8,
        answeredByPerson: 9,
        abandoned: 1,
        abandonRate: 0.1111,
        averageTalkSeconds: 65,
        averageHandleSeconds: 80,
        dispositions: {
          byCategory: { success: 4, contact: 2, callback: 2, 'no-contact': 2 },
          byCode: { INTERESTED: 2, COMPLETED: 2, CALLBACK: 2 },
        },
        scriptAnswers: { q1: { answered: 5, values: { yes: 3, no: 2 } } },
      },
    });
    const stored = await ds.query('SELECT pilot_summary FROM campaigns WHERE id = $1', [c.id]);
    expect(stored[0].pilot_summary.summary.contactRate).toBe(0.8);
    const forecast = await api(t.url, 'GET', `/api/campaigns/${c.id}/forecast`, { token: as(planner) });
    expect(forecast.body).toMatchObject({ contactRateSource: 'pilot', contactRate: 0.8, averageHandleSeconds: 80 });
    const whatIf = await api(t.url, 'GET', `/api/campaigns/${c.id}/forecast?agents=0`, { token: as(planner) });
    expect(whatIf.body).toMatchObject({ agents: 0, canFinishByDeadline: false, expectedFinishAt: null });

    // 8. change settings in review (a new script version), then launch
    const v2 = await aScriptVersion(ds, requester.departmentId, requester.id, 2);
    const patched = await api(t.url, 'PATCH', `/api/campaigns/${c.id}`, {
      token: as(planner),
      body: { scriptVersionId: v2.id, wrapUpSeconds: 20, pacing: { ringTimeoutSeconds: 30 } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      scriptVersionId: v2.id,
      wrapUpSeconds: 20,
      pacing: { ringTimeoutSeconds: 30, abandonCapPercent: 3 },
    });
    const launched = await api(t.url, 'POST', `/api/campaigns/${c.id}/launch`, { token: as(planner) });
    expect(launched.status).toBe(200);
    expect(launched.body).toMatchObject({ state: 'running', allowedTransitions: ['paused', 'completed', 'cancelled'] });
    expect(launched.body.startedAt).toBeTruthy();

    // pilot contacts with a final disposition are done; callbacks and no-contacts stay with the engine
    const after = await ds.getRepository(CampaignContact).find({ where: { campaignId: c.id, pilot: true } });
    const statusOf = new Map(after.map((r) => [r.id, r]));
    picked.forEach((r, i) => {
      const category = plan[i][2];
      const row = statusOf.get(r.id)!;
      if (category === 'success' || category === 'contact') {
        expect(row.status).toBe('done');
        expect(row.lastDisposition).toBe(plan[i][1]);
      } else expect(row.status).toBe('pending');
    });
    const rest = await ds.query(
      `SELECT status, count(*)::int AS n FROM campaign_contacts WHERE campaign_id = $1 AND NOT pilot GROUP BY status ORDER BY status`,
      [c.id],
    );
    expect(rest).toEqual([
      { status: 'dnc', n: 3 },
      { status: 'pending', n: 50 },
    ]);

    // every change is in the audit log; the department was told about each brief status change
    const actions = (await ds.getRepository(AuditLogEntry).find({ order: { id: 'ASC' } })).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'brief.create',
        'brief.submitted',
        'brief.rejected',
        'brief.update',
        'brief.accepted',
        'brief.converted',
        'campaign.create',
        'campaign.pilot',
        'campaign.pilot_review',
        'campaign.update',
        'campaign.running',
      ]),
    );
    const notices = await ds
      .getRepository(Notification)
      .find({ where: { departmentId: requester.departmentId, kind: 'brief.status-changed' } });
    expect(notices.map((n) => (n.payload as { status: string }).status).sort()).toEqual([
      'accepted',
      'converted',
      'rejected',
      'submitted',
      'submitted',
    ]);
    expect((await ds.query('SELECT forecast FROM briefs WHERE id = $1', [id]))[0].forecast.contactRateSource).toBe(
      'pilot',
    );
    // and about the campaign: the pilot finished, the launch
    const campaignNotices = await ds
      .getRepository(Notification)
      .find({ where: { entityId: c.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    expect(campaignNotices.map((n) => n.kind)).toEqual(['campaign.pilot-finished', 'campaign.launched']);
  });
});
