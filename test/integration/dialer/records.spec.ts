// What a run leaves in the database, checked over a whole demo-like run on the simulator (issue 9): every attempt
// ends with a disposition (the agent's or the system's), congestion is its own outcome with its own retry rule, and
// agent_state_changes is one chain per agent (each row starts where the previous one ended), across
// pilot → pilot review → running → completed. And a phone Asterisk does not have is named as such at login.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AsteriskSim } from '@app/asterisk-sim';
import { pollUntil } from '@app/common';
import { Agent } from '@app/database';
import { AgentSessionService, ASTERISK_SIM } from '@app/dialer';
import { aDepartment } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { agentBot } from './agent-bot';
import { aCampaign, anAgent, setState, someContacts } from '../../support/campaign-builders';

const ENV = { SIM_PORT: '0', DIALER_TICK_MS: '100', DIALER_LEASE_SECONDS: '3', DIALER_INSTANCE_ID: 'records-a' };

const campaignState = async (t: TestApp, id: string): Promise<string> =>
  (await t.db.ds.query(`SELECT state FROM campaigns WHERE id = $1`, [id]))[0].state;

describe('records of a campaign run over the simulator', () => {
  let t: TestApp;
  let sim: AsteriskSim;
  beforeAll(async () => {
    t = await startTestApp('dialer', ENV);
    sim = t.app.get(ASTERISK_SIM);
  }, 30_000);
  afterAll(async () => {
    await t?.close();
  });

  it('pilot → review → running → completed: dispositions on every attempt, congestion apart, one state chain per agent', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const c = await aCampaign(ds, {
      departmentId: dep.id,
      mode: 'progressive',
      amdEnabled: true,
      pacing: { ringTimeoutSeconds: 2 },
      retryPolicy: {
        busy: { retryAfterMinutes: 0, maxRetries: 0 },
        noAnswer: { retryAfterMinutes: 0, maxRetries: 0 },
        machine: { retryAfterMinutes: 0, maxRetries: 0 },
        failed: { retryAfterMinutes: 0, maxRetries: 0 },
        abandoned: { retryAfterMinutes: 0, maxRetries: 0 },
        // Its own rule: one retry, where a failed call gets none.
        congestion: { retryAfterMinutes: 0, maxRetries: 1 },
        maxAttemptsPerContact: 6,
        maxAttemptsPerNumber: 6,
      },
    });
    const pilot = await someContacts(ds, c, [{ pilot: true }, { pilot: true }]);
    const rest = await someContacts(ds, c, [{}, {}, {}, {}, {}, {}, {}]);
    const [person, busy, noAnswer, congestion, rejected, invalid, machine] = rest;
    const fast = { ringSeconds: 0.2 };
    for (const p of [...pilot, person])
      // AMD listens 2.5 s first: the person talks on after that.
      sim.setNumberBehaviour(p.numbers[0], { outcome: 'human', ...fast, talkSeconds: 4 });
    sim.setNumberBehaviour(busy.numbers[0], { outcome: 'busy', ...fast });
    sim.setNumberBehaviour(noAnswer.numbers[0], { outcome: 'noanswer' });
    sim.setNumberBehaviour(congestion.numbers[0], { outcome: 'congestion', ...fast });
    sim.setNumberBehaviour(rejected.numbers[0], { outcome: 'rejected', ...fast });
    sim.setNumberBehaviour(invalid.numbers[0], { outcome: 'invalid', ...fast });
    sim.setNumberBehaviour(machine.numbers[0], { outcome: 'machine', ...fast, talkSeconds: 30 });

    const agents = [await anAgent(ds, dep.id), await anAgent(ds, dep.id)];
    const tokens = agents.map((a) => t.tokenFor(a.user));
    await setState(ds, c, 'pilot');
    for (const token of tokens) {
      const r = await api(t.url, 'POST', '/api/agent/session', { token, body: { campaignId: c.id } });
      expect(r.status).toBe(201);
    }
    const bots = tokens.map((token) => agentBot(t.url, token));
    try {
      await pollUntil(async () => (await campaignState(t, c.id)) === 'pilot_review', {
        timeoutMs: 20_000,
        what: 'pilot_review',
      });
      await setState(ds, c, 'running');
      await pollUntil(async () => (await campaignState(t, c.id)) === 'completed', {
        timeoutMs: 40_000,
        what: 'completed',
      });
    } finally {
      for (const b of bots) await b.stop();
    }
    expect(bots.flatMap((b) => b.errors)).toEqual([]);
    for (const token of tokens) {
      expect((await api(t.url, 'DELETE', '/api/agent/session', { token })).body).toMatchObject({ state: 'offline' });
    }

    // 6. Every attempt ended, each with a disposition: the agent's (SALE) or the system's for its outcome.
    const attempts: {
      called_number: string;
      outcome: string;
      dial_status: string | null;
      disposition_code: string | null;
      disposition_category: string | null;
      ended_at: Date | null;
    }[] = await ds.query(
      `SELECT called_number, outcome, dial_status, disposition_code, disposition_category, ended_at
         FROM call_attempts WHERE campaign_id = $1 ORDER BY queued_at`,
      [c.id],
    );
    expect(attempts.filter((a) => a.ended_at === null || a.disposition_code === null)).toEqual([]);
    const byNumber = (n: string[]) => attempts.filter((a) => a.called_number === n[0]);
    const codes = (n: string[]) =>
      byNumber(n).map((a) => `${a.outcome}:${a.disposition_code}:${a.disposition_category}`);
    for (const p of [...pilot, person]) expect(codes(p.numbers)).toEqual(['answered-human:SALE:success']);
    expect(codes(busy.numbers)).toEqual(['busy:BUSY:no-contact']);
    expect(codes(noAnswer.numbers)).toEqual(['no-answer:NO_ANSWER:no-contact']);
    expect(codes(rejected.numbers)).toEqual(['rejected:REJECTED:no-contact']);
    expect(codes(invalid.numbers)).toEqual(['invalid-number:INVALID_NUMBER:no-contact']);
    expect(codes(machine.numbers)).toEqual(['machine:MACHINE:no-contact']);

    // 5. Congestion: stored as such, retried under its own rule (1 retry; failed calls got none).
    expect(codes(congestion.numbers)).toEqual(['congestion:CONGESTION:no-contact', 'congestion:CONGESTION:no-contact']);
    expect(byNumber(congestion.numbers).map((a) => a.dial_status)).toEqual(['CONGESTION', 'CONGESTION']);
    const [cc] = await ds.query(
      `SELECT status, attempts, attempts_by_outcome, last_disposition FROM campaign_contacts WHERE id = $1`,
      [congestion.campaignContactId],
    );
    expect(cc).toMatchObject({
      status: 'exhausted',
      attempts: 2,
      attempts_by_outcome: { congestion: 2 },
      last_disposition: 'CONGESTION',
    });

    // 7. One chain per agent: from offline at login, through the pilot, its review and the running campaign, back
    // to offline at logout, each row's from_state equal to the previous row's to_state.
    for (const { agent } of agents) {
      const rows: { from_state: string | null; to_state: string }[] = await ds.query(
        `SELECT from_state, to_state FROM agent_state_changes WHERE agent_id = $1 ORDER BY id`,
        [agent.id],
      );
      const breaks = rows
        .map((r, i) => ({ i, from: r.from_state, previousTo: i === 0 ? 'offline' : rows[i - 1].to_state }))
        .filter((x) => x.from !== x.previousTo);
      expect(breaks).toEqual([]);
      expect(rows.at(-1)?.to_state).toBe('offline');
      expect(rows.map((r) => r.to_state)).toEqual(expect.arrayContaining(['ready', 'reserved', 'talking', 'wrap-up']));
    }
  }, 90_000);

  it('a restarted dialer closes the sessions it finds open from their last state, not from nowhere', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const { user, agent } = await anAgent(ds, dep.id);
    const token = t.tokenFor(user);
    expect((await api(t.url, 'POST', '/api/agent/session', { token, body: {} })).body).toMatchObject({
      state: 'ready',
    });
    // What a new process does at start for sessions of a dead one (here: this process's own, seen from the database).
    await t.app.get(AgentSessionService).init();
    const rows = await ds.query(
      `SELECT from_state, to_state, reason FROM agent_state_changes WHERE agent_id = $1 ORDER BY id`,
      [agent.id],
    );
    expect(rows).toEqual([
      { from_state: 'offline', to_state: 'ready', reason: null },
      { from_state: 'ready', to_state: 'offline', reason: 'dialer restarted' },
    ]);
    await api(t.url, 'DELETE', '/api/agent/session', { token });
  });

  it('a carrier Asterisk cannot reach: the attempt fails with "endpoint not reachable or not registered"', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const c = await aCampaign(ds, {
      departmentId: dep.id,
      mode: 'progressive',
      retryPolicy: { failed: { retryAfterMinutes: 0, maxRetries: 0 }, maxAttemptsPerContact: 3 },
    });
    const [contact] = await someContacts(ds, c, [{}]);
    const { user } = await anAgent(ds, dep.id);
    const token = t.tokenFor(user);
    // Like a carrier whose host does not resolve: every originate to PJSIP/<number>@carrier answers 500.
    sim.undeclareEndpoint('PJSIP/*@carrier');
    try {
      await setState(ds, c, 'running');
      expect((await api(t.url, 'POST', '/api/agent/session', { token, body: { campaignId: c.id } })).status).toBe(201);
      await pollUntil(async () => (await campaignState(t, c.id)) === 'completed', {
        timeoutMs: 20_000,
        what: 'completed',
      });
    } finally {
      sim.declareEndpoints(['PJSIP/*@carrier']);
    }
    await api(t.url, 'DELETE', '/api/agent/session', { token });
    const rows = await ds.query(
      `SELECT outcome, disposition_code, hangup_cause_text, ended_at IS NOT NULL AS ended
         FROM call_attempts WHERE campaign_id = $1`,
      [c.id],
    );
    expect(rows).toEqual([
      {
        outcome: 'failed',
        disposition_code: 'FAILED',
        hangup_cause_text: expect.stringContaining(
          `originate: PJSIP/${contact.numbers[0]}@carrier: endpoint not reachable or not registered`,
        ),
        ended: true,
      },
    ]);
  });

  it('a phone Asterisk does not have: 503 "endpoint not reachable or not registered", not an opaque 500', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const { user, agent } = await anAgent(ds, dep.id);
    // assigned to the agent (so the login passes the endpoint check), but unknown to Asterisk
    await ds
      .getRepository(Agent)
      .update(agent.id, { endpoints: [...agent.endpoints, 'PJSIP/nobody', 'PJSIP/agent-9xyz'] });
    for (const endpoint of ['PJSIP/nobody', 'PJSIP/agent-9xyz']) {
      const r = await api(t.url, 'POST', '/api/agent/session', { token: t.tokenFor(user), body: { endpoint } });
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({
        error: 'unavailable',
        message: `the agent's phone ${endpoint}: endpoint not reachable or not registered`,
        details: [{ field: 'endpoint', reason: 'not reachable or not registered' }],
      });
    }
    const [row] = await ds.query(`SELECT state, session_channel_id FROM agents WHERE id = $1`, [agent.id]);
    expect(row).toEqual({ state: 'offline', session_channel_id: null });
    // Registered as a phone, the same name works.
    sim.registerAgent('PJSIP/nobody');
    try {
      const ok = await api(t.url, 'POST', '/api/agent/session', {
        token: t.tokenFor(user),
        body: { endpoint: 'PJSIP/nobody' },
      });
      expect([ok.status, ok.body]).toMatchObject([201, { loggedIn: true }]);
      await api(t.url, 'DELETE', '/api/agent/session', { token: t.tokenFor(user) });
    } finally {
      sim.engine.agents.delete('PJSIP/nobody');
    }
  });
});
