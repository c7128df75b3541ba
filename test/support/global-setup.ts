// Makes sure a PostgreSQL server is there: TEST_DATABASE_URL when given (CI: the machine's PostgreSQL 15), otherwise
// the embedded one under .data/test-postgres (started the way `npm start` starts it, so root in a closed folder works
// too). The migrated template database is made by the first test file (test-database.ts). Jest loads this file
// outside its module registry: relative imports only, no @app aliases.
// eslint-disable-next-line no-restricted-imports -- loaded outside jest's module registry, where @app aliases do not resolve
import { startEmbeddedPostgres } from '../../libs/database/src/embedded-postgres';

export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const server = await startEmbeddedPostgres({
      dir: '.data/test-postgres',
      port: Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54331),
      database: 'postgres',
      fast: true,
      postgresFlags: ['-c', 'max_connections=400', '-c', 'full_page_writes=off'],
    });
    adminUrl = server.url;
    (globalThis as { __testPg?: { stop(): Promise<void> } }).__testPg = server;
  }
  process.env.TEST_PG_ADMIN_URL = adminUrl;
  process.env.TEST_PG_TEMPLATE = `dialer_tpl_${process.pid}`;
}
