import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { User } from '@app/database';
import { aBriefBody, aContactList, strata } from '../../integration/briefs/brief-builders';
import { aDepartment, aUser } from '../../support/builders';
import { anAgent } from '../../support/campaign-builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import {
  badShape,
  fieldPaths,
  HOSTILE_BODIES,
  HOSTILE_JSON_VALUES,
  HOSTILE_NESTED_VALUES,
  HOSTILE_PATH_VALUES,
  hostileQueries,
  inParallel,
  send,
  withField,
  type Sent,
} from './hostile';

// Every operation of each app's OpenAPI document gets hostile path values, query values and JSON bodies, as an
// admin and as an agent; nothing may answer 5xx (or close the connection), every 400 names the field and the reason,
// and the server still answers /health afterwards. Valid ids and valid bodies are the base each hostile value is put
// into, so that requests get past the first check and reach the services and the database.
jest.setTimeout(120_000);

interface Operation {
  method: string;
  template: string;
  pathParams: string[];
  queryParams: string[];
  hasBody: boolean;
}

/**
 * Query parameters a route reads that its OpenAPI entry does not list yet (a whole-DTO `@Query()` without
 * @ApiProperty): fuzzed too, so that the document's gaps are not the fuzzer's.
 */
const UNDOCUMENTED_QUERY: Record<string, string[]> = {
  'GET /api/contact-lists/{id}/contacts': ['page', 'pageSize'],
  'GET /api/contact-lists/{id}/import-report': ['format'],
  'POST /api/contact-lists/{id}/import': ['mapping'],
};

function operations(doc: { paths: Record<string, Record<string, any>> }): Operation[] {
  const out: Operation[] = [];
  for (const [template, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      const params = (op.parameters ?? []) as { in: string; name: string }[];
      out.push({
        method: method.toUpperCase(),
        template,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: [
          ...new Set([
            ...params.filter((p) => p.in === 'query').map((p) => p.name),
            ...(UNDOCUMENTED_QUERY[`${method.toUpperCase()} ${template}`] ?? []),
          ]),
        ],
        hasBody: !!op.requestBody,
      });
    }
  return out;
}

interface Fixture {
  /** A real value for each path parameter, by the path before it (`/api/briefs/{id}` -> a brief's id). */
  pathValue(template: string, param: string): string;
  query: Record<string, string>;
  bodies: Record<string, Record<string, unknown>>;
}

function requestsFor(
  op: Operation,
  f: Fixture,
  pathOnly = false,
): { path: string; json?: unknown; raw?: any; ct?: string; what: string }[] {
  const fill = (over: Record<string, string> = {}): string =>
    op.template.replace(/\{([^}]+)\}/g, (_, name: string) => over[name] ?? f.pathValue(op.template, name));
  const validQuery = op.queryParams
    .filter((q) => f.query[q] !== undefined)
    .map((q) => `${q}=${f.query[q]}`)
    .join('&');
  const base = f.bodies[`${op.method} ${op.template}`] ?? {};
  const withQuery = (p: string, q = validQuery): string => (q ? `${p}?${q}` : p);
  const out: { path: string; json?: unknown; raw?: any; ct?: string; what: string }[] = [];
  const body = op.hasBody ? base : undefined;
  for (const name of op.pathParams)
    for (const v of HOSTILE_PATH_VALUES)
      out.push({ path: withQuery(fill({ [name]: v })), json: body, what: `path ${name}=${v.slice(0, 40)}` });
  for (const name of op.queryParams)
    for (const q of hostileQueries(name)) {
      const others = op.queryParams
        .filter((x) => x !== name && f.query[x] !== undefined)
        .map((x) => `${x}=${f.query[x]}`);
      out.push({ path: `${fill()}?${[...others, q].join('&')}`, json: body, what: `query ${q.slice(0, 60)}` });
    }
  if (op.hasBody) {
    out.push({ path: withQuery(fill()), json: base, what: 'the valid body' });
    if (pathOnly) return out;
    for (const fp of fieldPaths(base)) {
      out.push({
        path: withQuery(fill()),
        json: withField(base, fp, undefined),
        what: `body without ${fp.join('.')}`,
      });
      for (const v of fp.length > 1 ? HOSTILE_NESTED_VALUES : HOSTILE_JSON_VALUES)
        out.push({
          path: withQuery(fill()),
          json: withField(base, fp, v),
          what: `body ${fp.join('.')}=${JSON.stringify(v)?.slice(0, 40)}`,
        });
    }
    for (const extra of ['\u0000', '\ud800', 'x'.repeat(300), '__proto__', 'constructor'])
      out.push({
        path: withQuery(fill()),
        json: { ...base, [extra]: 1 },
        what: `body with key ${JSON.stringify(extra).slice(0, 20)}`,
      });
    for (const b of HOSTILE_BODIES)
      out.push({
        path: withQuery(fill()),
        raw: b.body,
        ct: b.contentType,
        what: `raw ${b.contentType} ${String(b.body).slice(0, 30)}`,
      });
  }
  return out;
}

