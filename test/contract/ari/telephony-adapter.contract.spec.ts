// One suite for the telephony port, through AriTelephonyAdapter:
//  - by default against the ARI simulator, started in-process on a free port, at a raised time scale;
//  - unchanged against a real Asterisk when ARI_URL, ARI_USERNAME and ARI_PASSWORD are set (with
//    asterisk-config/ loaded). ARI_APP names the Stasis app (default dialer-contract); ARI_TEST_ENDPOINTS is a JSON
//    map outcome -> endpoint (default Local/<outcome>@dialer-test).
// On a real Asterisk the socket-drop step is skipped (nothing outside Asterisk can cut its events socket).
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  AriTelephonyAdapter,
  classifyOutcome,
  type CallOutcome,
  type TelephonyEvent,
  type TelephonyEventOf,
  type TelephonyStatus,
} from '@app/ari';
import { startAsteriskSim, type AsteriskSim } from '@app/asterisk-sim';

const REAL = Boolean(process.env.ARI_URL && process.env.ARI_USERNAME && process.env.ARI_PASSWORD);
const APP = process.env.ARI_APP ?? 'dialer-contract';
const TIME_SCALE = 20; // simulator only: 2 s of ringing take 100 ms
type Outcome =
  'answer' | 'answer-hangup' | 'busy' | 'congestion' | 'noanswer' | 'rejected' | 'invalid' | 'machine' | 'human';
// `missing`: an endpoint the Asterisk does not have (default PJSIP/nobody).
const configured = JSON.parse(process.env.ARI_TEST_ENDPOINTS ?? '{}') as Partial<
  Record<Outcome | 'inbound' | 'missing', string>
>;
const endpoint = (o: Outcome | 'inbound'): string => configured[o] ?? `Local/${o}@dialer-test`;
// Seconds of real ringing before a noanswer call gives up; scaled down in the simulator like everything else.
const RING_TIMEOUT_S = 3;
const WAIT_MS = REAL ? 20_000 : 5_000;

// Real Asterisk: answer-hangup alone takes ~6 s of wall time.
jest.setTimeout(REAL ? 60_000 : 15_000);

let sim: AsteriskSim | undefined;
let adapter: AriTelephonyAdapter;
const events: TelephonyEvent[] = [];
const statuses: TelephonyStatus[] = [];
const url = (): string => process.env.ARI_URL ?? sim!.url;
const username = (): string => process.env.ARI_USERNAME ?? 'contract';
const password = (): string => process.env.ARI_PASSWORD ?? 'contract-secret';

async function until<T>(probe: () => T | undefined | false, what: string, deadlineMs = WAIT_MS): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const of = (channelId: string): TelephonyEvent[] => events.filter((e) => 'channelId' in e && e.channelId === channelId);
const find = <T extends TelephonyEvent['type']>(
  channelId: string,
  type: T,
  pred: (e: TelephonyEventOf<T>) => boolean = () => true,
): TelephonyEventOf<T> | undefined =>
  of(channelId).find((e): e is TelephonyEventOf<T> => e.type === type && pred(e as never));

async function ended(channelId: string) {
  return until(() => {
    const r = classifyOutcome(events, { channelId });
    return r.ended ? r : undefined;
  }, `${channelId} to end`);
}

const newId = (tag: string): string => `ct-${tag}-${randomUUID().slice(0, 8)}`;
// Lets the dialplan's `Stasis(${DIALER_APP},...)` (AMD, inbound) come back to this app on a real Asterisk.
const variables = { __DIALER_APP: APP };

beforeAll(async () => {
  if (!REAL)
    sim = await startAsteriskSim({
      port: 0,
      username: username(),
      password: password(),
      seed: 7,
      timeScale: TIME_SCALE,
    });
  adapter = new AriTelephonyAdapter({
    url: url(),
    username: username(),
    password: password(),
    app: APP,
    opTimeoutMs: 5000,
    reconnect: { initialDelayMs: 50, maxDelayMs: 1000 },
  });
  adapter.subscribe((e) => events.push(e));
  adapter.onStatus((c) => statuses.push(c.status));
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await sim?.close();
});

