import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from '@jest/globals';
import { pollUntil } from '@app/common';
import { removeEmbeddedData } from '../support/embedded-data';

// These drive the built server (`npm test` builds first), the way README command 1 runs it.
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
  return { child, output: () => out, exit };
}

describe('the dialer process', () => {
  it('is built', () => {
    expect(existsSync(MAIN)).toBe(true);
  });

  it('exits non-zero and names the variable when the configuration is wrong', async () => {
    const p = run({ DATABASE_URL: 'nonsense', PORT: 'eighty' });
    expect(await p.exit).toBe(2);
    expect(p.output()).toContain('DATABASE_URL=nonsense: must be a URL');
    expect(p.output()).toContain('PORT=eighty: must be an integer');
  });

  describe('on the embedded defaults', () => {
    const dir = `.data/e2e-start-${process.pid}`;
    let p: ReturnType<typeof run> | undefined;
    afterAll(async () => {
      if (p && p.child.exitCode === null) {
        p.child.kill('SIGTERM');
        await p.exit;
      }
      removeEmbeddedData(dir);
      rmSync(`${dir}.password`, { force: true });
    });

    it('starts PostgreSQL, prints the URL, reports the database up and lets a seeded user log in', async () => {
      // each spawning e2e file has its own port block below the ephemeral range (32768+): see test/support/ports.md
      const port = 12000 + (process.pid % 1000) * 3;
      p = run({
        PORT: String(port),
        HOST: '127.0.0.1',
        EMBEDDED_PG_DIR: `${dir}/postgres`,
        EMBEDDED_PG_PORT: String(port + 1),
        SIM_PORT: String(port + 2),
        DEMO_PASSWORD: 'e2e-demo-password',
        DEMO_DIALING: 'false',
      });
      const started = Date.now();
      await pollUntil(
        () => p!.output().includes(`listening on http://127.0.0.1:${port}`) || p!.child.exitCode !== null,
        {
          timeoutMs: 60_000,
          what: 'the listening line',
        },
      );
      expect(p.child.exitCode).toBeNull();
      // Nest's route mapping (a hundred lines) sits at debug: the banner is what a newcomer sees.
      const beforeBanner = p.output().split(`listening on http://127.0.0.1:${port}`)[0];
      expect(beforeBanner).not.toMatch(/RoutesResolver|RouterExplorer|Mapped \{/);
      expect(beforeBanner.split('\n').length).toBeLessThan(15);
      const health = await pollUntil(
        async () => {
          const r = await fetch(`http://127.0.0.1:${port}/health`);
          const b = (await r.json()) as { database?: string };
          return b.database === 'up' ? b : undefined;
        },
        { timeoutMs: 60_000 - (Date.now() - started), what: 'database up' },
      );
      expect(health.database).toBe('up');
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'planner@demo.local', password: 'e2e-demo-password' }),
      });
      expect(login.status).toBe(200);
      const body = (await login.json()) as { accessToken: string };
      expect(body.accessToken.split('.')).toHaveLength(3);
    }, 90_000);
  });
});
