import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { AsteriskSim } from '@app/asterisk-sim';
import { AgentSessionService, ASTERISK_SIM, CampaignLiveService } from '@app/dialer';
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

  it('pushes without agents.list to a socket that subscribed with agentList: false (the wall page); the ack keeps it', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const planner = await aUser(ds, 'planner', dep.id);
    const { campaign } = await aRunningCampaign(ds, dep.id, planner.id);
    const sup = await aUser(ds, 'supervisor', dep.id);
    const { agent } = await anAgent(ds, dep.id);
    await t.app.get(AgentSessionService).login(agent.id, { campaignId: campaign.id });
    await t.app.get(AgentSessionService).flush(agent.id); // the agent's row says so before the ack reads it

    const counts = open({ token: t.tokenFor(sup) });
    const full = open({ token: t.tokenFor(sup) });
    expect(await counts.call('subscribe', { campaignId: campaign.id, agentList: 'no' })).toMatchObject({
      ok: false,
      error: 'validation-failed',
      details: [{ field: 'agentList' }],
    });
    const ack = await counts.call('subscribe', { campaignId: campaign.id, agentList: false });
    expect(ack).toMatchObject({ ok: true, campaign: { agents: { total: 1, list: [{ agentId: agent.id }] } } });
    expect(await full.call('subscribe', { campaignId: campaign.id })).toMatchObject({ ok: true });

    const lean = await counts.waitFor('campaign', undefined, 5000);
    expect(lean.agents).toEqual({ byState: expect.objectContaining({ ready: expect.any(Number) }), total: 1 });
    const whole = await full.waitFor('campaign', undefined, 5000);
    expect(whole.agents.list).toEqual([expect.objectContaining({ agentId: agent.id })]);
    // The same read for both: one `at`, the same figures.
    const same = await full.waitFor('campaign', (c) => c.at === lean.at, 5000);
    expect({ ...same, agents: { byState: same.agents.byState, total: same.agents.total } }).toEqual(lean);

    // Subscribing again with the list moves the socket back to the full pushes (the next push but one: a push
    // being written as the socket moved may still be the other form).
    await counts.call('subscribe', { campaignId: campaign.id });
    const n = counts.of('campaign').length;
    await counts.waitFor('campaign', () => counts.of('campaign').length > n + 1, 5000);
    expect(counts.of('campaign')[n + 1].agents.list).toEqual([expect.objectContaining({ agentId: agent.id })]);
  }, 40_000);

  it('one push reaches every socket of a room larger than one write batch, with the same `at`', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const planner = await aUser(ds, 'planner', dep.id);
    const { campaign } = await aRunningCampaign(ds, dep.id, planner.id);
    const sup = await aUser(ds, 'supervisor', dep.id);
    const token = t.tokenFor(sup);
    const many = Array.from({ length: 130 }, () => open({ token }));
    await Promise.all(many.map((s) => s.call('subscribe', { campaignId: campaign.id, agentList: false })));
    const last = await many[many.length - 1].waitFor('campaign', undefined, 5000);
    const got = await Promise.all(many.map((s) => s.waitFor('campaign', (c) => c.at === last.at, 5000)));
    expect(new Set(got.map((c) => c.campaignId))).toEqual(new Set([campaign.id]));
    for (const s of many) s.close();
  }, 40_000);

  it('a burst of subscribes shares one read of the campaign, and still refuses another department', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const other = await aDepartment(ds);
    const planner = await aUser(ds, 'planner', dep.id);
    const { campaign } = await aRunningCampaign(ds, dep.id, planner.id);
    const sup = await aUser(ds, 'supervisor', dep.id);
    const stranger = await aUser(ds, 'supervisor', other.id);
    const live = t.app.get(CampaignLiveService);
    const reads = jest.spyOn(live as unknown as { read: (...a: unknown[]) => Promise<unknown> }, 'read');
    try {
      const screens = Array.from({ length: 30 }, () => open({ token: t.tokenFor(sup) }));
      await Promise.all(screens.map((s) => s.waitFor('connect')));
      const acks = await Promise.all(screens.map((s) => s.call('subscribe', { campaignId: campaign.id })));
      expect(acks.every((a) => a.ok === true && a.campaign.campaignId === campaign.id)).toBe(true);
      // 30 screens, one read or so (the second's push may start a fresh one meanwhile), not 30.
      const ofThis = reads.mock.calls.filter(([c]) => (c as { id: string }).id === campaign.id);
      expect(ofThis.length).toBeLessThanOrEqual(3);
      // The shared read is the campaign's; a supervisor of another department is still told it does not exist.
      expect(await open({ token: t.tokenFor(stranger) }).call('subscribe', { campaignId: campaign.id })).toMatchObject({
        ok: false,
        error: 'not-found',
      });
      for (const s of screens) s.close();
    } finally {
      reads.mockRestore();
    }
  }, 40_000);
});
