import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AsteriskSim } from '@app/asterisk-sim';
import { pollUntil } from '@app/common';
import { ASTERISK_SIM } from '@app/dialer';
import { aDepartment } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { anAcdWorld, events, untilRow } from './acd-fixtures';

const ENV = { SIM_PORT: '0', DIALER_TICK_MS: '100', DIALER_LEASE_SECONDS: '3', DIALER_INSTANCE_ID: 'acd-a' };

describe('ACD over the simulator', () => {
  let t: TestApp;
  let sim: AsteriskSim;
  beforeAll(async () => {
    t = await startTestApp('dialer', ENV);
    sim = t.app.get(ASTERISK_SIM);
  }, 30_000);
  afterAll(async () => {
    await t?.close();
  });

  const addChannels = (): { bridge: string; channel: string }[] =>
    sim
      .requests()
      .filter((r) => r.method === 'POST' && /^\/ari\/bridges\/[^/]+\/addChannel$/.test(r.path))
      .map((r) => ({ bridge: r.path.split('/')[3], channel: String(r.query.channel) }));

  it('holds the caller with music, connects the longest-idle agent with one bridge move, and keeps the records', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const w = await anAcdWorld(t, dep.id);
    const q = await w.queue({ serviceLevelSeconds: 20 });
    const first = await w.agent();
    const second = await w.agent();
    await w.join(q.id, first.id);
    await w.join(q.id, second.id);
    const b1 = await w.login(first.token);
    await w.login(second.token);

    const call = sim.injectInbound({ number: q.did, callerId: '+33612345678', talkSeconds: 0.5, patienceSeconds: 60 })!;
    const row = await untilRow(ds, call.id, (r) => r.outcome === 'answered', 'answered');
    expect(row).toMatchObject({ queue_id: q.id, agent_id: first.id, wait_seconds: 0 });
    // Into the holding bridge first (MOH on it), then one move into the agent's own bridge.
    const moves = addChannels().filter((m) => m.channel === call.id);
    expect(moves.map((m) => m.bridge)).toEqual([`acd-hold-${q.id}`, b1.bridgeId]);
    expect(sim.requests().some((r) => r.method === 'POST' && r.path === `/ari/bridges/acd-hold-${q.id}/moh`)).toBe(
      true,
    );
    expect(await events(ds, row.id)).toEqual(['ENTERQUEUE', 'CONNECT', 'COMPLETECALLER']);
    expect(row.path.map((p) => p.step)).toEqual(['entry', 'queue', 'agent']);

    // After the wrap-up the agent is ready again; the figures come from the rows.
    await pollUntil(
      async () => (await api(t.url, 'GET', '/api/agent/session', { token: first.token })).body.state === 'ready',
      {
        what: 'agent ready after wrap-up',
      },
    );
    const live = await api(t.url, 'GET', `/api/queues/${q.id}/live`, { token: w.sup });
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({
      waitingNow: 0,
      today: { offered: 1, answered: 1, serviceLevel: 1, abandonRate: 0 },
    });
    expect(live.body.agents.ready).toBe(2);
  });

  it('overflows to another queue when nobody is logged in to the first', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const w = await anAcdWorld(t, dep.id);
    const backup = await w.queue({});
    const empty = await w.queue({ noAgentsTarget: `queue:${backup.id}` });
    const a = await w.agent();
    const lonely = await w.agent();
    await w.join(backup.id, a.id);
    await w.join(empty.id, lonely.id); // a member, but not logged in
    await w.login(a.token);
    const call = sim.injectInbound({ number: empty.did, callerId: '+33600000001', talkSeconds: 0.3 })!;
    const row = await untilRow(ds, call.id, (r) => r.outcome === 'answered', 'answered in the backup queue');
    expect(row).toMatchObject({ queue_id: backup.id, agent_id: a.id, overflowed_to: `queue:${backup.id}` });
    expect(await events(ds, row.id)).toEqual(['ENTERQUEUE', 'EXITEMPTY', 'ENTERQUEUE', 'CONNECT', 'COMPLETECALLER']);
  });

  it('a VIP caller jumps the line; an abandon is recorded with its wait', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const w = await anAcdWorld(t, dep.id);
    const q = await w.queue({ vipNumbers: ['+33699999999'] });
    const a = await w.agent();
    await w.join(q.id, a.id);
    await w.login(a.token);
    const busy = sim.injectInbound({ number: q.did, callerId: '+33600000010', talkSeconds: 2 })!;
    await untilRow(ds, busy.id, (r) => r.status === 'connected', 'first call connected');
    const normal = sim.injectInbound({ number: q.did, callerId: '+33600000011', talkSeconds: 0.3 })!;
    await untilRow(ds, normal.id, (r) => r.status === 'waiting' && r.queue_id === q.id, 'normal waiting');
    const vip = sim.injectInbound({ number: q.did, callerId: '+33699999999', talkSeconds: 0.3 })!;
    const leaver = sim.injectInbound({ number: q.did, callerId: '+33600000012', patienceSeconds: 0.5 })!;
    const gone = await untilRow(ds, leaver.id, (r) => r.outcome === 'abandoned', 'abandoned');
    expect(await events(ds, gone.id)).toEqual(['ENTERQUEUE', 'ANNOUNCE', 'ABANDON']);
    const v = await untilRow(ds, vip.id, (r) => r.outcome === 'answered', 'vip answered');
    const n = await untilRow(ds, normal.id, (r) => r.outcome === 'answered', 'normal answered');
    const [connects]: { vip: Date; normal: Date }[] = await ds.query(
      `SELECT (SELECT at FROM queue_events WHERE inbound_call_id = $1 AND event = 'CONNECT') AS vip,
              (SELECT at FROM queue_events WHERE inbound_call_id = $2 AND event = 'CONNECT') AS normal`,
      [v.id, n.id],
    );
    expect(connects.vip.getTime()).toBeLessThan(connects.normal.getTime());
  });

  it('keep my place: the caller presses 1, hangs up, and is called back when they reach the front', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const w = await anAcdWorld(t, dep.id);
    const q = await w.queue({});
    const a = await w.agent();
    await w.join(q.id, a.id);
    const { bridgeId } = await w.login(a.token);
    const busy = sim.injectInbound({ number: q.did, callerId: '+33600000020', talkSeconds: 1.5 })!;
    await untilRow(ds, busy.id, (r) => r.status === 'connected', 'first call connected');
    const caller = '+33600000021';
    sim.setNumberBehaviour(caller, { outcome: 'human', ringSeconds: 0.2, talkSeconds: 0.5 });
    const kp = sim.injectInbound({ number: q.did, callerId: caller, patienceSeconds: 60 })!;
    await untilRow(ds, kp.id, (r) => r.status === 'waiting' && r.queue_id === q.id, 'waiting');
    sim.sendDtmf(kp.id, '1');
    await untilRow(ds, kp.id, (r) => r.status === 'callback', 'place kept');
    const row = await untilRow(ds, kp.id, (r) => r.outcome === 'answered', 'called back and answered');
    expect(row.agent_id).toBe(a.id);
    expect(await events(ds, row.id)).toEqual([
      'ENTERQUEUE',
      'ANNOUNCE',
      'EXITWITHKEY',
      'CALLBACK',
      'CONNECT',
      'COMPLETECALLER',
    ]);
    const out = sim
      .requests()
      .find((r) => r.method === 'POST' && r.path === '/ari/channels' && String(r.query.endpoint).includes(caller));
    expect(out?.query.app).toBeDefined();
    expect(addChannels().some((m) => m.bridge === bridgeId && m.channel.startsWith('acdcb-'))).toBe(true);
  });
});
