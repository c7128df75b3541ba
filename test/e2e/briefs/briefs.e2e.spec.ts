import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { signWebhookBody, WebhookWorker } from '@app/briefs';
import { CampaignForecastService, CampaignLifecycleService, CampaignsService } from '@app/campaigns';
import { pollUntil } from '@app/common';
import { Department, Notification, type User } from '@app/database';
import { aDepartment, assignDepartments, aUser } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { aBriefBody, aContactList, aScriptVersion, strata } from '../../integration/briefs/brief-builders';

// HTTP round trips against a real database; generous for a loaded CI machine.
jest.setTimeout(30_000);

const fields = (body: { details?: { field: string }[] }): string[] =>
  [...new Set((body.details ?? []).map((d) => d.field))].sort();

describe('briefs and campaigns over HTTP', () => {
  let t: TestApp;
  let requesterA: User;
  let requesterB: User;
  let planner: User;
  let supervisor: User;
  let as: (u: User) => string;

  beforeAll(async () => {
    // the engine's campaign runner is not under test here: keep it from touching these campaigns
    t = await startTestApp('dialer', { DIALER_RUNNER: 'false' });
    as = (u) => t.tokenFor(u);
    const a = await aDepartment(t.db.ds);
    const b = await aDepartment(t.db.ds);
    const ops = await aDepartment(t.db.ds);
    requesterA = await aUser(t.db.ds, 'requester', a.id);
    requesterB = await aUser(t.db.ds, 'requester', b.id);
    planner = await aUser(t.db.ds, 'planner', ops.id);
    supervisor = await aUser(t.db.ds, 'supervisor', ops.id);
    // Centre staff work for the departments they are assigned to.
    await assignDepartments(t.db.ds, planner, a.id, b.id);
    await assignDepartments(t.db.ds, supervisor, a.id, b.id);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A list, a brief submitted and accepted, and a draft campaign, all of `owner`'s department. */
  async function aDraftCampaign(
    owner: User,
    over: Record<string, unknown> = {},
  ): Promise<{ briefId: string; campaign: any }> {
    const list = await aContactList(t.db.ds, owner.departmentId, strata([['Europe/London', 'retail', 8]]));
    const brief = await api(t.url, 'POST', '/api/briefs', {
      token: as(owner),
      body: aBriefBody({ contactListId: list.id }),
    });
    expect(brief.status).toBe(201);
    await api(t.url, 'POST', `/api/briefs/${brief.body.id}/submit`, { token: as(owner) });
    await api(t.url, 'POST', `/api/briefs/${brief.body.id}/accept`, { token: as(planner) });
    const c = await api(t.url, 'POST', '/api/campaigns', {
      token: as(planner),
      body: { briefId: brief.body.id, mode: 'predictive', ...over },
    });
    expect(c.status).toBe(201);
    return { briefId: brief.body.id, campaign: c.body };
  }

  describe('validation', () => {
    it('names every invalid field of a brief with its reason, nested ones by path', async () => {
      const res = await api(t.url, 'POST', '/api/briefs', {
        token: as(requesterA),
        body: aBriefBody({
          title: 'x',
          purpose: '',
          contactPerson: { email: 'not-an-email' },
          deadline: '2020-01-01T00:00:00Z',
          windows: {
            weekdays: [
              {
                day: 'mon',
                ranges: [
                  { from: '9am', to: '17:00' },
                  { from: '12:00', to: '11:00' },
                ],
              },
              { day: 'funday', ranges: [] },
            ],
            evenings: 'no',
            weekends: false,
            holidays: false,
            holidayDates: ['2026-02-30'],
            timeZone: 'Mars/Olympus_Mons',
          },
          retryPolicy: { busy: { retryAfterMinutes: 0, maxRetries: 3 }, maxAttemptsPerContact: 0 },
          region: 'XX',
          pilotSize: 0,
          priority: 101,
          unknownField: 1,
        }),
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('validation-failed');
      expect(fields(res.body)).toEqual(
        [
          'contactPerson.email',
          'contactPerson.name',
          'deadline',
          'pilotSize',
          'priority',
          'purpose',
          'region',
          'retryPolicy.busy.retryAfterMinutes',
          'retryPolicy.maxAttemptsPerContact',
          'title',
          'unknownField',
          'windows.evenings',
          'windows.holidayDates',
          'windows.timeZone',
          'windows.weekdays[0].ranges[0].from',
          'windows.weekdays[0].ranges[1].to',
          'windows.weekdays[1].day',
          'windows.weekdays[1].ranges',
        ].sort(),
      );
      const reason = (f: string): string => res.body.details.find((d: { field: string }) => d.field === f).reason;
      expect(reason('windows.weekdays[0].ranges[0].from')).toMatch(/HH:MM/);
      expect(reason('windows.weekdays[0].ranges[1].to')).toBe('to must be later than from');
      expect(reason('windows.timeZone')).toMatch(/IANA/);
      expect(reason('deadline')).toMatch(/future/);
    });

    it('checks the rules between window fields: evenings and weekends', async () => {
      const res = await api(t.url, 'POST', '/api/briefs', {
        token: as(requesterA),
        body: aBriefBody({
          windows: {
            weekdays: [
              { day: 'mon', ranges: [{ from: '09:00', to: '20:00' }] },
              { day: 'sat', ranges: [{ from: '10:00', to: '12:00' }] },
            ],
            evenings: false,
            weekends: false,
            holidays: true,
            timeZone: 'Europe/London',
          },
        }),
      });
      expect(res.status).toBe(400);
      expect(fields(res.body)).toEqual(['windows.weekdays[0].ranges[0].to', 'windows.weekdays[1].day']);
    });

    it('names every invalid campaign setting', async () => {
      const list = await aContactList(t.db.ds, requesterA.departmentId, strata([['Europe/London', null, 2]]));
      const brief = await api(t.url, 'POST', '/api/briefs', {
        token: as(requesterA),
        body: aBriefBody({ contactListId: list.id }),
      });
      const res = await api(t.url, 'POST', `/api/briefs/${brief.body.id}/campaign`, {
        token: as(planner),
        body: {
          mode: 'turbo',
          callerId: '020 7123 4567',
          pacing: { abandonCapPercent: 7, abandonWindowHours: 48, maxLinesPerAgent: 9, ringTimeoutSeconds: 10 },
          dispositions: [{ code: 'x', label: '', category: 'maybe' }],
          machineAction: 'shout',
          requiredSkills: { french: 11 },
        },
      });
      expect(res.status).toBe(400);
      expect(fields(res.body)).toEqual(
        [
          'callerId',
          'dispositions[0].category',
          'dispositions[0].code',
          'dispositions[0].label',
          'machineAction',
          'mode',
          'pacing.abandonCapPercent',
          'pacing.abandonWindowHours',
          'pacing.maxLinesPerAgent',
          'pacing.ringTimeoutSeconds',
          'requiredSkills',
        ].sort(),
      );
    });
  });

  describe('inline target list', () => {
    it('imports JSON rows into a new list of the department through @app/contacts', async () => {
      const rows = [
        { name: 'Ann Example', phone: '+44 7911 123456', segment: 'retail' },
        { name: 'Bob Example', phone: '07911 123457', segment: 'business' },
        { name: 'Nobody', phone: '' },
      ];
      const res = await api(t.url, 'POST', '/api/briefs', { token: as(requesterA), body: aBriefBody({ rows }) });
      expect(res.status).toBe(201);
      expect(res.body.import).toMatchObject({ status: 'ready', accepted: 2, rejected: 1 });
      expect(res.body.contactListId).toBe(res.body.import.listId);
      const [list] = await t.db.ds.query('SELECT department_id, brief_id FROM contact_lists WHERE id = $1', [
        res.body.contactListId,
      ]);
      expect(list).toEqual({ department_id: requesterA.departmentId, brief_id: res.body.id });
      expect(res.body.forecast).toMatchObject({ contactsRemaining: 2 });
      const submitted = await api(t.url, 'POST', `/api/briefs/${res.body.id}/submit`, { token: as(requesterA) });
      expect(submitted.body.status).toBe('submitted');
    });

    it('refuses rows without a phone column, and rows together with a list id, creating nothing', async () => {
      const before = (await api(t.url, 'GET', '/api/briefs', { token: as(requesterA) })).body.length;
      const noPhone = await api(t.url, 'POST', '/api/briefs', {
        token: as(requesterA),
        body: aBriefBody({ rows: [{ name: 'Ann' }] }),
      });
      expect(noPhone.status).toBe(400);
      expect(noPhone.body.details.every((d: { field: string }) => d.field.startsWith('rows'))).toBe(true);
      const both = await api(t.url, 'POST', '/api/briefs', {
        token: as(requesterA),
        body: aBriefBody({ rows: [{ phone: '+447911123456' }], contactListId: '00000000-0000-4000-8000-000000000000' }),
      });
      expect(both.status).toBe(400);
      expect(fields(both.body)).toEqual(['rows']);
      expect((await api(t.url, 'GET', '/api/briefs', { token: as(requesterA) })).body.length).toBe(before);
    });
  });

  describe('transitions', () => {
    it('answers 409 illegal-transition with the allowed targets, for briefs and campaigns', async () => {
      const draft = await api(t.url, 'POST', '/api/briefs', { token: as(requesterA), body: aBriefBody() });
      const accept = await api(t.url, 'POST', `/api/briefs/${draft.body.id}/accept`, { token: as(planner) });
      expect(accept.status).toBe(409);
      expect(accept.body).toMatchObject({
        error: 'illegal-transition',
        details: { from: 'draft', to: 'accepted', allowed: ['submitted', 'withdrawn'] },
      });
      // a brief without a list cannot be submitted
      const submit = await api(t.url, 'POST', `/api/briefs/${draft.body.id}/submit`, { token: as(requesterA) });
      expect(submit.status).toBe(400);
      expect(fields(submit.body)).toEqual(['contactListId']);

      const { briefId, campaign } = await aDraftCampaign(requesterA);
      const jump = await api(t.url, 'POST', `/api/campaigns/${campaign.id}/transitions`, {
        token: as(planner),
        body: { to: 'running' },
      });
      expect(jump.status).toBe(409);
      expect(jump.body).toMatchObject({
        error: 'illegal-transition',
        details: { from: 'draft', to: 'running', allowed: ['pilot', 'cancelled'] },
      });
      const complete = await api(t.url, 'POST', `/api/campaigns/${campaign.id}/complete`, { token: as(planner) });
      expect(complete.status).toBe(409);
      // a converted brief may yield a further campaign (a second wave); a brief not yet accepted may not
      const again = await api(t.url, 'POST', `/api/briefs/${briefId}/campaign`, {
        token: as(planner),
        body: { mode: 'preview' },
      });
      expect(again.status).toBe(201);
      const early = await api(t.url, 'POST', `/api/briefs/${draft.body.id}/campaign`, {
        token: as(planner),
        body: { mode: 'preview' },
      });
      expect(early.status).toBe(409);
      expect(early.body.details).toMatchObject({ from: 'draft', to: 'converted', allowed: ['submitted', 'withdrawn'] });
      const bad = await api(t.url, 'POST', `/api/campaigns/${campaign.id}/transitions`, {
        token: as(planner),
        body: { to: 'flying' },
      });
      expect(fields(bad.body)).toEqual(['to']);
    });

    it('edits only in draft, pilot_paused, pilot_review and paused; cancels from any non-final state', async () => {
      const { campaign } = await aDraftCampaign(requesterA, { pilotSize: 3 });
      expect(campaign.pacing.maxLinesPerAgent).toBe(3);
      expect(
        (await api(t.url, 'POST', `/api/campaigns/${campaign.id}/start-pilot`, { token: as(planner), body: {} })).body
          .state,
      ).toBe('pilot');
      const whilePilot = await api(t.url, 'PATCH', `/api/campaigns/${campaign.id}`, {
        token: as(planner),
        body: { wrapUpSeconds: 30 },
      });
      expect(whilePilot.status).toBe(409);
      expect(whilePilot.body.details.editableIn).toEqual(['draft', 'pilot_paused', 'pilot_review', 'paused']);
      await api(t.url, 'POST', `/api/campaigns/${campaign.id}/review-pilot`, { token: as(planner) });
      // the pilot placed no calls: launching needs force
      await api(t.url, 'POST', `/api/campaigns/${campaign.id}/launch`, { token: as(planner), body: { force: true } });
      expect((await api(t.url, 'POST', `/api/campaigns/${campaign.id}/pause`, { token: as(planner) })).body.state).toBe(
        'paused',
      );
      const inPause = await api(t.url, 'PATCH', `/api/campaigns/${campaign.id}`, {
        token: as(planner),
        body: { machineAction: 'message' },
      });
      expect(inPause.status).toBe(400);
      expect(fields(inPause.body)).toEqual(['machineMessage']);
      const ok = await api(t.url, 'PATCH', `/api/campaigns/${campaign.id}`, {
        token: as(planner),
        body: { amdEnabled: true, machineAction: 'message', machineMessage: 'vm-renewal' },
      });
      expect(ok.body).toMatchObject({ amdEnabled: true, machineAction: 'message', machineMessage: 'vm-renewal' });
      const cancelled = await api(t.url, 'POST', `/api/campaigns/${campaign.id}/cancel`, { token: as(planner) });
      expect(cancelled.body).toMatchObject({ state: 'cancelled', allowedTransitions: [] });
      expect(cancelled.body.completedAt).toBeTruthy();
    });
  });

  describe('what the engine calls', () => {
    it('reads typed settings, moves a finished pilot to review, completes and refreshes the forecast', async () => {
      const { campaign } = await aDraftCampaign(requesterA, { pilotSize: 3, agentGroup: 'renewals' });
      const settings = await t.app.get(CampaignsService).settings(campaign.id);
      expect(settings).toMatchObject({
        state: 'draft',
        mode: 'predictive',
        pacing: { abandonCapPercent: 3, abandonWindowHours: 24, maxLinesPerAgent: 3, ringTimeoutSeconds: 25 },
        retryPolicy: { noAnswer: { retryAfterMinutes: 120, maxRetries: 2 }, maxAttemptsPerContact: 4 },
        windows: { timeZone: 'Europe/London', evenings: false },
        pilotOnly: false,
      });
      const lifecycle = t.app.get(CampaignLifecycleService);
      await api(t.url, 'POST', `/api/campaigns/${campaign.id}/start-pilot`, { token: as(planner), body: { seed: 1 } });
      expect(await lifecycle.onPilotProgress(campaign.id)).toBe(false); // pilot rows still pending
      await t.db.ds.query(`UPDATE campaign_contacts SET status = 'done' WHERE campaign_id = $1 AND pilot`, [
        campaign.id,
      ]);
      expect(await lifecycle.onPilotProgress(campaign.id)).toBe(true);
      const reviewed = await api(t.url, 'GET', `/api/campaigns/${campaign.id}/pilot-summary`, { token: as(planner) });
      expect(reviewed.body).toMatchObject({ state: 'pilot_review', summary: { pilotContacts: 3, attempts: 0 } });
      await api(t.url, 'POST', `/api/campaigns/${campaign.id}/launch`, { token: as(planner), body: { force: true } });
      // nobody in the group: the forecast says it cannot finish, and how many agents it would need
      const f = await t.app.get(CampaignForecastService).refresh(campaign.id);
      expect(f).toMatchObject({ agents: 0, canFinishByDeadline: false, contactsRemaining: 5 });
      expect(f!.agentsNeeded).toBeGreaterThanOrEqual(1);
      const done = await lifecycle.transition(null, campaign.id, 'completed', { confirmPending: true });
      expect(done).toMatchObject({ state: 'completed', allowedTransitions: [] });
      const audit = await t.db.ds.query(
        `SELECT action, actor_id FROM audit_log WHERE entity_id = $1 AND action IN ('campaign.pilot_review', 'campaign.completed')`,
        [campaign.id],
      );
      expect(audit).toHaveLength(2);
      expect(audit.every((a: { actor_id: string | null }) => a.actor_id === null)).toBe(true);
    });
  });

  describe('departments and roles', () => {
    it("hides another department's brief, list, script and campaign (404)", async () => {
      const { briefId, campaign } = await aDraftCampaign(requesterA);
      for (const path of [
        `/api/briefs/${briefId}`,
        `/api/briefs/${briefId}/history`,
        `/api/campaigns/${campaign.id}`,
        `/api/campaigns/${campaign.id}/forecast`,
        `/api/campaigns/${campaign.id}/pilot-summary`,
      ]) {
        const res = await api(t.url, 'GET', path, { token: as(requesterB) });
        expect([path, res.status, res.body.error]).toEqual([path, 404, 'not-found']);
      }
      const patch = await api(t.url, 'PATCH', `/api/briefs/${briefId}`, {
        token: as(requesterB),
        body: { title: 'Mine now' },
      });
      expect(patch.status).toBe(404);
      const own = await api(t.url, 'GET', `/api/campaigns/${campaign.id}`, { token: as(requesterA) });
      expect(own.status).toBe(200);
      const listsOfB = await api(t.url, 'GET', '/api/briefs', { token: as(requesterB) });
      expect(listsOfB.body.map((b: { departmentId: string }) => b.departmentId)).not.toContain(requesterA.departmentId);
      const campaignsOfB = await api(t.url, 'GET', '/api/campaigns', { token: as(requesterB) });
      expect(campaignsOfB.body).toEqual([]);

      // a list of department A used in department B's brief
      const listA = await aContactList(t.db.ds, requesterA.departmentId, strata([['Europe/London', null, 1]]));
      const stolen = await api(t.url, 'POST', '/api/briefs', {
        token: as(requesterB),
        body: aBriefBody({ contactListId: listA.id }),
      });
      expect(stolen.status).toBe(404);
      // a script of department B on department A's campaign
      const scriptB = await aScriptVersion(t.db.ds, requesterB.departmentId, requesterB.id);
      const wrongScript = await api(t.url, 'PATCH', `/api/campaigns/${campaign.id}`, {
        token: as(planner),
        body: { scriptVersionId: scriptB.id },
      });
      expect(wrongScript.status).toBe(404);
    });

    it('lets only planners review and run campaigns; supervisors read them', async () => {
      const { campaign } = await aDraftCampaign(requesterA);
      const draft = await api(t.url, 'POST', '/api/briefs', { token: as(requesterA), body: aBriefBody() });
      expect((await api(t.url, 'POST', `/api/briefs/${draft.body.id}/accept`, { token: as(requesterA) })).status).toBe(
        403,
      );
      expect((await api(t.url, 'GET', '/api/briefs/review-queue', { token: as(requesterA) })).status).toBe(403);
      expect((await api(t.url, 'GET', `/api/campaigns/${campaign.id}`, { token: as(supervisor) })).status).toBe(200);
      expect((await api(t.url, 'POST', `/api/campaigns/${campaign.id}/cancel`, { token: as(supervisor) })).status).toBe(
        403,
      );
      expect((await api(t.url, 'POST', `/api/campaigns/${campaign.id}/cancel`, { token: as(requesterA) })).status).toBe(
        403,
      );
    });
  });

  describe('review SLA and notifications', () => {
    it('flags briefs waiting longer than REVIEW_SLA_WORKING_DAYS working days', async () => {
      const list = await aContactList(t.db.ds, requesterA.departmentId, strata([['Europe/London', null, 1]]));
      const make = async (): Promise<string> => {
        const b = await api(t.url, 'POST', '/api/briefs', {
          token: as(requesterA),
          body: aBriefBody({ contactListId: list.id }),
        });
        await api(t.url, 'POST', `/api/briefs/${b.body.id}/submit`, { token: as(requesterA) });
        return b.body.id;
      };
      const old = await make();
      const fresh = await make();
      // 10 calendar days always hold more than 2 working days (the default SLA)
      await t.db.ds.query(`UPDATE briefs SET submitted_at = now() - interval '10 days' WHERE id = $1`, [old]);
      const queue = await api(t.url, 'GET', '/api/briefs/review-queue', { token: as(planner) });
      const ids = queue.body.map((b: { id: string }) => b.id);
      expect(ids.indexOf(old)).toBeLessThan(ids.indexOf(fresh)); // oldest first
      const entry = (id: string) => queue.body.find((b: { id: string }) => b.id === id);
      expect(entry(old)).toMatchObject({ overdue: true, status: 'submitted' });
      expect(entry(fresh)).toMatchObject({ overdue: false });
      expect(Date.parse(entry(fresh).reviewDueAt)).toBeGreaterThan(Date.now());
    });

    it('lists the department inbox and marks a notice read; another department cannot', async () => {
      const b = await api(t.url, 'POST', '/api/briefs', { token: as(requesterA), body: aBriefBody() });
      await api(t.url, 'POST', `/api/briefs/${b.body.id}/withdraw`, { token: as(requesterA) });
      const inbox = await api(t.url, 'GET', '/api/notifications?unread=true', { token: as(requesterA) });
      const notice = inbox.body.find((n: { entityId: string }) => n.entityId === b.body.id);
      expect(notice).toMatchObject({
        kind: 'brief.status-changed',
        payload: { status: 'withdrawn' },
        webhookStatus: 'none',
      });
      expect((await api(t.url, 'POST', `/api/notifications/${notice.id}/read`, { token: as(requesterB) })).status).toBe(
        404,
      );
      const read = await api(t.url, 'POST', `/api/notifications/${notice.id}/read`, { token: as(requesterA) });
      expect(read.body.readAt).toBeTruthy();
      const unread = await api(t.url, 'GET', '/api/notifications?unread=true', { token: as(requesterA) });
      expect(unread.body.map((n: { id: string }) => n.id)).not.toContain(notice.id);
      expect((await api(t.url, 'GET', '/api/notifications', { token: as(requesterB) })).body).toEqual([]);
    });
  });

  describe('department webhooks', () => {
    let server: Server;
    let base: string;
    const received: { at: number; path: string; body: string; signature?: string }[] = [];
    let flaky = 0;

    beforeAll(async () => {
      server = createServer((req: IncomingMessage, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          received.push({
            at: Date.now(),
            path: req.url ?? '',
            body,
            signature: req.headers['x-dialer-signature'] as string,
          });
          if (req.url === '/flaky') res.statusCode = ++flaky <= 2 ? 503 : 204;
          else res.statusCode = 500;
          res.end();
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      t.app.get(WebhookWorker).configure({ baseDelayMs: 150, pollIntervalMs: 20, maxAttempts: 3 });
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    });

    async function aDepartmentWithWebhook(path: string, secret: string | null): Promise<User> {
      const dep = await aDepartment(t.db.ds);
      await t.db.ds.getRepository(Department).update(dep.id, { webhookUrl: `${base}${path}`, webhookSecret: secret });
      return aUser(t.db.ds, 'requester', dep.id);
    }

    it('POSTs each status change, signed, retrying with exponential backoff until it succeeds', async () => {
      const secret = 'a-webhook-secret-of-some-length';
      const requester = await aDepartmentWithWebhook('/flaky', secret);
      const b = await api(t.url, 'POST', '/api/briefs', { token: as(requester), body: aBriefBody() });
      await api(t.url, 'POST', `/api/briefs/${b.body.id}/withdraw`, { token: as(requester) });
      const n = await pollUntil(
        async () => {
          const row = await t.db.ds.getRepository(Notification).findOne({ where: { entityId: b.body.id } });
          return row?.webhookStatus === 'delivered' ? row : null;
        },
        { timeoutMs: 4000, what: 'webhook delivered' },
      );
      expect(n.webhookAttempts).toBe(3);
      const calls = received.filter((r) => r.path === '/flaky');
      expect(calls).toHaveLength(3);
      // backoff: ~150 ms, then ~300 ms
      expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(140);
      expect(calls[2].at - calls[1].at).toBeGreaterThanOrEqual(290);
      const body = JSON.parse(calls[2].body);
      expect(body).toEqual({
        event: 'brief.status-changed',
        briefId: b.body.id,
        status: 'withdrawn',
        reason: null,
        at: expect.any(String),
      });
      expect(calls[2].signature).toBe(signWebhookBody(secret, calls[2].body));
    });

    it('gives up after the last attempt and marks the delivery failed', async () => {
      const requester = await aDepartmentWithWebhook('/down', null);
      const b = await api(t.url, 'POST', '/api/briefs', { token: as(requester), body: aBriefBody() });
      await api(t.url, 'POST', `/api/briefs/${b.body.id}/withdraw`, { token: as(requester) });
      const n = await pollUntil(
        async () => {
          const row = await t.db.ds.getRepository(Notification).findOne({ where: { entityId: b.body.id } });
          return row?.webhookStatus === 'failed' ? row : null;
        },
        { timeoutMs: 4000, what: 'webhook failed' },
      );
      expect(n).toMatchObject({ webhookAttempts: 3, webhookLastError: 'HTTP 500', webhookNextAttemptAt: null });
      expect(received.filter((r) => r.path === '/down' && r.signature === undefined)).toHaveLength(3);
    });
  });
});
