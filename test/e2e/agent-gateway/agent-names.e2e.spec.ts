import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aDepartment, assignedEndpoint, aUser } from '../../support/builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { aCampaign } from '../../support/campaign-builders';
import { pollUntil } from '@app/common';
import { ASTERISK_SIM } from '@app/dialer';
import type { AsteriskSim } from '@app/asterisk-sim';
import { aRunningCampaign, anAgent, someContacts } from './fixtures';
import { connect, type RecordingSocket } from './socket-client';

// Issue 10, items 16 and 17: an agent who logs in without naming a campaign is told which one they are on (or asked
// to choose); supervisors see agents by name, with ids that match /api/users.
const ENV = { SIM_PORT: '0', DIALER_TICK_MS: '100', DIALER_LEASE_SECONDS: '3', DIALER_INSTANCE_ID: 'agent-names-e2e' };

describe('which campaign, and who is who', () => {
  let t: TestApp;
  const sockets: RecordingSocket[] = [];
  const open = (ns: string, auth: Record<string, unknown>): RecordingSocket => {
    const s = connect(t.url, ns, auth);
    sockets.push(s);
    return s;
  };

  const ringsOnly = (people: { number: string }[]): void => {
    for (const p of people)
      t.app.get<AsteriskSim>(ASTERISK_SIM).setNumberBehaviour(p.number, { outcome: 'noanswer', ringSeconds: 600 });
  };

  beforeAll(async () => {
    t = await startTestApp('dialer', ENV);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  it('tells an agent logging in without a campaign which one they were put on (ack and REST)', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const planner = await aUser(ds, 'planner', dep.id);
    const { campaign } = await aRunningCampaign(ds, dep.id, planner.id);
    // A contact that only rings, so the runner does not complete the campaign and the agent stays free to log out.
    ringsOnly(await someContacts(ds, campaign, 1));
    const { user } = await anAgent(ds, dep.id);
    const s = open('/agent', { token: t.tokenFor(user) });
    await s.waitFor('session');

    const login = await s.call('login', { endpoint: assignedEndpoint(user.id) });
    expect(login).toMatchObject({
      ok: true,
      session: {
        campaignId: campaign.id,
        campaign: { id: campaign.id, name: campaign.name, mode: 'progressive', state: 'running', chosen: 'only-one' },
      },
    });
    const rest = await api(t.url, 'GET', '/api/agent/session', { token: t.tokenFor(user) });
    expect(rest.body.campaign).toEqual({
      id: campaign.id,
      name: campaign.name,
      mode: 'progressive',
      state: 'running',
      chosen: 'only-one',
    });
    expect(await s.call('logout')).toMatchObject({ ok: true });
  });

  it('refuses a login without a campaign when several are dialing, listing them to choose from', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const a = await aCampaign(ds, { departmentId: dep.id, state: 'running' });
    const b = await aCampaign(ds, { departmentId: dep.id, state: 'running' });
    // A contact each that only rings, so the runner does not complete them while the test runs.
    ringsOnly(await someContacts(ds, a, 1));
    ringsOnly(await someContacts(ds, b, 1));
    await aCampaign(ds, { departmentId: dep.id, state: 'draft' });
    const { user } = await anAgent(ds, dep.id);
    const endpoint = assignedEndpoint(user.id);

    const rest = await api(t.url, 'POST', '/api/agent/session', { token: t.tokenFor(user), body: { endpoint } });
    expect(rest.status).toBe(400);
    expect(rest.body).toMatchObject({ error: 'validation-failed', details: [{ field: 'campaignId' }] });
    const choices = (rest.body.details[0] as { choices: { id: string; name: string }[] }).choices;
    expect(choices.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(choices.map((c) => c.name).sort()).toEqual([a.name, b.name].sort());
    expect(rest.body.details[0].reason).toContain(a.name);

    const s = open('/agent', { token: t.tokenFor(user) });
    await s.waitFor('session');
    expect(await s.call('login', { endpoint })).toMatchObject({
      ok: false,
      error: 'validation-failed',
      details: [{ field: 'campaignId', choices: expect.any(Array) }],
    });
    // Choosing one works, and says so.
    expect(await s.call('login', { endpoint, campaignId: b.id })).toMatchObject({
      ok: true,
      session: { campaign: { id: b.id, name: b.name, chosen: 'requested' } },
    });
    expect(await s.call('logout')).toMatchObject({ ok: true });
  });

  it('shows agents by name in the live view and on the wallboard, with the ids of /api/users', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const planner = await aUser(ds, 'planner', dep.id);
    const { campaign } = await aRunningCampaign(ds, dep.id, planner.id);
    const [person] = await someContacts(ds, campaign, 1);
    t.app.get<AsteriskSim>(ASTERISK_SIM).setNumberBehaviour(person.number, {
      outcome: 'human',
      ringSeconds: 0.2,
      talkSeconds: 60,
    });
    const { user, agent } = await anAgent(ds, dep.id);
    const s = open('/agent', { token: t.tokenFor(user) });
    await s.waitFor('session');
    expect(await s.call('login', { endpoint: assignedEndpoint(user.id), campaignId: campaign.id })).toMatchObject({
      ok: true,
    });
    expect(await s.call('ready')).toMatchObject({ ok: true });
    const sup = await aUser(ds, 'supervisor', dep.id);

    const users = await api(t.url, 'GET', '/api/users', { token: t.tokenFor(sup) });
    const listed = (users.body as { id: string; displayName: string }[]).find((u) => u.id === user.id);
    expect(listed).toBeDefined();

    const live = await pollUntil(
      async () => {
        const r = await api(t.url, 'GET', `/api/campaigns/${campaign.id}/live`, { token: t.tokenFor(sup) });
        return r.status === 200 && r.body.liveCalls.some((c: { state: string }) => c.state === 'bridged') && r;
      },
      { timeoutMs: 20_000, what: 'the call bridged to the agent' },
    );
    expect(live.body.liveCalls).toEqual([
      expect.objectContaining({ agentId: agent.id, agentName: listed!.displayName, calledNumber: person.number }),
    ]);
    expect(live.body.agents.list).toEqual([
      expect.objectContaining({ agentId: agent.id, userId: user.id, name: listed!.displayName, email: user.email }),
    ]);

    const w = open('/wallboard', { token: t.tokenFor(sup) });
    const sub = await w.call('subscribe', { campaignId: campaign.id });
    expect(sub).toMatchObject({
      ok: true,
      campaign: { agents: { list: [{ agentId: agent.id, userId: user.id, name: listed!.displayName }] } },
    });
    expect(await s.call('hangup')).toMatchObject({ ok: true });
  });
});
