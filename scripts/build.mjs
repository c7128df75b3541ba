// Compiles apps/, libs/ and bench/ to CommonJS under dist/ with swc. Type checking is `npm run typecheck`;
// this step only transpiles, so it takes a second or two. Path aliases (@app/<lib>) are rewritten to relative
// paths by swc; non-TypeScript assets under src/ folders (json, sounds) are copied as they are.
import { transformFile } from '@swc/core';
import { mkdir, readdir, writeFile, copyFile, rm } from 'node:fs/promises';
import { join, dirname, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const out = join(root, 'dist');
const roots = ['apps', 'libs', 'bench'];

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
if (!process.argv.includes('--silent')) console.log(`build: ${jobs.length} files -> dist/`);
