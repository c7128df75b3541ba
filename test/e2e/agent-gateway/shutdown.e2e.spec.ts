import { afterAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import type { AsteriskSim } from '@app/asterisk-sim';
import { pollUntil } from '@app/common';
import type { Campaign } from '@app/database';
import { ASTERISK_SIM, DialerShutdown } from '@app/dialer';
import { aDepartment, assignedEndpoint, aUser } from '../../support/builders';
import { someContacts as contactsFor } from '../../support/campaign-builders';
import { startTestApp, type TestApp } from '../../support/test-app';
import { aRunningCampaign, anAgent, someContacts } from './fixtures';
import { connect, type RecordingSocket } from './socket-client';

// Issue 10, item 5: SIGTERM/SIGINT (main.ts calls DialerShutdown.run) stops placing calls, lets live calls finish up
// to SHUTDOWN_DRAIN_SECONDS, then ends what remains as `interrupted`, releases leases, logs agents out and tells them.

const apps: TestApp[] = [];
const sockets: RecordingSocket[] = [];

async function dialerWith(instance: string): Promise<{ t: TestApp; sim: AsteriskSim }> {
  const t = await startTestApp('dialer', {
    SIM_PORT: '0',
    DIALER_TICK_MS: '100',
    DIALER_LEASE_SECONDS: '3',
    DIALER_INSTANCE_ID: instance,
  });
  apps.push(t);
  return { t, sim: t.app.get(ASTERISK_SIM) };
}

/** An agent on the socket, logged in on the campaign and ready, who disposes of every call in wrap-up. */
async function agentOnSocket(t: TestApp, departmentId: string, campaign: Campaign): Promise<RecordingSocket> {
  const { user } = await anAgent(t.db.ds, departmentId);
  const s = connect(t.url, '/agent', { token: t.tokenFor(user) });
  sockets.push(s);
  await s.waitFor('session');
  s.socket.on('state', (p: { state: string }) => {
    if (p.state === 'wrap-up') s.socket.emit('disposition', { code: 'SALE' }, () => undefined);
  });
  expect(await s.call('login', { endpoint: assignedEndpoint(user.id), campaignId: campaign.id })).toMatchObject({
    ok: true,
  });
  expect(await s.call('ready')).toMatchObject({ ok: true });
  return s;
}

async function nothingLeftOpen(ds: DataSource, campaign: Campaign, agentSockets: RecordingSocket[]): Promise<void> {
  const open = await ds.query(`SELECT channel_id FROM call_attempts WHERE campaign_id = $1 AND ended_at IS NULL`, [
    campaign.id,
  ]);
  expect(open).toEqual([]);
  const leased = await ds.query(
    `SELECT id FROM campaign_contacts WHERE campaign_id = $1 AND (status IN ('leased', 'dialing') OR lease_owner IS NOT NULL)`,
    [campaign.id],
  );
  expect(leased).toEqual([]);
  const [c] = await ds.query(`SELECT lease_owner FROM campaigns WHERE id = $1`, [campaign.id]);
  expect(c.lease_owner).toBeNull();
  const agents = await ds.query(`SELECT state, session_owner FROM agents WHERE campaign_id = $1`, [campaign.id]);
  expect(agents.length).toBe(agentSockets.length);
  for (const a of agents) expect(a).toEqual({ state: 'offline', session_owner: null });
  const changes = await ds.query(
    `SELECT count(*)::int AS n FROM agent_state_changes WHERE campaign_id = $1 AND to_state = 'offline' AND reason = 'dialer shut down'`,
    [campaign.id],
  );
  expect(changes[0].n).toBe(agentSockets.length);
  for (const s of agentSockets) {
    await s.waitFor('state', (p) => p.state === 'offline' && p.reason === 'dialer shut down');
  }
}

describe('stopping the dialer', () => {
  afterAll(async () => {
    for (const s of sockets) s.close();
    for (const t of apps) await t.close();
  });

  it('places no new call, lets live calls finish, then releases everything and tells the agents', async () => {
    const { t, sim } = await dialerWith('stop-drain');
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const planner = await aUser(ds, 'planner', dep.id);
    const { campaign } = await aRunningCampaign(ds, dep.id, planner.id);
    const people = await someContacts(ds, campaign, 10);
    for (const p of people) sim.setNumberBehaviour(p.number, { outcome: 'human', ringSeconds: 0.2, talkSeconds: 2 });
    const agents = [await agentOnSocket(t, dep.id, campaign), await agentOnSocket(t, dep.id, campaign)];
    await pollUntil(
      async () =>
        (await ds.query(`SELECT 1 FROM call_attempts WHERE campaign_id = $1 AND bridged_at IS NOT NULL`, [campaign.id]))
          .length > 0,
      { timeoutMs: 20_000, what: 'a call bridged to an agent' },
    );

    const started = Date.now();
    const report = await t.app.get(DialerShutdown).run(20);
    expect(report).toMatchObject({ drained: true, interrupted: 0, notDialed: 0, agentsLoggedOut: 2 });
    expect(report.waitedMs).toBeLessThan(20_000);

    for (const s of agents) {
      const notice = await s.waitFor('shutdown');
      expect(notice.drainSeconds).toBe(20);
      expect(Math.abs(Date.parse(notice.deadline) - (started + 20_000))).toBeLessThan(2000);
    }
    // No call placed after the shutdown began (a claim already in flight when it began may still dial).
    const late = await ds.query(
      `SELECT channel_id FROM call_attempts WHERE campaign_id = $1 AND queued_at > $2::timestamptz + interval '2 seconds'`,
      [campaign.id, new Date(started)],
    );
    expect(late).toEqual([]);
    // The live calls finished as calls do: nobody was cut off.
    const outcomes = await ds.query(`SELECT DISTINCT outcome FROM call_attempts WHERE campaign_id = $1`, [campaign.id]);
    expect(outcomes.map((o: { outcome: string }) => o.outcome)).not.toContain('interrupted');
    const pending = await ds.query(
      `SELECT count(*)::int AS n FROM campaign_contacts WHERE campaign_id = $1 AND status = 'pending'`,
      [campaign.id],
    );
    expect(pending[0].n).toBeGreaterThan(0);
    await nothingLeftOpen(ds, campaign, agents);
  }, 60_000);

  it('at the drain deadline ends live calls as interrupted and gives back what was never dialed', async () => {
    const { t, sim } = await dialerWith('stop-deadline');
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const planner = await aUser(ds, 'planner', dep.id);
    const { campaign } = await aRunningCampaign(ds, dep.id, planner.id);
    const people = await someContacts(ds, campaign, 4);
    for (const p of people) sim.setNumberBehaviour(p.number, { outcome: 'human', ringSeconds: 0.2, talkSeconds: 120 });
    const agents = [await agentOnSocket(t, dep.id, campaign), await agentOnSocket(t, dep.id, campaign)];
    await pollUntil(
      async () =>
        (
          await ds.query(
            `SELECT count(*)::int AS n FROM call_attempts WHERE campaign_id = $1 AND bridged_at IS NOT NULL AND ended_at IS NULL`,
            [campaign.id],
          )
        )[0].n === 2,
      { timeoutMs: 20_000, what: 'both agents talking' },
    );
    // A dial this process queued but had not originated yet (the moment between the claim and the originate).
    const [queued] = await contactsFor(ds, campaign, [{ firstName: 'Queued' }]);
    await ds.query(
      `UPDATE campaign_contacts SET status = 'dialing', lease_owner = 'stop-deadline', lease_expires_at = now() + interval '1 minute' WHERE id = $1`,
      [queued.campaignContactId],
    );
    const [phone] = await ds.query(`SELECT id FROM phone_numbers WHERE contact_id = $1`, [queued.contactId]);
    await ds.query(
      `INSERT INTO call_attempts (campaign_id, department_id, campaign_contact_id, contact_id, phone_number_id,
          attempt_number, channel_id, dialer_instance, mode, pilot, called_number, queued_at)
       VALUES ($1, $2, $3, $4, $5, 1, $6, 'stop-deadline', 'progressive', false, $7, now())`,
      [
        campaign.id,
        dep.id,
        queued.campaignContactId,
        queued.contactId,
        phone.id,
        `queued-${queued.contactId}`,
        queued.numbers[0],
      ],
    );
    const talking = await ds.query(
      `SELECT channel_id, campaign_contact_id FROM call_attempts WHERE campaign_id = $1 AND bridged_at IS NOT NULL AND ended_at IS NULL`,
      [campaign.id],
    );

    const report = await t.app.get(DialerShutdown).run(1);
    expect(report).toMatchObject({ drained: false, interrupted: 2, notDialed: 1, agentsLoggedOut: 2 });

    // The two calls: hung up by the dialer, closed as interrupted, counted, their contacts due again.
    for (const call of talking) {
      const [a] = await ds.query(
        `SELECT outcome, hangup_by, hangup_cause_text, ended_at FROM call_attempts WHERE channel_id = $1`,
        [call.channel_id],
      );
      expect(a).toMatchObject({
        outcome: 'interrupted',
        hangup_by: 'system',
        hangup_cause_text: 'dialer shut down: call ended',
      });
      const [cc] = await ds.query(`SELECT status, attempts FROM campaign_contacts WHERE id = $1`, [
        call.campaign_contact_id,
      ]);
      expect(cc).toEqual({ status: 'pending', attempts: 1 });
      expect(sim.requests().some((r) => r.method === 'DELETE' && r.path === `/ari/channels/${call.channel_id}`)).toBe(
        true,
      );
    }
    // The queued dial: closed without counting, the contact pending as before.
    const [q] = await ds.query(`SELECT outcome, hangup_cause_text FROM call_attempts WHERE channel_id = $1`, [
      `queued-${queued.contactId}`,
    ]);
    expect(q).toEqual({ outcome: 'interrupted', hangup_cause_text: 'dialer shut down before dialing' });
    const [qc] = await ds.query(`SELECT status, attempts FROM campaign_contacts WHERE id = $1`, [
      queued.campaignContactId,
    ]);
    expect(qc).toEqual({ status: 'pending', attempts: 0 });
    const [qp] = await ds.query(`SELECT attempt_count FROM phone_numbers WHERE id = $1`, [phone.id]);
    expect(qp.attempt_count).toBe(0);

    for (const s of agents) expect((await s.waitFor('shutdown')).drainSeconds).toBe(1);
    await nothingLeftOpen(ds, campaign, agents);
    // Until the process is gone, nobody logs in again.
    expect(await agents[0].call('login', { endpoint: 'PJSIP/agent-late', campaignId: campaign.id })).toMatchObject({
      ok: false,
      error: 'unavailable',
      message: expect.stringContaining('shutting down'),
    });
  }, 60_000);
});