async function fuzz(
  t: TestApp,
  f: Fixture,
  tokens: Record<string, string>,
): Promise<{ problems: string[]; sent: number }> {
  const doc = (await api(t.url, 'GET', '/api/docs-json')).body;
  const ops = operations(doc).filter((o) => o.template !== '/health');
  const problems: string[] = [];
  let sent = 0;
  for (const [who, token] of Object.entries(tokens)) {
    // A route this role may not use answers 403 from the guard before any pipe reads the request: one probe
    // with valid values shows it, and then only the path and query values (parsed by the router) are sent.
    const forbidden = new Set<Operation>();
    for (const op of ops) {
      const probe = requestsFor(op, f).find((r) => r.what === 'the valid body') ?? requestsFor(op, f)[0];
      if (!probe) continue;
      const r = await send(t.url, op.method, probe.path, { token, json: probe.json });
      if (r.status === 403) forbidden.add(op);
    }
    const tasks = ops.flatMap((op) =>
      requestsFor(op, f, forbidden.has(op)).map(
        (r) => () =>
          send(t.url, op.method, r.path, { token, json: r.json, raw: r.raw, contentType: r.ct, what: r.what }),
      ),
    );
    sent += tasks.length;
    const results: Sent[] = await inParallel(tasks, 8);
    const byOp = new Map<string, number>();
    for (const r of results) {
      const k = `${who} ${r.method} ${r.path
        .split('?')[0]
        .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'ID')
        .slice(0, 60)}`;
      byOp.set(k, (byOp.get(k) ?? 0) + (r.ms ?? 0));
    }
    if (process.env.FUZZ_TIMING)
      console.log(
        [...byOp]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 15)
          .map(([k, v]) => `${v} ${k}`)
          .join('\n'),
      );
    for (const r of results) {
      const bad = badShape(r);
      if (bad) problems.push(`${who} ${r.method} ${r.path.slice(0, 120)} [${r.what}]: ${bad}`);
    }
  }
  return { problems: [...new Set(problems)], sent };
}

