// Where the simulator must behave as Asterisk 22.10.1 did (issue 9, /work/shared/ari-observed): unknown PJSIP
// endpoints, Local create + dial failures, the originate teardown order and the AMD causes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import WebSocket from 'ws';
import { DEFAULT_DECLARED_ENDPOINTS, endpointDeclared } from './sim-behaviour';
import { startAsteriskSim, type AsteriskSim } from './index';

const USER = 'fid';
const PASS = 'fid-pass';
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

const call = (sim: AsteriskSim, method: string, path: string, body?: unknown): Promise<Response> =>
  fetch(`${sim.url}${path}`, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** `Type name [cause]` lines of one Local call (both halves), in the order they were sent. */
const trace = (events: Ev[], seq: string): string[] =>
  events
    .filter((e) => (e.channel ?? e.peer)?.name?.includes(seq))
    .map((e) => {
      const name = (e.channel ?? e.peer).name as string;
      const half = name.endsWith(';2') ? ';2' : name.endsWith(';1') ? ';1' : '';
      const extra = e.type === 'Dial' ? ` ${e.dialstatus}` : e.cause !== undefined ? ` ${e.cause}` : '';
      return `${e.type}${half}${extra}`;
    });

describe('endpointDeclared', () => {
  it('matches number ranges and wildcards, and nothing else', () => {
    const d = DEFAULT_DECLARED_ENDPOINTS;
    expect(endpointDeclared(d, 'PJSIP/agent-1000')).toBe(true);
    expect(endpointDeclared(d, 'PJSIP/agent-1999')).toBe(true);
    expect(endpointDeclared(d, 'pjsip/agent-1500')).toBe(true);
    expect(endpointDeclared(d, 'PJSIP/agent-2000')).toBe(false);
    expect(endpointDeclared(d, 'PJSIP/agent-999')).toBe(false);
    expect(endpointDeclared(d, 'PJSIP/agent-9xyz')).toBe(false);
    expect(endpointDeclared(d, 'PJSIP/nobody')).toBe(false);
    expect(endpointDeclared(d, 'PJSIP/+447911123456@carrier')).toBe(true);
    expect(endpointDeclared(d, 'PJSIP/carrier/sip:+12125550100@10.0.0.1')).toBe(true);
    expect(endpointDeclared(d, 'PJSIP/+447911123456@othertrunk')).toBe(false);
    expect(endpointDeclared(d, 'PJSIP/sip-busy')).toBe(true);
  });
});

describe('asterisk-sim fidelity to Asterisk 22', () => {
  let sim: AsteriskSim;
  let ws: WebSocket;
  const events: Ev[] = [];
  beforeAll(async () => {
    sim = await startAsteriskSim({ port: 0, username: USER, password: PASS, timeScale: 20, seed: 5 });
    ws = new WebSocket(`ws://127.0.0.1:${sim.port}/ari/events?app=dialer&api_key=${USER}:${PASS}`);
    ws.on('message', (m) => events.push(JSON.parse(String(m)) as Ev));
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
  });
  afterAll(async () => {
    ws.terminate();
    await sim.close();
  });
  beforeEach(() => {
    events.length = 0;
  });

  it('answers 500 {"error":"Allocation failed"} for PJSIP endpoints it was not told exist', async () => {
    for (const endpoint of ['PJSIP/agent-9xyz', 'PJSIP/nobody', 'PJSIP/agent-2001', 'PJSIP/+12125550100']) {
      for (const path of ['/ari/channels', '/ari/channels/create']) {
        const res = await call(sim, 'POST', `${path}?endpoint=${encodeURIComponent(endpoint)}&app=dialer`);
        expect([endpoint, path, res.status, await res.json()]).toEqual([
          endpoint,
          path,
          500,
          { error: 'Allocation failed' },
        ]);
      }
    }
    expect(sim.engine.channels.size).toBe(0);
    // The default set: agent phones 1000-1999, carrier numbers, the SIPp peers.
    for (const endpoint of ['PJSIP/agent-1000', 'PJSIP/agent-1999', 'PJSIP/+12125550100@carrier', 'PJSIP/sippeer']) {
      const res = await call(sim, 'POST', `/ari/channels?endpoint=${encodeURIComponent(endpoint)}&app=dialer`);
      expect([endpoint, res.status]).toEqual([endpoint, 200]);
    }
  });

  it('declares and forgets endpoints over /_sim/endpoints; reset restores the default set', async () => {
    const originate = (e: string) => call(sim, 'POST', `/ari/channels?endpoint=${encodeURIComponent(e)}&app=dialer`);
    expect((await originate('PJSIP/alice')).status).toBe(500);
    expect((await call(sim, 'POST', '/_sim/endpoints', { endpoints: ['PJSIP/alice', 'PJSIP/desk-*'] })).status).toBe(
      204,
    );
    expect((await originate('PJSIP/alice')).status).toBe(200);
    expect((await originate('PJSIP/desk-12')).status).toBe(200);
    expect((await call(sim, 'POST', '/_sim/endpoints', { endpoints: ['alice'] })).status).toBe(400);
    const listed = (await (await call(sim, 'GET', '/_sim/endpoints')).json()) as { endpoints: string[] };
    expect(listed.endpoints).toEqual(expect.arrayContaining(['PJSIP/alice', 'PJSIP/agent-{1000-1999}']));
    expect((await call(sim, 'DELETE', `/_sim/endpoints/${encodeURIComponent('PJSIP/alice')}`)).status).toBe(204);
    expect((await originate('PJSIP/alice')).status).toBe(500);
    // PUT replaces the whole set: the agent range is gone too.
    expect((await call(sim, 'PUT', '/_sim/endpoints', { endpoints: ['PJSIP/bob'] })).status).toBe(204);
    expect((await originate('PJSIP/agent-1001')).status).toBe(500);
    expect((await originate('PJSIP/bob')).status).toBe(200);
    // A phone registered as an agent exists.
    expect((await call(sim, 'PUT', `/_sim/agents/${encodeURIComponent('PJSIP/carol')}`)).status).toBe(204);
    expect((await originate('PJSIP/carol')).status).toBe(200);
    expect((await call(sim, 'POST', '/_sim/reset')).status).toBe(204);
    expect((await originate('PJSIP/agent-1001')).status).toBe(200);
    expect((await originate('PJSIP/bob')).status).toBe(500);
    expect((await call(sim, 'POST', '/_sim/reset')).status).toBe(204);
  });

  it.each([
    ['rejected', 21, 'Call Rejected'],
    ['invalid', 1, 'Unallocated (unassigned) number'],
  ])(
    'create + dial to Local %s: the cause is on the ;1 channel and no final Dial event comes',
    async (o, cause, txt) => {
      const id = `cd-${o}`;
      const res = await call(
        sim,
        'POST',
        `/ari/channels/create?endpoint=Local/${o}@dialer-test&app=dialer&appArgs=outbound&channelId=${id}`,
      );
      expect(res.status).toBe(200);
      await until('StasisStart', () => events.find((e) => e.type === 'StasisStart' && e.channel.id === id));
      expect((await call(sim, 'POST', `/ari/channels/${id}/dial?timeout=5`)).status).toBe(204);
      const d = await until('destroyed', () =>
        events.find((e) => e.type === 'ChannelDestroyed' && e.channel.id === id),
      );
      expect([d.cause, d.cause_txt]).toEqual([cause, txt]);
      const mine = events.filter((e) => (e.channel ?? e.peer)?.id === id);
      expect(mine.map((e) => (e.type === 'Dial' ? `Dial ${e.dialstatus}` : e.type))).toEqual([
        'StasisStart',
        'Dial ',
        'ChannelHangupRequest',
        'StasisEnd',
        'ChannelDestroyed',
      ]);
      expect(mine.find((e) => e.type === 'ChannelHangupRequest')).toMatchObject({ cause });
      expect(mine.find((e) => e.type === 'ChannelHangupRequest')).not.toHaveProperty('soft');
    },
  );

  it.each([
    [
      'busy',
      [
        'Dial;1 ',
        'ChannelStateChange;1',
        'Dial;1 RINGING',
        'ChannelStateChange;2',
        'Dial;1 BUSY',
        'ChannelHangupRequest;2 0',
        'ChannelDestroyed;1 0',
        'ChannelHangupRequest;2 16',
        'ChannelDestroyed;2 17',
      ],
    ],
    [
      'noanswer',
      [
        'Dial;1 ',
        'ChannelStateChange;1',
        'Dial;1 RINGING',
        'ChannelHangupRequest;2 19',
        'ChannelDestroyed;1 19',
        'ChannelHangupRequest;2 16',
        'ChannelDestroyed;2 19',
      ],
    ],
  ])('originate to Local %s tears down in the recorded order (;2 hangup request first)', async (o, want) => {
    const id = `or-${o}`;
    const res = await call(
      sim,
      'POST',
      `/ari/channels?endpoint=Local/${o}@dialer-test&app=dialer&appArgs=outbound&channelId=${id}&timeout=2`,
    );
    const name = ((await res.json()) as Ev).name as string;
    const seq = name.slice(0, name.lastIndexOf(';'));
    await until(';2 destroyed', () =>
      events.find((e) => e.type === 'ChannelDestroyed' && e.channel.name === `${seq};2`),
    );
    expect(trace(events, seq)).toEqual(want);
  });

  it.each([
    ['human', 'HUMAN', /^HUMAN-\d+-\d+$/],
    ['machine', 'MACHINE', /^LONGGREETING-\d+-\d+$/],
  ])('AMD on Local %s gives the cause app_amd sets', async (o, verdict, cause) => {
    const id = `amd-${o}`;
    await call(
      sim,
      'POST',
      `/ari/channels?endpoint=Local/${o}@dialer-test&app=dialer&appArgs=outbound&channelId=${id}`,
    );
    await until('StasisStart', () => events.find((e) => e.type === 'StasisStart' && e.channel.id === id));
    await call(sim, 'POST', `/ari/channels/${id}/continue?context=dialer-amd&extension=s&priority=1`);
    const amd = await until('AMD verdict', () =>
      events.find((e) => e.type === 'StasisStart' && e.channel.id === id && e.args[0] === 'amd'),
    );
    expect(amd.args[1]).toBe(verdict);
    expect(amd.args[2]).toMatch(cause);
    await call(sim, 'DELETE', `/ari/channels/${id}`);
  });

  it('AMD that cannot decide says NOTSURE with TOOLONG-<ms>', async () => {
    sim.setNumberBehaviour('+12125550199', { outcome: 'human', ringSeconds: 0.2, amdVerdict: 'NOTSURE' });
    const id = 'amd-notsure';
    await call(sim, 'POST', `/ari/channels?endpoint=PJSIP/%2B12125550199@carrier&app=dialer&appArgs=x&channelId=${id}`);
    await until('StasisStart', () => events.find((e) => e.type === 'StasisStart' && e.channel.id === id));
    await call(sim, 'POST', `/ari/channels/${id}/continue?context=dialer-amd`);
    const amd = await until('AMD verdict', () =>
      events.find((e) => e.type === 'StasisStart' && e.channel.id === id && e.args[0] === 'amd'),
    );
    expect(amd.args.slice(1, 2)).toEqual(['NOTSURE']);
    expect(amd.args[2]).toMatch(/^TOOLONG-\d+$/);
    await call(sim, 'DELETE', `/ari/channels/${id}`);
  });
});
