// Compiles apps/, libs/ and bench/ to CommonJS under dist/ with swc. Type checking is `npm run typecheck`;
// this step only transpiles, so it takes a second or two. Path aliases (@app/<lib>) are rewritten to relative
// paths by swc; non-TypeScript assets under src/ folders (json, sounds) are copied as they are.
// The web app (apps/web, React) is bundled by Vite into dist/web, which the dialer serves at `/`; `--no-web` skips it
// (the benchmarks), and an unchanged web app (same sources and lock file) reuses the previous bundle.
import { transformFile } from '@swc/core';
import { mkdir, readdir, readFile, writeFile, copyFile, rename, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, dirname, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const out = join(root, 'dist');
const roots = ['apps', 'libs', 'bench'];
const webRoot = join(root, 'apps', 'web');
const webOut = join(out, 'web');
const webKeep = join(root, '.data', 'web-build-cache');

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name === 'out') continue;
      if (p === webRoot) continue;
      yield* walk(p);
    } else yield p;
  }
}

const options = (file) => ({
  filename: file,
  sourceMaps: true,
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
    baseUrl: root,
    paths: { '@app/*': ['libs/*/src/index.ts'] },
  },
  module: { type: 'commonjs' },
});

/** A hash of everything the web bundle depends on: its sources, the libraries it imports from, the lock file. */
async function webStamp() {
  const h = createHash('sha256');
  const files = [join(root, 'package-lock.json')];
  for (const dir of [webRoot, join(root, 'libs')]) for await (const f of walk(dir)) files.push(f);
  files.sort();
  for (const f of files) h.update(f).update(await readFile(f));
  return h.digest('hex');
}
const withWeb = !process.argv.includes('--no-web');
const stamp = withWeb ? await webStamp() : '';
let webReused = false;
if (withWeb) {
  // Keep the previous bundle aside while dist/ is rebuilt, when its stamp says it is current.
  const previous = await readFile(join(webOut, '.stamp'), 'utf8').catch(() => '');
  await rm(webKeep, { recursive: true, force: true });
  if (previous === stamp) {
    await mkdir(dirname(webKeep), { recursive: true });
    await rename(webOut, webKeep);
    webReused = true;
  }
}

await rm(out, { recursive: true, force: true });
const jobs = [];
for (const r of roots) {
  for await (const file of walk(join(root, r))) {
    const rel = relative(root, file);
    if (file.endsWith('.d.ts')) continue;
    if (file.endsWith('.ts')) {
      if (file.endsWith('.spec.ts')) continue;
      jobs.push(
        (async () => {
          const { code, map } = await transformFile(file, options(file));
          const target = join(out, rel.replace(/\.ts$/, '.js'));
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, code + `\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
          if (map) await writeFile(target + '.map', map);
        })(),
      );
    } else if (/\.(json|wav|sln|ulaw|html|css|js|txt)$/.test(file)) {
      jobs.push(
        (async () => {
          const target = join(out, rel);
          await mkdir(dirname(target), { recursive: true });
          await copyFile(file, target);
        })(),
      );
    }
  }
}
await Promise.all(jobs);
if (withWeb) {
  if (webReused) {
    await rename(webKeep, webOut);
  } else {
    const { build } = await import('vite');
    await build({ configFile: join(webRoot, 'vite.config.mjs'), logLevel: 'warn' });
    await writeFile(join(webOut, '.stamp'), stamp);
  }
}
if (!process.argv.includes('--silent'))
  console.log(
    `build: ${jobs.length} files -> dist/` +
      (withWeb ? (webReused ? ', web app unchanged' : ', web app -> dist/web') : ''),
  );
