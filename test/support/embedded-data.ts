import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readlinkSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Removes a test's data folder (`<dir>`, with the embedded cluster in `<dir>/postgres`). Run as root from a folder
 * the postgres user cannot reach, that cluster lives under /var/lib/dialer-embedded-pg and `<dir>/postgres` is a link
 * to it: the staged folder goes too, or every run would leave one behind.
 */
export function removeEmbeddedData(dir: string): void {
  const link = join(dir, 'postgres');
  if (existsSync(link) && lstatSync(link).isSymbolicLink()) {
    const staged = dirname(readlinkSync(link));
    if (staged.startsWith('/var/lib/dialer-embedded-pg/')) rmSync(staged, { recursive: true, force: true });
  }
  rmSync(dir, { recursive: true, force: true });
}

/** A copy of a folder as hard links (a second for node_modules), or a plain copy across file systems. */
export function linkOrCopy(from: string, to: string): void {
  try {
    execFileSync('cp', ['-al', from, to], { stdio: 'ignore' });
  } catch {
    rmSync(to, { recursive: true, force: true });
    execFileSync('cp', ['-a', from, to]);
  }
}
