// The inbound (ACD) side of the telephony contract, through AriTelephonyAdapter and, where the port has no
// operation (snoop), ARI's own REST API:
//  - by default against the ARI simulator, started in-process on a free port, at a raised time scale;
//  - unchanged against a real Asterisk when ARI_URL, ARI_USERNAME and ARI_PASSWORD are set (with asterisk-config/
//    loaded). ARI_APP names the Stasis app (default dialer-contract-inbound).
// How an inbound call gets into the app:
//  - simulator: POST /_sim/inbound (a PJSIP channel entering Stasis from the DID context), with a caller who presses
//    1 when the prompt plays;
//  - real Asterisk: the test originates Local/caller[-dtmf]@dialer-test into the DID context: the `;1` half runs
//    `dialer-inbound,<DID>` and enters the app as `inbound,<DID>`, the `;2` half is the caller (dialer-test's
//    `caller` waits, `caller-dtmf` sends DTMF 1 after 3 s).
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { AriTelephonyAdapter, classifyOutcome, type TelephonyEvent, type TelephonyEventOf } from '@app/ari';
import { startAsteriskSim, type AsteriskSim } from '@app/asterisk-sim';

const REAL = Boolean(process.env.ARI_URL && process.env.ARI_USERNAME && process.env.ARI_PASSWORD);
const APP = process.env.ARI_APP ?? 'dialer-contract-inbound';
const TIME_SCALE = 20;
const DID = '5550300';
// Prompts from Asterisk's core sounds (asterisk-core-sounds-en), the ones the ACD plays.
const PROMPT = 'sound:queue-youarenext';
const MENU = 'sound:queue-periodic-announce';
const WAIT_MS = REAL ? 20_000 : 5_000;
jest.setTimeout(REAL ? 60_000 : 15_000);

let sim: AsteriskSim | undefined;
let adapter: AriTelephonyAdapter;
const events: TelephonyEvent[] = [];
const url = (): string => process.env.ARI_URL ?? sim!.url;
const username = (): string => process.env.ARI_USERNAME ?? 'contract';
const password = (): string => process.env.ARI_PASSWORD ?? 'contract-secret';
const variables = { __DIALER_APP: APP };

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
const newId = (tag: string): string => `ci-${tag}-${randomUUID().slice(0, 8)}`;

