import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { pollUntil } from '@app/common';
import { linkOrCopy } from '../support/embedded-data';
import { removeEmbeddedData } from '../support/embedded-data';

// README command 1 run by root from a folder only root may enter (root's home is mode 700, so is `mktemp -d`): the
// embedded PostgreSQL runs as the user "postgres", which cannot reach the checkout. It must start all the same.
const asRoot = process.getuid?.() === 0;

function start(
  cwd: string,
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  let out = '';
  const child = spawn(process.execPath, ['dist/apps/dialer/src/main.js'], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  return { child, output: () => out, exit };
}

(asRoot ? describe : describe.skip)('npm start as root in a mode-700 checkout', () => {
  // A copy of the built app (hard links: a second or so): dist, node_modules (with the PostgreSQL binaries), package.json.
  const clone = mkdtempSync(join(tmpdir(), 'dialer-root-clone-'));
  // own port block below the ephemeral range: see test/support/ports.md
  const port = 15000 + (process.pid % 1000) * 3;
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    EMBEDDED_PG_PORT: String(port + 1),
    SIM_PORT: String(port + 2),
    DEMO_DIALING: 'false',
  };
  let p: ReturnType<typeof start> | undefined;

  afterAll(async () => {
    if (p && p.child.exitCode === null) {
      p.child.kill('SIGTERM');
      await p.exit;
    }
    if (clone) removeEmbeddedData(join(clone, '.data'));
    rmSync(clone, { recursive: true, force: true });
  });

  async function startAndWaitForDatabase(): Promise<string> {
    p = start(clone, env);
    await pollUntil(
      async () => {
        if (p!.child.exitCode !== null) throw new Error(`the dialer exited: ${p!.output()}`);
        const r = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
        return r && ((await r.json()) as { database?: string }).database === 'up';
      },
      { timeoutMs: 60_000, intervalMs: 200, what: 'the database up in /health' },
    );
    const password = readFileSync(join(clone, '.data', 'demo-password'), 'utf8').trim();
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'planner@demo.local', password }),
    });
    expect(login.status).toBe(200);
    return password;
  }

  it('starts the embedded PostgreSQL, serves /health with the database up, and keeps the data across a restart', async () => {
    expect(statSync(clone).mode & 0o777).toBe(0o700);
    linkOrCopy(resolve('node_modules'), join(clone, 'node_modules'));
    linkOrCopy(resolve('dist'), join(clone, 'dist'));
    copyFileSync('package.json', join(clone, 'package.json'));

    const password = await startAndWaitForDatabase();
    // The cluster lives where the postgres user can reach it; .data/postgres names it.
    const link = join(clone, '.data', 'postgres');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(existsSync(join(link, 'PG_VERSION'))).toBe(true);

    p!.child.kill('SIGTERM');
    expect(await p!.exit).toBe(0);

    // Second start: same cluster (the demo users and their password are still there), no new initdb.
    expect(await startAndWaitForDatabase()).toBe(password);
    expect(p!.output()).not.toContain('initdb');
  }, 120_000);
});
