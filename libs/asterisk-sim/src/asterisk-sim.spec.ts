import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import * as ari from 'ari-client';
import http from 'node:http';
import WebSocket from 'ws';
import { startAsteriskSim, type AsteriskSim } from './index';

// 10x faster than real time: a 2 s ring takes 200 ms.
const SCALE = 10;
const USER = 'dialer';
const PASS = 'secret';

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

const auth = 'Basic ' + Buffer.from(`${USER}:${PASS}`).toString('base64');

describe('asterisk-sim with the real ari-client', () => {
  let sim: AsteriskSim;
  let client: ari.Client;
  const events: Ev[] = [];

  beforeAll(async () => {
    sim = await startAsteriskSim({ port: 0, username: USER, password: PASS, seed: 7, timeScale: SCALE });
    client = await ari.connect(sim.url, USER, PASS);
    client.on('*' as any, (e: Ev) => events.push(e));
    await client.start('dialer');
  });

  afterAll(async () => {
    client.stop();
    await sim.close();
  });

  beforeEach(() => {
    events.length = 0;
  });

  const of = (id: string, type?: string): Ev[] =>
    events.filter((e) => (e.channel?.id === id || e.peer?.id === id) && (type === undefined || e.type === type));
  const destroyed = (id: string): Ev | undefined => of(id, 'ChannelDestroyed')[0];

  /** Originates and returns the main channel's summary in the shape of OUTCOME_TABLE.txt. */
  async function runOriginate(outcome: string, hangupAfterStasis: boolean): Promise<Ev> {
    const channelId = `orig-${outcome}-${Date.now()}`;
    const res = await client.channels.originate({
      endpoint: `Local/${outcome}@dialer-test`,
      app: 'dialer',
      appArgs: `outbound,${outcome}`,
      callerId: 'Dialer <5551000>',
      timeout: 5,
      channelId,
    } as any);
    expect(res.id).toBe(channelId);
    expect(res.state).toBe('Down');
    if (hangupAfterStasis) {
      await until('StasisStart', () => of(channelId, 'StasisStart')[0]);
      await client.channels.hangup({ channelId });
    }
    const d = await until(`destroy of ${outcome}`, () => destroyed(channelId), 5000);
    return {
      ss: of(channelId, 'StasisStart').length,
      dial: of(channelId, 'Dial').map((e) => e.dialstatus),
      hangupReq: of(channelId, 'ChannelHangupRequest').map((e) => {
        const o: Ev = {};
        if (e.cause !== undefined) o.cause = e.cause;
        if (e.soft !== undefined) o.soft = e.soft;
        if (e.tech_cause !== undefined) o.tech_cause = e.tech_cause;
        return o;
      }),
      cause: d.cause,
      causeTxt: d.cause_txt,
    };
  }

  it('connects: ari-client loaded our swagger and lists applications', async () => {
    const apps = await client.applications.list();
    expect(apps.map((a: any) => a.name)).toContain('dialer');
    const info = await client.asterisk.getInfo();
    expect((info as any).system.entity_id).toBe('02:fc:00:00:00:01');
  });

  // OUTCOME_TABLE.txt, originate-* rows for the Local outcomes
  it.each([
    ['answer', true, 1, ['', 'RINGING', 'ANSWER'], [{ cause: 32, soft: true }], 16],
    ['answer-hangup', false, 1, ['', 'RINGING', 'ANSWER'], [{ cause: 16 }], 16],
    ['busy', false, 0, ['', 'RINGING', 'BUSY'], [], 0],
    ['congestion', false, 0, ['', 'CONGESTION'], [], 0],
    ['invalid', false, 0, ['', 'NOANSWER'], [{ cause: 1 }], 1],
    ['rejected', false, 0, ['', 'NOANSWER'], [{ cause: 21 }], 21],
    ['noanswer', false, 0, ['', 'RINGING'], [], 19],
    ['machine', true, 1, ['', 'RINGING', 'ANSWER'], [{ cause: 32, soft: true }], 16],
    ['human', true, 1, ['', 'RINGING', 'ANSWER'], [{ cause: 32, soft: true }], 16],
  ])('originate Local/%s@dialer-test matches the recording', async (outcome, hangup, ss, dial, hr, cause) => {
    const r = await runOriginate(outcome as string, hangup as boolean);
    expect(r.ss).toBe(ss);
    expect(r.dial).toEqual(dial);
    expect(r.hangupReq).toEqual(hr);
    expect(r.cause).toBe(cause);
  });

  it('every event carries the common fields and channel shape', async () => {
    await runOriginate('answer', true);
    expect(events.length).toBeGreaterThan(5);
    for (const e of events) {
      expect(typeof e.type).toBe('string');
      expect(typeof e.timestamp).toBe('string');
      expect(e.asterisk_id).toBe('02:fc:00:00:00:01');
      expect(e.application).toBe('dialer');
      if (e.channel) {
        expect(Object.keys(e.channel).sort()).toEqual(
          [
            'id',
            'name',
            'state',
            'protocol_id',
            'caller',
            'connected',
            'accountcode',
            'dialplan',
            'creationtime',
            'language',
          ].sort(),
        );
      }
    }
    const ss = events.find((e) => e.type === 'StasisStart')!;
    expect(ss.channel.state).toBe('Up');
    expect(ss.channel.caller).toEqual({ name: 'Dialer', number: '5551000' });
    expect(ss.args).toEqual(['outbound', 'answer']);
  });

  it('create + dial: StasisStart (Down) first, then Dial and answer', async () => {
    const ch = await client.channels.create({
      endpoint: 'Local/answer@dialer-test',
      app: 'dialer',
      appArgs: 'outbound,answer',
    } as any);
    const ss = await until('StasisStart', () => of(ch.id, 'StasisStart')[0]);
    expect(ss.channel.state).toBe('Down');
    await client.channels.dial({ channelId: ch.id, timeout: 5 } as any);
    await until('ANSWER', () => of(ch.id, 'Dial').find((e) => e.dialstatus === 'ANSWER'));
    expect(of(ch.id, 'Dial').map((e) => [e.dialstatus, e.dialstring])).toEqual([
      ['', 'answer@dialer-test'],
      ['RINGING', ''],
      ['ANSWER', ''],
    ]);
    await client.channels.hangup({ channelId: ch.id });
    const d = await until('destroyed', () => destroyed(ch.id));
    expect(d.cause).toBe(16);
    expect(
      of(ch.id)
        .map((e) => e.type)
        .slice(-3),
    ).toEqual(['ChannelHangupRequest', 'StasisEnd', 'ChannelDestroyed']);
  });

  it('create + dial Local busy stays until the dial timeout, then cause 19', async () => {
    const ch = await client.channels.create({ endpoint: 'Local/busy@dialer-test', app: 'dialer' } as any);
    await until('StasisStart', () => of(ch.id, 'StasisStart')[0]);
    await client.channels.dial({ channelId: ch.id, timeout: 3 } as any);
    await until('BUSY', () => of(ch.id, 'Dial').find((e) => e.dialstatus === 'BUSY'));
    expect(destroyed(ch.id)).toBeUndefined();
    const d = await until('destroyed', () => destroyed(ch.id));
    expect(d.cause).toBe(19);
    expect(of(ch.id, 'ChannelHangupRequest').map((e) => [e.cause, e.soft])).toEqual([[32, true]]);
  });

  it('carrier numbers: per-number behaviour gives SIP causes', async () => {
    sim.setNumberBehaviour('+33100000001', { outcome: 'busy', ringSeconds: 1 });
    const ch = await client.channels.originate({
      endpoint: 'PJSIP/+33100000001@carrier',
      app: 'dialer',
      appArgs: 'outbound',
    } as any);
    const d = await until('destroyed', () => destroyed(ch.id));
    expect(d.cause).toBe(17);
    expect(d.tech_cause).toBe(486);
    expect(of(ch.id, 'Dial').map((e) => e.dialstatus)).toEqual(['', 'RINGING', 'BUSY']);
    expect(of(ch.id, 'ChannelHangupRequest')[0]).toMatchObject({ cause: 17, tech_cause: 486 });
  });

  it('carrier human: far-end BYE after the talk time gives a cause-less hangup request and cause 16', async () => {
    sim.setNumberBehaviour('+33100000002', { outcome: 'human', ringSeconds: 0.5, talkSeconds: 1 });
    const ch = await client.channels.originate({ endpoint: 'PJSIP/+33100000002@carrier', app: 'dialer' } as any);
    const d = await until('destroyed', () => destroyed(ch.id));
    expect(d.cause).toBe(16);
    const hr = of(ch.id, 'ChannelHangupRequest');
    expect(hr).toHaveLength(1);
    expect(hr[0].cause).toBeUndefined();
    expect(
      of(ch.id)
        .map((e) => e.type)
        .slice(-3),
    ).toEqual(['ChannelHangupRequest', 'StasisEnd', 'ChannelDestroyed']);
  });

  it('AMD: continue to dialer-amd re-enters Stasis with the verdict', async () => {
    const ch = await client.channels.originate({
      endpoint: 'Local/machine@dialer-test',
      app: 'dialer',
      appArgs: 'outbound,machine',
    } as any);
    await until('StasisStart', () => of(ch.id, 'StasisStart')[0]);
    await client.channels.continueInDialplan({ channelId: ch.id, context: 'dialer-amd', extension: 's', priority: 1 });
    const second = await until('AMD StasisStart', () => of(ch.id, 'StasisStart')[1]);
    expect(second.args.slice(0, 2)).toEqual(['amd', 'MACHINE']);
    expect(of(ch.id).map((e) => e.type)).toContain('StasisEnd');
    await client.channels.hangup({ channelId: ch.id });
    await until('destroyed', () => destroyed(ch.id));
  });

  it('bridges track membership with entered/left events; playback finishes', async () => {
    const ch = await client.channels.originate({ endpoint: 'PJSIP/agent-1007', app: 'dialer' } as any);
    await until('StasisStart', () => of(ch.id, 'StasisStart')[0]);
    const bridge = await (client.bridges as any).create({ type: 'mixing', name: 'b1' } as any);
    await client.bridges.addChannel({ bridgeId: bridge.id, channel: ch.id });
    const entered = await until('entered', () => of(ch.id, 'ChannelEnteredBridge')[0]);
    expect(entered.bridge.channels).toEqual([ch.id]);
    const pb = await (client.channels as any).play({ channelId: ch.id, media: 'sound:hello-world' } as any);
    await until('PlaybackFinished', () => events.find((e) => e.type === 'PlaybackFinished' && e.playback.id === pb.id));
    expect(events.filter((e) => e.playback?.id === pb.id).map((e) => e.type)).toEqual([
      'PlaybackStarted',
      'PlaybackFinished',
    ]);
    await client.channels.hangup({ channelId: ch.id });
    const left = await until('left', () => of(ch.id, 'ChannelLeftBridge')[0]);
    expect(left.bridge.channels).toEqual([]);
    const got = await client.bridges.get({ bridgeId: bridge.id });
    expect(got.channels).toEqual([]);
    await client.bridges.destroy({ bridgeId: bridge.id });
    await until('BridgeDestroyed', () => events.find((e) => e.type === 'BridgeDestroyed'));
  });

  it('a gone channel answers 404 Channel not found', async () => {
    await expect(client.channels.get({ channelId: 'no-such-channel' })).rejects.toThrow('Channel not found');
    const res = await fetch(`${sim.ariUrl}/channels/no-such-channel`, {
      method: 'DELETE',
      headers: { authorization: auth },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: 'Channel not found' });
  });

  it('HTTP errors as observed', async () => {
    const post = (q: string): Promise<Response> =>
      fetch(`${sim.ariUrl}/channels?${q}`, { method: 'POST', headers: { authorization: auth } });
    const unknownTech = await post('endpoint=FOO/bar&app=dialer');
    expect(unknownTech.status).toBe(500);
    expect(await unknownTech.json()).toEqual({ error: 'Allocation failed' });
    expect((await post('endpoint=Local/answer@dialer-test')).status).toBe(400);
    expect((await post('endpoint=Local/answer@dialer-test&app=not-registered')).status).toBe(200);
    const bridge = await (client.bridges as any).create({ type: 'mixing' } as any);
    const add = await fetch(`${sim.ariUrl}/bridges/${bridge.id}/addChannel?channel=nope`, {
      method: 'POST',
      headers: { authorization: auth },
    });
    expect(add.status).toBe(400);
    const unknown = await fetch(`${sim.ariUrl}/deviceStates`, { headers: { authorization: auth } });
    expect(unknown.status).toBe(501);
    expect(await unknown.json()).toEqual({ message: 'not simulated' });
  });

  it('bad credentials answer 401 over plain HTTP', async () => {
    const bad = 'Basic ' + Buffer.from(`${USER}:wrong`).toString('base64');
    expect((await fetch(`${sim.ariUrl}/channels`, { headers: { authorization: bad } })).status).toBe(401);
    expect((await fetch(`${sim.ariUrl}/channels`)).status).toBe(401);
    expect((await fetch(`${sim.ariUrl}/channels?api_key=${USER}:${PASS}`)).status).toBe(200);
  });

  it('an inbound call arrives in state Ring with its args, and the caller gives up after their patience', async () => {
    const created = sim.injectInbound({ number: '1000', callerId: '0612345678', args: ['sales'], patienceSeconds: 1 });
    expect(created).toBeDefined();
    const ss = await until('inbound StasisStart', () => of(created!.id, 'StasisStart')[0]);
    expect(ss.channel.state).toBe('Ring');
    expect(ss.args).toEqual(['inbound', '1000', 'sales']);
    expect(ss.channel.caller.number).toBe('0612345678');
    await until('StasisEnd', () => of(created!.id, 'StasisEnd')[0]);
    expect(destroyed(created!.id)).toBeUndefined();
    expect(of(created!.id, 'ChannelHangupRequest')[0].cause).toBeUndefined();
  });

  it('records the requests it served', async () => {
    sim.clearRequests();
    await client.channels.list();
    const log = sim.requests();
    expect(log.some((r) => r.method === 'GET' && r.path === '/ari/channels')).toBe(true);
  });
});

