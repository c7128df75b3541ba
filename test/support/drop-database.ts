import type { Client } from 'pg';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Drops a database other sessions may still hold. `WITH (FORCE)` has to signal every backend in it, and a
 * non-superuser may not signal an autovacuum worker (nor another role's session): PostgreSQL answers 42501 "must be
 * a member of the role whose process is being terminated". Those backends leave on their own within moments, so
 * the drop is retried (FORCE again, which also ends this role's own stragglers) for up to `timeoutMs`.
 */
export async function dropDatabase(admin: Client, name: string, timeoutMs = 15_000): Promise<void> {
  const ident = `"${name.replace(/"/g, '""')}"`;
  const deadline = Date.now() + timeoutMs;
  for (let wait = 50; ; wait = Math.min(wait * 2, 1_000)) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
      return;
    } catch (e) {
      const code = (e as { code?: string }).code;
      // 42501: a backend we may not signal; 55006: the database is being accessed by other users.
      if ((code !== '42501' && code !== '55006') || Date.now() > deadline) throw e;
      await sleep(wait);
    }
  }
}
