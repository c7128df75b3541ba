import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { InboundDriver, type AsteriskSim } from '@app/asterisk-sim';
import { pollUntil } from '@app/common';
import { AcdService } from '@app/acd';
import { TELEPHONY_PORT } from '@app/ari';
import { AgentSessionService, ASTERISK_SIM } from '@app/dialer';
import { aDepartment, aUser } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { aCampaign, setState, someContacts } from '../../support/campaign-builders';
import { agentBot } from '../dialer/agent-bot';
import { connect } from '../../e2e/agent-gateway/socket-client';
import { aDid, anAcdWorld, events, untilRow } from './acd-fixtures';

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
    const agentSocket = connect(t.url, '/agent', { token: first.token });
    const board = connect(t.url, '/wallboard', { token: w.sup });
    await agentSocket.waitFor('session');

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

    // The agent's screen got the inbound offer; the wallboard shows the queue every second.
    expect(await agentSocket.waitFor('inbound-offer')).toMatchObject({
      inboundCallId: row.id,
      queueId: q.id,
      callerNumber: '+33612345678',
      waitSeconds: 0,
    });
    expect(await board.call('subscribe-queue', { queueId: q.id })).toMatchObject({
      ok: true,
      queue: { queueId: q.id },
    });
    const shown = await board.waitFor('queue');
    expect(shown).toMatchObject({ queueId: q.id, waitingNow: 0, today: { answered: 1 } });
    // Occupancy: the talk on this queue's call ÷ both members' logged-in time, from the rows.
    expect(shown.today.busySeconds).toBeGreaterThan(0);
    expect(shown.today.occupancy).toBeCloseTo(shown.today.busySeconds / shown.today.loggedInSeconds, 6);
    agentSocket.close();
    board.close();
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

  it('nobody logged in and no overflow target: the caller hears the goodbye to its end before the hangup', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const w = await anAcdWorld(t, dep.id);
    const q = await w.queue({});
    const call = sim.injectInbound({ number: q.did, callerId: '+33600000009', talkSeconds: 30 })!;
    await untilRow(ds, call.id, (r) => r.outcome === 'no-agents', 'ended: nobody logged in');
    const at = (method: string, path: RegExp) =>
      sim.requests().find((r) => r.method === method && path.test(r.path) && r.path.includes(call.id));
    const hangup = await pollUntil(() => at('DELETE', /^\/ari\/channels\/[^/]+$/), { what: 'the hangup' });
    const play = at('POST', /\/play(\/|$)/)!;
    expect(play.query.media).toBe('sound:queue-thankyou');
    // The simulator plays queue-thankyou for 2 s: the hangup waits for PlaybackFinished, not for the play request.
    expect(Date.parse(hangup.time) - Date.parse(play.time)).toBeGreaterThanOrEqual(1900);
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
    const normal = sim.injectInbound({
      number: q.did,
      callerId: '+33600000011',
      talkSeconds: 0.3,
      patienceSeconds: 60,
    })!;
    await untilRow(ds, normal.id, (r) => r.status === 'waiting' && r.queue_id === q.id, 'normal waiting');
    const vip = sim.injectInbound({ number: q.did, callerId: '+33699999999', talkSeconds: 0.3, patienceSeconds: 60 })!;
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
    const busy = sim.injectInbound({ number: q.did, callerId: '+33600000020', talkSeconds: 4 })!;
    await untilRow(ds, busy.id, (r) => r.status === 'connected', 'first call connected');
    const caller = '+33600000021';
    sim.setNumberBehaviour(caller, { outcome: 'human', ringSeconds: 0.2, talkSeconds: 0.5 });
    const kp = sim.injectInbound({ number: q.did, callerId: caller, patienceSeconds: 60 })!;
    await untilRow(ds, kp.id, (r) => r.status === 'waiting' && r.queue_id === q.id, 'waiting');
    sim.sendDtmf(kp.id, '1');
    await untilRow(ds, kp.id, (r) => r.status === 'callback', 'place kept');
    const row = await untilRow(ds, kp.id, (r) => r.outcome === 'answered', 'called back and answered');
    expect(row.agent_id).toBe(a.id);
    // (the key may come before the first announcement: it is honoured either way)
    expect((await events(ds, row.id)).filter((e) => e !== 'ANNOUNCE')).toEqual([
      'ENTERQUEUE',
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

describe('ACD distribution, overflow and recovery', () => {
  let t: TestApp;
  let sim: AsteriskSim;
  beforeAll(async () => {
    t = await startTestApp('dialer', { ...ENV, DIALER_INSTANCE_ID: 'acd-b' });
    sim = t.app.get(ASTERISK_SIM);
  }, 30_000);
  afterAll(async () => {
    await t?.close();
  });

  const ready = (token: string): Promise<unknown> =>
    pollUntil(async () => (await api(t.url, 'GET', '/api/agent/session', { token })).body.state === 'ready', {
      what: 'agent ready',
    });

  it('round robin goes on from the last agent; linear always offers the first member', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const w = await anAcdWorld(t, dep.id);
    const rr = await w.queue({ strategy: 'round-robin', wrapUpSeconds: 0 });
    const lin = await w.queue({ strategy: 'linear', wrapUpSeconds: 0 });
    const agents = [await w.agent(), await w.agent(), await w.agent()];
    for (const a of agents) await w.join(rr.id, a.id);
    await w.join(lin.id, agents[1].id, 0);
    await w.join(lin.id, agents[0].id, 1);
    for (const a of agents) await w.login(a.token);
    const takers = async (did: string, n: number): Promise<string[]> => {
      const out: string[] = [];
      for (let i = 0; i < n; i++) {
        const c = sim.injectInbound({
          number: did,
          callerId: `+3360000${String(i).padStart(4, '0')}`,
          talkSeconds: 0.1,
        })!;
        const row = await untilRow(ds, c.id, (r) => r.outcome === 'answered', `call ${i}`);
        out.push(row.agent_id!);
        await ready(agents.find((a) => a.id === row.agent_id)!.token);
      }
      return out;
    };
    const ids = agents.map((a) => a.id);
    // A rotation through the members (in membership order), back to the first on the fourth call.
    const rot = await takers(rr.did, 4);
    expect(new Set(rot.slice(0, 3)).size).toBe(3);
    expect(rot[3]).toBe(rot[0]);
    expect(await takers(lin.did, 2)).toEqual([ids[1], ids[1]]);
  });

  it('relaxes the required skill level as the caller waits', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const w = await anAcdWorld(t, dep.id);
    const q = await w.queue({ requiredSkills: { es: 6 }, skillRelaxation: [{ afterSeconds: 2, lowerBy: 4 }] });
    const junior = await w.agent({ es: 2 });
    await w.join(q.id, junior.id);
    await w.login(junior.token);
    const c = sim.injectInbound({ number: q.did, callerId: '+34600000001', talkSeconds: 0.2, patienceSeconds: 60 })!;
    const row = await untilRow(ds, c.id, (r) => r.outcome === 'answered', 'answered after relaxation');
    expect(row.agent_id).toBe(junior.id);
    expect(row.wait_seconds).toBeGreaterThanOrEqual(2);
  });

  it("an agent's skills changed on the admin pages reach the routing without a restart", async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const w = await anAcdWorld(t, dep.id);
    const q = await w.queue({ requiredSkills: { de: 6 } });
    const junior = await w.agent({ de: 2 });
    await w.join(q.id, junior.id);
    await w.login(junior.token);
    const c = sim.injectInbound({ number: q.did, callerId: '+49600000001', talkSeconds: 0.2, patienceSeconds: 60 })!;
    await untilRow(ds, c.id, (r) => r.status === 'waiting', 'the caller waiting (skill too low)');
    // Not through the ACD's own routes: the agents' page (or another dialer instance) changes the skill.
    const raised = await api(t.url, 'PATCH', `/api/agents/${junior.id}`, { token: w.sup, body: { skills: { de: 7 } } });
    expect(raised.status).toBe(200);
    const row = await untilRow(ds, c.id, (r) => r.outcome === 'answered', 'answered once the skill is raised', 15_000);
    expect(row.agent_id).toBe(junior.id);
  });

  it('overflows to an external number at the maximum wait', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const w = await anAcdWorld(t, dep.id);
    await w.allow(['+337']);
    const q = await w.queue({ maxWaitSeconds: 1, overflowTarget: 'number:+33700000001' });
    sim.setNumberBehaviour('+33700000001', { outcome: 'human', ringSeconds: 0.2, talkSeconds: 5 });
    const a = await w.agent();
    await w.join(q.id, a.id);
    await w.login(a.token);
    await api(t.url, 'POST', '/api/agent/pause', { token: a.token, body: { reason: 'break' } });
    const c = sim.injectInbound({ number: q.did, callerId: '+33600000002', patienceSeconds: 60 })!;
    const row = await untilRow(ds, c.id, (r) => r.outcome === 'overflowed', 'overflowed');
    expect(row.overflowed_to).toBe('number:+33700000001');
    expect(await events(ds, row.id)).toEqual(['ENTERQUEUE', 'ANNOUNCE', 'EXITWITHTIMEOUT']);
    await pollUntil(
      () =>
        sim
          .requests()
          .some(
            (r) =>
              r.path === `/ari/bridges/acd-ext-${row.id}/addChannel` && String(r.query.channel).startsWith('acdext-'),
          ),
      { what: 'external leg bridged with the caller' },
    );
  });

  it('a restart finds the waiting callers in their holding bridge and serves them in order', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const w = await anAcdWorld(t, dep.id);
    const q = await w.queue({ wrapUpSeconds: 0 });
    const a = await w.agent();
    await w.join(q.id, a.id);
    await w.login(a.token);
    await api(t.url, 'POST', '/api/agent/pause', { token: a.token, body: { reason: 'break' } });
    const callers = [0, 1, 2].map((i) =>
      sim.injectInbound({ number: q.did, callerId: `+3361000000${i}`, talkSeconds: 0.1, patienceSeconds: 120 })!,
    );
    for (const c of callers) await untilRow(ds, c.id, (r) => r.status === 'waiting' && r.queue_id === q.id, 'waiting');

    // The ACD dies (its memory is gone) and a new one starts on the same database and Asterisk.
    const old = t.app.get(AcdService);
    await old.stop();
    const fresh = new AcdService(ds, t.app.get(TELEPHONY_PORT), t.app.get(AgentSessionService), {
      endpointTemplate: 'PJSIP/{number}@carrier',
    });
    try {
      await fresh.start();
      expect(
        callers.map((c) =>
          fresh.waitingNow(q.id).findIndex((x) => x.callerNumber === sim.engine.channels.get(c.id)?.caller?.number),
        ),
      ).toEqual([0, 1, 2]);
      await api(t.url, 'POST', '/api/agent/ready', { token: a.token });
      const rows = [];
      for (const c of callers)
        rows.push(await untilRow(ds, c.id, (r) => r.outcome === 'answered', 'served after restart'));
      const connects: { inbound_call_id: string }[] = await ds.query(
        `SELECT inbound_call_id FROM queue_events WHERE event = 'CONNECT' AND queue_id = $1 ORDER BY id`,
        [q.id],
      );
      expect(connects.map((r) => r.inbound_call_id)).toEqual(rows.map((r) => r.id));
      for (const r of rows) expect(await events(ds, r.id)).toContain('RECOVERED');
    } finally {
      await fresh.stop();
    }
  });
});

