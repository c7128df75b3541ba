import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { INLINE_ROWS_JSON_LIMIT_BYTES } from '@app/common';
import type { User } from '@app/database';
import { aDepartment, aUser } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { aBriefBody } from '../../integration/briefs/brief-builders';

// Imports of a few thousand rows on a loaded 2-core machine.
jest.setTimeout(90_000);

/** Distinct valid UK mobile numbers. */
const rowsOf = (n: number, pad = ''): Record<string, string>[] =>
  Array.from({ length: n }, (_, i) => ({
    phone: `+4479${String(10_000_000 + i).slice(-8)}`,
    first_name: `First${i}`,
    last_name: `Last${i}${pad}`,
    time_zone: 'Europe/London',
  }));

const send = async (
  url: string,
  method: string,
  path: string,
  token: string,
  body: string,
  type: string,
): Promise<{ status: number; body: any }> => {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
};

describe('HTTP rules: body limits per route, content types, one reason per field', () => {
  let t: TestApp;
  let requester: User;
  beforeAll(async () => {
    t = await startTestApp('dialer', { DIALER_RUNNER: 'false' });
    requester = await aUser(t.db.ds, 'requester', (await aDepartment(t.db.ds)).id);
  });
  afterAll(async () => {
    await t.close();
  });

  it('accepts a brief with 3,000 inline rows (a body well over the default 100 kB)', async () => {
    const body = aBriefBody({ rows: rowsOf(3000) });
    expect(JSON.stringify(body).length).toBeGreaterThan(200 * 1024);
    const res = await api(t.url, 'POST', '/api/briefs', { token: t.tokenFor(requester), body });
    expect(res.status).toBe(201);
    expect(res.body.import).toMatchObject({ rows: 3000, accepted: 3000 });
  });

  it('refuses a body over the inline-rows limit with 413 naming the limit and the file upload', async () => {
    // 20,000 rows padded past 10 MB: within @ArrayMaxSize, over the byte limit
    const body = JSON.stringify(aBriefBody({ rows: rowsOf(20_000, 'x'.repeat(500)) }));
    expect(body.length).toBeGreaterThan(INLINE_ROWS_JSON_LIMIT_BYTES);
    const res = await send(t.url, 'POST', '/api/briefs', t.tokenFor(requester), body, 'application/json');
    expect(res.status).toBe(413);
    expect(res.body.error).toBe('payload-too-large');
    expect(res.body.message).toContain('10 MB');
    expect(res.body.message).toContain('/api/contact-lists/{id}/import');
    expect(res.body.message).toContain('multipart/form-data');
  });

  it('keeps the 100 kB default elsewhere, and its 413 says so', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(150 * 1024) });
    const res = await send(t.url, 'POST', '/api/contact-lists', t.tokenFor(requester), body, 'application/json');
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: 'payload-too-large', details: [{ field: 'body' }] });
    expect(res.body.message).toContain('100 kB');
    expect(res.body.message).toContain('file');
  });

  it('answers 415 to a text/plain body on a JSON route, naming what is expected', async () => {
    const res = await send(
      t.url,
      'POST',
      '/api/contact-lists',
      t.tokenFor(requester),
      JSON.stringify({ name: 'x' }),
      'text/plain',
    );
    expect(res.status).toBe(415);
    expect(res.body.error).toBe('unsupported-media-type');
    expect(res.body.message).toContain('text/plain');
    expect(res.body.message).toContain('application/json');
    expect(res.body.details).toMatchObject([
      { field: 'content-type', reason: 'expected application/json, got text/plain' },
    ]);
  });

  it('says when a JSON body is malformed, on ordinary and on large-body routes', async () => {
    for (const path of ['/api/contact-lists', '/api/briefs']) {
      const res = await send(t.url, 'POST', path, t.tokenFor(requester), '{"name": ', 'application/json');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        error: 'validation-failed',
        message: 'the request body is not valid JSON',
        details: [{ field: 'body' }],
      });
    }
  });

  it('gives one reason per field for a wrong type (no misleading length message)', async () => {
    const res = await api(t.url, 'POST', '/api/briefs', {
      token: t.tokenFor(requester),
      body: aBriefBody({ title: 12345, pilotSize: 'ten', windows: 'weekdays' }),
    });
    expect(res.status).toBe(400);
    const byField = (f: string) => res.body.details.filter((d: { field: string }) => d.field === f);
    // The rule's name rides along so a client can word the reason in its own language.
    expect(byField('title')).toEqual([{ field: 'title', reason: 'title must be a string', rule: 'isString' }]);
    expect(byField('pilotSize')).toEqual([
      { field: 'pilotSize', reason: 'pilotSize must be an integer number', rule: 'isInt' },
    ]);
    expect(byField('windows')).toEqual([{ field: 'windows', reason: 'windows must be an object', rule: 'isObject' }]);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(new Set(fields).size).toBe(fields.length);
  });

  it('still reports each bad nested field with its path', async () => {
    const res = await api(t.url, 'POST', '/api/briefs', {
      token: t.tokenFor(requester),
      body: aBriefBody({
        windows: {
          ...(aBriefBody().windows as object),
          weekdays: [{ day: 'mon', ranges: [{ from: 9, to: '17:00' }] }],
        },
      }),
    });
    expect(res.status).toBe(400);
    expect(res.body.details).toMatchObject([
      { field: 'windows.weekdays[0].ranges[0].from', reason: 'from must be a time written HH:MM (00:00-23:59)' },
    ]);
  });
});

describe('API_DOCS', () => {
  it.each([
    [{}, 200],
    [{ NODE_ENV: 'production' }, 404],
    [{ NODE_ENV: 'production', API_DOCS: 'true' }, 200],
    [{ API_DOCS: 'false' }, 404],
  ])('with %j, GET /api/docs-json answers %i', async (env, status) => {
    const t = await startTestApp('dialer', { DIALER_RUNNER: 'false', ...env });
    try {
      expect((await fetch(`${t.url}/api/docs-json`)).status).toBe(status);
      expect((await fetch(`${t.url}/api/docs`)).status).toBe(status);
      expect((await fetch(`${t.url}/health`)).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('refuses a value that is not a boolean', async () => {
    await expect(startTestApp('reporting', { API_DOCS: 'sometimes' })).rejects.toThrow(/API_DOCS=sometimes/);
  });
});
