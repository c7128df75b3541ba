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

const ENV = { SIM_PORT: '0', DIALER_TICK_MS: '100', DIALER_LEASE_SECONDS: '3', DIALER_INSTANCE_ID: 'predictive-a' };
const ONCE = {
  busy: { retryAfterMinutes: 0, maxRetries: 0 },
  noAnswer: { retryAfterMinutes: 0, maxRetries: 0 },
  machine: { retryAfterMinutes: 0, maxRetries: 0 },
  failed: { retryAfterMinutes: 0, maxRetries: 1 },
  abandoned: { retryAfterMinutes: 0, maxRetries: 0 },
  maxAttemptsPerContact: 3,
  maxAttemptsPerNumber: 3,
};

async function untilState(t: TestApp, id: string, state: string, timeoutMs = 40_000): Promise<void> {
  await pollUntil(
    async () => (await t.db.ds.query(`SELECT state FROM campaigns WHERE id = $1`, [id]))[0].state === state,
    { timeoutMs, what: `campaign ${state}` },
  );
}

describe('predictive campaign over the simulator', () => {
  let t: TestApp;
  let sim: AsteriskSim;
  beforeAll(async () => {
    t = await startTestApp('dialer', ENV);
    sim = t.app.get(ASTERISK_SIM);
  }, 30_000);
  afterAll(async () => {
    await t?.close();
  });

  it('runs AMD through the dialplan, bridges people at once, hangs up on machines, settles every contact', async () => {
    const ds = t.db.ds;
    sim.setTimeScale(4);
    const dep = await aDepartment(ds);
    const c = await aCampaign(ds, {
      departmentId: dep.id,
      mode: 'predictive',
      amdEnabled: true,
      pacing: { ringTimeoutSeconds: 8, maxLinesPerAgent: 2 },
      retryPolicy: ONCE,
      agentGroup: 'sales',
      requiredSkills: { english: 3 },
    });
    const humans = await someContacts(
      ds,
      c,
      Array.from({ length: 10 }, () => ({})),
    );
    const machines = await someContacts(
      ds,
      c,
      Array.from({ length: 3 }, () => ({})),
    );
    const busy = await someContacts(
      ds,
      c,
      Array.from({ length: 3 }, () => ({})),
    );
    const silent = await someContacts(
      ds,
      c,
      Array.from({ length: 2 }, () => ({})),
    );
    for (const p of humans) sim.setNumberBehaviour(p.numbers[0], { outcome: 'human', ringSeconds: 1, talkSeconds: 8 });
    for (const p of machines)
      sim.setNumberBehaviour(p.numbers[0], { outcome: 'machine', ringSeconds: 1, talkSeconds: 20 });
    for (const p of busy) sim.setNumberBehaviour(p.numbers[0], { outcome: 'busy', ringSeconds: 1 });
    for (const p of silent) sim.setNumberBehaviour(p.numbers[0], { outcome: 'noanswer' });

    const agents = [];
    for (let i = 0; i < 3; i++) agents.push(await anAgent(ds, dep.id, { groups: ['sales'], skills: { english: 4 } }));
    const outsider = await anAgent(ds, dep.id, { groups: ['support'], skills: { english: 9 } });
    await setState(ds, c, 'running');
    const refused = await api(t.url, 'POST', '/api/agent/session', {
      token: t.tokenFor(outsider.user),
      body: { campaignId: c.id },
    });
    expect(refused.status).toBe(409);
    const tokens = agents.map((a) => t.tokenFor(a.user));
    for (const tok of tokens) {
      // No campaign given: the agent joins the running campaign whose group and skills they meet.
      const r = await api(t.url, 'POST', '/api/agent/session', { token: tok, body: {} });
      expect(r.status).toBe(201);
      expect(r.body.campaignId).toBe(c.id);
    }
    const bots = tokens.map((tok) => agentBot(t.url, tok));
    try {
      await untilState(t, c.id, 'completed');
    } finally {
      for (const b of bots) await b.stop();
      sim.setTimeScale(1);
    }
    expect(bots.flatMap((b) => b.errors)).toEqual([]);

    const attempts = await ds.query(`SELECT * FROM call_attempts WHERE campaign_id = $1`, [c.id]);
    const byContact = (ids: { contactId: string }[]): any[] =>
      attempts.filter((a: any) => ids.some((x) => x.contactId === a.contact_id));
    expect(attempts).toHaveLength(18);
    for (const a of byContact(humans)) {
      expect(a).toMatchObject({ outcome: 'answered-human', amd_result: 'human', disposition_code: 'SALE' });
      expect(a.amd_at).not.toBeNull();
      expect(a.bridged_at.getTime()).toBeGreaterThanOrEqual(a.amd_at.getTime());
    }
    for (const a of byContact(machines))
      expect(a).toMatchObject({ outcome: 'machine', amd_result: 'machine', bridged_at: null });
    for (const a of byContact(busy)) expect(a.outcome).toBe('busy');
    for (const a of byContact(silent)) expect(a.outcome).toBe('no-answer');
    const cc = await ds.query(
      `SELECT status, count(*)::int AS n FROM campaign_contacts WHERE campaign_id = $1 GROUP BY status`,
      [c.id],
    );
    expect(Object.fromEntries(cc.map((r: any) => [r.status, r.n]))).toEqual({ done: 10, exhausted: 8 });

    // ARI requests: AMD continues for every answered call, one addChannel per person, a DELETE per machine.
    const log = sim.requests();
    const continues = log.filter((r) => /\/continue$/.test(r.path));
    const answered = [...byContact(humans), ...byContact(machines)];
    for (const a of answered) {
      const mine = continues.filter((r) => r.path === `/ari/channels/${encodeURIComponent(a.channel_id)}/continue`);
      expect(mine).toHaveLength(1);
      expect(mine[0].query).toMatchObject({ context: 'dialer-amd' });
    }
    const adds = addChannelRequests(sim);
    for (const a of byContact(humans)) expect(adds.filter((r) => r.query.channel === a.channel_id)).toHaveLength(1);
    for (const a of byContact(machines)) {
      expect(adds.some((r) => r.query.channel === a.channel_id)).toBe(false);
      expect(
        log.some((r) => r.method === 'DELETE' && r.path === `/ari/channels/${encodeURIComponent(a.channel_id)}`),
      ).toBe(true);
    }
    expect(customerOriginates(sim).filter((r) => String(r.query.channelId).startsWith(c.id))).toHaveLength(18);
    const lat = t.app.get(CampaignRunner).latency.summary();
    console.log(`predictive (AMD) verdict→bridge latency ms: ${JSON.stringify(lat)}`);
    expect(lat.p50!).toBeLessThan(300); // target 300 ms; p95 is logged (it includes event-loop load of the test)
  }, 55_000);

  it('with no agent free, answered people hear the abandon message; the pacer then holds within the abandon budget', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const c = await aCampaign(ds, {
      departmentId: dep.id,
      mode: 'predictive',
      state: 'paused',
      pacing: { ringTimeoutSeconds: 8, abandonCapPercent: 3 },
      retryPolicy: ONCE,
      abandonMessage: 'dialer-abandon',
    });
    const first = await someContacts(ds, c, [{ priority: 9 }, { priority: 9 }, { priority: 9 }]);
    const later = await someContacts(
      ds,
      c,
      Array.from({ length: 6 }, () => ({})),
    );
    // They would hang up after 6 s: the abandon message (2 s after the answer, 3 s long) comes first.
    for (const p of first) sim.setNumberBehaviour(p.numbers[0], { outcome: 'human', ringSeconds: 1.5, talkSeconds: 6 });
    for (const p of later)
      sim.setNumberBehaviour(p.numbers[0], { outcome: 'human', ringSeconds: 0.5, talkSeconds: 0.5 });
    const agents = [];
    for (let i = 0; i < 3; i++) agents.push(await anAgent(ds, dep.id));
    const tokens = agents.map((a) => t.tokenFor(a.user));
    for (const tok of tokens)
      expect((await api(t.url, 'POST', '/api/agent/session', { token: tok, body: { campaignId: c.id } })).status).toBe(
        201,
      );
    await setState(ds, c, 'running');
    // Three ready agents: three dials. While they ring, two agents go on a break.
    await pollUntil(
      () => customerOriginates(sim).filter((r) => String(r.query.channelId).startsWith(c.id)).length >= 3,
      {
        timeoutMs: 10_000,
        what: 'three dials',
      },
    );
    for (const tok of tokens.slice(1))
      expect(await api(t.url, 'POST', '/api/agent/pause', { token: tok, body: { reason: 'coffee' } })).toMatchObject({
        status: 200,
        body: { state: 'paused', reason: 'coffee' },
      });
    const bots = [agentBot(t.url, tokens[0])];
    try {
      const abandoned = await pollUntil(
        async () => {
          const rows = await ds.query(
            `SELECT channel_id FROM call_attempts WHERE campaign_id = $1 AND outcome = 'abandoned'`,
            [c.id],
          );
          return rows.length >= 2 ? rows : undefined;
        },
        { timeoutMs: 15_000, what: 'two abandons' },
      );
      // The abandon message was played to each, then the call was hung up.
      const log = sim.requests();
      for (const a of abandoned) {
        const path = `/ari/channels/${encodeURIComponent(a.channel_id)}`;
        const play = log.findIndex((r) => r.method === 'POST' && r.path.startsWith(`${path}/play/`));
        expect(play).toBeGreaterThanOrEqual(0);
        expect(log[play].query.media).toBe('sound:dialer-abandon');
        expect(log.findIndex((r) => r.method === 'DELETE' && r.path === path)).toBeGreaterThan(play);
      }
      // Back from the break: the budget is spent (2 of 3), so the pacer dials no more than the ready agents can take.
      bots.push(...tokens.slice(1).map((tok) => agentBot(t.url, tok)));
      for (const tok of tokens.slice(1))
        expect(await api(t.url, 'POST', '/api/agent/ready', { token: tok })).toMatchObject({
          status: 200,
          body: { state: 'ready' },
        });
      await untilState(t, c.id, 'completed', 30_000);
    } finally {
      for (const b of bots) await b.stop();
    }
    const rows = await ds.query(
      `SELECT outcome, count(*)::int AS n FROM call_attempts WHERE campaign_id = $1 GROUP BY outcome`,
      [c.id],
    );
    expect(Object.fromEntries(rows.map((r: any) => [r.outcome, r.n]))).toEqual({ 'answered-human': 7, abandoned: 2 });
    const live = await api(t.url, 'GET', `/api/campaigns/${c.id}/live`, {
      token: t.tokenFor(await aUser(t.db.ds, 'planner', dep.id)),
    });
    expect(live.body).toMatchObject({ answeredByPerson: 9, abandoned: 2 });
    expect(live.body.abandonRate.run).toBeCloseTo(2 / 9, 5);
  }, 55_000);
});
