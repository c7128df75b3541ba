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

  it('the inbound generator follows a daily profile in simulated time and draws patience from a distribution', async () => {
    const { ws, events } = await listen(sim, 'acd');
    try {
      const onlyAt = (hour: number, rate: number) => Array.from({ length: 24 }, (_, h) => (h === hour ? rate : 0));
      const bad = await call(sim, 'PUT', '/_sim/inbound-generator', {
        queues: [{ number: '4001', callsPerMinuteByHour: [1, 2], patience: { kind: 'weibull' } }],
      });
      expect(bad.status).toBe(400);
      const msg = ((await bad.json()) as Ev).message as string;
      expect(msg).toContain('queues.0.callsPerMinuteByHour');
      expect(msg).toContain('queues.0.patience.kind');
      // Simulated 14:10 in Paris: the queue open at 03:00 only stays silent, the one open at 14:00 gets callers.
      const ok = await call(sim, 'PUT', '/_sim/inbound-generator', {
        simulatedStart: '2026-03-10T13:10:00Z',
        queues: [
          { number: '4001', app: 'acd', timeZone: 'Europe/Paris', callsPerMinuteByHour: onlyAt(3, 600) },
          {
            number: '4002',
            app: 'acd',
            timeZone: 'Europe/Paris',
            callsPerMinuteByHour: onlyAt(14, 600),
            patience: { kind: 'lognormal', mean: 2, cv: 0.5 },
          },
        ],
      });
      expect(ok.status).toBe(204);
      const starts = () => events.filter((e) => e.type === 'StasisStart');
      await until('20 arrivals', () => starts().length >= 20, 5000);
      expect((await call(sim, 'PUT', '/_sim/inbound-generator', { queues: [] })).status).toBe(204);
      expect(new Set(starts().map((e) => e.args[1]))).toEqual(new Set(['4002']));
      // Nobody answers them: each hangs up when their (log-normal, mean 2 s) patience runs out.
      const first = starts()[0].channel.id as string;
      await until('the first caller gave up', () =>
        events.find((e) => e.type === 'StasisEnd' && e.channel.id === first),
      );
    } finally {
      ws.terminate();
    }
  });

  it('an injected caller gives up after a fixed patience and presses the configured key when prompted', async () => {
    const { ws, events } = await listen(sim, 'acd');
    try {
      const bad = await call(sim, 'POST', '/_sim/inbound', { number: '5000', prompts: [{ media: 'x', digits: 'z' }] });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as Ev).message).toContain('prompts.0.digits');
      const res = await call(sim, 'POST', '/_sim/inbound', {
        number: '5000',
        app: 'acd',
        patience: { kind: 'fixed', value: 40 },
        prompts: [{ media: 'sound:press-1-to-keep-place', digits: '1', afterSeconds: 1 }],
      });
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as Ev;
      await until('StasisStart', () => events.find((e) => e.type === 'StasisStart' && e.channel.id === id));
      expect((await call(sim, 'POST', `/ari/channels/${id}/answer`)).status).toBe(204);
      // Another prompt plays first: no key for it.
      expect((await call(sim, 'POST', `/ari/channels/${id}/play?media=sound:hello-world`)).status).toBe(201);
      expect((await call(sim, 'POST', `/ari/channels/${id}/play?media=sound:press-1-to-keep-place`)).status).toBe(201);
      const dtmf = await until('ChannelDtmfReceived', () =>
        events.find((e) => e.type === 'ChannelDtmfReceived' && e.channel.id === id),
      );
      expect(dtmf.digit).toBe('1');
      const started = events.filter((e) => e.type === 'PlaybackStarted').map((e) => e.playback.media_uri);
      expect(started).toEqual(['sound:hello-world', 'sound:press-1-to-keep-place']);
      expect(events.filter((e) => e.type === 'ChannelDtmfReceived')).toHaveLength(1);
      // Fixed patience of 40 s (2 s at x20): the caller hangs up, without a ChannelDestroyed to the app.
      await until('gave up', () => events.find((e) => e.type === 'StasisEnd' && e.channel.id === id), 5000);
    } finally {
      ws.terminate();
    }
  });

  it('music on hold on a channel and in a bridge, as ARI starts and stops it', async () => {
    const { ws } = await listen(sim, 'acd');
    try {
      const { id } = (await (await call(sim, 'POST', '/_sim/inbound', { number: '5001', app: 'acd' })).json()) as Ev;
      expect((await call(sim, 'POST', `/ari/channels/${id}/moh?mohClass=acd`)).status).toBe(204);
      expect(((await (await call(sim, 'GET', '/_sim/moh')).json()) as Ev).channels).toEqual({ [id]: 'acd' });
      expect((await call(sim, 'DELETE', `/ari/channels/${id}/moh`)).status).toBe(204);
      expect(sim.moh().channels).toEqual({});
      expect((await call(sim, 'POST', '/ari/channels/nope/moh')).status).toBe(404);

      const bridge = (await (await call(sim, 'POST', '/ari/bridges?type=holding&name=hold')).json()) as Ev;
      expect(bridge.bridge_type).toBe('holding');
      // Asterisk: stopping music in a bridge that plays none is a 409.
      const none = await call(sim, 'DELETE', `/ari/bridges/${bridge.id}/moh`);
      expect(none.status).toBe(409);
      expect(((await none.json()) as Ev).message).toBe("Bridge isn't playing music");
      expect((await call(sim, 'POST', `/ari/bridges/${bridge.id}/moh`)).status).toBe(204);
      expect(sim.moh().bridges).toEqual({ [bridge.id]: '' });
      expect((await call(sim, 'DELETE', `/ari/bridges/${bridge.id}/moh`)).status).toBe(204);
      expect(sim.moh().bridges).toEqual({});
      expect((await call(sim, 'POST', '/ari/bridges/nope/moh')).status).toBe(404);
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
