import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { User } from '@app/database';
import { aDepartment, aUser } from '../../support/builders';
import { anAgent } from '../../support/campaign-builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { connect, type RecordingSocket } from '../agent-gateway/socket-client';

// Every event of both socket.io namespaces with garbage payloads: each command answers an ack (an error ack for
// garbage, never `internal`), the connection and the server survive, and /health still answers.
jest.setTimeout(90_000);

const deep = (n: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < n; i++) v = [v];
  return v;
};

/** Payloads that are not what any command expects. `undefined` means the ack is the only argument. */
const GARBAGE: unknown[] = [
  undefined,
  null,
  42,
  -1,
  1e308,
  true,
  'a string',
  '',
  'x'.repeat(200_000),
  [],
  [1, 2, 3],
  {},
  { unknownField: 1 },
  { endpoint: 1, campaignId: 'not-a-uuid' },
  { endpoint: 'x'.repeat(100_000) },
  { reason: 'x'.repeat(100_000) },
  { reason: '\u0000' },
  { reason: '\ud800' },
  { reason: ['a'] },
  { reason: { a: 1 } },
  { code: null },
  { code: 'SALE', answers: 'not an object' },
  { code: 'SALE', answers: deep(200) },
  { code: 'SALE', answers: { q: 'a\u0000' } },
  { code: 'SALE', callbackAt: 'yesterday' },
  { at: 'not a date' },
  { at: '9999-12-31T23:59:59Z', mine: 'yes' },
  { at: '-271821-04-20T00:00:00Z' },
  { answers: {} },
  { answers: { ['\u0000']: 1 } },
  { note: 12 },
  { campaignId: '00000000-0000-4000-8000-000000000000' },
  { campaignId: 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF' },
  { campaignId: ['a'] },
  deep(500),
];

const AGENT_EVENTS = [
  'login',
  'logout',
  'ready',
  'pause',
  'hangup',
  'disposition',
  'answers',
  'callback',
  'dnc',
  'preview-dial',
  'preview-skip',
  'no-such-event',
];
const WALLBOARD_EVENTS = ['subscribe', 'unsubscribe', 'no-such-event'];

interface Outcome {
  event: string;
  payload: string;
  ack: any;
}

/** Emits `event` with `payload` and resolves with the ack, or `no-ack` after a while (unknown events have none). */
function call(s: RecordingSocket, event: string, payload: unknown, waitMs: number): Promise<any> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('no-ack'), waitMs);
    const ack = (a: unknown): void => {
      clearTimeout(timer);
      resolve(a);
    };
    if (payload === undefined) s.socket.emit(event, ack);
    else s.socket.emit(event, payload, ack);
  });
}

async function fuzzNamespace(s: RecordingSocket, events: string[]): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const event of events)
    // An unknown event has no handler and so no ack: a few payloads show it is ignored without harm.
    for (const payload of event === 'no-such-event' ? GARBAGE.slice(0, 4) : GARBAGE) {
      const ack = await call(s, event, payload, event === 'no-such-event' ? 100 : 15_000);
      out.push({ event, payload: JSON.stringify(payload)?.slice(0, 60) ?? 'undefined', ack });
    }
  // Also without any ack callback: nothing to answer to, and nothing may break.
  for (const event of events) s.socket.emit(event, { garbage: true });
  s.socket.emit('login', 'x'.repeat(1000));
  return out;
}

/** What must not happen: no ack for a known command, or an ack that admits an internal error. */
const problemsOf = (outcomes: Outcome[]): string[] =>
  outcomes
    .filter((o) =>
      o.event === 'no-such-event'
        ? false
        : o.ack === 'no-ack' || typeof o.ack !== 'object' || (o.ack.ok === false && o.ack.error === 'internal'),
    )
    .map((o) => `${o.event} ${o.payload}: ${JSON.stringify(o.ack)?.slice(0, 200)}`);

describe('fuzz: socket.io namespaces answer garbage with error acks and stay up', () => {
  let t: TestApp;
  let supervisor: User;
  let agentUser: User;
  let agentId: string;
  const sockets: RecordingSocket[] = [];
  const open = (ns: string, auth: Record<string, unknown>): RecordingSocket => {
    const s = connect(t.url, ns, auth);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await startTestApp('dialer', { SIM_PORT: '0', DIALER_RUNNER: 'false', DIALER_INSTANCE_ID: 'socket-fuzz' });
    const dep = await aDepartment(t.db.ds);
    supervisor = await aUser(t.db.ds, 'supervisor', dep.id);
    const a = await anAgent(t.db.ds, dep.id);
    agentUser = a.user;
    agentId = a.agent.id;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  it('/agent: every event, as the agent and as a supervisor watching them', async () => {
    for (const auth of [{ token: t.tokenFor(agentUser) }, { token: t.tokenFor(supervisor), agentId }]) {
      const s = open('/agent', auth);
      await s.waitFor('session');
      const outcomes = await fuzzNamespace(s, AGENT_EVENTS);
      expect(problemsOf(outcomes)).toEqual([]);
      // Garbage is refused as such: a validation error, not a pretend success.
      const login = outcomes.filter((o) => o.event === 'login' && o.payload === '"a string"')[0];
      expect(login.ack).toMatchObject({ ok: false, error: 'validation-failed' });
      expect(s.socket.connected).toBe(true);
      const after = await call(s, 'logout', undefined, 15_000);
      expect(typeof after).toBe('object');
    }
    expect((await api(t.url, 'GET', '/health')).status).toBe(200);
  });

  it('/agent: garbage in the handshake is refused with a connect_error', async () => {
    for (const auth of [
      { token: 42 },
      { token: 'x'.repeat(100_000) },
      { token: t.tokenFor(supervisor), agentId: 'not-a-uuid' },
      { token: t.tokenFor(supervisor), agentId: ['a'] },
      { token: t.tokenFor(supervisor), agentId: '\u0000' },
    ]) {
      // refused in the handshake (docs/sockets.md): a connect_error whose data is the REST error shape
      const s = open('/agent', auth);
      const err = await s.waitFor('connect_error');
      expect(err.error).toEqual(expect.any(String));
      expect(err.error).not.toBe('internal');
      expect(s.socket.connected).toBe(false);
    }
    expect((await api(t.url, 'GET', '/health')).status).toBe(200);
  });

  it('/wallboard: every event', async () => {
    const s = open('/wallboard', { token: t.tokenFor(supervisor) });
    await new Promise<void>((resolve) => (s.socket.connected ? resolve() : s.socket.once('connect', () => resolve())));
    const outcomes = await fuzzNamespace(s, WALLBOARD_EVENTS);
    expect(problemsOf(outcomes)).toEqual([]);
    expect(s.socket.connected).toBe(true);
    expect((await api(t.url, 'GET', '/health')).status).toBe(200);
  });
});
