import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from '@jest/globals';
import { pollUntil } from '@app/common';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

// SIGTERM to the built server while the demo campaign has live calls: it drains (SHUTDOWN_DRAIN_SECONDS), ends what
// is left, releases every lease, logs the agents out and exits 0, leaving nothing for the next start to clean up.
const MAIN = 'dist/apps/dialer/src/main.js';

describe('SIGTERM during the demo', () => {
  let db: TestDatabase | undefined;
  afterAll(async () => {
    await db?.drop();
  });

  it('exits 0 with no attempt open, no agent on a call and no lease held', async () => {
    db = await createTestDatabase();
    // own port block below the ephemeral range: see test/support/ports.md
    const port = 10000 + (process.pid % 1000) * 2;
    let out = '';
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        SIM_PORT: String(port + 1),
        DATABASE_URL: db.url,
        JWT_SECRET: 'demo-stop-e2e-secret-long-enough-for-hs256',
        SEED_DEMO: 'true',
        DEMO_PASSWORD: 'demo-password-1',
        DIALER_INSTANCE_ID: 'demo-stop-e2e',
        SHUTDOWN_DRAIN_SECONDS: '2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (out += stripVTControlCharacters(d.toString())));
    child.stderr?.on('data', (d: Buffer) => (out += stripVTControlCharacters(d.toString())));
    const exit = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
    try {
      const ds = db.ds;
      await pollUntil(
        async () => {
          if (child.exitCode !== null) throw new Error(`the dialer exited: ${out}`);
          const [r] = await ds.query(
            `SELECT count(*) FILTER (WHERE a.ended_at IS NULL)::int AS open,
                    (SELECT count(*)::int FROM agents WHERE state IN ('talking', 'wrap-up')) AS busy
               FROM call_attempts a`,
          );
          return r.open >= 1 && r.busy >= 1;
        },
        { timeoutMs: 60_000, intervalMs: 200, what: 'demo calls live and agents on calls' },
      );
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    } finally {
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        await exit;
      }
    }
    expect(out).toContain('SIGTERM: stopping');
    expect(out).toMatch(/stopped: \d+ call\(s\) interrupted, \d+ queued dial\(s\) given back/);

    const ds = db.ds;
    expect(await ds.query(`SELECT channel_id FROM call_attempts WHERE ended_at IS NULL`)).toEqual([]);
    expect(
      await ds.query(`SELECT id, state FROM agents WHERE state <> 'offline' OR session_owner IS NOT NULL`),
    ).toEqual([]);
    expect(
      await ds.query(
        `SELECT id FROM campaign_contacts WHERE status IN ('leased', 'dialing') OR lease_owner IS NOT NULL`,
      ),
    ).toEqual([]);
    expect(await ds.query(`SELECT id FROM campaigns WHERE lease_owner IS NOT NULL`)).toEqual([]);
    expect(await ds.query(`SELECT id FROM dialer_instances WHERE id = 'demo-stop-e2e'`)).toEqual([]);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM agent_state_changes WHERE to_state = 'offline' AND reason = 'dialer shut down'`,
    );
    expect(n).toBe(5);
  }, 120_000);
});
