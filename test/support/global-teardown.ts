// Jest loads this file outside its module registry: relative imports only, no @app aliases.
import pg from 'pg';
import { dropDatabase } from './drop-database';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  const template = process.env.TEST_PG_TEMPLATE;
  let othersConnected = 0;
  if (adminUrl && template) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      // This run's template and the per-file databases of this run a crashed test file left behind; other runs
      // sharing the server keep theirs.
      const run = template.replace('dialer_tpl_', '');
      const { rows } = await admin.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2',
        [`dialer_test_${run}_%`, template],
      );
      for (const r of rows) await dropDatabase(admin, r.datname);
      const busy = await admin.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'",
      );
      othersConnected = busy.rows[0].n;
    } finally {
      await admin.end();
    }
  }
  // Stop the embedded server this run started, unless another run is using it (it will stop it itself).
  const testPg = (globalThis as { __testPg?: { stop(): Promise<void> } }).__testPg;
  if (testPg && othersConnected === 0) await testPg.stop();
}
