import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AsteriskSim } from '@app/asterisk-sim';
import { pollUntil } from '@app/common';
import { ASTERISK_SIM } from '@app/dialer';
import { aDepartment, aUser } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { connect } from '../../e2e/agent-gateway/socket-client';
import { anAcdWorld, events, untilRow } from './acd-fixtures';

// Hold, attended transfer, supervisor listen/whisper and the allowed external destinations, over HTTP, the /agent
// socket and the ARI simulator (the simulator's request log shows what the ACD asked of Asterisk).
const ENV = { SIM_PORT: '0', DIALER_TICK_MS: '100', DIALER_LEASE_SECONDS: '3', DIALER_INSTANCE_ID: 'acd-actions' };

describe('the agent holds and transfers attended; the supervisor listens and whispers', () => {
  let t: TestApp;
  let sim: AsteriskSim;
  beforeAll(async () => {
    t = await startTestApp('dialer', ENV);
    sim = t.app.get(ASTERISK_SIM);
  }, 30_000);
  afterAll(async () => {
    await t?.close();
  });

  const moved = (bridgeId: string, channel: string): boolean =>
    sim
      .requests()
      .some(
        (r) => r.method === 'POST' && r.path === `/ari/bridges/${bridgeId}/addChannel` && r.query.channel === channel,
      );
  const phoneOf = async (agentId: string): Promise<string> =>
    (await t.db.ds.query(`SELECT session_channel_id FROM agents WHERE id = $1`, [agentId]))[0].session_channel_id;
  const steps = (r: { path: { step: string }[] }): string[] => r.path.map((p) => p.step);

  it('an agent lists whom to transfer to: logged-in colleagues and queues of their own department only', async () => {
    const ds = t.db.ds;
    const w = await anAcdWorld(t, (await aDepartment(ds)).id);
    const q = await w.queue({});
    const me = await w.agent();
    const colleague = await w.agent();
    const away = await w.agent(); // not logged in
    await w.login(me.token);
    await w.login(colleague.token);
    const other = await anAcdWorld(t, (await aDepartment(ds)).id);
    const stranger = await other.agent();
    await other.login(stranger.token);
    const otherQueue = await other.queue({});

    // Agents may not list agents or queues in general…
    expect((await api(t.url, 'GET', '/api/queues', { token: me.token })).status).toBe(403);
    // …but may list whom they can hand a caller to.
    const r = await api(t.url, 'GET', '/api/agent/inbound/transfer-targets', { token: me.token });
    expect(r.status).toBe(200);
    const agentIds = r.body.agents.map((a: { id: string }) => a.id);
    expect(agentIds).toContain(colleague.id);
    expect(agentIds).not.toContain(me.id);
    expect(agentIds).not.toContain(away.id);
    expect(agentIds).not.toContain(stranger.id);
    expect(r.body.agents.find((a: { id: string }) => a.id === colleague.id)).toMatchObject({
      name: expect.any(String),
      state: expect.any(String),
    });
    const queueIds = r.body.queues.map((x: { id: string }) => x.id);
    expect(queueIds).toContain(q.id);
    expect(queueIds).not.toContain(otherQueue.id);
    const requester = t.tokenFor(await aUser(ds, 'requester', w.depId));
    expect((await api(t.url, 'GET', '/api/agent/inbound/transfer-targets', { token: requester })).status).toBe(403);
  });

  it('hold moves the caller to a holding bridge with music and back, with records and socket events', async () => {
    const ds = t.db.ds;
    const w = await anAcdWorld(t, (await aDepartment(ds)).id);
    const q = await w.queue({ wrapUpSeconds: 0 });
    const a = await w.agent();
    await w.join(q.id, a.id);
    const { bridgeId } = await w.login(a.token);
    const screen = connect(t.url, '/agent', { token: a.token });
    await screen.waitFor('session');
    const none = await api(t.url, 'POST', '/api/agent/inbound/hold', { token: a.token, body: { hold: true } });
    expect(none.status).toBe(409);
    const bad = await api(t.url, 'POST', '/api/agent/inbound/hold', { token: a.token, body: { hold: 'yes' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toContain('hold');

    const c = sim.injectInbound({ number: q.did, callerId: '+33650000001', talkSeconds: 30, patienceSeconds: 60 })!;
    const row = await untilRow(ds, c.id, (r) => r.status === 'connected', 'connected');
    const on = await api(t.url, 'POST', '/api/agent/inbound/hold', { token: a.token, body: { hold: true } });
    expect(on.status).toBe(200);
    expect(on.body).toEqual({ inboundCallId: row.id, held: true });
    const hold = `acd-onhold-${row.id}`;
    expect(moved(hold, c.id)).toBe(true);
    expect(sim.engine.bridges.get(hold)?.type).toBe('holding');
    expect(sim.engine.channels.get(c.id)?.bridge?.id).toBe(hold);
    expect(sim.requests().some((r) => r.method === 'POST' && r.path === `/ari/bridges/${hold}/moh`)).toBe(true);
    expect(await screen.waitFor('inbound-held')).toEqual({ inboundCallId: row.id, held: true });

    const off = await api(t.url, 'POST', '/api/agent/inbound/hold', { token: a.token, body: { hold: false } });
    expect(off.body).toEqual({ inboundCallId: row.id, held: false });
    expect(sim.engine.channels.get(c.id)?.bridge?.id).toBe(bridgeId);
    expect(sim.engine.bridges.has(hold)).toBe(false);
    expect(await screen.waitFor('inbound-held', (p) => p.held === false)).toEqual({
      inboundCallId: row.id,
      held: false,
    });

    sim.remoteHangup(c.id);
    const done = await untilRow(ds, c.id, (r) => r.outcome === 'answered', 'call over');
    expect(steps(done)).toEqual(['entry', 'queue', 'agent', 'hold', 'unhold']);
    expect(await events(ds, done.id)).toEqual(['ENTERQUEUE', 'CONNECT', 'HOLD', 'UNHOLD', 'COMPLETECALLER']);

    // Occupancy of the queue, from the rows: talk on its calls ÷ its members' logged-in time.
    const live = await api(t.url, 'GET', `/api/queues/${q.id}/live`, { token: w.sup });
    expect(live.body.today.busySeconds).toBeGreaterThan(0);
    expect(live.body.today.loggedInSeconds).toBeGreaterThanOrEqual(live.body.today.busySeconds);
    expect(live.body.today.occupancy).toBeCloseTo(live.body.today.busySeconds / live.body.today.loggedInSeconds, 6);
    expect(live.body.today.occupancy).toBeGreaterThan(0);
    screen.close();
  });

  it('attended transfer to another agent: consult with the caller on hold, then complete', async () => {
    const ds = t.db.ds;
    const w = await anAcdWorld(t, (await aDepartment(ds)).id);
    const q = await w.queue({ wrapUpSeconds: 5 });
    const first = await w.agent();
    const second = await w.agent();
    await w.join(q.id, first.id);
    const b1 = await w.login(first.token);
    const b2 = await w.login(second.token);
    const s1 = connect(t.url, '/agent', { token: first.token });
    const s2 = connect(t.url, '/agent', { token: second.token });
    await s1.waitFor('session');
    await s2.waitFor('session');
    const c = sim.injectInbound({ number: q.did, callerId: '+33650000002', talkSeconds: 30, patienceSeconds: 60 })!;
    const row = await untilRow(ds, c.id, (r) => r.status === 'connected' && r.agent_id === first.id, 'first agent');

    const r = await api(t.url, 'POST', '/api/agent/inbound/consult', {
      token: first.token,
      body: { to: `agent:${second.id}` },
    });
    expect(r.status).toBe(200);
    expect(r.body.inboundCallId).toBe(row.id);
    const phone2 = await phoneOf(second.id);
    // The caller waits with music; the second agent's phone joins the first agent's bridge.
    expect(sim.engine.channels.get(c.id)?.bridge?.id).toBe(`acd-onhold-${row.id}`);
    expect(sim.engine.channels.get(phone2)?.bridge?.id).toBe(b1.bridgeId);
    const consulting = {
      inboundCallId: row.id,
      consultId: r.body.consultId,
      state: 'consulting',
      to: `agent:${second.id}`,
    };
    expect(await s1.waitFor('consult-state')).toEqual(consulting);
    expect(await s2.waitFor('consult-state')).toEqual(consulting);
    expect((await api(t.url, 'GET', '/api/agent/session', { token: second.token })).body).toMatchObject({
      state: 'paused',
      reason: 'inbound',
    });
    const twice = await api(t.url, 'POST', '/api/agent/inbound/consult', {
      token: first.token,
      body: { to: `agent:${second.id}` },
    });
    expect(twice.status).toBe(409);

    const done = await api(t.url, 'POST', '/api/agent/inbound/consult/complete', { token: first.token });
    expect(done.status).toBe(200);
    expect(sim.engine.channels.get(phone2)?.bridge?.id).toBe(b2.bridgeId);
    expect(sim.engine.channels.get(c.id)?.bridge?.id).toBe(b2.bridgeId);
    expect(await s1.waitFor('consult-state', (p) => p.state === 'completed')).toMatchObject({ state: 'completed' });
    // The second agent's screen now shows the caller.
    expect(await s2.waitFor('inbound-offer')).toMatchObject({
      agentId: second.id,
      inboundCallId: row.id,
      queueId: q.id,
      callerNumber: '+33650000002',
    });
    expect((await api(t.url, 'GET', '/api/agent/session', { token: first.token })).body).toMatchObject({
      state: 'paused',
      reason: 'inbound-wrap-up',
    });
    sim.remoteHangup(c.id);
    const over = await untilRow(ds, c.id, (x) => x.outcome === 'answered', 'call over');
    expect(over.agent_id).toBe(second.id);
    expect(steps(over)).toEqual(['entry', 'queue', 'agent', 'hold', 'consult', 'attended-transfer']);
    expect(await events(ds, over.id)).toEqual([
      'ENTERQUEUE',
      'CONNECT',
      'HOLD',
      'ATTENDEDTRANSFER',
      'ATTENDEDTRANSFER',
      'COMPLETECALLER',
    ]);
    s1.close();
    s2.close();
  });

  it('attended transfer to a queue consults its next ready agent; cancel sends that agent home, ready', async () => {
    const ds = t.db.ds;
    const w = await anAcdWorld(t, (await aDepartment(ds)).id);
    const q1 = await w.queue({ wrapUpSeconds: 0 });
    const q2 = await w.queue({ wrapUpSeconds: 0 });
    const a = await w.agent();
    const away = await w.agent();
    const member = await w.agent();
    await w.join(q1.id, a.id);
    await w.join(q2.id, away.id);
    await w.join(q2.id, member.id);
    const b1 = await w.login(a.token);
    await w.login(away.token);
    const b3 = await w.login(member.token);
    await api(t.url, 'POST', '/api/agent/pause', { token: away.token, body: { reason: 'break' } });
    const c = sim.injectInbound({ number: q1.did, callerId: '+33650000006', talkSeconds: 30, patienceSeconds: 60 })!;
    await untilRow(ds, c.id, (r) => r.status === 'connected' && r.agent_id === a.id, 'connected');
    const r = await api(t.url, 'POST', '/api/agent/inbound/consult', {
      token: a.token,
      body: { to: `queue:${q2.id}` },
    });
    expect(r.status).toBe(200);
    const phone = await phoneOf(member.id);
    expect(sim.engine.channels.get(phone)?.bridge?.id).toBe(b1.bridgeId);
    expect(sim.engine.channels.get(await phoneOf(away.id))?.bridge?.id).not.toBe(b1.bridgeId);

    expect((await api(t.url, 'POST', '/api/agent/inbound/consult/cancel', { token: a.token })).status).toBe(200);
    expect(sim.engine.channels.get(phone)?.bridge?.id).toBe(b3.bridgeId);
    expect(sim.engine.channels.get(c.id)?.bridge?.id).toBe(b1.bridgeId);
    await w.ready(member.token);
    sim.remoteHangup(c.id);
    const over = await untilRow(ds, c.id, (x) => x.outcome === 'answered', 'call over');
    expect(over.agent_id).toBe(a.id);
  });

  it('attended transfer to an allowed number, cancelled: the number is let go and the caller comes back', async () => {
    const ds = t.db.ds;
    const w = await anAcdWorld(t, (await aDepartment(ds)).id);
    await w.allow(['+3377']);
    const q = await w.queue({ wrapUpSeconds: 0 });
    const a = await w.agent();
    await w.join(q.id, a.id);
    const { bridgeId } = await w.login(a.token);
    const screen = connect(t.url, '/agent', { token: a.token });
    await screen.waitFor('session');
    sim.setNumberBehaviour('+33770000001', { outcome: 'human', ringSeconds: 0.1, talkSeconds: 30 });
    const c = sim.injectInbound({ number: q.did, callerId: '+33650000003', talkSeconds: 30, patienceSeconds: 60 })!;
    const row = await untilRow(ds, c.id, (r) => r.status === 'connected', 'connected');
    const refused = await api(t.url, 'POST', '/api/agent/inbound/consult', {
      token: a.token,
      body: { to: 'number:+33780000001' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.details).toMatchObject([
      { field: 'to', reason: expect.stringContaining('allowed destinations') },
    ]);
    const r = await api(t.url, 'POST', '/api/agent/inbound/consult', {
      token: a.token,
      body: { to: 'number:+33770000001' },
    });
    expect(r.status).toBe(200);
    const out = sim
      .requests()
      .find(
        (x) => x.method === 'POST' && x.path === '/ari/channels' && String(x.query.endpoint).includes('33770000001'),
      );
    const leg = String(out?.query.channelId);
    await pollUntil(() => moved(bridgeId, leg), { what: 'the consulted number in the agent bridge' });
    expect(sim.engine.channels.get(c.id)?.bridge?.id).toBe(`acd-onhold-${row.id}`);

    const cancel = await api(t.url, 'POST', '/api/agent/inbound/consult/cancel', { token: a.token });
    expect(cancel.status).toBe(200);
    expect(cancel.body).toEqual({ inboundCallId: row.id, consultId: r.body.consultId });
    expect(sim.requests().some((x) => x.method === 'DELETE' && x.path === `/ari/channels/${leg}`)).toBe(true);
    expect(sim.engine.channels.get(c.id)?.bridge?.id).toBe(bridgeId);
    expect(await screen.waitFor('consult-state', (p) => p.state === 'cancelled')).toMatchObject({
      inboundCallId: row.id,
      to: 'number:+33770000001',
    });
    expect((await api(t.url, 'POST', '/api/agent/inbound/consult/cancel', { token: a.token })).status).toBe(409);
    sim.remoteHangup(c.id);
    const over = await untilRow(ds, c.id, (x) => x.outcome === 'answered', 'call over');
    expect(over.agent_id).toBe(a.id);
    expect(steps(over)).toEqual(['entry', 'queue', 'agent', 'hold', 'consult', 'consult-cancelled', 'unhold']);
    const rows: { event: string; data: { state?: string } }[] = await ds.query(
      `SELECT event, data FROM queue_events WHERE inbound_call_id = $1 ORDER BY id`,
      [over.id],
    );
    expect(rows.map((x) => (x.data.state ? `${x.event}:${x.data.state}` : x.event))).toEqual([
      'ENTERQUEUE',
      'CONNECT',
      'HOLD',
      'ATTENDEDTRANSFER:consulting',
      'ATTENDEDTRANSFER:cancelled',
      'UNHOLD',
      'COMPLETECALLER',
    ]);
    screen.close();
  });

  it('the consulted number hangs up first: the consultation ends by itself and the caller comes back', async () => {
    const ds = t.db.ds;
    const w = await anAcdWorld(t, (await aDepartment(ds)).id);
    await w.allow(['+3379']);
    const q = await w.queue({ wrapUpSeconds: 0 });
    const a = await w.agent();
    await w.join(q.id, a.id);
    const { bridgeId } = await w.login(a.token);
    sim.setNumberBehaviour('+33790000001', { outcome: 'human', ringSeconds: 0.1, talkSeconds: 0.5 });
    const c = sim.injectInbound({ number: q.did, callerId: '+33650000007', talkSeconds: 30, patienceSeconds: 60 })!;
    await untilRow(ds, c.id, (r) => r.status === 'connected', 'connected');
    const r = await api(t.url, 'POST', '/api/agent/inbound/consult', {
      token: a.token,
      body: { to: 'number:+33790000001' },
    });
    expect(r.status).toBe(200);
    const row = await untilRow(ds, c.id, (x) => steps(x).includes('unhold'), 'caller back after the hang-up');
    expect(steps(row)).toEqual(['entry', 'queue', 'agent', 'hold', 'consult', 'consult-cancelled', 'unhold']);
    expect(sim.engine.channels.get(c.id)?.bridge?.id).toBe(bridgeId);
    expect((await api(t.url, 'POST', '/api/agent/inbound/hold', { token: a.token, body: { hold: true } })).status).toBe(
      200,
    );
    sim.remoteHangup(c.id);
    await untilRow(ds, c.id, (x) => x.outcome === 'answered', 'call over');
  });

  it('the supervisor listens and whispers through snoop channels, and ends each', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const w = await anAcdWorld(t, dep.id);
    const q = await w.queue({});
    const a = await w.agent();
    await w.join(q.id, a.id);
    const { bridgeId } = await w.login(a.token);
    const phone = await phoneOf(a.id);
    const c = sim.injectInbound({ number: q.did, callerId: '+33650000004', talkSeconds: 30, patienceSeconds: 60 })!;
    const row = await untilRow(ds, c.id, (r) => r.status === 'connected', 'connected');
    const outsider = t.tokenFor(await aUser(ds, 'supervisor', (await aDepartment(ds)).id));
    const body = { endpoint: 'PJSIP/agent-1999' };
    expect((await api(t.url, 'POST', `/api/agents/${a.id}/listen`, { token: outsider, body })).status).toBe(404);
    expect((await api(t.url, 'POST', `/api/agents/${a.id}/whisper`, { token: a.token, body })).status).toBe(403);

    for (const mode of ['listen', 'whisper'] as const) {
      const r = await api(t.url, 'POST', `/api/agents/${a.id}/${mode}`, { token: w.sup, body });
      expect(r.status).toBe(200);
      const leg = r.body.channelId as string;
      const snoop = sim
        .requests()
        .find((x) => x.method === 'POST' && x.path.startsWith(`/ari/channels/${phone}/snoop/`));
      expect(snoop?.query).toMatchObject({ spy: 'both', whisper: mode === 'whisper' ? 'out' : 'none' });
      const snoopId = snoop!.path.split('/').pop()!;
      // The Snoop channel and the supervisor's phone meet in a bridge of their own; the agent's bridge is untouched.
      await pollUntil(() => sim.engine.channels.get(leg)?.bridge && sim.engine.channels.get(snoopId)?.bridge, {
        what: `${mode}: snoop and supervisor bridged`,
      });
      const mon = sim.engine.channels.get(leg)!.bridge!;
      expect(mon.id).not.toBe(bridgeId);
      expect(sim.engine.channels.get(snoopId)?.bridge?.id).toBe(mon.id);
      expect(sim.engine.channels.get(snoopId)?.snoop).toMatchObject({ spiedId: phone });
      expect(sim.engine.channels.get(phone)?.bridge?.id).toBe(bridgeId);
      expect(sim.engine.channels.get(c.id)?.bridge?.id).toBe(bridgeId);

      const end = await api(t.url, 'DELETE', `/api/agents/${a.id}/monitor/${leg}`, { token: w.sup });
      expect(end.status).toBe(204);
      expect(sim.engine.channels.has(leg)).toBe(false);
      expect(sim.engine.channels.has(snoopId)).toBe(false);
      expect((await api(t.url, 'DELETE', `/api/agents/${a.id}/monitor/${leg}`, { token: w.sup })).status).toBe(404);
      sim.clearRequests();
    }
    const rows: { event: string; data: { mode: string } }[] = await ds.query(
      `SELECT event, data FROM queue_events WHERE inbound_call_id = $1 AND event = 'SNOOP' ORDER BY id`,
      [row.id],
    );
    expect(rows.map((x) => x.data.mode)).toEqual(['listen', 'whisper']);
    sim.remoteHangup(c.id);
    await untilRow(ds, c.id, (x) => x.outcome === 'answered', 'call over');
  });

  it("external numbers only within the department's allowed destinations (422), set by an admin", async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const w = await anAcdWorld(t, dep.id);
    const path = `/api/departments/${dep.id}/allowed-destinations`;
    expect((await api(t.url, 'GET', path, { token: w.sup })).body).toEqual({ departmentId: dep.id, prefixes: [] });
    const stranger = t.tokenFor(await aUser(ds, 'supervisor', (await aDepartment(ds)).id));
    expect((await api(t.url, 'GET', path, { token: stranger })).status).toBe(404);
    expect((await api(t.url, 'PUT', path, { token: w.sup, body: { prefixes: ['+44'] } })).status).toBe(403);
    const admin = t.tokenFor(await aUser(ds, 'admin', dep.id));
    const bad = await api(t.url, 'PUT', path, { token: admin, body: { prefixes: ['+44', '0044*'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toMatchObject([{ field: 'prefixes[1]', reason: expect.any(String) }]);

    // Empty list: no external destination at all (queue overflow, transfer, conference).
    const overflow = await api(t.url, 'POST', '/api/queues', {
      token: w.sup,
      body: { name: `q-${Date.now()}`, strategy: 'longest-idle', overflowTarget: 'number:+442079460000' },
    });
    expect(overflow.status).toBe(422);
    expect(overflow.body).toMatchObject({ error: 'unprocessable', details: [{ field: 'overflowTarget' }] });
    const q = await w.queue({ wrapUpSeconds: 0 });
    const a = await w.agent();
    await w.join(q.id, a.id);
    await w.login(a.token);
    const c = sim.injectInbound({ number: q.did, callerId: '+33650000005', talkSeconds: 30, patienceSeconds: 60 })!;
    await untilRow(ds, c.id, (r) => r.status === 'connected', 'connected');
    const xfer = await api(t.url, 'POST', '/api/agent/inbound/transfer', {
      token: a.token,
      body: { to: 'number:+442079460000' },
    });
    expect(xfer.status).toBe(422);
    expect(xfer.body.details).toMatchObject([{ field: 'to', reason: expect.stringContaining('allowed destinations') }]);
    const conf = await api(t.url, 'POST', '/api/agent/inbound/conference', {
      token: a.token,
      body: { number: '+442079460000' },
    });
    expect(conf.status).toBe(422);
    expect(conf.body.details).toMatchObject([
      { field: 'number', reason: expect.stringContaining('allowed destinations') },
    ]);

    const set = await api(t.url, 'PUT', path, { token: admin, body: { prefixes: ['+4420', '+4420'] } });
    expect(set.body).toEqual({ departmentId: dep.id, prefixes: ['+4420'] });
    const [audit] = await ds.query(
      `SELECT action, details FROM audit_log WHERE entity_id = $1 AND action = 'department.allowed-destinations'`,
      [dep.id],
    );
    expect(audit).toEqual({ action: 'department.allowed-destinations', details: { prefixes: ['+4420'] } });
    sim.setNumberBehaviour('+442079460000', { outcome: 'human', ringSeconds: 0.1, talkSeconds: 1 });
    const ok = await api(t.url, 'POST', '/api/agent/inbound/conference', {
      token: a.token,
      body: { number: '+442079460000' },
    });
    expect(ok.status).toBe(200);
    const moved2 = await api(t.url, 'POST', '/api/agent/inbound/transfer', {
      token: a.token,
      body: { to: 'number:+442079460000' },
    });
    expect(moved2.status).toBe(200);
    const row = await untilRow(ds, c.id, (r) => r.outcome === 'overflowed', 'transferred out');
    expect(row.overflowed_to).toBe('number:+442079460000');
  });
});
