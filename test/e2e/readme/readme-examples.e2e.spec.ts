import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pollUntil } from '@app/common';
import { linkOrCopy } from '../../support/embedded-data';
import { removeEmbeddedData } from '../../support/embedded-data';

// The README's commands and examples, run as written from a fresh copy of the checkout. `npm ci` itself is what CI
// runs first (and `npm test` is CI's test step); here node_modules is hard-linked into the copy in its place.
// Blocks marked `<!-- readme-test ... -->` run against `npm start`: the only change is the port (localhost:3000 →
// this test's own), since other servers may hold 3000. A `# {...}` line after a command is its expected output: the
// command's output must be JSON holding those fields.

const README = readFileSync('README.md', 'utf8');

function blocksAfter(marker: RegExp): string[] {
  const out: string[] = [];
  const re = /```sh\n([\s\S]*?)```/g;
  for (let m = re.exec(README); m; m = re.exec(README)) {
    const before = README.slice(0, m.index).trimEnd().split('\n').pop() ?? '';
    if (marker.test(before)) out.push(m[1]);
  }
  return out;
}

interface Step {
  command: string;
  expect: Record<string, unknown>[];
}

/** A block's commands (with `\` continuations joined) and the expected-output comments after each. */
function steps(block: string): Step[] {
  const out: Step[] = [];
  let pending = '';
  for (const line of block.split('\n')) {
    if (pending) {
      pending += `\n${line}`;
      if (!line.endsWith('\\')) {
        out.push({ command: pending, expect: [] });
        pending = '';
      }
    } else if (line.startsWith('# '))
      out[out.length - 1]?.expect.push(JSON.parse(line.slice(2)) as Record<string, unknown>);
    else if (line.trim() && line.endsWith('\\')) pending = line;
    else if (line.trim()) out.push({ command: line, expect: [] });
  }
  return out;
}

/** The tracked (and new, not ignored) files of the checkout, copied as a clone would have them. */
function freshCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dialer-readme-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && existsSync(f));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(f, join(dir, f));
  }
  linkOrCopy(resolve('node_modules'), join(dir, 'node_modules'));
  return dir;
}

describe('the README, run as written', () => {
  // own port block below the ephemeral range: see test/support/ports.md
  const port = 18000 + (process.pid % 1000) * 3;
  const url = `http://127.0.0.1:${port}`;
  let clone = '';
  let server: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    clone = freshCopy();
    // README command 1 (after `npm ci`): `npm start` builds and starts on the embedded defaults.
    server = spawn('npm', ['start'], {
      cwd: clone,
      detached: true, // its own process group: npm, the build and the server stop together
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: String(port),
        EMBEDDED_PG_PORT: String(port + 1),
        SIM_PORT: String(port + 2),
        // Not part of any example: only makes the clean-up quick (stopping waits for live demo calls).
        SHUTDOWN_DRAIN_SECONDS: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // What a terminal shows: Nest's colour codes are not part of the text one copies.
    const collect = (d: Buffer): void => void (output += stripVTControlCharacters(d.toString()));
    server.stdout?.on('data', collect);
    server.stderr?.on('data', collect);
    await pollUntil(
      () => {
        if (server!.exitCode !== null) throw new Error(`npm start exited: ${output}`);
        return /watch it: /.test(output);
      },
      { timeoutMs: 110_000, intervalMs: 200, what: 'the start banner' },
    ).catch((e: unknown) => {
      throw new Error(`${(e as Error).message}\n${output}`);
    });
  }, 120_000);

  afterAll(async () => {
    if (server?.pid && server.exitCode === null) {
      const gone = new Promise((ok) => server!.once('exit', ok));
      process.kill(-server.pid, 'SIGTERM');
      await gone;
    }
    // npm exits first; the server (and the PostgreSQL it started, same process group) stop a moment later.
    const group = server?.pid;
    if (group)
      await pollUntil(
        () => {
          try {
            process.kill(-group, 0);
            return false;
          } catch {
            return true;
          }
        },
        { timeoutMs: 45_000, intervalMs: 100, what: 'the server and its PostgreSQL to stop' },
      ).catch(() => process.kill(-group, 'SIGKILL'));
    if (clone) removeEmbeddedData(join(clone, '.data'));
    if (clone) rmSync(clone, { recursive: true, force: true });
  }, 60_000);

  const local = (text: string): string => text.replaceAll('http://localhost:3000', url);

  function runStep(command: string): string {
    const r = spawnSync('bash', ['-euo', 'pipefail', '-c', command], {
      cwd: clone,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`\`${command}\` exited ${r.status}: ${r.stderr}${r.stdout}`);
    return r.stdout;
  }

  it('has the two commands', () => {
    expect(README).toContain('```sh\nnpm ci && npm start\n```');
    expect(README).toContain('```sh\nnpm ci && npm test\n```');
  });

  it('runs every marked example block and gets the outputs it shows', () => {
    const blocks = blocksAfter(/^<!-- readme-test/);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      // One shell per block, so variables (TOKEN=...) carry from line to line; a marker splits the outputs.
      const all = steps(block);
      const script = all.map((s, i) => `${local(s.command)}\necho; echo "@@step ${i}"`).join('\n');
      const out = runStep(script).split(/^@@step \d+$/m);
      all.forEach((s, i) => {
        for (const want of s.expect) {
          let got: unknown;
          try {
            got = JSON.parse(out[i]);
          } catch {
            throw new Error(`\`${s.command}\` printed no JSON: ${out[i]}`);
          }
          expect(got).toMatchObject(want);
        }
      });
    }
  });

  it('stops on a bad variable as the configuration section says', () => {
    const m = /\(`(\w+=\S+ npm start)` says `([^`]+?)(?: \.\.\.)?`\)/.exec(README);
    expect(m).not.toBeNull();
    const r = spawnSync('bash', ['-c', m![1]], { cwd: clone, encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(r.status).toBe(2);
    expect(`${r.stdout}${r.stderr}`).toContain(m![2]);
  }, 60_000);

  it('prints a log-in command in the banner that works when pasted', () => {
    const line = /log in: (curl .*)$/m.exec(output)?.[1];
    expect(line).toBeDefined();
    const body = JSON.parse(runStep(local(line!))) as { accessToken?: string };
    expect(body.accessToken?.split('.')).toHaveLength(3);
  });

  it("prints a watch-it command in the banner that shows the demo campaign's live view", () => {
    const line = /watch it: (TOKEN=.*)$/m.exec(output)?.[1];
    expect(line).toBeDefined();
    const live = JSON.parse(runStep(local(line!))) as { campaignId?: string; state?: string };
    expect(live).toMatchObject({ campaignId: expect.any(String) });
  });
});