/** ARI's REST API directly (HTTP Basic), for what the telephony port does not offer. */
async function ari(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url()}/ari${path}`, {
    method,
    headers: {
      authorization: 'Basic ' + Buffer.from(`${username()}:${password()}`).toString('base64'),
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function ended(channelId: string) {
  return until(() => {
    const r = classifyOutcome(events, { channelId });
    return r.ended ? r : undefined;
  }, `${channelId} to end`);
}

/** An inbound call on DID, in the app: its channel id once StasisStart with ["inbound", DID] arrived. */
async function inboundCall(tag: string, pressesOne = false): Promise<string> {
  let id: string;
  if (sim) {
    id = sim.injectInbound({
      number: DID,
      callerId: '12125550123',
      app: APP,
      patienceSeconds: 3600,
      ...(pressesOne ? { prompts: [{ media: MENU, digits: '1', afterSeconds: 1 }] } : {}),
    })!.id;
  } else {
    id = newId(`in-${tag}`);
    const q = new URLSearchParams({
      endpoint: `Local/${pressesOne ? 'caller-dtmf' : 'caller'}@dialer-test`,
      context: 'dialer-inbound',
      extension: DID,
      priority: '1',
      channelId: id,
      otherChannelId: `${id}-caller`,
      callerId: '12125550123',
      formats: 'ulaw',
    });
    const r = await ari('POST', `/channels?${q.toString()}`, { variables });
    expect(r.status).toBe(200);
  }
  const start = await until(() => find(id, 'stasisStart'), 'inbound StasisStart');
  expect(start.args).toEqual(['inbound', DID]);
  return id;
}

/** An agent's leg (a Local channel that answers), in the app like the dialer's agent legs. */
async function agentLeg(tag: string): Promise<string> {
  const id = newId(`agent-${tag}`);
  await adapter.originate({
    channelId: id,
    endpoint: 'Local/answer@dialer-test',
    appArgs: ['agent', tag],
    variables,
  });
  await until(() => find(id, 'stasisStart'), `${tag} in Stasis`);
  return id;
}

beforeAll(async () => {
  if (!REAL)
    sim = await startAsteriskSim({
      port: 0,
      username: username(),
      password: password(),
      seed: 11,
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
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await sim?.close();
});

describe(`inbound contract (${REAL ? 'real Asterisk at ' + process.env.ARI_URL : 'simulator'})`, () => {
  it('an inbound call enters through the DID context with inbound,<DID>, is answered and hears a prompt', async () => {
    const id = await inboundCall('prompt');
    await adapter.answer(id);
    const playbackId = newId('pb');
    await adapter.play({ target: { channelId: id }, media: PROMPT, playbackId });
    const done = await until(
      () => events.find((e) => e.type === 'playbackFinished' && e.playbackId === playbackId),
      'the prompt to finish',
    );
    expect(done).toMatchObject({ channelId: id, mediaUri: PROMPT, targetUri: `channel:${id}` });
    await adapter.hangup(id);
    expect((await ended(id)).hungUpBy).toBe('us');
  });

  it('the key the caller presses at the menu prompt arrives as ChannelDtmfReceived', async () => {
    const id = await inboundCall('dtmf', true);
    await adapter.answer(id);
    await adapter.play({ target: { channelId: id }, media: MENU, playbackId: newId('menu') });
    const key = await until(() => find(id, 'dtmf'), 'ChannelDtmfReceived');
    expect(key.digit).toBe('1');
    expect(key.durationMs).toBeGreaterThan(0);
    await adapter.hangup(id);
    await ended(id);
  });

  it('waits in a holding bridge with music on hold, then moves to a mixing bridge with an agent', async () => {
    const id = await inboundCall('hold');
    await adapter.answer(id);
    const holdId = newId('hold');
    expect(await adapter.createBridge(holdId, 'holding', 'contract-queue')).toMatchObject({ id: holdId });
    await adapter.addToBridge(holdId, [id]);
    await until(() => find(id, 'enteredBridge', (e) => e.bridgeId === holdId), 'caller in the holding bridge');
    expect((await adapter.listBridges()).find((b) => b.id === holdId)?.type).toBe('holding');
    // Music in the bridge (asterisk-config/musiconhold.conf's `default` class); stopping it twice is a 409.
    await adapter.startMoh({ bridgeId: holdId }, 'default');
    if (sim) expect(sim.moh().bridges[holdId]).toBe('default');
    await adapter.stopMoh({ bridgeId: holdId });
    await expect(adapter.stopMoh({ bridgeId: holdId })).rejects.toMatchObject({ status: 409 });
    // Music to the channel itself works too (and the channel must exist).
    await adapter.startMoh({ channelId: id });
    await adapter.stopMoh({ channelId: id });
    await expect(adapter.startMoh({ channelId: newId('none') })).rejects.toMatchObject({ status: 404 });

    const agent = await agentLeg('hold');
    const deskId = newId('desk');
    await adapter.createBridge(deskId, 'mixing', 'contract-agent');
    await adapter.addToBridge(deskId, [agent]);
    await until(() => find(agent, 'enteredBridge', (e) => e.bridgeId === deskId), 'agent in their bridge');
    // One operation connects the caller: added to the agent's bridge, they leave the holding bridge first.
    await adapter.addToBridge(deskId, [id]);
    await until(() => find(id, 'enteredBridge', (e) => e.bridgeId === deskId), 'caller with the agent');
    const moves = of(id).filter((e) => e.type === 'leftBridge' || e.type === 'enteredBridge');
    expect(moves.map((e) => [e.type, (e as TelephonyEventOf<'enteredBridge'>).bridgeId])).toEqual([
      ['enteredBridge', holdId],
      ['leftBridge', holdId],
      ['enteredBridge', deskId],
    ]);
    expect((await adapter.listBridges()).find((b) => b.id === deskId)?.channelIds.sort()).toEqual([agent, id].sort());
    await adapter.hangup(id);
    await adapter.hangup(agent);
    await Promise.all([ended(id), ended(agent)]);
    await adapter.destroyBridge(deskId);
    await adapter.destroyBridge(holdId);
  });

  it('blind transfer: the caller moves from one agent bridge to another', async () => {
    const id = await inboundCall('xfer');
    await adapter.answer(id);
    const [a, b] = [await agentLeg('xfer-a'), await agentLeg('xfer-b')];
    const [bridgeA, bridgeB] = [newId('desk-a'), newId('desk-b')];
    await adapter.createBridge(bridgeA, 'mixing', 'contract-agent-a');
    await adapter.createBridge(bridgeB, 'mixing', 'contract-agent-b');
    await adapter.addToBridge(bridgeA, [a, id]);
    await adapter.addToBridge(bridgeB, [b]);
    await until(() => find(id, 'enteredBridge', (e) => e.bridgeId === bridgeA), 'caller with agent a');
    await until(() => find(b, 'enteredBridge', (e) => e.bridgeId === bridgeB), 'agent b in their bridge');
    await adapter.addToBridge(bridgeB, [id]);
    await until(() => find(id, 'enteredBridge', (e) => e.bridgeId === bridgeB), 'caller with agent b');
    expect(find(id, 'leftBridge', (e) => e.bridgeId === bridgeA)).toBeDefined();
    const bridges = await adapter.listBridges();
    expect(bridges.find((x) => x.id === bridgeA)?.channelIds).toEqual([a]);
    expect(bridges.find((x) => x.id === bridgeB)?.channelIds.sort()).toEqual([b, id].sort());
    for (const c of [id, a, b]) await adapter.hangup(c);
    await Promise.all([id, a, b].map((c) => ended(c)));
    await adapter.destroyBridge(bridgeA);
    await adapter.destroyBridge(bridgeB);
  });

  // Written against ARI (channels.json snoopChannel); the simulator follows res/ari/resource_channels.c (sim-snoop.ts).
  it('a supervisor snoops on the call: a Snoop channel enters the app', async () => {
    const id = await inboundCall('snoop');
    await adapter.answer(id);
    const snoopId = newId('snoop');
    const bad = await ari('POST', `/channels/${id}/snoop?spy=sideways&app=${APP}`);
    expect(bad.status).toBe(400);
    expect((await ari('POST', `/channels/${newId('none')}/snoop?spy=both&app=${APP}`)).status).toBe(404);
    const r = await ari(
      'POST',
      `/channels/${id}/snoop?${new URLSearchParams({ spy: 'both', whisper: 'none', app: APP, appArgs: 'snoop,listen', snoopId }).toString()}`,
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: snoopId });
    expect(String(r.body.name)).toMatch(/^Snoop\//);
    const start = await until(() => find(snoopId, 'stasisStart'), 'snoop StasisStart');
    expect(start.args).toEqual(['snoop', 'listen']);
    await adapter.hangup(snoopId);
    await ended(snoopId);
    await adapter.hangup(id);
    await ended(id);
  });
});