describe('a blended agent', () => {
  let t: TestApp;
  let sim: AsteriskSim;
  beforeAll(async () => {
    t = await startTestApp('dialer', { ...ENV, DIALER_INSTANCE_ID: 'acd-blend' });
    sim = t.app.get(ASTERISK_SIM);
  }, 30_000);
  afterAll(async () => {
    await t?.close();
  });

  it('takes an inbound call between two outbound calls, inbound first', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const w = await anAcdWorld(t, dep.id);
    const c = await aCampaign(ds, { departmentId: dep.id, mode: 'progressive', pacing: { ringTimeoutSeconds: 4 } });
    const people = await someContacts(ds, c, [{}, {}, {}]);
    for (const p of people)
      sim.setNumberBehaviour(p.numbers[0], { outcome: 'human', ringSeconds: 0.2, talkSeconds: 1.5 });
    const q = await w.queue({ wrapUpSeconds: 0 });
    const a = await w.agent();
    await w.join(q.id, a.id);
    await setState(ds, c, 'running');
    const login = await api(t.url, 'POST', '/api/agent/session', { token: a.token, body: { campaignId: c.id } });
    expect(login.status).toBe(201);
    const bot = agentBot(t.url, a.token);
    try {
      // While the agent talks to the first outbound contact, a caller arrives and waits.
      await pollUntil(
        async () => (await api(t.url, 'GET', '/api/agent/session', { token: a.token })).body.state === 'talking',
        {
          what: 'agent on an outbound call',
        },
      );
      const inbound = sim.injectInbound({
        number: q.did,
        callerId: '+33611111111',
        talkSeconds: 1,
        patienceSeconds: 60,
      })!;
      const row = await untilRow(ds, inbound.id, (r) => r.outcome === 'answered', 'inbound answered', 20_000);
      expect(row.agent_id).toBe(a.id);
      await pollUntil(
        async () => {
          const [r] = await ds.query(
            `SELECT count(*)::int AS n FROM call_attempts WHERE campaign_id = $1 AND bridged_at IS NOT NULL`,
            [c.id],
          );
          return r.n >= 2;
        },
        { timeoutMs: 20_000, what: 'a second outbound call after the inbound one' },
      );
      const attempts: { bridged_at: Date; ended_at: Date | null }[] = await ds.query(
        `SELECT bridged_at, ended_at FROM call_attempts WHERE campaign_id = $1 AND bridged_at IS NOT NULL ORDER BY bridged_at`,
        [c.id],
      );
      const [times]: { answered_at: Date; ended_at: Date }[] = await ds.query(
        `SELECT answered_at, ended_at FROM inbound_calls WHERE id = $1`,
        [row.id],
      );
      // outbound 1 ends → inbound connected (before any new outbound call) → outbound 2 after the inbound call
      expect(attempts[0].ended_at!.getTime()).toBeLessThanOrEqual(times.answered_at.getTime());
      expect(attempts[1].bridged_at.getTime()).toBeGreaterThanOrEqual(times.ended_at.getTime());
      const reasons: { reason: string | null }[] = await ds.query(
        `SELECT reason FROM agent_state_changes WHERE agent_id = $1 AND to_state = 'paused' ORDER BY at`,
        [a.id],
      );
      expect(reasons.map((r) => r.reason)).toEqual(expect.arrayContaining(['inbound', 'inbound-wrap-up']));
    } finally {
      await bot.stop();
    }
    expect(bot.errors).toEqual([]);
  });
});