describe('fuzz: the dialer API refuses hostile input with 4xx and stays up', () => {
  let t: TestApp;
  let admin: User;
  let agent: User;
  let f: Fixture;

  beforeAll(async () => {
    t = await startTestApp('dialer', { SIM_PORT: '0', DIALER_RUNNER: 'false', DIALER_INSTANCE_ID: 'fuzz-e2e' });
    const dep = await aDepartment(t.db.ds);
    admin = await aUser(t.db.ds, 'admin', dep.id);
    const requester = await aUser(t.db.ds, 'requester', dep.id);
    const planner = await aUser(t.db.ds, 'planner', dep.id);
    const target = await aUser(t.db.ds, 'qa', dep.id);
    const a = await anAgent(t.db.ds, dep.id);
    agent = a.user;
    const list = await aContactList(t.db.ds, dep.id, strata([['Europe/London', 'retail', 4]]));
    const brief = await api(t.url, 'POST', '/api/briefs', {
      token: t.tokenFor(requester),
      body: aBriefBody({ contactListId: list.id }),
    });
    expect(brief.status).toBe(201);
    await api(t.url, 'POST', `/api/briefs/${brief.body.id}/submit`, { token: t.tokenFor(requester) });
    const campaignBrief = await api(t.url, 'POST', '/api/briefs', {
      token: t.tokenFor(requester),
      body: aBriefBody({ contactListId: list.id, title: 'For the campaign' }),
    });
    await api(t.url, 'POST', `/api/briefs/${campaignBrief.body.id}/submit`, { token: t.tokenFor(requester) });
    await api(t.url, 'POST', `/api/briefs/${campaignBrief.body.id}/accept`, { token: t.tokenFor(planner) });
    const campaign = await api(t.url, 'POST', '/api/campaigns', {
      token: t.tokenFor(planner),
      body: { briefId: campaignBrief.body.id, mode: 'progressive' },
    });
    expect(campaign.status).toBe(201);
    const script = await api(t.url, 'POST', '/api/scripts', {
      token: t.tokenFor(admin),
      body: { name: 'Fuzz', departmentId: dep.id, body: { sections: [{ id: 's', text: 'Hi {{first_name}}' }] } },
    });
    expect(script.status).toBe(201);
    const notes = await api(t.url, 'GET', '/api/notifications', { token: t.tokenFor(requester) });
    const notificationId = (notes.body as { id: string }[])[0]?.id;
    expect(notificationId).toBeDefined();

    const ids: Record<string, string> = {
      departments: dep.id,
      users: target.id,
      briefs: brief.body.id,
      campaigns: campaign.body.id,
      'contact-lists': list.id,
      scripts: script.body.id,
      notifications: notificationId,
    };
    const windows = aBriefBody().windows;
    f = {
      pathValue: (template, param) => {
        if (param === 'version') return '1';
        const resource = /^\/api\/([^/]+)\//.exec(template)?.[1] ?? '';
        return ids[resource] ?? '00000000-0000-4000-8000-000000000000';
      },
      query: { agentId: a.agent.id, agents: '3', state: 'draft', status: 'submitted', unread: 'true' },
      bodies: {
        'POST /api/auth/login': { email: 'nobody@test.local', password: 'wrong password' },
        'POST /api/departments': { name: 'Fuzzed', code: 'FUZZ', webhookUrl: 'https://example.com/hook' },
        'PATCH /api/departments/{id}': { name: 'Renamed', webhookUrl: 'https://example.com/h2' },
        'POST /api/users': {
          email: 'fuzz@test.local',
          displayName: 'Fuzz',
          password: 'long enough password',
          role: 'qa',
          departmentId: dep.id,
        },
        'PATCH /api/users/{id}': { displayName: 'Renamed', active: true },
        'POST /api/agent/session': { endpoint: 'PJSIP/agent-9999', campaignId: campaign.body.id },
        'POST /api/agent/pause': { reason: 'lunch' },
        'POST /api/agent/disposition': { code: 'SALE', answers: { q: 'yes' }, note: 'n' },
        'POST /api/agent/callback': { at: new Date(Date.now() + 3600_000).toISOString(), mine: true, note: 'n' },
        'POST /api/agent/dnc': { note: 'n' },
        'POST /api/agent/preview/skip': { reason: 'skip' },
        'POST /api/briefs/{id}/campaign': { mode: 'preview', name: 'From brief' },
        'POST /api/campaigns': { briefId: brief.body.id, mode: 'predictive', pacing: { abandonCapPercent: 3 } },
        'PATCH /api/campaigns/{id}': {
          name: 'Renamed',
          wrapUpSeconds: 30,
          pacing: { ringTimeoutSeconds: 20, maxLinesPerAgent: 2 },
          requiredSkills: { sales: 3 },
        },
        'POST /api/campaigns/{id}/transitions': { to: 'paused', seed: 1 },
        'POST /api/campaigns/{id}/start-pilot': { seed: 1 },
        'POST /api/contact-lists': { name: 'Fuzz list', region: 'GB', defaultTimeZone: 'Europe/London' },
        'POST /api/scripts': { name: 'Fuzz 2', departmentId: dep.id, body: { sections: [{ id: 'a', text: 'x' }] } },
        'POST /api/scripts/{id}/versions': { body: { sections: [{ id: 'a', text: 'y' }] }, changeNote: 'c' },
        'POST /api/scripts/{id}/versions/{version}/preview': { fields: { first_name: 'Ann' } },
        'POST /api/briefs': aBriefBody({ contactListId: list.id, windows }),
        'PATCH /api/briefs/{id}': { title: 'Renamed brief', priority: 3, contactPerson: { name: 'Bob' } },
        'POST /api/briefs/{id}/reject': { reason: 'not enough detail' },
      },
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers every hostile request with a 4xx naming the field, as an admin and as an agent', async () => {
    const started = Date.now();
    const { problems, sent } = await fuzz(t, f, { admin: t.tokenFor(admin), agent: t.tokenFor(agent) });
    expect(problems).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
    const health = await api(t.url, 'GET', '/health');
    expect(health.status).toBe(200);
    expect((await api(t.url, 'GET', '/api/auth/me', { token: t.tokenFor(admin) })).status).toBe(200);
    console.log(`dialer fuzz: ${sent} requests in ${Date.now() - started} ms`);
  });
});

describe('fuzz: the reporting API refuses hostile input with 4xx and stays up', () => {
  let t: TestApp;
  let admin: User;
  let agent: User;

  beforeAll(async () => {
    t = await startTestApp('reporting');
    const dep = await aDepartment(t.db.ds);
    admin = await aUser(t.db.ds, 'admin', dep.id);
    agent = await aUser(t.db.ds, 'agent', dep.id);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers every hostile request with a 4xx naming the field', async () => {
    const f: Fixture = {
      pathValue: () => '00000000-0000-4000-8000-000000000000',
      query: {},
      bodies: { 'POST /api/auth/login': { email: 'nobody@test.local', password: 'wrong password' } },
    };
    const { problems } = await fuzz(t, f, { admin: t.tokenFor(admin), agent: t.tokenFor(agent) });
    expect(problems).toEqual([]);
    expect((await api(t.url, 'GET', '/health')).status).toBe(200);
  });
});
