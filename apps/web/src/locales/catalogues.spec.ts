import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

// Every string of the web app is in both languages: the same files, the same keys, no empty text, and each file's
// keys live under its own area (so files of different areas never overwrite each other when merged).
const dir = join('apps', 'web', 'src', 'locales');
const read = (lang: string, file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(dir, lang, file), 'utf8')) as Record<string, unknown>;

function leaves(o: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (o && typeof o === 'object')
    for (const [k, v] of Object.entries(o))
      for (const [kk, vv] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  else out.set(prefix, o);
  return out;
}

describe('the web app catalogues', () => {
  const files = readdirSync(join(dir, 'en')).filter((f) => f.endsWith('.json'));

  it('has the same files in English and Chinese', () => {
    expect(
      readdirSync(join(dir, 'zh-CN'))
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual([...files].sort());
  });

  it.each(files)('%s: same keys in both languages, every text non-empty', (file) => {
    const en = leaves(read('en', file));
    const zh = leaves(read('zh-CN', file));
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [k, v] of [...en, ...zh])
      if (k) expect({ k, ok: typeof v === 'string' && v.trim() !== '' }).toEqual({ k, ok: true });
  });

  it('keeps each area file under its own top-level keys', () => {
    const owner = new Map<string, string>();
    for (const file of files)
      for (const key of Object.keys(read('en', file))) {
        expect({ key, also: owner.get(key) }).toEqual({ key, also: undefined });
        owner.set(key, file);
      }
  });
});
