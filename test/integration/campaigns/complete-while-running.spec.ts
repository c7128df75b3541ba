import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { AsteriskSim } from '@app/asterisk-sim';
import { pollUntil } from '@app/common';
import { ASTERISK_SIM, CampaignRunner } from '@app/dialer';
import { aDepartment, aUser } from '../../support/builders';
import { aCampaign, anAgent, setState, someContacts } from '../../support/campaign-builders';
import { api, startTestApp, type TestApp } from '../../support/test-app';

const ENV = { SIM_PORT: '0', DIALER_TICK_MS: '100', DIALER_LEASE_SECONDS: '3', DIALER_INSTANCE_ID: 'complete-a' };

/**
 * A planner completes a campaign the dialer is running, with a call still live: the dialer keeps its lease, lets
 * the call finish and gives the lease back itself (no "lost the lease"), and the move is logged once at info.
 */
describe('completing a running campaign', () => {
  let t: TestApp;
  let sim: AsteriskSim;
  const logs: string[] = [];
  const warns: string[] = [];
  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(function (this: Logger, m: unknown) {
      logs.push(String(m));
    });
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(function (this: Logger, m: unknown) {
      warns.push(String(m));
    });
    t = await startTestApp('dialer', ENV);
    sim = t.app.get(ASTERISK_SIM);
  });
  afterAll(async () => {
    await t?.close();
    jest.restoreAllMocks();
  });

  it('needs confirmPending while contacts wait, drains the live call, and logs the transition once', async () => {
    const ds = t.db.ds;
    const dep = await aDepartment(ds);
    const planner = await aUser(ds, 'planner', dep.id);
    const c = await aCampaign(ds, { departmentId: dep.id, mode: 'progressive', wrapUpSeconds: 1 });
    const people = await someContacts(ds, c, [{}, {}, {}]);
    for (const p of people)
      sim.setNumberBehaviour(p.numbers[0], { outcome: 'human', ringSeconds: 0.2, talkSeconds: 2 });
    await setState(ds, c, 'running');
    const { user } = await anAgent(ds, dep.id);
    const agentToken = t.tokenFor(user);
    expect(
      (await api(t.url, 'POST', '/api/agent/session', { token: agentToken, body: { campaignId: c.id } })).status,
    ).toBe(201);
    // a call is bridged to the agent: the runner holds the campaign
    await pollUntil(
      async () => {
        const [r] = await ds.query(
          `SELECT count(*)::int AS n FROM call_attempts WHERE campaign_id = $1 AND bridged_at IS NOT NULL`,
          [c.id],
        );
        return r.n > 0;
      },
      { timeoutMs: 15_000, what: 'a bridged call' },
    );
    const runner = t.app.get(CampaignRunner);
    expect(runner.handle(c.id)).toBeDefined();

    const token = t.tokenFor(planner);
    const refused = await api(t.url, 'POST', `/api/campaigns/${c.id}/complete`, { token });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      error: 'conflict',
      details: { field: 'confirmPending', pending: expect.any(Number) },
    });
    expect(refused.body.details.pending).toBeGreaterThanOrEqual(2);

    const done = await api(t.url, 'POST', `/api/campaigns/${c.id}/complete`, { token, body: { confirmPending: true } });
    expect(done.status).toBe(200);
    expect(done.body.state).toBe('completed');
    // the lease stays with the runner while the call drains, then the runner gives it back
    await pollUntil(
      async () => {
        const [r] = await ds.query(`SELECT lease_owner FROM campaigns WHERE id = $1`, [c.id]);
        return r.lease_owner === null && !runner.handle(c.id);
      },
      { timeoutMs: 20_000, what: 'the runner released the completed campaign' },
    );
    const [{ open }] = await ds.query(
      `SELECT count(*)::int AS open FROM call_attempts WHERE campaign_id = $1 AND ended_at IS NULL`,
      [c.id],
    );
    expect(open).toBe(0);
    expect(warns.filter((w) => w.includes('lost the lease'))).toEqual([]);
    expect(logs.filter((l) => l.includes(c.id) && l.includes('→ completed'))).toEqual([
      `campaign ${c.id} (${c.name}): running → completed by ${planner.email}`,
    ]);
    // no attempt was placed after the completion
    const [{ late }] = await ds.query(
      `SELECT count(*)::int AS late FROM call_attempts WHERE campaign_id = $1 AND queued_at > $2`,
      [c.id, new Date(Date.parse(done.body.completedAt))],
    );
    expect(late).toBe(0);
  });
});
