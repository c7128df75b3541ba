import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pollUntil } from '@app/common';
import { DemoService } from '../../../apps/dialer/src/demo/demo.service';
import { startTestApp, type TestApp } from '../../support/test-app';

// The demo as `npm start` runs it: the predictive campaign and, blended with it, the inbound queue on DID 1000.
const ENV = { SIM_PORT: '0', SEED_DEMO: 'true', DEMO_DIALING: 'true', DIALER_INSTANCE_ID: 'demo-acd-e2e' };

describe('the demo inbound queue', () => {
  let t: TestApp;
  let demo: DemoService;
  beforeAll(async () => {
    t = await startTestApp('dialer', ENV);
    demo = t.app.get(DemoService);
  }, 30_000);
  afterAll(async () => {
    await t?.close();
  });

  it('simulated callers reach the demo agents, who also take outbound calls', async () => {
    const ds = t.db.ds;
    await demo.ready;
    await pollUntil(
      async () => {
        const [r] = await ds.query(
          `SELECT count(*)::int AS n FROM inbound_calls WHERE did = '1000' AND outcome = 'answered' AND agent_id = ANY($1)`,
          [demo.agentIds],
        );
        return r.n >= 1;
      },
      { timeoutMs: 90_000, intervalMs: 500, what: 'an answered inbound demo call' },
    );
    const [out] = await ds.query(
      `SELECT count(*)::int AS n FROM call_attempts WHERE campaign_id = $1 AND bridged_at IS NOT NULL`,
      [demo.campaignId],
    );
    expect(out.n).toBeGreaterThan(0);
  }, 120_000);
});
