import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { User } from '@app/database';
import { aBriefBody } from '../../integration/briefs/brief-builders';
import { aDepartment, aUser } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';

// Inputs that answered 500 (a database error reaching the client) must answer 4xx naming the field and the reason.
const fields = (body: { details?: { field: string; reason: string }[] }): string[] =>
  (body.details ?? []).map((d) => d.field);

describe('hostile inputs answer 4xx with the field and the reason', () => {
  let t: TestApp;
  let admin: User;
  let requester: User;
  let supervisor: User;

  beforeAll(async () => {
    t = await startTestApp('dialer', { DIALER_RUNNER: 'false' });
    const dep = await aDepartment(t.db.ds);
    admin = await aUser(t.db.ds, 'admin', dep.id);
    requester = await aUser(t.db.ds, 'requester', dep.id);
    supervisor = await aUser(t.db.ds, 'supervisor', dep.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses an invalid UUID in a query string, naming the parameter', async () => {
    const res = await api(t.url, 'GET', '/api/agent/session?agentId=x', { token: t.tokenFor(supervisor) });
    expect(res.status).toBe(400);
    expect(res.body.details).toMatchObject([{ field: 'agentId', reason: 'must be a UUID' }]);
  });

  it('refuses a query parameter given twice where one value is expected', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const res = await api(t.url, 'GET', `/api/agent/session?agentId=${id}&agentId=${id}`, {
      token: t.tokenFor(supervisor),
    });
    expect(res.status).toBe(400);
    expect(fields(res.body)).toEqual(['agentId']);
  });

  it('refuses an invalid UUID in a path, naming the parameter', async () => {
    const res = await api(t.url, 'GET', '/api/campaigns/not-a-uuid', { token: t.tokenFor(admin) });
    expect(res.status).toBe(400);
    expect(res.body.details).toMatchObject([{ field: 'id', reason: 'must be a UUID' }]);
  });

  it('refuses integers out of range in a path instead of failing in the database', async () => {
    const script = await api(t.url, 'POST', '/api/scripts', {
      token: t.tokenFor(requester),
      body: { name: 'Range', body: { sections: [{ id: 'a', text: 'hi' }] } },
    });
    expect(script.status).toBe(201);
    for (const v of ['2147483648', '99999999999999999999', '-2147483649', '1.5', 'abc']) {
      const res = await api(t.url, 'GET', `/api/scripts/${script.body.id}/versions/${v}`, {
        token: t.tokenFor(requester),
      });
      expect({ v, status: res.status, fields: fields(res.body) }).toEqual({ v, status: 400, fields: ['version'] });
    }
    const missing = await api(t.url, 'GET', `/api/scripts/${script.body.id}/versions/2147483647`, {
      token: t.tokenFor(requester),
    });
    expect(missing.status).toBe(404);
  });

  it('refuses NUL characters and lone surrogates in JSON strings, naming the field (nothing is stored)', async () => {
    const nul = await api(t.url, 'POST', '/api/briefs', {
      token: t.tokenFor(requester),
      body: aBriefBody({ title: 'Renewal\u0000 reminder' }),
    });
    expect(nul.status).toBe(400);
    expect(nul.body.details).toMatchObject([{ field: 'title', reason: 'must not contain NUL characters (U+0000)' }]);

    const surrogate = await api(t.url, 'POST', '/api/briefs', {
      token: t.tokenFor(requester),
      body: aBriefBody({ contactPerson: { name: 'Ann \ud800' } }),
    });
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.details).toMatchObject([
      { field: 'contactPerson.name', reason: 'must not contain unpaired UTF-16 surrogates' },
    ]);

    const inJsonb = await api(t.url, 'POST', '/api/scripts', {
      token: t.tokenFor(requester),
      body: { name: 'Nul', body: { sections: [{ id: 'a', text: 'x\u0000' }] } },
    });
    expect(inJsonb.status).toBe(400);
    expect(fields(inJsonb.body)).toEqual(['body.sections[0].text']);
    const briefs: unknown[] = await t.db.ds.query(`SELECT id FROM briefs WHERE title LIKE 'Renewal%'`);
    expect(briefs).toEqual([]);
  });

  it('refuses a malformed JSON body with 400 naming the body', async () => {
    const res = await fetch(`${t.url}/api/briefs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.tokenFor(requester)}`, 'content-type': 'application/json' },
      body: '{"title": "x",',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string; details: { field: string; reason: string }[] };
    expect(body).toMatchObject({ error: 'validation-failed', message: 'the request body is not valid JSON' });
    expect(fields(body)).toEqual(['body']);
  });

  it('refuses JSON nested deeper than any document of ours', async () => {
    const res = await fetch(`${t.url}/api/briefs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.tokenFor(requester)}`, 'content-type': 'application/json' },
      body: '['.repeat(5000) + ']'.repeat(5000),
    });
    expect(res.status).toBe(400);
  });

  it('answers 400, not 500, to a malformed percent-encoded header (x-file-name of an upload)', async () => {
    const list = await api(t.url, 'POST', '/api/contact-lists', {
      token: t.tokenFor(requester),
      body: { name: 'Header test', region: 'GB' },
    });
    expect(list.status).toBe(201);
    const res = await fetch(`${t.url}/api/contact-lists/${list.body.id}/import`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${t.tokenFor(requester)}`,
        'content-type': 'text/csv',
        'x-file-name': '%E0%A4%A',
      },
      body: 'phone,name\n+442079460000,Ann\n',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('validation-failed');
    expect((await api(t.url, 'GET', '/health')).status).toBe(200);
  });

  it('answers 401 to a validly signed token of a user that no longer exists, or is deactivated', async () => {
    const dep = await aDepartment(t.db.ds);
    const gone = await aUser(t.db.ds, 'requester', dep.id);
    const token = t.tokenFor(gone);
    await t.db.ds.getRepository(User).delete(gone.id);
    const res = await api(t.url, 'POST', '/api/briefs', { token, body: aBriefBody() });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('unauthenticated');

    const off = await aUser(t.db.ds, 'requester', dep.id);
    await t.db.ds.getRepository(User).update(off.id, { active: false });
    expect((await api(t.url, 'GET', '/api/auth/me', { token: t.tokenFor(off) })).status).toBe(401);
  });
});
