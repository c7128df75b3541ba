import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** A value generated once and kept in a git-ignored file, for the embedded (no-configuration) mode. */
export async function localSecret(file: string, bytes = 32): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(dirname(file), { recursive: true });
  const value = randomBytes(bytes).toString('base64url');
  await writeFile(file, value, { mode: 0o600 });
  return value;
}

/** A file beside the embedded database's folder (e.g. .data/jwt-secret). */
export const dataFile = (c: { EMBEDDED_PG_DIR: string }, name: string): string =>
  join(dirname(c.EMBEDDED_PG_DIR), name);
