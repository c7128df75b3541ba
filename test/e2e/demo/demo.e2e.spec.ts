import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pollUntil } from '@app/common';
import { User } from '@app/database';
import { DemoService } from '../../../apps/dialer/src/demo/demo.service';
import { seedDemoCampaign } from '../../../apps/dialer/src/demo/demo-seed';
import { api, startTestApp, type TestApp } from '../../support/test-app';
import { connect } from '../agent-gateway/socket-client';

// The demo wiring as `npm start` runs it on the embedded defaults (SEED_DEMO, DEMO_DIALING, no ARI_URL), here on a
// test database with the in-process simulator on a free port.
const ENV = { SIM_PORT: '0', SEED_DEMO: 'true', DEMO_DIALING: 'true', DIALER_INSTANCE_ID: 'demo-e2e' };

describe('the demo', () => {
  let t: TestApp;
  let demo: DemoService;
  beforeAll(async () => {
    t = await startTestApp('dialer', ENV);
    demo = t.app.get(DemoService);
  }, 30_000);
  afterAll(async () => {
    await t?.close();
  });

  it('dials within 30 s: attempts with outcomes, agents through ready/talking/wrap-up, all on the live route', async () => {
    const ds = t.db.ds;
    const campaignId = demo.campaignId!;
    expect(campaignId).toBeTruthy();
    const [c] = await ds.query(`SELECT state, mode, script_version_id FROM campaigns WHERE id = $1`, [campaignId]);
    expect(c).toMatchObject({ state: 'running', mode: 'predictive' });
    expect(c.script_version_id).toBeTruthy();
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM campaign_contacts WHERE campaign_id = $1`, [
      campaignId,
    ]);
    expect(n).toBe(500);

    const agentIds = demo.agentIds;
    expect(agentIds).toHaveLength(5);
    const supervisor = await ds.getRepository(User).save({
      email: `sup-${process.pid}@demo.test`,
      displayName: 'sup',
      role: 'supervisor',
      departmentId: demo.departmentId!,
      passwordHash: 'x',
    });
    // A supervisor's screen watching the first simulated agent on the /agent socket.
    const watch = connect(t.url, '/agent', { token: t.tokenFor(supervisor), agentId: agentIds[0] });
    const started = Date.now();
    await pollUntil(
      async () => {
        const [r] = await ds.query(
          `SELECT count(*) FILTER (WHERE outcome = 'answered-human' AND disposition_code IS NOT NULL)::int AS disposed,
                  count(outcome)::int AS ended, count(DISTINCT outcome)::int AS kinds
             FROM call_attempts WHERE campaign_id = $1`,
          [campaignId],
        );
        const states: { to_state: string }[] = await ds.query(
          `SELECT DISTINCT to_state FROM agent_state_changes WHERE agent_id = ANY($1::uuid[])`,
          [agentIds],
        );
        const seen = new Set(states.map((s) => s.to_state));
        return (
          r.disposed >= 1 && r.ended >= 3 && r.kinds >= 2 && ['ready', 'talking', 'wrap-up'].every((s) => seen.has(s))
        );
      },
      { timeoutMs: 30_000, intervalMs: 250, what: 'demo calls disposed and agents through their states' },
    );
    console.log(`demo: first disposed call after ${Date.now() - started} ms`);

    const outcomes: { outcome: string; n: number }[] = await ds.query(
      `SELECT outcome, count(*)::int AS n FROM call_attempts WHERE campaign_id = $1 AND outcome IS NOT NULL GROUP BY outcome`,
      [campaignId],
    );
    expect(outcomes.find((o) => o.outcome === 'answered-human')?.n).toBeGreaterThanOrEqual(1);
    expect(outcomes.reduce((s, o) => s + o.n, 0)).toBeGreaterThanOrEqual(3);
    const dispositions: { code: string }[] = await ds.query(
      `SELECT DISTINCT disposition_code AS code FROM call_attempts WHERE campaign_id = $1 AND disposition_code IS NOT NULL`,
      [campaignId],
    );
    const agentCodes = ['COMPLETED', 'INTERESTED', 'NOT_INTERESTED', 'WRONG_PERSON', 'NOT_AVAILABLE', 'CALLBACK'];
    expect(dispositions.some((d) => [...agentCodes, 'DO_NOT_CALL'].includes(d.code))).toBe(true);

    const live = await api(t.url, 'GET', `/api/campaigns/${campaignId}/live`, { token: t.tokenFor(supervisor) });
    expect(live.status).toBe(200);
    expect(live.body.dials.total).toBeGreaterThanOrEqual(3);
    expect(live.body.answeredByPerson).toBeGreaterThanOrEqual(1);
    expect(live.body.agents.list).toHaveLength(5);
    expect(live.body.agents.list.map((a: { agentId: string }) => a.agentId).sort()).toEqual([...agentIds].sort());
    expect(live.body.contacts.pending).toBeLessThan(500);

    try {
      const offer = await watch.waitFor('offer', undefined, 15_000);
      expect(offer.script).toMatchObject({ rendered: true, missingFields: [] });
      expect(offer.script.sections[0].text).toBe(
        `Hello ${offer.contact.firstName}, this is Demo Sales. You bought from us recently: may I ask you two quick questions?`,
      );
      await watch.waitFor('state', (s) => s.state === 'talking');
    } finally {
      watch.close();
    }
  }, 45_000);

  it('seeds idempotently: the same campaign, list and agents a second time', async () => {
    const again = await seedDemoCampaign(t.db.ds, { contacts: 500, agents: 5, mode: 'predictive' });
    expect(again).toMatchObject({ campaignId: demo.campaignId, created: false, recycled: false });
    expect(again.agentIds).toEqual(demo.agentIds);
    const [{ n }] = await t.db.ds.query(`SELECT count(*)::int AS n FROM campaigns WHERE department_id = $1`, [
      demo.departmentId,
    ]);
    expect(n).toBe(1);
  });

  it('starts the campaign over once it has completed, and the agents take calls again', async () => {
    const ds = t.db.ds;
    const campaignId = demo.campaignId!;
    await ds.query(`UPDATE campaigns SET state = 'completed', completed_at = now() WHERE id = $1`, [campaignId]);
    const [{ n: before }] = await ds.query(`SELECT count(*)::int AS n FROM call_attempts WHERE campaign_id = $1`, [
      campaignId,
    ]);
    await pollUntil(
      async () => {
        const [c] = await ds.query(`SELECT state FROM campaigns WHERE id = $1`, [campaignId]);
        const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM call_attempts WHERE campaign_id = $1`, [
          campaignId,
        ]);
        return c.state === 'running' && n >= before + 3;
      },
      { timeoutMs: 40_000, intervalMs: 250, what: 'the recycled campaign dialing again' },
    );
    const [{ n: pending }] = await ds.query(
      `SELECT count(*)::int AS n FROM campaign_contacts WHERE campaign_id = $1 AND status IN ('pending', 'leased', 'dialing')`,
      [campaignId],
    );
    expect(pending).toBeGreaterThan(400);
  }, 50_000);
});
