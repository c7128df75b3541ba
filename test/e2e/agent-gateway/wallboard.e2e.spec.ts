import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AsteriskSim } from '@app/asterisk-sim';
import { AgentSessionService, ASTERISK_SIM } from '@app/dialer';
import { aDepartment, aUser } from '../../support/builders';
import { startTestApp, type TestApp } from '../../support/test-app';
import { aRunningCampaign, anAgent, someContacts } from './fixtures';
import { connect, type RecordingSocket } from './socket-client';

const ENV = { SIM_PORT: '0', DIALER_TICK_MS: '100', DIALER_LEASE_SECONDS: '3', DIALER_INSTANCE_ID: 'wallboard-e2e' };

describe('/wallboard socket namespace', () => {
  let t: TestApp;
  let sim: AsteriskSim;
  const sockets: RecordingSocket[] = [];
  const open = (auth: Record<string, unknown>): RecordingSocket => {
    const s = connect(t.url, '/wallboard', auth);
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

  it('refuses anonymous sockets and agents', async () => {
    expect(await open({}).waitFor('connect_error')).toMatchObject({ error: 'unauthenticated' });
    const dep = await aDepartment(t.db.ds);
    const { user } = await anAgent(t.db.ds, dep.id);
    const s = open({ token: t.tokenFor(user) });
    expect(await s.waitFor('connect_error')).toMatchObject({ error: 'forbidden' });
    expect(s.socket.connected).toBe(false);
  });

  it('pushes a watched campaign every second: agents by state, live calls, abandon rate, progress', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const planner = await aUser(ds, 'planner', dep.id);
    const { campaign } = await aRunningCampaign(ds, dep.id, planner.id);
    const people = await someContacts(ds, campaign, 3);
    for (const p of people) sim.setNumberBehaviour(p.number, { outcome: 'human', ringSeconds: 0.2, talkSeconds: 60 });
    const sup = await aUser(ds, 'supervisor', dep.id);
    const s = open({ token: t.tokenFor(sup) });

    expect(await s.call('subscribe', { campaignId: 'nope' })).toMatchObject({
      ok: false,
      error: 'validation-failed',
      details: [{ field: 'campaignId' }],
    });
    expect(await s.call('subscribe', { campaignId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: 'not-found',
    });
    const sub = await s.call('subscribe', { campaignId: campaign.id });
    expect(sub).toMatchObject({
      ok: true,
      campaign: { campaignId: campaign.id, state: 'running', mode: 'progressive', progress: { total: 3, final: 0 } },
    });

    const { agent } = await anAgent(ds, dep.id);
    await t.app.get(AgentSessionService).login(agent.id, { campaignId: campaign.id });
    const talking = await s.waitFor('campaign', (c) => c.agents.byState.talking === 1, 20_000);
    expect(talking).toMatchObject({
      campaignId: campaign.id,
      agents: { total: 1 },
      liveCalls: { count: 1, byState: { bridged: 1 } },
      dials: { total: 1 },
      abandonRate: { run: 0, cap: 0.03 },
    });
    // About once a second.
    const first = s.of('campaign').length;
    await s.waitFor('campaign', () => s.of('campaign').length >= first + 2, 5000);
    const times = s.of('campaign').map((c) => Date.parse(c.at));
    const gaps = times.slice(1).map((x, i) => x - times[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(500);

    expect(await s.call('unsubscribe', { campaignId: campaign.id })).toEqual({ ok: true });
  }, 40_000);
});