describe(`telephony port contract (${REAL ? 'real Asterisk at ' + process.env.ARI_URL : 'simulator'})`, () => {
  it('connects and reports up', () => {
    expect(adapter.status()).toBe('up');
    expect(statuses).toContain('up');
  });

  it('gives a clear ari-auth-failed error for bad credentials and does not crash', async () => {
    const bad = new AriTelephonyAdapter({
      url: url(),
      username: username(),
      password: 'wrong-password',
      app: `${APP}-bad`,
    });
    await expect(bad.start()).rejects.toMatchObject({ name: 'AriError', code: 'ari-auth-failed', status: 401 });
    expect(bad.status()).toBe('down');
    await expect(bad.answer('x')).rejects.toMatchObject({ code: 'ari-unavailable' });
    await bad.stop();
    expect(adapter.status()).toBe('up');
  });

  const expected: Record<Exclude<Outcome, 'machine' | 'human'>, CallOutcome> = {
    answer: 'our-hangup',
    'answer-hangup': 'remote-hangup',
    busy: 'busy',
    congestion: 'congestion',
    noanswer: 'no-answer',
    rejected: 'rejected',
    invalid: 'invalid-number',
  };
  const plain = Object.keys(expected) as (keyof typeof expected)[];

  it('classifies every outcome in the originate flow', async () => {
    const ids = plain.map((o) => newId(`o-${o}`));
    await Promise.all(
      plain.map((o, i) =>
        adapter.originate({
          channelId: ids[i],
          endpoint: endpoint(o),
          appArgs: ['outbound', o],
          callerId: '"Dialer" <5551000>',
          timeoutSeconds: RING_TIMEOUT_S,
          variables,
        }),
      ),
    );
    // `answer` stays up: we end it once it is in the app.
    const answerId = ids[plain.indexOf('answer')];
    await until(() => find(answerId, 'stasisStart'), 'answer to reach Stasis');
    await adapter.hangup(answerId);
    const results = await Promise.all(ids.map((id) => ended(id)));
    expect(Object.fromEntries(plain.map((o, i) => [o, results[i].outcome]))).toEqual(expected);
    expect(results[plain.indexOf('answer')].hungUpBy).toBe('us');
    expect(results[plain.indexOf('answer-hangup')].hungUpBy).toBe('remote');
  });

  async function createAndDial(targets: { tag: string; endpoint: string; hangupOnAnswer?: boolean }[]) {
    const ids = targets.map((t) => newId(`c-${t.tag}`));
    const stop = adapter.subscribe((e) => {
      if (!('channelId' in e) || !e.channelId || !ids.includes(e.channelId)) return;
      if (e.type === 'stasisStart' && e.args[0] === 'outbound') {
        void adapter.dial({ channelId: e.channelId, timeoutSeconds: RING_TIMEOUT_S }).catch(() => undefined);
      }
      // A Local channel stays up after Dial(BUSY/CONGESTION/NOANSWER) until the dial timeout: the app hangs up.
      if (e.type === 'dial' && ['BUSY', 'CONGESTION', 'NOANSWER', 'CHANUNAVAIL'].includes(e.dialstatus)) {
        void adapter.hangup(e.channelId).catch(() => undefined);
      }
      if (e.type === 'dial' && e.dialstatus === 'ANSWER' && targets[ids.indexOf(e.channelId)].hangupOnAnswer) {
        void adapter.hangup(e.channelId).catch(() => undefined);
      }
    });
    try {
      await Promise.all(
        targets.map((t, i) =>
          adapter.createChannel({
            channelId: ids[i],
            endpoint: t.endpoint,
            appArgs: ['outbound', t.tag],
            callerId: '5551000',
            variables,
          }),
        ),
      );
      const results = await Promise.all(ids.map((id) => ended(id)));
      expect(find(ids[0], 'stasisStart')?.channel.state).toBe('Down');
      return results;
    } finally {
      stop();
    }
  }

  it('classifies every outcome in the create + dial flow', async () => {
    // `answer` is hung up by us once answered; `answer-hangup` is hung up by the far end.
    const results = await createAndDial(
      plain.map((o) => ({ tag: o, endpoint: endpoint(o), hangupOnAnswer: o === 'answer' })),
    );
    // Asterisk 22.10.1: for a Local channel that rejects (21) or is invalid (1) the cause lands on the created ;1
    // itself (a hangup request with it, then ChannelDestroyed with it) and no final Dial event comes, so the
    // classification is as exact as in the originate flow.
    expect(Object.fromEntries(plain.map((o, i) => [o, results[i].outcome]))).toEqual(expected);
    for (const [o, cause] of [
      ['rejected', 21],
      ['invalid', 1],
    ] as const) {
      const r = results[plain.indexOf(o)];
      expect([o, r.cause, r.dialStatus]).toEqual([o, cause, undefined]);
    }
  });

  it('refuses an endpoint Asterisk does not have: "endpoint not reachable or not registered"', async () => {
    const missing = configured.missing ?? 'PJSIP/nobody';
    for (const endpoint of REAL ? [missing] : [missing, 'PJSIP/agent-9xyz']) {
      for (const make of [
        (channelId: string) => adapter.originate({ channelId, endpoint, appArgs: ['outbound', 'missing'] }),
        (channelId: string) => adapter.createChannel({ channelId, endpoint, appArgs: ['outbound', 'missing'] }),
      ]) {
        await expect(make(newId('missing'))).rejects.toMatchObject({
          name: 'AriError',
          code: 'ari-endpoint-unreachable',
          message: expect.stringContaining(`${endpoint}: endpoint not reachable or not registered`),
        });
      }
    }
    expect(adapter.status()).toBe('up');
  });

  const sipRows: [string, string, CallOutcome][] = [
    ['sip-rejected', 'PJSIP/sip-decline', 'rejected'],
    ['sip-invalid', 'PJSIP/sip-notfound', 'invalid-number'],
    ['sip-busy', 'PJSIP/sip-busy', 'busy'],
    ['sip-congestion', 'PJSIP/sip-congest', 'congestion'],
    ['sip-unavailable', 'PJSIP/sip-unavail', 'no-answer'],
  ];
  // SIP peers exist in the simulator; on a real Asterisk only those given in ARI_TEST_ENDPOINTS run (e.g. SIPp peers).
  const sipTargets = sipRows
    .map(([key, simEndpoint, outcome]) => ({
      key,
      endpoint: (configured as Record<string, string>)[key] ?? (REAL ? undefined : simEndpoint),
      outcome,
    }))
    .filter((t): t is { key: string; endpoint: string; outcome: CallOutcome } => t.endpoint !== undefined);
  (sipTargets.length > 0 ? it : it.skip)('classifies SIP failures exactly in the create + dial flow', async () => {
    const results = await createAndDial(sipTargets.map((t) => ({ tag: t.key, endpoint: t.endpoint })));
    expect(Object.fromEntries(sipTargets.map((t, i) => [t.key, results[i].outcome]))).toEqual(
      Object.fromEntries(sipTargets.map((t) => [t.key, t.outcome])),
    );
  });

  // Causes as app_amd sets them (Asterisk 22 with asterisk-config/amd.conf: HUMAN-801-800, LONGGREETING-...).
  it.each([
    ['machine', 'MACHINE', 'machine', /^LONGGREETING-\d+-\d+$/],
    ['human', 'HUMAN', 'human-answer', /^HUMAN-\d+-\d+$/],
  ] as const)('runs AMD on %s and gets the verdict back in Stasis', async (o, verdict, outcome, cause) => {
    const id = newId(`amd-${o}`);
    await adapter.originate({ channelId: id, endpoint: endpoint(o), appArgs: ['outbound', o], variables });
    await until(() => find(id, 'stasisStart', (e) => e.args[0] === 'outbound'), 'first StasisStart');
    await adapter.continueInDialplan({ channelId: id, context: 'dialer-amd', extension: 's', priority: 1 });
    const amd = await until(
      () => find(id, 'stasisStart', (e) => e.args[0] === 'amd'),
      'AMD StasisStart',
      REAL ? 20_000 : 5_000,
    );
    expect(amd.args[1]).toBe(verdict);
    expect(amd.args[2]).toMatch(cause);
    await adapter.hangup(id);
    const r = await ended(id);
    expect(r.outcome).toBe(outcome);
    expect(r.amd?.status).toBe(verdict);
  });

  it('bridges two channels and sees them enter and leave', async () => {
    const [a, b] = [newId('br-a'), newId('br-b')];
    const bridgeId = newId('bridge');
    await Promise.all(
      [a, b].map((id) =>
        adapter.originate({ channelId: id, endpoint: endpoint('answer'), appArgs: ['outbound', 'bridge'], variables }),
      ),
    );
    await until(() => find(a, 'stasisStart') && find(b, 'stasisStart'), 'both in Stasis');
    const bridge = await adapter.createBridge(bridgeId, 'mixing', 'contract');
    expect(bridge).toMatchObject({ id: bridgeId });
    await adapter.addToBridge(bridgeId, [a, b]);
    await until(
      () => find(a, 'enteredBridge', (e) => e.bridgeId === bridgeId) && find(b, 'enteredBridge'),
      'both entered',
    );
    expect((await adapter.listBridges()).find((x) => x.id === bridgeId)?.channelIds.sort()).toEqual([a, b].sort());
    await adapter.removeFromBridge(bridgeId, [a]);
    await until(() => find(a, 'leftBridge', (e) => e.bridgeId === bridgeId), 'a left');
    await adapter.hangup(b);
    await until(() => find(b, 'leftBridge', (e) => e.bridgeId === bridgeId), 'b left on hangup');
    await adapter.hangup(a);
    await adapter.destroyBridge(bridgeId);
    await Promise.all([ended(a), ended(b)]);
  });

  it('plays media to the end and can stop a playback', async () => {
    const id = newId('play');
    await adapter.originate({ channelId: id, endpoint: endpoint('answer'), appArgs: ['outbound', 'play'], variables });
    await until(() => find(id, 'stasisStart'), 'in Stasis');
    const playbackId = newId('pb');
    await adapter.play({ target: { channelId: id }, media: 'sound:hello-world', playbackId });
    await until(
      () => events.find((e) => e.type === 'playbackStarted' && e.playbackId === playbackId),
      'PlaybackStarted',
    );
    const done = await until(
      () => events.find((e) => e.type === 'playbackFinished' && e.playbackId === playbackId),
      'PlaybackFinished',
    );
    expect(done).toMatchObject({ channelId: id, mediaUri: 'sound:hello-world' });
    const second = newId('pb');
    await adapter.play({ target: { channelId: id }, media: 'sound:demo-congrats', playbackId: second });
    await until(() => events.find((e) => e.type === 'playbackStarted' && e.playbackId === second), 'second started');
    await adapter.stopPlayback(second);
    await until(() => events.find((e) => e.type === 'playbackFinished' && e.playbackId === second), 'second stopped');
    await adapter.hangup(id);
    await ended(id);
  });

  it('hangs up with a cause, and answers 404 for a gone channel', async () => {
    const id = newId('gone');
    await adapter.originate({ channelId: id, endpoint: endpoint('answer'), appArgs: ['outbound', 'gone'], variables });
    await until(() => find(id, 'stasisStart'), 'in Stasis');
    await adapter.hangup(id, 16);
    const destroyed = await until(() => find(id, 'destroyed'), 'destroyed');
    expect(destroyed.cause).toBe(16);
    await expect(adapter.answer(id)).rejects.toMatchObject({ code: 'ari-not-found', status: 404 });
    await expect(adapter.hangup(newId('never'))).rejects.toMatchObject({ code: 'ari-not-found', status: 404 });
  });

  it('receives an inbound call with its args', async () => {
    let id: string;
    let queue: string;
    if (sim) {
      queue = '5550100';
      id = sim.injectInbound({ number: queue, callerId: '12125550123', app: APP })!.id;
    } else {
      // Real Asterisk: a Local channel whose ;2 half runs dialer-test,inbound, which enters the app as an inbound call.
      const caller = newId('in-caller');
      queue = 'sales';
      await adapter.originate({
        channelId: caller,
        otherChannelId: `${caller};2`,
        endpoint: endpoint('inbound'),
        appArgs: ['outbound', 'inbound-caller'],
        variables,
      });
      id = `${caller};2`;
    }
    const start = await until(() => find(id, 'stasisStart', (e) => e.args[0] === 'inbound'), 'inbound StasisStart');
    expect(start.args.slice(0, 2)).toEqual(['inbound', queue]);
    await adapter.answer(id).catch(() => undefined);
    await adapter.hangup(id);
    const r = await until(() => {
      const c = classifyOutcome(events, { channelId: id });
      return c.ended ? c : undefined;
    }, 'inbound ended');
    expect(r.hungUpBy).toBe('us');
  });

  (REAL ? it.skip : it)('reconnects after the events socket drops and reconciles', async () => {
    const before = adapter.stats().reconnects;
    // A call that ends while the socket is down: its destroy event is lost, reconciliation reports it.
    const id = newId('drop');
    await adapter.originate({ channelId: id, endpoint: endpoint('answer'), appArgs: ['outbound', 'drop'], variables });
    await until(() => find(id, 'stasisStart'), 'in Stasis');
    sim!.dropWebsockets();
    sim!.remoteHangup(id);
    await until(() => adapter.stats().reconnects > before && adapter.status() === 'up', 'reconnected');
    expect(statuses.slice(-2)).toEqual(['down', 'up']);
    // Its ChannelDestroyed went nowhere while the socket was down: reconciliation reports it as lost.
    const lost = await until(() => find(id, 'destroyed'), 'lost event');
    expect(lost).toMatchObject({ channelId: id, lost: true, causeTxt: 'lost' });
    expect(classifyOutcome(events, { channelId: id })).toMatchObject({ answered: true, ended: true });
    // Events flow again.
    const after = newId('after');
    await adapter.originate({
      channelId: after,
      endpoint: endpoint('busy'),
      appArgs: ['outbound', 'after'],
      variables,
    });
    expect((await ended(after)).outcome).toBe('busy');
  });

  (REAL ? it.skip : it)(
    'times out a slow request, reconciles, and hangs up what Asterisk made after we gave up',
    async () => {
      const id = newId('late');
      sim!.setFailMode('slow', 300);
      try {
        await expect(
          adapter.originate({
            channelId: id,
            endpoint: endpoint('answer'),
            appArgs: ['outbound', 'late'],
            opTimeoutMs: 50,
            variables,
          }),
        ).rejects.toMatchObject({ code: 'ari-timeout' });
      } finally {
        sim!.setFailMode('none');
      }
      // Asterisk carries out a request whose client gave up; the simulator's slow mode drops it instead once our
      // timeout closed the socket, so play Asterisk's part here: the channel appears after all.
      sim!.engine.originate({ endpoint: endpoint('answer'), app: APP, appArgs: 'outbound,late', channelId: id });
      await until(
        () => sim!.requests().some((r) => r.method === 'DELETE' && r.path === `/ari/channels/${id}`),
        'DELETE of the late channel',
      );
      expect(adapter.stats().timeouts).toBeGreaterThan(0);
      expect(of(id)).toEqual([]);
    },
  );

  it('lists channels as plain summaries', async () => {
    const list = await adapter.listChannels();
    expect(Array.isArray(list)).toBe(true);
    for (const c of list) expect(typeof c.id).toBe('string');
  });
});
