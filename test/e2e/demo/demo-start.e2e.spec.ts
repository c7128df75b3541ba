import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from '@jest/globals';
import { pollUntil } from '@app/common';
import { removeEmbeddedData } from '../../support/embedded-data';

// `npm start` as a newcomer runs it (the built server, embedded PostgreSQL, no ARI_URL): the banner, the 10 s log
// line, the live route, and a second start on the same data that finds the demo instead of seeding it again.
const MAIN = 'dist/apps/dialer/src/main.js';

function run(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  let out = '';
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // eslint-disable-next-line no-control-regex -- the colours of Nest's logger
  return { child, output: () => out.replace(/\x1b\[[0-9;]*m/g, ''), exit };
}

async function stop(p: ReturnType<typeof run>): Promise<void> {
  if (p.child.exitCode === null) {
    p.child.kill('SIGTERM');
    await p.exit;
  }
}

describe('npm start with the demo', () => {
  const dir = `.data/e2e-demo-${process.pid}`;
  // each spawning e2e file has its own port block below the ephemeral range (32768+): see test/support/ports.md
  const port = 21000 + (process.pid % 1000) * 3;
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    EMBEDDED_PG_DIR: `${dir}/postgres`,
    EMBEDDED_PG_PORT: String(port + 1),
    SIM_PORT: String(port + 2),
    DEMO_PASSWORD: 'demo-password-1',
    // Stopping waits for live demo calls (up to SHUTDOWN_DRAIN_SECONDS): keep the test short.
    SHUTDOWN_DRAIN_SECONDS: '2',
  };
  const procs: ReturnType<typeof run>[] = [];
  afterAll(async () => {
    for (const p of procs) await stop(p);
    // The embedded server may still be shutting down when the app has exited: never pull its folder from under it.
    await pollUntil(() => !existsSync(`${dir}/postgres/postmaster.pid`), { timeoutMs: 15_000 }).catch(() => undefined);
    removeEmbeddedData(dir);
  }, 30_000);

  it('prints how to watch it, dials within a minute, and finds the same demo on the next start', async () => {
    expect(existsSync(MAIN)).toBe(true);
    const p = run(env);
    procs.push(p);
    await pollUntil(() => p.output().includes('watch it: ') || p.child.exitCode !== null, {
      timeoutMs: 60_000,
      what: 'the banner',
    });
    // say why when the server stopped before its banner (the output is otherwise lost with the child)
    if (p.child.exitCode !== null)
      throw new Error(`the server exited with ${p.child.exitCode}:\n${p.output().slice(-3000)}`);
    const campaignId = /demo: campaign ([0-9a-f-]{36}) dials/.exec(p.output())?.[1];
    expect(campaignId).toBeDefined();
    expect(p.output()).toContain(`/api/campaigns/${campaignId}/live`);
    expect(p.output()).toContain('"email":"supervisor@demo.local","password":"demo-password-1"');

    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'supervisor@demo.local', password: 'demo-password-1' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const live = await pollUntil(
      async () => {
        const r = await fetch(`http://127.0.0.1:${port}/api/campaigns/${campaignId}/live`, {
          headers: { authorization: `Bearer ${accessToken}` },
        });
        const b = (await r.json()) as { dials: { total: number }; answeredByPerson: number };
        return b.dials.total >= 3 && b.answeredByPerson >= 1 ? b : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500, what: 'dials on the live route' },
    );
    expect(live).toMatchObject({ state: 'running', mode: 'predictive', agents: { list: expect.any(Array) } });
    await pollUntil(() => /\[demo\] t\+\d+s dials \d+/.test(p.output()), { timeoutMs: 15_000, what: 'a demo line' });
    expect(p.output()).toContain('5 simulated agents logged in and ready');
    await stop(p);

    const again = run(env);
    procs.push(again);
    await pollUntil(() => again.output().includes('watch it: ') || again.child.exitCode !== null, {
      timeoutMs: 60_000,
      what: 'the banner of the second start',
    });
    expect(again.output()).toContain(`demo campaign ${campaignId} (predictive, 500 contacts) found, resumed`);
    await pollUntil(() => again.output().includes('5 simulated agents logged in and ready'), {
      timeoutMs: 30_000,
      what: 'the agents back',
    });
  }, 150_000);
});
