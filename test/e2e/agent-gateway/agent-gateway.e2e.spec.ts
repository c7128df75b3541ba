import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import type { AsteriskSim } from '@app/asterisk-sim';
import { pollUntil } from '@app/common';
import { ASTERISK_SIM } from '@app/dialer';
import { aDepartment, aUser } from '../../support/builders';
import { startTestApp, type TestApp } from '../../support/test-app';
import { aRunningCampaign, anAgent, someContacts } from './fixtures';
import { connect, type RecordingSocket } from './socket-client';

const ENV = {
  SIM_PORT: '0',
  DIALER_TICK_MS: '100',
  DIALER_LEASE_SECONDS: '3',
  DIALER_INSTANCE_ID: 'agent-gateway-e2e',
};

describe('/agent socket namespace', () => {
  let t: TestApp;
  let sim: AsteriskSim;
  const sockets: RecordingSocket[] = [];
  const open = (auth: Record<string, unknown>): RecordingSocket => {
    const s = connect(t.url, '/agent', auth);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await startTestApp('dialer', ENV);
    sim = t.app.get(ASTERISK_SIM);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  describe('refuses', () => {
    it('a connection without a token', async () => {
      const s = open({});
      expect(await s.waitFor('error')).toEqual({ error: 'unauthenticated', message: 'an access token is required' });
      await s.waitFor('disconnect');
      expect(s.of('session')).toEqual([]);
    });

    it('a forged token', async () => {
      const dep = await aDepartment(t.db.ds);
      const u = await aUser(t.db.ds, 'agent', dep.id);
      const forged = new JwtService({ secret: 'another-secret-that-is-long-enough-to-sign' }).sign({
        sub: u.id,
        email: u.email,
        role: 'agent',
        dep: dep.id,
      });
      const s = open({ token: forged });
      expect(await s.waitFor('error')).toMatchObject({ error: 'unauthenticated' });
      await s.waitFor('disconnect');
    });

    it('a requester', async () => {
      const dep = await aDepartment(t.db.ds);
      const u = await aUser(t.db.ds, 'requester', dep.id);
      const s = open({ token: t.tokenFor(u) });
      expect(await s.waitFor('error')).toMatchObject({ error: 'forbidden' });
      await s.waitFor('disconnect');
      expect(s.of('session')).toEqual([]);
    });

    it("a supervisor watching another department's agent (as not found), and lets one watch their own", async () => {
      const dep = await aDepartment(t.db.ds);
      const other = await aDepartment(t.db.ds);
      const { agent } = await anAgent(t.db.ds, dep.id);
      const outsider = await aUser(t.db.ds, 'supervisor', other.id);
      const s = open({ token: t.tokenFor(outsider), agentId: agent.id });
      expect(await s.waitFor('error')).toMatchObject({ error: 'not-found' });
      await s.waitFor('disconnect');

      const sup = await aUser(t.db.ds, 'supervisor', dep.id);
      const missing = open({ token: t.tokenFor(sup) });
      expect(await missing.waitFor('error')).toMatchObject({ error: 'validation-failed' });
      const w = open({ token: t.tokenFor(sup), agentId: agent.id });
      expect(await w.waitFor('session')).toMatchObject({ agentId: agent.id, loggedIn: false, state: 'offline' });
    });

    it('an agent asking for someone else (as not found)', async () => {
      const dep = await aDepartment(t.db.ds);
      const a = await anAgent(t.db.ds, dep.id);
      const b = await anAgent(t.db.ds, dep.id);
      const s = open({ token: t.tokenFor(a.user), agentId: b.agent.id });
      expect(await s.waitFor('error')).toMatchObject({ error: 'not-found' });
    });
  });

  it('answers a bad payload with validation-failed and per-field details', async () => {
    const dep = await aDepartment(t.db.ds);
    const { user } = await anAgent(t.db.ds, dep.id);
    const s = open({ token: t.tokenFor(user) });
    await s.waitFor('session');

    const pause = await s.call('pause', {});
    expect(pause).toMatchObject({ ok: false, error: 'validation-failed' });
    expect(pause.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'reason' })]));

    const disp = await s.call('disposition', { code: 42, answers: 'yes', extra: true });
    expect(disp).toMatchObject({ ok: false, error: 'validation-failed' });
    const fields = (disp.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['code', 'answers', 'extra']));

    const cb = await s.call('callback', { at: 'tomorrow' });
    expect(cb).toMatchObject({ ok: false, error: 'validation-failed', details: [{ field: 'at' }] });

    const login = await s.call('login', { campaignId: 'not-a-uuid', endpoint: 'x' });
    expect((login.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['campaignId', 'endpoint']);

    expect(await s.call('pause', 'lunch')).toMatchObject({
      ok: false,
      error: 'validation-failed',
      details: [{ field: 'payload', reason: 'must be an object' }],
    });
    // Domain refusals use the same ack shape.
    expect(await s.call('ready')).toMatchObject({
      ok: false,
      error: 'conflict',
      message: 'the agent is not logged in',
    });
  });

  it('lets an agent log in, take a call with its offer and script, record answers, hang up and dispose', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const planner = await aUser(ds, 'planner', dep.id);
    const { campaign, scriptVersionId } = await aRunningCampaign(ds, dep.id, planner.id);
    const people = await someContacts(ds, campaign, 3);
    for (const p of people) sim.setNumberBehaviour(p.number, { outcome: 'human', ringSeconds: 0.2, talkSeconds: 60 });
    const { user, agent } = await anAgent(ds, dep.id);
    const endpoint = `PJSIP/agent-1${String(parseInt(agent.id.slice(0, 6), 16) % 1000).padStart(3, '0')}`;

    const s = open({ token: t.tokenFor(user) });
    expect(await s.waitFor('session')).toMatchObject({ agentId: agent.id, loggedIn: false });
    // A supervisor of the department watches the same agent's room.
    const sup = await aUser(ds, 'supervisor', dep.id);
    const w = open({ token: t.tokenFor(sup), agentId: agent.id });
    await w.waitFor('session');

    const login = await s.call('login', { endpoint, campaignId: campaign.id });
    expect(login).toMatchObject({ ok: true, session: { loggedIn: true, campaignId: campaign.id, endpoint } });
    expect(login.session).not.toHaveProperty('channelId');
    expect(login.session).not.toHaveProperty('bridgeId');
    expect(await s.call('ready')).toMatchObject({ ok: true, session: { state: 'ready' } });

    const offer = await s.waitFor('offer', undefined, 20_000);
    const person = people.find((p) => p.contactId === offer.contact.id);
    expect(person).toBeDefined();
    expect(offer).toMatchObject({
      agentId: agent.id,
      campaignId: campaign.id,
      preview: false,
      contact: { id: person!.contactId, firstName: person!.firstName, phone: person!.number, fields: { plan: 'gold' } },
      script: {
        scriptVersionId,
        version: 1,
        rendered: true,
        missingFields: [],
        sections: [
          {
            id: 'opening',
            text: `Hello ${person!.firstName}, on your gold plan: a quick question?`,
            questions: [
              {
                id: 'satisfaction',
                type: 'single',
                text: `Satisfied, ${person!.firstName}?`,
                options: [
                  { value: 'yes', label: 'yes' },
                  { value: 'no', label: 'no' },
                ],
              },
            ],
          },
        ],
      },
    });
    const callId = offer.attemptId;
    await s.waitFor('call-state', (c) => c.callId === callId && c.state === 'bridged');
    await s.waitFor('state', (x) => x.state === 'talking' && x.callId === callId);
    expect(w.of('offer').map((o) => o.attemptId)).toContain(callId);

    const answers = await s.call('answers', { answers: { satisfaction: 'yes' } });
    expect(answers).toMatchObject({ ok: true, session: { state: 'talking', call: { callId } } });
    const [row] = await ds.query(`SELECT script_answers FROM call_attempts WHERE channel_id = $1`, [callId]);
    expect(row.script_answers).toEqual({ satisfaction: 'yes' });

    expect(await s.call('hangup')).toMatchObject({ ok: true });
    await s.waitFor('state', (x) => x.state === 'wrap-up' && x.callId === callId);
    const before = s.events.length;

    const disp = await s.call('disposition', { code: 'SALE', answers: { recommend: 9 }, note: 'happy customer' });
    expect(disp).toMatchObject({ ok: true });
    await pollUntil(() => s.events.slice(before).some((e) => e.event === 'state' && e.payload.state === 'ready'), {
      what: 'state ready after the disposition',
    });

    const attempt = await pollUntil(
      async () => {
        const [a] = await ds.query(`SELECT * FROM call_attempts WHERE channel_id = $1`, [callId]);
        return a?.disposition_code ? a : undefined;
      },
      { what: 'the disposed attempt' },
    );
    expect(attempt).toMatchObject({
      outcome: 'answered-human',
      agent_id: agent.id,
      disposition_code: 'SALE',
      note: 'happy customer',
      hangup_by: 'agent',
      script_answers: { satisfaction: 'yes', recommend: 9 },
    });
    // The agent's screen saw the whole round: ready → reserved → talking → wrap-up → ready.
    const states = s.of('state').map((x) => x.state);
    expect(states).toEqual(expect.arrayContaining(['ready', 'reserved', 'talking', 'wrap-up']));
    expect(states.lastIndexOf('ready')).toBeGreaterThan(states.indexOf('wrap-up'));

    expect(await s.call('pause', { reason: 'break' })).toMatchObject({ ok: true });
  }, 60_000);
});
