import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AsteriskSim } from '@app/asterisk-sim';
import { pollUntil } from '@app/common';
import { ASTERISK_SIM, CampaignRunner } from '@app/dialer';
import { aDepartment, aUser } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { agentBot } from './agent-bot';
import {
  aCampaign,
  addChannelRequests,
  anAgent,
  customerOriginates,
  setState,
  someContacts,
} from '../../support/campaign-builders';

const ENV = { SIM_PORT: '0', DIALER_TICK_MS: '100', DIALER_LEASE_SECONDS: '3', DIALER_INSTANCE_ID: 'progressive-a' };

describe('progressive campaign over the simulator', () => {
  let t: TestApp;
  let sim: AsteriskSim;
  beforeAll(async () => {
    t = await startTestApp('dialer', ENV);
    sim = t.app.get(ASTERISK_SIM);
  }, 30_000);
  afterAll(async () => {
    await t?.close();
  });

  it('reports ari up in /health', async () => {
    const res = await api(t.url, 'GET', '/health');
    expect(res.body).toMatchObject({ ari: 'up' });
  });

  it('dials one call per ready agent, bridges people to agents, and dispositions settle contacts', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const c = await aCampaign(ds, {
      departmentId: dep.id,
      mode: 'progressive',
      pacing: { ringTimeoutSeconds: 4 },
      retryPolicy: {
        busy: { retryAfterMinutes: 0, maxRetries: 1 },
        maxAttemptsPerContact: 6,
        maxAttemptsPerNumber: 6,
      },
    });
    const people = await someContacts(ds, c, [{}, {}, {}]);
    const [busy] = await someContacts(ds, c, [{}]);
    for (const p of people)
      sim.setNumberBehaviour(p.numbers[0], { outcome: 'human', ringSeconds: 0.3, talkSeconds: 0.6 });
    sim.setNumberBehaviour(busy.numbers[0], { outcome: 'busy', ringSeconds: 0.2 });

    const a1 = await anAgent(ds, dep.id);
    const a2 = await anAgent(ds, dep.id);
    const tok1 = t.tokenFor(a1.user);
    const tok2 = t.tokenFor(a2.user);
    await setState(ds, c, 'running');
    for (const tok of [tok1, tok2]) {
      const r = await api(t.url, 'POST', '/api/agent/session', { token: tok, body: { campaignId: c.id } });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ loggedIn: true, campaignId: c.id });
    }
    const bots = [agentBot(t.url, tok1), agentBot(t.url, tok2)];
    try {
      await pollUntil(
        async () => {
          const [r] = await ds.query(`SELECT state FROM campaigns WHERE id = $1`, [c.id]);
          return r.state === 'completed';
        },
        { timeoutMs: 30_000, what: 'campaign completed' },
      );
    } finally {
      for (const b of bots) await b.stop();
    }
    expect(bots.flatMap((b) => b.errors)).toEqual([]);

    const statuses = await ds.query(
      `SELECT contact_id, status, attempts FROM campaign_contacts WHERE campaign_id = $1`,
      [c.id],
    );
    const byContact = new Map(statuses.map((s: any) => [s.contact_id, s]));
    for (const p of people) expect(byContact.get(p.contactId)).toMatchObject({ status: 'done', attempts: 1 });
    expect(byContact.get(busy.contactId)).toMatchObject({ status: 'exhausted', attempts: 2 });

    const attempts = await ds.query(`SELECT * FROM call_attempts WHERE campaign_id = $1 ORDER BY queued_at`, [c.id]);
    expect(attempts).toHaveLength(5);
    const human = attempts.filter((a: any) => a.outcome === 'answered-human');
    expect(human).toHaveLength(3);
    for (const a of human) {
      for (const k of [
        'queued_at',
        'originated_at',
        'ringing_at',
        'answered_at',
        'bridged_at',
        'ended_at',
        'wrap_ended_at',
      ])
        expect(a[k]).not.toBeNull();
      expect(a.disposition_code).toBe('SALE');
      expect([a1.agent.id, a2.agent.id]).toContain(a.agent_id);
      expect(a.caller_id).toBe('+442071230000');
      expect(a.ended_at.getTime()).toBeGreaterThanOrEqual(a.bridged_at.getTime());
    }
    const busyRows = attempts.filter((a: any) => a.outcome === 'busy');
    expect(busyRows).toHaveLength(2);
    expect(busyRows[0]).toMatchObject({ dial_status: 'BUSY', hangup_cause: 17, agent_id: null });

    // What was sent to ARI: one originate per attempt, with our channel id, caller id, timeout and formats.
    const originates = customerOriginates(sim).filter((r) =>
      attempts.some((a: any) => a.channel_id === r.query.channelId),
    );
    expect(originates).toHaveLength(5);
    for (const o of originates) {
      const a = attempts.find((x: any) => x.channel_id === o.query.channelId);
      expect(o.query).toMatchObject({
        endpoint: `PJSIP/${a.called_number}@carrier`,
        app: 'dialer',
        callerId: '+442071230000',
        timeout: '4',
        formats: 'ulaw',
      });
    }
    // Each person joined an agent's bridge with one addChannel; the agents' own channels were added at login.
    const adds = addChannelRequests(sim);
    for (const a of human) expect(adds.filter((r) => r.query.channel === a.channel_id)).toHaveLength(1);
    // Progressive: never more calls in flight than ready agents (2).
    expect(maxConcurrent(attempts)).toBeLessThanOrEqual(2);

    const changes = await ds.query(`SELECT to_state FROM agent_state_changes WHERE agent_id = $1 ORDER BY id`, [
      a1.agent.id,
    ]);
    expect(changes.map((x: any) => x.to_state)).toEqual(
      expect.arrayContaining(['ready', 'reserved', 'talking', 'wrap-up']),
    );

    const live = await api(t.url, 'GET', `/api/campaigns/${c.id}/live`, {
      token: t.tokenFor(await aUser(t.db.ds, 'supervisor', dep.id)),
    });
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ answeredByPerson: 3, abandoned: 0, dials: { total: 5 } });
    const runner = t.app.get(CampaignRunner);
    const lat = runner.latency.summary();
    console.log(`progressive verdict→bridge latency ms: ${JSON.stringify(lat)}`);
    expect(lat.count).toBeGreaterThanOrEqual(3);
    expect(lat.p50!).toBeLessThan(300); // target 300 ms; p95 is logged (it includes event-loop load of the test)

    for (const tok of [tok1, tok2]) {
      const r = await api(t.url, 'DELETE', '/api/agent/session', { token: tok });
      expect(r.status).toBe(200);
      expect(r.body.state).toBe('offline');
    }
  }, 50_000);

  it('pause stops new dials (the live call finishes), running resumes; a pilot dials only its rows then goes to review', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const c = await aCampaign(ds, { departmentId: dep.id, mode: 'progressive', pacing: { ringTimeoutSeconds: 4 } });
    const pilotRows = await someContacts(ds, c, [{ pilot: true }, { pilot: true }]);
    const others = await someContacts(ds, c, [{}, {}]);
    for (const p of [...pilotRows, ...others])
      sim.setNumberBehaviour(p.numbers[0], { outcome: 'human', ringSeconds: 0.3, talkSeconds: 0.5 });
    const { user } = await anAgent(ds, dep.id);
    const token = t.tokenFor(user);
    await setState(ds, c, 'pilot');
    expect((await api(t.url, 'POST', '/api/agent/session', { token, body: { campaignId: c.id } })).status).toBe(201);
    const dials = (): string[] =>
      customerOriginates(sim)
        .filter((r) => String(r.query.channelId).startsWith(c.id))
        .map((r) => String(r.query.endpoint));
    const bot = agentBot(t.url, token);
    try {
      // Pilot: the two pilot contacts only, then the campaigns library moves it to pilot_review.
      await pollUntil(
        async () => (await ds.query(`SELECT state FROM campaigns WHERE id = $1`, [c.id]))[0].state === 'pilot_review',
        { timeoutMs: 20_000, what: 'pilot_review' },
      );
      expect(dials().sort()).toEqual(pilotRows.map((p) => `PJSIP/${p.numbers[0]}@carrier`).sort());

      // Running, then paused at once: nothing more is dialed while paused.
      await setState(ds, c, 'paused');
      const runner = t.app.get(CampaignRunner);
      await pollUntil(() => runner.handle(c.id), { timeoutMs: 10_000, what: 'the runner holds the paused campaign' });
      const loops = runner.handle(c.id)!.loops;
      await pollUntil(() => (runner.handle(c.id)?.loops ?? 0) >= loops + 3, {
        timeoutMs: 10_000,
        what: 'three runner passes',
      });
      expect(dials()).toHaveLength(2);
      await setState(ds, c, 'running');
      await pollUntil(
        async () => (await ds.query(`SELECT state FROM campaigns WHERE id = $1`, [c.id]))[0].state === 'completed',
        { timeoutMs: 20_000, what: 'completed' },
      );
      expect(dials()).toHaveLength(4);
    } finally {
      await bot.stop();
    }
    expect(bot.errors).toEqual([]);
  }, 50_000);
});

function maxConcurrent(rows: { originated_at: Date | null; ended_at: Date | null }[]): number {
  const ev: [number, number][] = [];
  for (const r of rows) {
    if (!r.originated_at || !r.ended_at) continue;
    ev.push([r.originated_at.getTime(), 1], [r.ended_at.getTime(), -1]);
  }
  ev.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let n = 0;
  let max = 0;
  for (const [, d] of ev) max = Math.max(max, (n += d));
  return max;
}