describe('IVR menus and business hours', () => {
  let t: TestApp;
  let sim: AsteriskSim;
  beforeAll(async () => {
    t = await startTestApp('dialer', { ...ENV, DIALER_INSTANCE_ID: 'acd-ivr' });
    sim = t.app.get(ASTERISK_SIM);
  }, 30_000);
  afterAll(async () => {
    await t?.close();
  });

  const routeDid = async (
    w: Awaited<ReturnType<typeof anAcdWorld>>,
    menu: Record<string, unknown>,
  ): Promise<string> => {
    const m = await api(t.url, 'POST', '/api/ivr-menus', { token: w.sup, body: menu });
    expect(m.status).toBe(201);
    const did = aDid();
    expect(
      (await api(t.url, 'POST', '/api/dids', { token: w.sup, body: { number: did, ivrMenuId: m.body.id } })).status,
    ).toBe(201);
    return did;
  };

  it('a key press routes to a queue with the choice priority; a wrong key is retried', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const w = await anAcdWorld(t, dep.id);
    const sales = await w.queue({});
    const support = await w.queue({});
    const a = await w.agent();
    await w.join(support.id, a.id);
    await w.login(a.token);
    const did = await routeDid(w, {
      name: 'main',
      prompt: 'sound:welcome',
      choices: { '1': { queueId: sales.id }, '2': { queueId: support.id, priority: 5 } },
      timeoutSeconds: 5,
      maxRetries: 2,
    });
    const c = sim.injectInbound({ number: did, callerId: '+33622222222', talkSeconds: 0.2, patienceSeconds: 60 })!;
    await untilRow(ds, c.id, (r) => r.path.some((p) => p.step === 'ivr'), 'in the menu');
    sim.sendDtmf(c.id, '9');
    await untilRow(ds, c.id, (r) => r.path.filter((p) => p.step === 'ivr').length === 2, 'menu replayed');
    sim.sendDtmf(c.id, '2');
    const row = await untilRow(ds, c.id, (r) => r.outcome === 'answered', 'answered from the menu');
    expect(row).toMatchObject({ queue_id: support.id, agent_id: a.id });
    expect(row.path.map((p) => p.step)).toEqual(['entry', 'ivr', 'ivr-key', 'ivr', 'ivr-key', 'queue', 'agent']);
    const [pr] = await ds.query(`SELECT priority FROM inbound_calls WHERE id = $1`, [row.id]);
    expect(pr.priority).toBe(5);
    const bad = await api(t.url, 'POST', '/api/ivr-menus', {
      token: w.sup,
      body: { name: 'bad', prompt: 'sound:x', choices: { '12': { queueId: sales.id }, '3': {} } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['choices.12', 'choices.3']);
  });

  it('simulated callers with a daily profile press the key the menu prompts for', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const w = await anAcdWorld(t, dep.id);
    const q = await w.queue({});
    const a = await w.agent();
    await w.join(q.id, a.id);
    await w.login(a.token);
    const did = await routeDid(w, { name: 'prompted', prompt: 'sound:press-3', choices: { '3': { queueId: q.id } } });
    const driver = new InboundDriver(sim.engine, {
      number: did,
      callsPerMinuteByHour: Array.from({ length: 24 }, () => 120),
      talk: { kind: 'fixed', value: 0.2 },
      patience: { kind: 'fixed', value: 60 },
      prompts: [{ media: 'sound:press-3', digits: '3', afterSeconds: 0.1 }],
    });
    driver.start();
    try {
      await pollUntil(() => driver.injected.length > 0, { what: 'a simulated caller' });
    } finally {
      driver.stop();
    }
    const row = await untilRow(ds, driver.injected[0], (r) => r.outcome === 'answered', 'answered after the prompt');
    expect(row.queue_id).toBe(q.id);
    expect(row.path.map((p) => p.step)).toEqual(['entry', 'ivr', 'ivr-key', 'queue', 'agent']);
  });

  it('after hours, the caller goes to the after-hours queue (closed all week)', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const w = await anAcdWorld(t, dep.id);
    const day = await w.queue({});
    const night = await w.queue({});
    const a = await w.agent();
    await w.join(night.id, a.id);
    await w.login(a.token);
    const did = await routeDid(w, {
      name: 'closed',
      prompt: 'sound:welcome',
      choices: { '1': { queueId: day.id } },
      businessHours: { timeZone: 'Europe/Paris', weekly: {} },
      afterHours: { kind: 'queue', queueId: night.id },
    });
    const c = sim.injectInbound({ number: did, callerId: '+33633333333', talkSeconds: 0.2, patienceSeconds: 60 })!;
    const row = await untilRow(ds, c.id, (r) => r.outcome === 'answered', 'answered after hours');
    expect(row).toMatchObject({ queue_id: night.id, agent_id: a.id });
    expect(row.path.map((p) => p.step)).toEqual(['entry', 'after-hours', 'queue', 'agent']);
    expect(await events(ds, row.id)).toEqual(['AFTERHOURS', 'ENTERQUEUE', 'CONNECT', 'COMPLETECALLER']);
  });
});

