import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import createClient, { type Middleware } from 'openapi-fetch';
import { hashPassword } from '@app/auth';
import { CallAttempt, CampaignContact, User } from '@app/database';
import type { paths } from '../../generated/dialer-api';
import { aDepartment, assignDepartments, aUser } from '../../support/builders';
import { fetchDocument, responseSchema, schemaValidator, undocumentedFields, type Json } from '../../support/openapi';
import { startTestApp, type TestApp } from '../../support/test-app';

jest.setTimeout(60_000);

/**
 * A client generated from the OpenAPI document (test/generated/dialer-api.d.ts, kept current by
 * openapi-document.e2e.spec.ts) drives the brief-to-launch path as a new user would with only /api/docs:
 * - at compile time (`npm run typecheck`), every path, body and answer used here must exist in the document with
 *   these fields and types;
 * - at run time, every JSON answer is validated against the schema the document gives for its status.
 * So a missing or wrong schema fails CI.
 */
describe('a client generated from the OpenAPI document', () => {
  let t: TestApp;
  let doc: Json;
  let requester: User;
  let planner: User;
  let agent: User;
  const checked: string[] = [];
  let client: ReturnType<typeof createClient<paths>>;
  const as = (u: User) => ({ authorization: `Bearer ${t.tokenFor(u)}` });

  beforeAll(async () => {
    // the engine's runner is not under test: the pilot's calls are written as the engine writes them
    t = await startTestApp('dialer', { DIALER_RUNNER: 'false' });
    doc = await fetchDocument(t.url);
    const check = schemaValidator(doc);
    const validateAnswers: Middleware = {
      async onResponse({ request, response }) {
        const path = new URL(request.url).pathname;
        const at = `${request.method} ${path} → ${response.status}`;
        const schema = responseSchema(doc, request.method, path, response.status);
        if (!schema) throw new Error(`${at}: the document has no JSON schema for this answer`);
        const body: unknown = await response.clone().json();
        const errors = check(schema, body);
        if (errors.length)
          throw new Error(`${at} does not match its schema: ${JSON.stringify(errors.slice(0, 5), null, 1)}`);
        // and every field it carries is documented (the schema check alone lets unknown fields through)
        const unknown = undocumentedFields(doc, schema, body);
        if (unknown.length) throw new Error(`${at} answers fields its schema does not name: ${unknown.join(', ')}`);
        checked.push(at);
        return undefined;
      },
    };
    client = createClient<paths>({ baseUrl: t.url });
    client.use(validateAnswers);
    const sales = await aDepartment(t.db.ds);
    requester = await aUser(t.db.ds, 'requester', sales.id);
    planner = await aUser(t.db.ds, 'planner', (await aDepartment(t.db.ds)).id);
    // centre staff work for the departments they are assigned to
    await assignDepartments(t.db.ds, planner, sales.id);
    agent = await aUser(t.db.ds, 'agent', sales.id);
  });
  afterAll(async () => {
    await t.close();
  });

  it('drives brief → review → list → script → campaign → pilot → launch', async () => {
    // 0. the planner logs in as the README says; the token works
    await t.db.ds.getRepository(User).update(planner.id, { passwordHash: await hashPassword('planner-password-1') });
    const login = await client.POST('/api/auth/login', {
      body: { email: planner.email, password: 'planner-password-1' },
    });
    expect(login.data?.tokenType).toBe('Bearer');
    const me = await client.GET('/api/auth/me', {
      headers: { authorization: `Bearer ${login.data!.accessToken}` },
    });
    expect(me.data).toMatchObject({ userId: planner.id, role: 'planner' });

    // 1. the department's list, rows imported as JSON
    const list = await client.POST('/api/contact-lists', {
      headers: as(requester),
      body: { name: 'Renewals Q3', region: 'GB', defaultTimeZone: 'Europe/London' },
    });
    expect(list.response.status).toBe(201);
    const listId = list.data!.id;
    const imported = await client.POST('/api/contact-lists/{id}/import', {
      headers: as(requester),
      params: { path: { id: listId } },
      body: {
        rows: Array.from({ length: 30 }, (_, i) => ({
          phone: `+4479${String(20_000_000 + i).slice(-8)}`,
          first_name: `Ann${i}`,
          last_name: 'Example',
          segment: i % 3 ? 'retail' : 'business',
        })),
      },
    });
    expect(imported.data).toMatchObject({ status: 'ready', accepted: 30, rejected: 0 });
    const report = await client.GET('/api/contact-lists/{id}/import-report', {
      headers: as(requester),
      params: { path: { id: listId } },
    });
    // JSON here (the same route answers CSV with ?format=csv, so the generated type is JSON | string)
    if (!report.data || typeof report.data === 'string') throw new Error('expected the JSON report');
    expect(report.data.rejections).toEqual([]);
    const page = await client.GET('/api/contact-lists/{id}/contacts', {
      headers: as(requester),
      params: { path: { id: listId }, query: { page: 1, pageSize: 5 } },
    });
    expect(page.data).toMatchObject({ total: 30, pageSize: 5 });
    expect(page.data!.items[0].phones[0].e164).toMatch(/^\+4479/);

    // 2. the script, with a question and a branch
    const script = await client.POST('/api/scripts', {
      headers: as(requester),
      body: {
        name: 'Renewal call',
        body: {
          sections: [
            {
              id: 'intro',
              text: 'Hello {{first_name}}, this is Acme about your renewal.',
              questions: [{ id: 'renew', type: 'single', text: 'Would you like to renew?', options: ['yes', 'no'] }],
              branches: [{ when: { question: 'renew', equals: 'no' }, goto: 'end' }],
            },
            { id: 'close', text: 'Thank you, {{first_name}}.' },
          ],
        },
      },
    });
    expect(script.response.status).toBe(201);
    const scriptVersionId = script.data!.versions[0].id;
    const preview = await client.POST('/api/scripts/{id}/versions/{version}/preview', {
      headers: as(requester),
      params: { path: { id: script.data!.id, version: 1 } },
      body: { fields: { first_name: 'Ada' } },
    });
    expect(preview.data?.sections[0].text).toBe('Hello Ada, this is Acme about your renewal.');

    // 3. the brief: drafted, submitted, accepted
    const brief = await client.POST('/api/briefs', {
      headers: as(requester),
      body: {
        title: 'Renewal reminder',
        purpose: 'Remind customers whose contract ends this quarter.',
        contactPerson: { name: 'Ann Example', email: 'ann@example.com' },
        contactListId: listId,
        deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        windows: {
          weekdays: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
            day,
            ranges: [{ from: '09:00', to: '17:30' }],
          })),
          evenings: false,
          weekends: false,
          holidays: false,
          timeZone: 'Europe/London',
        },
        retryPolicy: { busy: { retryAfterMinutes: 10, maxRetries: 3 }, maxAttemptsPerContact: 4 },
        pilotSize: 6,
        region: 'GB',
      },
    });
    expect(brief.response.status).toBe(201);
    const briefId = brief.data!.id;
    expect(brief.data!.allowedTransitions).toContain('submitted');
    const submitted = await client.POST('/api/briefs/{id}/submit', {
      headers: as(requester),
      params: { path: { id: briefId } },
    });
    expect(submitted.data?.status).toBe('submitted');
    const queue = await client.GET('/api/briefs/review-queue', { headers: as(planner) });
    expect(queue.data?.map((b) => b.id)).toContain(briefId);
    const accepted = await client.POST('/api/briefs/{id}/accept', {
      headers: as(planner),
      params: { path: { id: briefId } },
      body: { comment: 'pilot on Monday' },
    });
    expect(accepted.data?.status).toBe('accepted');
    const history = await client.GET('/api/briefs/{id}/history', {
      headers: as(requester),
      params: { path: { id: briefId } },
    });
    expect(history.data?.map((h) => h.toStatus)).toEqual(['draft', 'submitted', 'accepted']);
    expect(history.data?.[2]).toMatchObject({ actorName: planner.displayName, actorRole: 'planner' });

    // 4. the campaign
    const campaign = await client.POST('/api/briefs/{id}/campaign', {
      headers: as(planner),
      params: { path: { id: briefId } },
      body: { mode: 'progressive', scriptVersionId, callerId: '+442071234567', pacing: { ringTimeoutSeconds: 30 } },
    });
    expect(campaign.response.status).toBe(201);
    const id = campaign.data!.id;
    expect(campaign.data).toMatchObject({
      state: 'draft',
      contacts: { total: 30 },
      pacing: { ringTimeoutSeconds: 30 },
    });

    // 5. the pilot; its calls written as the engine writes them
    const pilot = await client.POST('/api/campaigns/{id}/start-pilot', {
      headers: as(planner),
      params: { path: { id } },
      body: { seed: 7 },
    });
    expect(pilot.data).toMatchObject({ state: 'pilot', contacts: { pilot: 6 } });
    const picked = await t.db.ds.getRepository(CampaignContact).find({ where: { campaignId: id, pilot: true } });
    const t0 = Date.now() - 3_600_000;
    await t.db.ds.getRepository(CallAttempt).save(
      picked.map((cc, i) => ({
        campaignId: id,
        departmentId: requester.departmentId,
        campaignContactId: cc.id,
        contactId: cc.contactId,
        attemptNumber: 1,
        channelId: `pilot-${randomUUID()}`,
        dialerInstance: 'test',
        mode: 'progressive' as const,
        pilot: true,
        calledNumber: '+447900000000',
        queuedAt: new Date(t0 + i * 60_000),
        answeredAt: new Date(t0 + i * 60_000 + 5_000),
        endedAt: new Date(t0 + i * 60_000 + 65_000),
        wrapEndedAt: new Date(t0 + i * 60_000 + 80_000),
        outcome: 'answered-human' as const,
        dispositionCode: 'INTERESTED',
        dispositionCategory: 'success' as const,
        talkSeconds: 60,
        scriptAnswers: { renew: 'yes' },
      })),
    );
    const reviewed = await client.POST('/api/campaigns/{id}/review-pilot', {
      headers: as(planner),
      params: { path: { id } },
    });
    expect(reviewed.data?.state).toBe('pilot_review');
    const summary = await client.GET('/api/campaigns/{id}/pilot-summary', {
      headers: as(planner),
      params: { path: { id } },
    });
    expect(summary.data).toMatchObject({ state: 'pilot_review', selection: { seed: 7, selected: 6 } });
    const forecast = await client.GET('/api/campaigns/{id}/forecast', {
      headers: as(planner),
      params: { path: { id }, query: { agents: 3 } },
    });
    expect(forecast.data).toMatchObject({ agents: 3, contactRateSource: 'pilot' });

    // 6. launch
    const launched = await client.POST('/api/campaigns/{id}/launch', {
      headers: as(planner),
      params: { path: { id } },
    });
    expect(launched.response.status).toBe(200);
    expect(launched.data).toMatchObject({ state: 'running' });
    const running = await client.GET('/api/campaigns', {
      headers: as(planner),
      params: { query: { state: 'running' } },
    });
    expect(running.data?.map((c) => c.id)).toContain(id);
    const linked = await client.GET('/api/briefs/{id}', { headers: as(requester), params: { path: { id: briefId } } });
    expect(linked.data?.campaigns).toEqual([expect.objectContaining({ id, state: 'running' })]);

    // 7. a second wave of the same brief: its pilot places no call, so launching it needs force
    const wave = await client.POST('/api/briefs/{id}/campaign', {
      headers: as(planner),
      params: { path: { id: briefId } },
      body: { name: 'Renewals Q3 – wave 2', mode: 'progressive', scriptVersionId, contacts: 'all' },
    });
    expect(wave.response.status).toBe(201);
    const waveId = wave.data!.id;
    await client.POST('/api/campaigns/{id}/start-pilot', { headers: as(planner), params: { path: { id: waveId } } });
    const emptyReview = await client.POST('/api/campaigns/{id}/review-pilot', {
      headers: as(planner),
      params: { path: { id: waveId } },
    });
    expect(emptyReview.data?.state).toBe('pilot_review');
    const refused = await client.POST('/api/campaigns/{id}/launch', {
      headers: as(planner),
      params: { path: { id: waveId } },
    });
    expect(refused.response.status).toBe(409);
    expect(refused.error).toMatchObject({ error: 'conflict' });
    const forced = await client.POST('/api/campaigns/{id}/launch', {
      headers: as(planner),
      params: { path: { id: waveId } },
      body: { force: true },
    });
    expect(forced.data).toMatchObject({ state: 'running' });
    expect(forced.data?.warnings).toEqual([{ field: 'force', reason: expect.stringContaining('empty pilot') }]);

    // 8. what a planner reads beside the path: the live view says what holds a campaign back, agents have names,
    // departments say whether a webhook secret is set (never the secret), each import has its own report
    const live = await client.GET('/api/campaigns/{id}/live', { headers: as(planner), params: { path: { id } } });
    expect(live.data?.dialing).toMatchObject({ dialing: expect.any(Boolean), summary: expect.any(String) });
    const agents = await client.GET('/api/agents', { headers: as(planner) });
    expect(agents.data).toEqual(expect.arrayContaining([expect.objectContaining({ userId: agent.id })]));
    const department = await client.GET('/api/departments/{id}', {
      headers: as(requester),
      params: { path: { id: requester.departmentId } },
    });
    expect(department.data).toMatchObject({ webhookSecretSet: expect.any(Boolean) });
    expect(department.data).not.toHaveProperty('webhookSecret');
    const imports = await client.GET('/api/contact-lists/{id}/imports', {
      headers: as(requester),
      params: { path: { id: listId } },
    });
    expect(imports.data).toEqual([expect.objectContaining({ status: 'ready', summary: expect.anything() })]);
    const one = await client.GET('/api/contact-lists/{id}/imports/{importId}', {
      headers: as(requester),
      params: { path: { id: listId, importId: imports.data![0].id } },
    });
    if (!one.data || typeof one.data === 'string') throw new Error('expected the JSON import report');
    expect(one.data.rejections).toEqual([]);
    const session = await client.GET('/api/agent/session', { headers: as(agent) });
    expect(session.data).toMatchObject({ loggedIn: false, campaign: null });

    // errors answer the documented { error, message, details } too
    const again = await client.POST('/api/briefs/{id}/accept', {
      headers: as(planner),
      params: { path: { id: briefId } },
    });
    expect(again.response.status).toBe(409);
    expect(again.error).toMatchObject({ error: 'illegal-transition' });
    const bad = await client.POST('/api/contact-lists', { headers: as(requester), body: { name: '' } });
    expect(bad.response.status).toBe(400);
    expect(bad.error?.details).toMatchObject([{ field: 'name', reason: expect.any(String) }]);

    // every answer above was checked against the document
    expect(checked.length).toBeGreaterThanOrEqual(34);
  });
});
