import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { AuditLogEntry, Campaign, type Department } from '@app/database';
import { aDepartment, aUser } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';

jest.setTimeout(60_000);

const body = (extra: Record<string, unknown> = {}) => ({
  sections: [
    {
      id: 'intro',
      text: 'Hello {{first_name}}, about your {{plan}} plan',
      questions: [{ id: 'q1', type: 'single', text: 'Good time?', required: true, options: ['yes', 'no'] }],
      branches: [{ when: { question: 'q1', equals: 'no' }, goto: 'end' }],
    },
    { id: 'survey', questions: [{ id: 'q2', type: 'number', text: 'Score for {{phone}}', min: 0, max: 10 }] },
  ],
  ...extra,
});

describe('scripts: versions, validation, preview, departments', () => {
  let t: TestApp;
  let dep: Department;
  let planner: string;
  let requester: string;

  beforeAll(async () => {
    t = await startTestApp('dialer');
    dep = await aDepartment(t.db.ds);
    planner = t.tokenFor(await aUser(t.db.ds, 'planner', dep.id));
    requester = t.tokenFor(await aUser(t.db.ds, 'requester', dep.id));
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a script with a first version, adds immutable versions, stores fields_used and audits', async () => {
    const created = await api(t.url, 'POST', '/api/scripts', {
      token: requester,
      body: { name: 'Renewal', body: body(), knownFields: ['plan'], changeNote: 'first draft' },
    });
    expect(created.status).toBe(201);
    // POST answers what GET answers (it said latestVersion 0 while GET said 1).
    expect(created.body).toMatchObject({ departmentId: dep.id, latestVersion: 1 });
    expect(created.body.versions[0]).toMatchObject({ version: 1, fieldsUsed: ['first_name', 'phone', 'plan'] });
    const id = created.body.id as string;
    const first = await api(t.url, 'GET', `/api/scripts/${id}`, { token: requester });
    expect(created.body).toEqual(first.body);
    const v2 = await api(t.url, 'POST', `/api/scripts/${id}/versions`, {
      token: planner,
      body: { body: body({}), knownFields: ['plan'], changeNote: 'second' },
    });
    expect(v2.status).toBe(201);
    expect(v2.body.version).toBe(2);
    const got = await api(t.url, 'GET', `/api/scripts/${id}`, { token: requester });
    expect(got.body.latestVersion).toBe(2);
    expect(got.body.versions.map((v: any) => v.version)).toEqual([1, 2]);
    const one = await api(t.url, 'GET', `/api/scripts/${id}/versions/1`, { token: requester });
    expect(one.body).toMatchObject({ version: 1, changeNote: 'first draft' });
    expect((await api(t.url, 'GET', `/api/scripts/${id}/versions/9`, { token: requester })).status).toBe(404);
    const audit = await t.db.ds.getRepository(AuditLogEntry).find({ where: { entityId: id } });
    expect(audit.map((a) => a.action).sort()).toEqual(['script.create', 'script.version', 'script.version']);
  });

  it('refuses an invalid script with every problem and its path', async () => {
    const res = await api(t.url, 'POST', '/api/scripts', {
      token: planner,
      body: {
        name: 'Bad',
        departmentId: dep.id,
        body: {
          sections: [
            {
              id: 's1',
              text: 'Hi {{nickname}}',
              questions: [
                { id: 'q', type: 'single', text: 'x' },
                { id: 'q', type: 'text', text: 'y' },
              ],
              branches: [{ when: { question: 'q', equals: 'a' }, goto: 'nowhere' }],
            },
          ],
        },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation-failed');
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { field: 'body.sections[0].text', reason: 'unknown field {{nickname}}' },
        { field: 'body.sections[0].questions[0].options', reason: 'a choice question needs options' },
        { field: 'body.sections[0].questions[1].id', reason: 'duplicate question id "q"' },
        { field: 'body.sections[0].branches[0].goto', reason: 'unknown section "nowhere": use a section id or "end"' },
      ]),
    );
  });

  it("knows the custom columns of the department's imported lists", async () => {
    const list = await api(t.url, 'POST', '/api/contact-lists', {
      token: requester,
      body: { name: 'L', region: 'GB' },
    });
    const imported = await fetch(`${t.url}/api/contact-lists/${list.body.id}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${requester}`, 'content-type': 'text/csv' },
      body: 'first_name,phone,Plan Name\nAnn,07400 123456,gold\n',
    });
    expect(imported.status).toBe(200);
    const created = await api(t.url, 'POST', '/api/scripts', {
      token: requester,
      body: { name: 'Uses list fields', body: { sections: [{ id: 'a', text: '{{first_name}} on {{plan_name}}' }] } },
    });
    expect(created.status).toBe(201);
    expect(created.body.versions[0].fieldsUsed).toEqual(['first_name', 'plan_name']);

    // Preview against the imported contact, and against hand-given fields.
    const contacts = await api(t.url, 'GET', `/api/contact-lists/${list.body.id}/contacts`, { token: requester });
    const contactId = contacts.body.items[0].id as string;
    const preview = await api(t.url, 'POST', `/api/scripts/${created.body.id}/versions/1/preview`, {
      token: requester,
      body: { contactId },
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ version: 1, missingFields: [], sections: [{ id: 'a', text: 'Ann on gold' }] });
    const byFields = await api(t.url, 'POST', `/api/scripts/${created.body.id}/versions/1/preview`, {
      token: requester,
      body: { fields: { first_name: 'Bo' } },
    });
    expect(byFields.body).toMatchObject({ missingFields: ['plan_name'], sections: [{ text: 'Bo on ' }] });
  });

  it('lets requesters change a draft, but only planners once a campaign uses it', async () => {
    const created = await api(t.url, 'POST', '/api/scripts', {
      token: requester,
      body: { name: 'In use', body: body(), knownFields: ['plan'] },
    });
    const id = created.body.id as string;
    await t.db.ds.getRepository(Campaign).save({
      departmentId: dep.id,
      name: 'C',
      mode: 'preview',
      state: 'draft',
      scriptVersionId: created.body.versions[0].id,
      pacing: {},
      windows: {},
      retryPolicy: {},
    } as Partial<Campaign>);
    const refused = await api(t.url, 'POST', `/api/scripts/${id}/versions`, {
      token: requester,
      body: { body: body(), knownFields: ['plan'] },
    });
    expect(refused.status).toBe(403);
    const ok = await api(t.url, 'POST', `/api/scripts/${id}/versions`, {
      token: planner,
      body: { body: body(), knownFields: ['plan'] },
    });
    expect(ok.status).toBe(201);
    const agent = t.tokenFor(await aUser(t.db.ds, 'agent', dep.id));
    expect((await api(t.url, 'GET', `/api/scripts/${id}`, { token: agent })).status).toBe(200);
    expect(
      (await api(t.url, 'POST', `/api/scripts/${id}/versions`, { token: agent, body: { body: body() } })).status,
    ).toBe(403);
  });

  it('answers 404 for another department on every route and lists only your own', async () => {
    const other = await aDepartment(t.db.ds);
    const outsider = t.tokenFor(await aUser(t.db.ds, 'requester', other.id));
    const created = await api(t.url, 'POST', '/api/scripts', {
      token: requester,
      body: { name: 'Private', body: body(), knownFields: ['plan'] },
    });
    const id = created.body.id as string;
    expect((await api(t.url, 'GET', `/api/scripts/${id}`, { token: outsider })).status).toBe(404);
    expect((await api(t.url, 'GET', `/api/scripts/${id}/versions/1`, { token: outsider })).status).toBe(404);
    expect(
      (
        await api(t.url, 'POST', `/api/scripts/${id}/versions`, {
          token: outsider,
          body: { body: body(), knownFields: ['plan'] },
        })
      ).status,
    ).toBe(404);
    expect(
      (await api(t.url, 'POST', `/api/scripts/${id}/versions/1/preview`, { token: outsider, body: { fields: {} } }))
        .status,
    ).toBe(404);
    expect((await api(t.url, 'GET', '/api/scripts', { token: outsider })).body.map((s: any) => s.id)).not.toContain(id);
    expect((await api(t.url, 'GET', '/api/scripts', { token: planner })).body.map((s: any) => s.id)).toContain(id);
    const foreign = await api(t.url, 'POST', '/api/scripts', {
      token: outsider,
      body: { name: 'X', departmentId: dep.id },
    });
    expect(foreign.status).toBe(400);
    // A contact of another department cannot be used for a preview either.
    const theirs = await api(t.url, 'POST', '/api/scripts', {
      token: outsider,
      body: { name: 'Theirs', body: { sections: [{ id: 'a', text: 'Hi {{first_name}}' }] } },
    });
    const list = await api(t.url, 'POST', '/api/contact-lists', {
      token: requester,
      body: { name: 'L2', region: 'GB' },
    });
    await api(t.url, 'POST', `/api/contact-lists/${list.body.id}/import`, {
      token: requester,
      body: { rows: [{ phone: '07400 111111', first_name: 'Secret' }] },
    });
    const contacts = await api(t.url, 'GET', `/api/contact-lists/${list.body.id}/contacts`, { token: requester });
    const leak = await api(t.url, 'POST', `/api/scripts/${theirs.body.id}/versions/1/preview`, {
      token: outsider,
      body: { contactId: contacts.body.items[0].id },
    });
    expect(leak.status).toBe(404);
  });
});