describe('transfer and conference', () => {
  let t: TestApp;
  let sim: AsteriskSim;
  beforeAll(async () => {
    t = await startTestApp('dialer', { ...ENV, DIALER_INSTANCE_ID: 'acd-xfer' });
    sim = t.app.get(ASTERISK_SIM);
  }, 30_000);
  afterAll(async () => {
    await t?.close();
  });

  it('the agent transfers blind to another agent, who then calls a third party in', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const w = await anAcdWorld(t, dep.id);
    const q = await w.queue({ wrapUpSeconds: 0 });
    const first = await w.agent();
    const second = await w.agent();
    await w.join(q.id, first.id);
    await w.login(first.token);
    const b2 = await w.login(second.token);
    const c = sim.injectInbound({ number: q.did, callerId: '+33644444444', talkSeconds: 4, patienceSeconds: 60 })!;
    await untilRow(ds, c.id, (r) => r.status === 'connected' && r.agent_id === first.id, 'with the first agent');
    const bad = await api(t.url, 'POST', '/api/agent/inbound/transfer', { token: first.token, body: { to: 'fax:1' } });
    expect(bad.status).toBe(400);
    const r = await api(t.url, 'POST', '/api/agent/inbound/transfer', {
      token: first.token,
      body: { to: `agent:${second.id}` },
    });
    expect(r.status).toBe(200);
    expect(
      sim.requests().some((x) => x.path === `/ari/bridges/${b2.bridgeId}/addChannel` && x.query.channel === c.id),
    ).toBe(true);
    await w.allow(['+3375']);
    sim.setNumberBehaviour('+33755555555', { outcome: 'human', ringSeconds: 0.1, talkSeconds: 3 });
    const conf = await api(t.url, 'POST', '/api/agent/inbound/conference', {
      token: second.token,
      body: { number: '+33755555555' },
    });
    expect(conf.status).toBe(200);
    await pollUntil(
      () =>
        sim
          .requests()
          .some((x) => x.path === `/ari/bridges/${b2.bridgeId}/addChannel` && x.query.channel === conf.body.channelId),
      { what: 'third party in the agent bridge' },
    );
    const row = await untilRow(ds, c.id, (x) => x.outcome === 'answered', 'call over');
    expect(row.agent_id).toBe(second.id);
    expect(row.path.map((p) => p.step)).toEqual(['entry', 'queue', 'agent', 'transfer', 'conference']);
    expect(await events(ds, row.id)).toEqual(['ENTERQUEUE', 'CONNECT', 'TRANSFER', 'CONFERENCE', 'COMPLETECALLER']);
  });

  it("a supervisor barges into the agent's bridge from their phone", async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const w = await anAcdWorld(t, dep.id);
    const q = await w.queue({});
    const a = await w.agent();
    await w.join(q.id, a.id);
    const { bridgeId } = await w.login(a.token);
    const c = sim.injectInbound({ number: q.did, callerId: '+33646464646', talkSeconds: 3, patienceSeconds: 60 })!;
    await untilRow(ds, c.id, (r) => r.status === 'connected', 'connected');
    const other = await aDepartment(ds);
    const outsider = t.tokenFor(await aUser(ds, 'requester', other.id));
    expect(
      (
        await api(t.url, 'POST', `/api/agents/${a.id}/barge`, {
          token: outsider,
          body: { endpoint: 'PJSIP/agent-1999' },
        })
      ).status,
    ).toBe(403);
    const r = await api(t.url, 'POST', `/api/agents/${a.id}/barge`, {
      token: w.sup,
      body: { endpoint: 'PJSIP/agent-1999' },
    });
    expect(r.status).toBe(200);
    await pollUntil(
      () =>
        sim
          .requests()
          .some((x) => x.path === `/ari/bridges/${bridgeId}/addChannel` && x.query.channel === r.body.channelId),
      { what: 'supervisor in the agent bridge' },
    );
    const row = await untilRow(ds, c.id, (x) => x.outcome === 'answered', 'call over');
    expect(await events(ds, row.id)).toContain('BARGE');
    // The supervisor leaves: DELETE .../monitor/{channelId} hangs their leg up.
    const end = await api(t.url, 'DELETE', `/api/agents/${a.id}/monitor/${r.body.channelId}`, { token: w.sup });
    expect(end.status).toBe(204);
    expect(sim.engine.channels.has(r.body.channelId)).toBe(false);
  });

  it('the agent transfers blind back into a queue', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const w = await anAcdWorld(t, dep.id);
    const q1 = await w.queue({ wrapUpSeconds: 5 });
    const q2 = await w.queue({ wrapUpSeconds: 0 });
    const first = await w.agent();
    const second = await w.agent();
    await w.join(q1.id, first.id);
    await w.join(q2.id, second.id);
    await w.login(first.token);
    await w.login(second.token);
    const c = sim.injectInbound({ number: q1.did, callerId: '+33645454545', talkSeconds: 2, patienceSeconds: 60 })!;
    await untilRow(ds, c.id, (r) => r.status === 'connected', 'connected');
    const r = await api(t.url, 'POST', '/api/agent/inbound/transfer', {
      token: first.token,
      body: { to: `queue:${q2.id}` },
    });
    expect(r.status).toBe(200);
    const row = await untilRow(
      ds,
      c.id,
      (x) => x.outcome === 'answered' && x.agent_id === second.id,
      'answered in the second queue',
    );
    expect(row.queue_id).toBe(q2.id);
    const s1 = await api(t.url, 'GET', '/api/agent/session', { token: first.token });
    expect(s1.body).toMatchObject({ state: 'paused', reason: 'inbound-wrap-up' });
  });
});