describe('asterisk-sim under load', () => {
  it('holds 2,000 live agent channels', async () => {
    const sim = await startAsteriskSim({ port: 0, username: USER, password: PASS });
    // 2,000 agent phones: more than the default agent-1000 … agent-1999.
    sim.declareEndpoints(['PJSIP/agent-*']);
    const ws = new WebSocket(`ws://127.0.0.1:${sim.port}/ari/events?app=load&api_key=${USER}:${PASS}`);
    let received = 0;
    ws.on('message', () => received++);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    try {
      const total = 2000;
      const batch = 100;
      const started = Date.now();
      // keep-alive sockets, like a real ARI client; fetch() in the same process as the sim is much slower
      const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
      const originate = (j: number): Promise<void> =>
        new Promise((resolve, reject) => {
          const req = http.request(
            {
              host: '127.0.0.1',
              port: sim.port,
              method: 'POST',
              path: `/ari/channels?endpoint=PJSIP/agent-${j}&app=load&formats=ulaw`,
              auth: `${USER}:${PASS}`,
              agent,
            },
            (res) => {
              res.resume();
              res.on('end', () =>
                res.statusCode === 200 ? resolve() : reject(new Error(`originate ${j}: ${res.statusCode}`)),
              );
            },
          );
          req.on('error', reject);
          req.end();
        });
      try {
        for (let i = 0; i < total; i += batch) {
          await Promise.all(Array.from({ length: batch }, (_, k) => originate(i + k)));
        }
      } finally {
        agent.destroy();
      }
      await until('2,000 up', () => sim.stats().channelsByState.Up === total, 20_000);
      const stats = sim.stats();
      expect(stats.channels).toBe(total);
      expect(stats.originates).toBe(total);
      expect(Date.now() - started).toBeLessThan(20_000);
      await until('events delivered', () => received >= total * 5, 10_000);
    } finally {
      ws.terminate();
      await sim.close();
    }
  }, 30_000);
});
