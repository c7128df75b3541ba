import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import * as ari from 'ari-client';
import WebSocket from 'ws';
import { startAsteriskSim, type AsteriskSim } from './index';

const USER = 'ctl';
const PASS = 'ctl-pass';
const auth = 'Basic ' + Buffer.from(`${USER}:${PASS}`).toString('base64');
type Ev = Record<string, any>;

async function until<T>(what: string, fn: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function listen(sim: AsteriskSim, app: string): Promise<{ ws: WebSocket; events: Ev[] }> {
  const ws = new WebSocket(`ws://127.0.0.1:${sim.port}/ari/events?app=${app}&api_key=${USER}:${PASS}`);
  const events: Ev[] = [];
  ws.on('message', (m) => events.push(JSON.parse(String(m))));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, events }));
    ws.once('error', reject);
  });
}

const call = (sim: AsteriskSim, method: string, path: string, body?: unknown): Promise<Response> =>
  fetch(`${sim.url}${path}`, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('asterisk-sim control API', () => {
  let sim: AsteriskSim;
  beforeAll(async () => {
    sim = await startAsteriskSim({ port: 0, username: USER, password: PASS, timeScale: 20, seed: 3 });
  });
  afterAll(async () => {
    await sim.close();
  });
  beforeEach(async () => {
    expect((await call(sim, 'POST', '/_sim/reset')).status).toBe(204);
  });

  it('per-number behaviour, inbound injection and stats over HTTP', async () => {
    const { ws, events } = await listen(sim, 'dialer');
    try {
      expect((await call(sim, 'PUT', '/_sim/numbers/0611', { outcome: 'rejected', ringSeconds: 1 })).status).toBe(204);
      expect((await call(sim, 'PUT', '/_sim/numbers/0612', { outcome: 'bogus' })).status).toBe(400);
      const res = await call(sim, 'POST', '/ari/channels?endpoint=PJSIP/0611@carrier&app=dialer');
      const ch = (await res.json()) as Ev;
      const d = await until('destroyed', () =>
        events.find((e) => e.type === 'ChannelDestroyed' && e.channel.id === ch.id),
      );
      expect([d.cause, d.tech_cause]).toEqual([21, 603]);

      const inbound = await call(sim, 'POST', '/_sim/inbound', { number: '2000', callerId: '0699', args: ['q1'] });
      expect(inbound.status).toBe(201);
      const { id } = (await inbound.json()) as Ev;
      const ss = await until('inbound', () => events.find((e) => e.type === 'StasisStart' && e.channel.id === id));
      expect(ss.args).toEqual(['inbound', '2000', 'q1']);
      const stats = (await (await call(sim, 'GET', '/_sim/stats')).json()) as Ev;
      expect(stats.channels).toBe(1);
      expect(stats.applications).toEqual(['dialer']);
      const log = (await (await call(sim, 'GET', '/_sim/requests')).json()) as Ev[];
      expect(log.map((r) => `${r.method} ${r.path}`)).toContain('POST /ari/channels');
    } finally {
      ws.terminate();
    }
  });

  it('JSON-body parameters and variables are accepted like query parameters', async () => {
    const { ws, events } = await listen(sim, 'dialer');
    try {
      const res = await call(sim, 'POST', '/ari/channels', {
        endpoint: 'Local/answer@dialer-test',
        app: 'dialer',
        appArgs: 'outbound,x',
        channelId: 'body-1',
        variables: { CALLID: 'c-1' },
      });
      expect(res.status).toBe(200);
      await until('StasisStart', () => events.find((e) => e.type === 'StasisStart' && e.channel.id === 'body-1'));
      const v = await call(sim, 'GET', '/ari/channels/body-1/variable?variable=CALLID');
      expect(await v.json()).toEqual({ value: 'c-1' });
      expect(sim.requests().find((r) => r.path === '/ari/channels' && r.method === 'POST')?.body).toMatchObject({
        variables: { CALLID: 'c-1' },
      });
    } finally {
      ws.terminate();
    }
  });

  it('a person left in silence hangs up (abandoned), one bridged with an agent stays', async () => {
    const { ws, events } = await listen(sim, 'dialer');
    try {
      sim.setNumberBehaviour('0701', { outcome: 'human', ringSeconds: 0.5, talkSeconds: 100, silenceSeconds: 2 });
      sim.setNumberBehaviour('0702', { outcome: 'human', ringSeconds: 0.5, talkSeconds: 100, silenceSeconds: 2 });
      const lonely = (await (
        await call(sim, 'POST', '/ari/channels?endpoint=PJSIP/0701@carrier&app=dialer')
      ).json()) as Ev;
      const served = (await (
        await call(sim, 'POST', '/ari/channels?endpoint=PJSIP/0702@carrier&app=dialer')
      ).json()) as Ev;
      const agent = (await (
        await call(sim, 'POST', '/ari/channels?endpoint=PJSIP/agent-1001&app=dialer')
      ).json()) as Ev;
      const inStasis = (id: string) => events.find((e) => e.type === 'StasisStart' && e.channel.id === id);
      await until('both in Stasis', () => inStasis(served.id) && inStasis(agent.id));
      const bridge = (await (await call(sim, 'POST', '/ari/bridges?type=mixing')).json()) as Ev;
      const add = await call(sim, 'POST', `/ari/bridges/${bridge.id}/addChannel?channel=${served.id},${agent.id}`);
      expect(add.status).toBe(204);
      const d = await until('abandon', () =>
        events.find((e) => e.type === 'ChannelDestroyed' && e.channel.id === lonely.id),
      );
      expect(d.cause).toBe(16);
      await new Promise((r) => setTimeout(r, 200)); // 4 simulated seconds, past the silence patience
      expect(sim.engine.channels.has(served.id)).toBe(true);
    } finally {
      ws.terminate();
    }
  });

  it('fail modes: http-500, drop, slow', async () => {
    sim.setFailMode('http-500');
    expect((await call(sim, 'GET', '/ari/channels')).status).toBe(500);
    expect((await call(sim, 'GET', '/_sim/stats')).status).toBe(200);
    sim.setFailMode('drop');
    await expect(call(sim, 'GET', '/ari/channels')).rejects.toThrow();
    expect((await call(sim, 'PUT', '/_sim/fail-mode', { mode: 'slow', delayMs: 150 })).status).toBe(204);
    const t0 = Date.now();
    expect((await call(sim, 'GET', '/ari/channels')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    sim.setFailMode('none');
  });

  it('a second connection for the same app gets it; the first is told ApplicationReplaced', async () => {
    const first = await listen(sim, 'dup');
    const second = await listen(sim, 'dup');
    try {
      await until('ApplicationReplaced', () => first.events.find((e) => e.type === 'ApplicationReplaced'));
      expect(second.events).toHaveLength(0);
    } finally {
      first.ws.terminate();
      second.ws.terminate();
    }
  });

  it('the inbound generator produces Poisson arrivals', async () => {
    const { ws, events } = await listen(sim, 'acd');
    try {
      // 600 calls/min of simulated time at x20 = about 200 calls/s of real time
      sim.setInboundGenerator({ queues: [{ number: '3000', callsPerMinute: 600, app: 'acd' }] });
      await until('20 arrivals', () => events.filter((e) => e.type === 'StasisStart').length >= 20, 5000);
      sim.setInboundGenerator({ queues: [] });
      const ss = events.find((e) => e.type === 'StasisStart')!;
      expect(ss.args.slice(0, 2)).toEqual(['inbound', '3000']);
      expect(ss.channel.state).toBe('Ring');
    } finally {
      ws.terminate();
    }
  });

  it('ari-client reconnects after the simulator drops its socket', async () => {
    const client = await ari.connect(sim.url, USER, PASS);
    const seen: string[] = [];
    client.on('WebSocketReconnecting' as any, () => seen.push('reconnecting'));
    client.on('WebSocketConnected' as any, () => seen.push('connected'));
    await client.start('dialer');
    try {
      await until('app registered', () => sim.stats().applications.includes('dialer'));
      sim.dropWebsockets();
      await until('reconnected', () => seen.includes('reconnecting') && seen.includes('connected'), 5000);
      await until('app registered again', () => sim.stats().applications.includes('dialer'));
    } finally {
      client.stop();
    }
  });
});
