import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

// What the README's first command (`npm ci`) installs must agree with the code and with the README's Node version.
interface PackageJson {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson;
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { version?: string; dependencies?: Record<string, string> }>;
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : sources(p);
    return p.endsWith('.ts') && !p.endsWith('.spec.ts') ? [p] : [];
  });
}

/** `socket.io` from `socket.io`, `@nestjs/common` from `@nestjs/common/x`, undefined for relative and @app paths. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('@app/') || specifier.startsWith('node:')) return undefined;
  if (builtinModules.includes(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

describe('the installed dependencies', () => {
  it('declare every package the shipped code imports (nothing arrives only through another package)', () => {
    const undeclared = new Set<string>();
    for (const file of ['apps', 'libs'].flatMap(sources)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)'([^'\s]+)'/g)) {
        const name = packageOf(m[1]);
        if (name && !(name in pkg.dependencies)) undeclared.add(`${name} (${file})`);
      }
    }
    expect([...undeclared]).toEqual([]);
  });

  it('have one socket.io, the version @nestjs/platform-socket.io pins', () => {
    const pinned = lock.packages['node_modules/@nestjs/platform-socket.io'].dependencies?.['socket.io'];
    expect(pkg.dependencies['socket.io']).toBe(pinned);
    const copies = Object.keys(lock.packages).filter((p) => p.endsWith('node_modules/socket.io'));
    expect(copies).toEqual(['node_modules/socket.io']);
  });

  it('install on the Node version the README names without an engine warning', () => {
    const readme = readFileSync('README.md', 'utf8');
    const named = /Node\.js (\d+\.\d+) or newer/.exec(readme)?.[1];
    expect(named).toBeDefined();
    expect(pkg.engines.node).toBe(`>=${named}`);
    // npm checks every locked package's engines against the running Node; CI runs the README's Node line.
    const dir = mkdtempSync(join(tmpdir(), 'dialer-npm-ci-'));
    try {
      copyFileSync('package.json', join(dir, 'package.json'));
      copyFileSync('package-lock.json', join(dir, 'package-lock.json'));
      const r = spawnSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, npm_config_loglevel: 'warn' },
      });
      expect(r.status).toBe(0);
      expect(`${r.stdout}${r.stderr}`).not.toContain('EBADENGINE');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
