import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aDepartment, aUser } from '../../support/builders';
import { aCampaign, ALWAYS_OPEN, anAgent, setState, someContacts } from '../../support/campaign-builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { connect, type RecordingSocket } from '../../e2e/agent-gateway/socket-client';

const ENV = { SIM_PORT: '0', DIALER_TICK_MS: '100', DIALER_LEASE_SECONDS: '3', DIALER_INSTANCE_ID: 'why-not' };

/** A zone whose local time is far from 09:00–10:00 right now, so a 09:00–10:00 window is closed. */
function closedZone(): string {
  const h = new Date().getUTCHours();
  return h >= 7 && h <= 11 ? 'Asia/Tokyo' : 'UTC';
}

/**
 * The campaign says why nothing is dialing, on the REST live view, the wallboard push and the socket of a ready,
 * idle agent: here, every contact is outside its calling window until the next 09:00 of its zone.
 */
describe('why nothing is dialing', () => {
  let t: TestApp;
  const sockets: RecordingSocket[] = [];
  beforeAll(async () => {
    t = await startTestApp('dialer', ENV);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  it('outside every window: REST, wallboard and the idle agent all say until when', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const zone = closedZone();
    const c = await aCampaign(ds, {
      departmentId: dep.id,
      mode: 'progressive',
      windows: {
        ...ALWAYS_OPEN,
        weekdays: ALWAYS_OPEN.weekdays.map((d) => ({ day: d.day, ranges: [{ from: '09:00', to: '10:00' }] })),
        timeZone: zone,
      },
    });
    await someContacts(ds, c, [{ timeZone: zone }, { timeZone: zone }]);
    await setState(ds, c, 'running');
    const { user } = await anAgent(ds, dep.id);
    const token = t.tokenFor(user);
    expect((await api(t.url, 'POST', '/api/agent/session', { token, body: { campaignId: c.id } })).status).toBe(201);
    const agent = connect(t.url, '/agent', { token });
    sockets.push(agent);
    await agent.waitFor('session');
    expect(await agent.call('ready')).toMatchObject({ ok: true });

    const supervisor = await aUser(ds, 'supervisor', dep.id);
    const live = await api(t.url, 'GET', `/api/campaigns/${c.id}/live`, { token: t.tokenFor(supervisor) });
    expect(live.status).toBe(200);
    const reason = live.body.dialing.reasons[0];
    expect(live.body.dialing.dialing).toBe(false);
    expect(reason).toMatchObject({
      code: 'outside-window',
      message: expect.stringMatching(new RegExp(`^every contact is outside the calling window until .*09:00 ${zone}`)),
      details: { zones: [{ timeZone: zone, contacts: 2, opensAtLocal: expect.stringContaining(`09:00 ${zone}`) }] },
    });
    const opens = Date.parse(reason.until);
    expect(opens).toBeGreaterThan(Date.now());
    expect(opens - Date.now()).toBeLessThan(24 * 3600_000);

    const status = await agent.waitFor('campaign-status');
    expect(status).toMatchObject({ campaignId: c.id, dialing: false, reasons: [{ code: 'outside-window' }] });
    expect(status.reasons[0].until).toBe(reason.until);

    const wall = connect(t.url, '/wallboard', { token: t.tokenFor(supervisor) });
    sockets.push(wall);
    const ack = await wall.call('subscribe', { campaignId: c.id });
    expect(ack).toMatchObject({
      ok: true,
      campaign: { dialing: { dialing: false, reasons: [{ code: 'outside-window' }] } },
    });
    const push = await wall.waitFor('campaign', (p) => p.campaignId === c.id);
    expect(push.dialing.reasons[0].until).toBe(reason.until);

    // nothing was dialled meanwhile
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM call_attempts WHERE campaign_id = $1`, [c.id]);
    expect(n).toBe(0);
  });

  it('callable contacts but nobody logged in: no ready agents; a paused campaign says so first', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const c = await aCampaign(ds, { departmentId: dep.id, mode: 'progressive' });
    await someContacts(ds, c, [{}, {}, {}]);
    await setState(ds, c, 'running');
    const planner = await aUser(ds, 'planner', dep.id);
    const live = await api(t.url, 'GET', `/api/campaigns/${c.id}/live`, { token: t.tokenFor(planner) });
    expect(live.body.dialing.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'no-ready-agents',
          message: 'no agent is logged in to the campaign (3 contacts could be called now)',
        }),
      ]),
    );
    await setState(ds, c, 'paused');
    const paused = await api(t.url, 'GET', `/api/campaigns/${c.id}/live`, { token: t.tokenFor(planner) });
    expect(paused.body.dialing).toMatchObject({
      dialing: false,
      summary: 'the campaign is paused: resume it to go on calling',
      reasons: [{ code: 'paused' }],
    });
  });
});
