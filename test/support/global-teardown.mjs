import pg from 'pg';

export default async function globalTeardown() {
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
      const { rows } = await admin.query('SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2', [
        `dialer_test_${run}_%`,
        template,
      ]);
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
      const busy = await admin.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'",
      );
      othersConnected = busy.rows[0].n;
    } finally {
      await admin.end();
    }
  }
  // Stop the embedded server this run started, unless another run is using it (it will stop it itself).
  if (globalThis.__testPg && othersConnected === 0) await globalThis.__testPg.stop();
}
