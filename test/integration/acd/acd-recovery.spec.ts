import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AsteriskSim } from '@app/asterisk-sim';
import { pollUntil } from '@app/common';
import { AcdService } from '@app/acd';
import { TELEPHONY_PORT } from '@app/ari';
import { AgentSessionService, ASTERISK_SIM } from '@app/dialer';
import { aDepartment } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { anAcdWorld, events, inboundRow, untilRow } from './acd-fixtures';

const ENV = { SIM_PORT: '0', DIALER_TICK_MS: '100', DIALER_LEASE_SECONDS: '3', DIALER_INSTANCE_ID: 'acd-rec' };

/**
 * Crash recovery: the ACD dies (its memory is gone) and a new one starts on the same database and Asterisk. Calls
 * are set up through the running ACD's own methods, since the app's routes keep the first instance.
 */
describe('ACD restart', () => {
  let t: TestApp;
  let sim: AsteriskSim;
  let acd: AcdService;
  beforeAll(async () => {
    t = await startTestApp('dialer', ENV);
    sim = t.app.get(ASTERISK_SIM);
    acd = t.app.get(AcdService);
  }, 30_000);
  afterAll(async () => {
    if (acd !== t?.app.get(AcdService)) await acd?.stop();
    await t?.close();
  });

  const restart = async (between?: () => Promise<void> | void): Promise<AcdService> => {
    await acd.stop();
    await between?.();
    acd = new AcdService(t.db.ds, t.app.get(TELEPHONY_PORT), t.app.get(AgentSessionService), {
      endpointTemplate: 'PJSIP/{number}@carrier',
    });
    await acd.start();
    return acd;
  };
  const phoneOf = async (agentId: string): Promise<string> =>
    (await t.db.ds.query(`SELECT session_channel_id FROM agents WHERE id = $1`, [agentId]))[0].session_channel_id;
  const bridgeOf = (channelId: string): string | undefined => sim.engine.channels.get(channelId)?.bridge?.id;
  const completed = (id: string): Promise<unknown> =>
    pollUntil(async () => (await events(t.db.ds, id)).includes('COMPLETECALLER'), { what: 'COMPLETECALLER' });
  const steps = (r: { path: { step: string }[] }): string[] => r.path.map((p) => p.step);
  const talk = async (id: string): Promise<number> =>
    (await t.db.ds.query(`SELECT talk_seconds FROM inbound_calls WHERE id = $1`, [id]))[0].talk_seconds;

  it('waiting callers come back in their order: priority first, then entry time', async () => {
    const ds = t.db.ds;
    const w = await anAcdWorld(t, (await aDepartment(ds)).id);
    const q = await w.queue({ wrapUpSeconds: 0, vipNumbers: ['+33620000009'] });
    const a = await w.agent();
    await w.join(q.id, a.id);
    await acd.reload(); // the routes configured the first instance
    await w.login(a.token);
    await api(t.url, 'POST', '/api/agent/pause', { token: a.token, body: { reason: 'break' } });
    const numbers = ['+33620000001', '+33620000002', '+33620000009', '+33620000003'];
    const callers = [];
    for (const n of numbers) {
      const c = sim.injectInbound({ number: q.did, callerId: n, talkSeconds: 0.1, patienceSeconds: 120 })!;
      await untilRow(ds, c.id, (r) => r.status === 'waiting' && r.queue_id === q.id, `waiting ${n}`);
      callers.push(c);
    }
    const fresh = await restart();
    const expected = ['+33620000009', '+33620000001', '+33620000002', '+33620000003'];
    expect(fresh.waitingNow(q.id).map((x) => x.callerNumber)).toEqual(expected);
    for (const c of callers) expect(bridgeOf(c.id)).toBe(`acd-hold-${q.id}`);
    await api(t.url, 'POST', '/api/agent/ready', { token: a.token });
    for (const c of callers) await untilRow(ds, c.id, (r) => r.outcome === 'answered', 'served after restart');
    const connects: { caller_number: string }[] = await ds.query(
      `SELECT c.caller_number FROM queue_events e JOIN inbound_calls c ON c.id = e.inbound_call_id
        WHERE e.event = 'CONNECT' AND e.queue_id = $1 ORDER BY e.id`,
      [q.id],
    );
    expect(connects.map((r) => r.caller_number)).toEqual(expected);
  });

  it('a connected call stays connected and is followed to its end; a caller gone meanwhile is lost', async () => {
    const ds = t.db.ds;
    const w = await anAcdWorld(t, (await aDepartment(ds)).id);
    const q = await w.queue({ wrapUpSeconds: 1 });
    const a = await w.agent();
    const b = await w.agent();
    await w.join(q.id, a.id);
    await w.join(q.id, b.id);
    await acd.reload(); // the routes configured the first instance
    const ba = await w.login(a.token);
    await w.login(b.token);
    const kept = sim.injectInbound({ number: q.did, callerId: '+33630000001', talkSeconds: 60, patienceSeconds: 60 })!;
    const gone = sim.injectInbound({ number: q.did, callerId: '+33630000002', talkSeconds: 60, patienceSeconds: 60 })!;
    const row = await untilRow(ds, kept.id, (r) => r.status === 'connected', 'kept connected');
    const goneRow = await untilRow(ds, gone.id, (r) => r.status === 'connected', 'gone connected');
    const agentOfKept = row.agent_id === a.id ? a : b;

    // The second caller hangs up while no ACD listens.
    await restart(() => sim.engine.hangup(gone.id));
    expect(await untilRow(ds, gone.id, (r) => r.status === 'ended', 'gone closed')).toMatchObject({
      outcome: 'lost',
      id: goneRow.id,
    });
    const after = await inboundRow(ds, kept.id);
    expect(after).toMatchObject({ status: 'connected', outcome: null, agent_id: agentOfKept.id });
    expect(acd.callOf(agentOfKept.id)?.id).toBe(row.id);
    expect(bridgeOf(kept.id)).toBe(agentOfKept === a ? ba.bridgeId : bridgeOf(await phoneOf(b.id)));

    sim.engine.hangup(kept.id);
    const done = await untilRow(ds, kept.id, (r) => r.outcome === 'answered', 'completed after restart');
    await completed(done.id);
    expect(await events(ds, done.id)).toEqual(['ENTERQUEUE', 'CONNECT', 'RECOVERED', 'COMPLETECALLER']);
    expect(await talk(done.id)).toBeGreaterThanOrEqual(0);
    const [complete]: { data: { talktime: number } }[] = await ds.query(
      `SELECT data FROM queue_events WHERE inbound_call_id = $1 AND event = 'COMPLETECALLER'`,
      [done.id],
    );
    expect(complete.data.talktime).toBeGreaterThan(0);
    // Wrap-up, then the agent is released (ready again).
    await w.ready(agentOfKept.token);
  });

  it('a held caller stays held and the agent takes them back', async () => {
    const ds = t.db.ds;
    const w = await anAcdWorld(t, (await aDepartment(ds)).id);
    const q = await w.queue({ wrapUpSeconds: 1 });
    const a = await w.agent();
    await w.join(q.id, a.id);
    await acd.reload(); // the routes configured the first instance
    const ba = await w.login(a.token);
    const c = sim.injectInbound({ number: q.did, callerId: '+33640000001', talkSeconds: 60, patienceSeconds: 60 })!;
    const row = await untilRow(ds, c.id, (r) => r.status === 'connected', 'connected');
    await acd.setHold(a.id, true);
    expect(bridgeOf(c.id)).toBe(`acd-onhold-${row.id}`);

    const fresh = await restart();
    expect((await inboundRow(ds, c.id))?.status).toBe('connected');
    expect(bridgeOf(c.id)).toBe(`acd-onhold-${row.id}`);
    expect(await fresh.setHold(a.id, false)).toEqual({ inboundCallId: row.id, held: false });
    expect(bridgeOf(c.id)).toBe(ba.bridgeId);
    expect(sim.engine.bridges.has(`acd-onhold-${row.id}`)).toBe(false);

    sim.engine.hangup(c.id);
    const done = await untilRow(ds, c.id, (r) => r.outcome === 'answered', 'completed');
    expect(steps(done)).toEqual(['entry', 'queue', 'agent', 'hold', 'unhold']);
    await completed(done.id);
    expect(await events(ds, done.id)).toEqual([
      'ENTERQUEUE',
      'CONNECT',
      'HOLD',
      'RECOVERED',
      'UNHOLD',
      'COMPLETECALLER',
    ]);
    await w.ready(a.token);
  });

  it('a held caller whose agent is gone goes back to the front of the queue', async () => {
    const ds = t.db.ds;
    const w = await anAcdWorld(t, (await aDepartment(ds)).id);
    const q = await w.queue({ wrapUpSeconds: 0 });
    const a = await w.agent();
    const b = await w.agent();
    await w.join(q.id, a.id);
    await w.join(q.id, b.id);
    await acd.reload(); // the routes configured the first instance
    await w.login(a.token);
    await w.login(b.token);
    await api(t.url, 'POST', '/api/agent/pause', { token: b.token, body: { reason: 'break' } });
    const held = sim.injectInbound({ number: q.did, callerId: '+33650000001', talkSeconds: 60, patienceSeconds: 60 })!;
    const row = await untilRow(ds, held.id, (r) => r.status === 'connected' && r.agent_id === a.id, 'with a');
    const waiting = sim.injectInbound({
      number: q.did,
      callerId: '+33650000002',
      talkSeconds: 1,
      patienceSeconds: 60,
    })!;
    await untilRow(ds, waiting.id, (r) => r.status === 'waiting' && r.queue_id === q.id, 'waiting');
    await acd.setHold(a.id, true);

    // The agent's phone goes while the ACD is down.
    const phoneA = await phoneOf(a.id);
    const fresh = await restart(() => sim.engine.hangup(phoneA));
    expect(fresh.waitingNow(q.id).map((x) => x.callerNumber)).toEqual(['+33650000001', '+33650000002']);
    expect(bridgeOf(held.id)).toBe(`acd-hold-${q.id}`);
    expect(sim.engine.bridges.has(`acd-onhold-${row.id}`)).toBe(false);
    await api(t.url, 'POST', '/api/agent/ready', { token: b.token });
    const served = await untilRow(ds, held.id, (r) => r.agent_id === b.id && steps(r).at(-1) === 'agent', 'with b');
    expect(steps(served)).toEqual(['entry', 'queue', 'agent', 'hold', 'requeued', 'agent']);
    sim.engine.hangup(held.id);
    await untilRow(ds, held.id, (r) => r.outcome === 'answered', 'completed with b');
    await untilRow(ds, waiting.id, (r) => r.agent_id === b.id, 'then the other caller');
  });

  it('a consultation in progress is cancelled: the consulted agent goes home, the caller back with the agent', async () => {
    const ds = t.db.ds;
    const w = await anAcdWorld(t, (await aDepartment(ds)).id);
    const q = await w.queue({ wrapUpSeconds: 1 });
    const first = await w.agent();
    const second = await w.agent();
    await w.join(q.id, first.id);
    await acd.reload(); // the routes configured the first instance
    const b1 = await w.login(first.token);
    const b2 = await w.login(second.token);
    const c = sim.injectInbound({ number: q.did, callerId: '+33660000001', talkSeconds: 60, patienceSeconds: 60 })!;
    const row = await untilRow(ds, c.id, (r) => r.status === 'connected' && r.agent_id === first.id, 'first agent');
    await acd.consult(first.id, `agent:${second.id}`);
    const phone2 = await phoneOf(second.id);
    expect(bridgeOf(c.id)).toBe(`acd-onhold-${row.id}`);
    expect(bridgeOf(phone2)).toBe(b1.bridgeId);

    await restart();
    expect(bridgeOf(c.id)).toBe(b1.bridgeId);
    expect(bridgeOf(phone2)).toBe(b2.bridgeId);
    expect(sim.engine.bridges.has(`acd-onhold-${row.id}`)).toBe(false);
    await w.ready(second.token);
    const [cancel]: { data: { state: string; reason: string } }[] = await ds.query(
      `SELECT data FROM queue_events WHERE inbound_call_id = $1 AND event = 'ATTENDEDTRANSFER' ORDER BY id DESC`,
      [row.id],
    );
    expect(cancel.data).toMatchObject({ state: 'cancelled', reason: 'restart' });

    await pollUntil(async () => !!acd.callOf(first.id), { what: 'the first agent has the caller' });
    sim.engine.hangup(c.id);
    const done = await untilRow(ds, c.id, (r) => r.outcome === 'answered', 'completed');
    expect(done.agent_id).toBe(first.id);
    expect(steps(done)).toEqual(['entry', 'queue', 'agent', 'hold', 'consult', 'consult-cancelled', 'unhold']);
    await w.ready(first.token);
  });
});
