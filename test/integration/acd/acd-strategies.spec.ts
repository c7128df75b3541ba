import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AsteriskSim } from '@app/asterisk-sim';
import { queueFigures } from '@app/acd';
import { pollUntil } from '@app/common';
import { ASTERISK_SIM } from '@app/dialer';
import { aDepartment } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { aDid, anAcdWorld, untilRow, type AcdWorld } from './acd-fixtures';

// The strategies acd.spec.ts does not cover (fewest calls, random, skills-based), each set up so that longest idle
// would pick another agent; and the recorded callback request of the after-hours route.
const ENV = { SIM_PORT: '0', DIALER_TICK_MS: '100', DIALER_LEASE_SECONDS: '3', DIALER_INSTANCE_ID: 'acd-strategies' };

describe('ACD strategies and the recorded callback request', () => {
  let t: TestApp;
  let sim: AsteriskSim;
  beforeAll(async () => {
    t = await startTestApp('dialer', ENV);
    sim = t.app.get(ASTERISK_SIM);
  }, 30_000);
  afterAll(async () => {
    await t?.close();
  });

  let n = 0;
  /** One caller at a time: who took it; then wait until that agent is ready again. */
  const taker = async (w: AcdWorld, did: string, agents: { id: string; token: string }[]): Promise<string> => {
    const c = sim.injectInbound({ number: did, callerId: `+3367${String(n++).padStart(7, '0')}`, talkSeconds: 0.1 })!;
    const row = await untilRow(t.db.ds, c.id, (r) => r.outcome === 'answered', `call ${n}`);
    await w.ready(agents.find((a) => a.id === row.agent_id)!.token);
    return row.agent_id!;
  };

  it('fewest calls: the agent who took none goes first, although another has been idle longer', async () => {
    const w = await anAcdWorld(t, (await aDepartment(t.db.ds)).id);
    const q = await w.queue({ strategy: 'fewest-calls', wrapUpSeconds: 0 });
    const busy = await w.agent();
    const fresh = await w.agent();
    await w.join(q.id, busy.id);
    await w.join(q.id, fresh.id);
    await w.login(busy.token);
    await w.login(fresh.token);
    await api(t.url, 'POST', '/api/agent/pause', { token: fresh.token, body: { reason: 'break' } });
    const agents = [busy, fresh];
    expect(await taker(w, q.did, agents)).toBe(busy.id);
    expect(await taker(w, q.did, agents)).toBe(busy.id);
    // `busy` is idle since its last call; `fresh` becomes ready after that (longest idle would pick `busy`).
    await api(t.url, 'POST', '/api/agent/ready', { token: fresh.token });
    await w.ready(fresh.token);
    expect(await taker(w, q.did, agents)).toBe(fresh.id);
    expect(await taker(w, q.did, agents)).toBe(fresh.id);
  });

  it('random: calls spread over the agents, not in the rotation longest idle would give', async () => {
    const w = await anAcdWorld(t, (await aDepartment(t.db.ds)).id);
    const q = await w.queue({ strategy: 'random', wrapUpSeconds: 0 });
    const agents = [await w.agent(), await w.agent(), await w.agent(), await w.agent()];
    for (const a of agents) await w.join(q.id, a.id);
    for (const a of agents) await w.login(a.token);
    const takers: string[] = [];
    for (let i = 0; i < 10; i++) takers.push(await taker(w, q.did, agents));
    expect(new Set(takers).size).toBeGreaterThanOrEqual(3);
    // Longest idle (and round robin) cycle through the four in a fixed order: taker i+4 = taker i.
    const cyclic = takers.every((id, i) => i < 4 || id === takers[i - 4]) && new Set(takers.slice(0, 4)).size === 4;
    expect(cyclic).toBe(false);
  });

  it('skills-based: the best-skilled member takes the caller, not the one idle longest', async () => {
    const w = await anAcdWorld(t, (await aDepartment(t.db.ds)).id);
    const q = await w.queue({ strategy: 'skills-based', requiredSkills: { de: 3 }, wrapUpSeconds: 0 });
    const enough = await w.agent({ de: 3 });
    const expert = await w.agent({ de: 9 });
    const unskilled = await w.agent({});
    for (const a of [unskilled, enough, expert]) await w.join(q.id, a.id);
    for (const a of [unskilled, enough, expert]) await w.login(a.token);
    const agents = [enough, expert, unskilled];
    expect(await taker(w, q.did, agents)).toBe(expert.id);
    // With the expert away, the one who meets the level; never the unskilled one.
    await api(t.url, 'POST', '/api/agent/pause', { token: expert.token, body: { reason: 'break' } });
    expect(await taker(w, q.did, agents)).toBe(enough.id);
  });

  it('after hours with a callback-request route: the message is recorded, stored and listed', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const w = await anAcdWorld(t, dep.id);
    const q = await w.queue({});
    const m = await api(t.url, 'POST', '/api/ivr-menus', {
      token: w.sup,
      body: {
        name: 'closed',
        prompt: 'sound:welcome',
        choices: { '1': { queueId: q.id } },
        businessHours: { timeZone: 'Europe/Paris', weekly: {} },
        afterHours: { kind: 'callback-request', prompt: 'sound:leave-a-message' },
      },
    });
    expect(m.status).toBe(201);
    const did = aDid();
    expect(
      (await api(t.url, 'POST', '/api/dids', { token: w.sup, body: { number: did, ivrMenuId: m.body.id } })).status,
    ).toBe(201);
    // The caller speaks for about a second after the beep, then hangs up.
    const c = sim.injectInbound({ number: did, callerId: '+33655555555', patienceSeconds: 1.5 })!;
    const row = await untilRow(ds, c.id, (r) => r.path.some((p) => p.step === 'callback-recorded'), 'recorded');
    expect(row.outcome).toBe('callback-request');
    expect(row.path.map((p) => p.step)).toEqual(['entry', 'after-hours', 'callback-request', 'callback-recorded']);
    const rec = sim.requests().find((r) => r.method === 'POST' && r.path === `/ari/channels/${c.id}/record`);
    expect(rec?.query).toMatchObject({ name: `acd-callback-request-${row.id}`, format: 'wav' });

    const list = await pollUntil(
      async () => {
        const r = await api(t.url, 'GET', '/api/callback-requests', { token: w.sup });
        return r.body.length > 0 ? r : undefined;
      },
      { what: 'listed' },
    );
    expect(list.body).toEqual([
      {
        inboundCallId: row.id,
        departmentId: dep.id,
        callerNumber: '+33655555555',
        did,
        arrivedAt: expect.any(String),
        recording: `acd-callback-request-${row.id}`,
        recordedSeconds: expect.any(Number),
      },
    ]);
    // Another department's supervisor does not see it.
    const other = await anAcdWorld(t, (await aDepartment(ds)).id);
    expect((await api(t.url, 'GET', '/api/callback-requests', { token: other.sup })).body).toEqual([]);
  });

  it("occupancy: talk on the queue's calls ÷ its members' logged-in time, recomputed from the rows", async () => {
    const ds = t.db.ds;
    const w = await anAcdWorld(t, (await aDepartment(ds)).id);
    const q = await w.queue({});
    const other = await w.queue({});
    const [a, b, outsider] = [await w.agent(), await w.agent(), await w.agent()];
    await w.join(q.id, a.id);
    await w.join(q.id, b.id);
    await w.join(other.id, outsider.id);
    const at = (hhmm: string): Date => new Date(`2026-01-05T${hhmm}:00Z`);
    const change = (agent: string, to: string, hhmm: string): Promise<unknown> =>
      ds.query(`INSERT INTO agent_state_changes (agent_id, from_state, to_state, at) VALUES ($1, NULL, $2, $3)`, [
        agent,
        to,
        at(hhmm),
      ]);
    // a: logged in 09:30 → 10:30 and 10:40 → 12:00 (paused counts as logged in); b: 10:30 → still on;
    // the outsider (another queue) does not count.
    await change(a.id, 'ready', '09:30');
    await change(a.id, 'paused', '10:15');
    await change(a.id, 'offline', '10:30');
    await change(a.id, 'ready', '10:40');
    await change(a.id, 'offline', '12:00');
    await change(b.id, 'ready', '10:30');
    await change(outsider.id, 'ready', '10:00');
    const [call] = await ds.query(
      `INSERT INTO inbound_calls (channel_id, arrived_at, path) VALUES ('occupancy-test', now(), '[]') RETURNING id`,
    );
    const ev = (queue: string, event: string, data: object, hhmm: string): Promise<unknown> =>
      ds.query(`INSERT INTO queue_events (inbound_call_id, queue_id, event, data, at) VALUES ($1, $2, $3, $4, $5)`, [
        call.id,
        queue,
        event,
        JSON.stringify(data),
        at(hhmm),
      ]);
    await ev(q.id, 'COMPLETECALLER', { talktime: 600 }, '10:10');
    await ev(q.id, 'TRANSFER', { to: 'queue:x', talktime: 300 }, '10:45');
    await ev(q.id, 'ATTENDEDTRANSFER', { state: 'consulting' }, '10:50');
    await ev(q.id, 'ATTENDEDTRANSFER', { state: 'completed', talktime: 120 }, '10:52');
    await ev(q.id, 'COMPLETECALLER', { talktime: 999 }, '11:30'); // after the period
    await ev(other.id, 'COMPLETECALLER', { talktime: 500 }, '10:20'); // another queue

    const f = await queueFigures(ds, q.id, 20, at('10:00'), at('11:00'));
    // busy 600 + 300 + 120 = 1020 s; logged in: a 30 + 20 min, b 30 min = 4800 s
    expect(f.busySeconds).toBe(1020);
    expect(f.loggedInSeconds).toBe(4800);
    expect(f.occupancy).toBeCloseTo(1020 / 4800, 10);
    const empty = await queueFigures(ds, q.id, 20, at('08:00'), at('09:00'));
    expect(empty).toMatchObject({ busySeconds: 0, loggedInSeconds: 0, occupancy: null });
  });
});
