import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AsteriskSim } from '@app/asterisk-sim';
import { pollUntil } from '@app/common';
import { AgentSessionEvents, ASTERISK_SIM, type AgentSessionEventMap } from '@app/dialer';
import { aDepartment } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import {
  aCampaign,
  addChannelRequests,
  anAgent,
  customerOriginates,
  setState,
  someContacts,
} from '../../support/campaign-builders';

const ENV = { SIM_PORT: '0', DIALER_TICK_MS: '100', DIALER_LEASE_SECONDS: '3', DIALER_INSTANCE_ID: 'preview-a' };

describe('preview campaign over the simulator', () => {
  let t: TestApp;
  let sim: AsteriskSim;
  beforeAll(async () => {
    t = await startTestApp('dialer', ENV);
    sim = t.app.get(ASTERISK_SIM);
  }, 30_000);
  afterAll(async () => {
    await t?.close();
  });

  it('offers a contact, dials only when the agent says so (or after the auto-dial delay), skips with a reason', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const c = await aCampaign(ds, { departmentId: dep.id, mode: 'preview', wrapUpSeconds: 60 });
    const [skipped, dialed, promised, auto] = await someContacts(ds, c, [
      { priority: 4, firstName: 'Skip' },
      { priority: 3, firstName: 'Dial' },
      { priority: 2, firstName: 'Promise' },
      { priority: 1, firstName: 'Auto' },
    ]);
    for (const p of [skipped, dialed, promised, auto])
      sim.setNumberBehaviour(p.numbers[0], { outcome: 'human', ringSeconds: 0.3, talkSeconds: 30 });
    const { user, agent } = await anAgent(ds, dep.id);
    const token = t.tokenFor(user);
    const events = t.app.get(AgentSessionEvents);
    const seen: { offer: AgentSessionEventMap['offer'][]; call: string[]; state: string[] } = {
      offer: [],
      call: [],
      state: [],
    };
    const offs = [
      events.on('offer', (e) => e.agentId === agent.id && seen.offer.push(e)),
      events.on('call-state', (e) => e.agentId === agent.id && seen.call.push(e.state)),
      events.on('state', (e) => e.agentId === agent.id && seen.state.push(e.state)),
    ];
    await setState(ds, c, 'running');
    const login = await api(t.url, 'POST', '/api/agent/session', { token, body: { campaignId: c.id } });
    expect(login.status).toBe(201);
    const bridgeId = login.body.bridgeId;
    const offerFor = async (contactId: string): Promise<any> =>
      pollUntil(
        async () => {
          const s = await api(t.url, 'GET', '/api/agent/session', { token });
          return s.body.offer?.contact.id === contactId ? s.body : undefined;
        },
        { timeoutMs: 10_000, what: `offer of ${contactId}` },
      );
    const stateIs = (state: string): Promise<any> =>
      pollUntil(
        async () => {
          const s = await api(t.url, 'GET', '/api/agent/session', { token });
          return s.body.state === state ? s.body : undefined;
        },
        { timeoutMs: 10_000, what: state },
      );
    const dialsOf = (e164: string): number =>
      customerOriginates(sim).filter((r) => r.query.endpoint?.includes(e164)).length;

    try {
      // 1. The first offer: the contact and its fields, nothing dialed yet. The agent skips it.
      const s1 = await offerFor(skipped.contactId);
      expect(s1.offer.contact).toMatchObject({
        firstName: 'Skip',
        phone: skipped.numbers[0],
        fields: { plan: 'gold' },
      });
      expect(dialsOf(skipped.numbers[0])).toBe(0);
      const skip = await api(t.url, 'POST', '/api/agent/preview/skip', { token, body: { reason: 'wrong language' } });
      expect(skip.status).toBe(200);
      const [sk] = await ds.query(
        `SELECT status, next_attempt_at, last_disposition FROM campaign_contacts WHERE id = $1`,
        [skipped.campaignContactId],
      );
      expect(sk).toMatchObject({ status: 'pending', last_disposition: 'SKIP:wrong language' });
      expect(sk.next_attempt_at.getTime()).toBeGreaterThan(Date.now());

      // 2. The next offer is dialed by the agent, bridged into the agent's bridge, and disposed with answers.
      const s2 = await offerFor(dialed.contactId);
      const dial = await api(t.url, 'POST', '/api/agent/preview/dial', { token });
      expect(dial.status).toBe(200);
      const talking = await stateIs('talking');
      expect(talking.call.callId).toBe(s2.offer.attemptId);
      expect(talking.contact.id).toBe(dialed.contactId);
      const disp = await api(t.url, 'POST', '/api/agent/disposition', {
        token,
        body: { code: 'SALE', answers: { q1: 'yes' }, note: 'happy customer' },
      });
      expect(disp.status).toBe(200);
      const [a2] = await ds.query(`SELECT * FROM call_attempts WHERE channel_id = $1`, [s2.offer.attemptId]);
      expect(a2).toMatchObject({
        outcome: 'answered-human',
        disposition_code: 'SALE',
        agent_id: agent.id,
        script_answers: { q1: 'yes' },
        note: 'happy customer',
        hangup_by: 'agent',
      });
      expect(
        addChannelRequests(sim)
          .filter((r) => r.path.includes(bridgeId))
          .map((r) => r.query.channel),
      ).toContain(s2.offer.attemptId);

      // 3. A callback promised by this agent, for this agent (disposed while talking: the call ends first).
      await offerFor(promised.contactId);
      expect((await api(t.url, 'POST', '/api/agent/preview/dial', { token })).status).toBe(200);
      await stateIs('talking');
      const at = new Date(Date.now() + 3600_000).toISOString();
      expect((await api(t.url, 'POST', '/api/agent/callback', { token, body: { at, mine: true } })).status).toBe(200);
      const [cb] = await ds.query(`SELECT * FROM callbacks WHERE campaign_contact_id = $1`, [
        promised.campaignContactId,
      ]);
      expect(cb).toMatchObject({ agent_id: agent.id, status: 'pending' });
      expect(cb.due_at.toISOString()).toBe(at);
      const [pc] = await ds.query(`SELECT status, owner_agent_id FROM campaign_contacts WHERE id = $1`, [
        promised.campaignContactId,
      ]);
      expect(pc).toEqual({ status: 'pending', owner_agent_id: agent.id });

      // 4. With an auto-dial delay, the offer is dialed by itself; the person asks not to be called again.
      await ds.query(`UPDATE campaigns SET preview_auto_dial_seconds = 1, updated_at = now() WHERE id = $1`, [c.id]);
      const s4 = await offerFor(auto.contactId);
      expect(s4.offer.autoDialAt).not.toBeNull();
      await stateIs('talking');
      expect((await api(t.url, 'POST', '/api/agent/dnc', { token, body: {} })).status).toBe(200);
      const [dc] = await ds.query(`SELECT status FROM campaign_contacts WHERE id = $1`, [auto.campaignContactId]);
      expect(dc.status).toBe('dnc');
      const dnc = await ds.query(`SELECT scope, department_id FROM dnc_entries WHERE e164 = $1`, [auto.numbers[0]]);
      expect(dnc).toEqual([{ scope: 'department', department_id: dep.id }]);

      expect(dialsOf(skipped.numbers[0])).toBe(0);
      expect(seen.offer.map((o) => o.contact.id)).toEqual([
        skipped.contactId,
        dialed.contactId,
        promised.contactId,
        auto.contactId,
      ]);
      expect(seen.offer.every((o) => o.preview && o.campaignId === c.id)).toBe(true);
      expect(seen.call).toEqual(expect.arrayContaining(['dialing', 'ringing', 'answered', 'bridged', 'ended']));
      expect(seen.state).toEqual(expect.arrayContaining(['ready', 'reserved', 'talking', 'wrap-up']));
    } finally {
      for (const off of offs) off();
    }
    // Paused, the agent gets no offer; logging out gives the offer's contact back.
    await ds.query(`UPDATE campaigns SET preview_auto_dial_seconds = NULL, updated_at = now() WHERE id = $1`, [c.id]);
    const paused = await api(t.url, 'POST', '/api/agent/pause', { token, body: { reason: 'lunch' } });
    expect(paused.body).toMatchObject({ state: 'paused', reason: 'lunch', offer: null });
    const out = await api(t.url, 'DELETE', '/api/agent/session', { token });
    expect(out.body).toMatchObject({ state: 'offline', loggedIn: false });
    const [ag] = await ds.query(`SELECT state, session_channel_id FROM agents WHERE id = $1`, [agent.id]);
    expect(ag).toEqual({ state: 'offline', session_channel_id: null });
  }, 55_000);

  it('answers 503 ari-unavailable while ARI is down, and /health says so', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const { user } = await anAgent(ds, dep.id);
    sim.setFailMode('http-500');
    sim.dropWebsockets();
    try {
      await pollUntil(async () => (await api(t.url, 'GET', '/health')).body.ari === 'down', { what: 'ari down' });
      const health = await api(t.url, 'GET', '/health');
      expect(health.status).toBe(503);
      const r = await api(t.url, 'POST', '/api/agent/session', { token: t.tokenFor(user), body: {} });
      expect(r).toMatchObject({ status: 503, body: { error: 'ari-unavailable' } });
    } finally {
      sim.setFailMode('none');
    }
    await pollUntil(async () => (await api(t.url, 'GET', '/health')).body.ari === 'up', {
      timeoutMs: 20_000,
      what: 'ari up',
    });
  }, 30_000);
});
