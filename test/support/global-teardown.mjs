import pg from 'pg';

export default async function globalTeardown() {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      // This run's template and any per-file database a crashed test file left behind.
      const { rows } = await admin.query(
        "SELECT datname FROM pg_database WHERE datname LIKE 'dialer_test_%' OR datname = $1",
        [process.env.TEST_PG_TEMPLATE],
      );
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
  await globalThis.__testPg?.stop();
}
