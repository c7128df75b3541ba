import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, migrate } from '@app/database';
import { dropDatabase } from './drop-database';

export interface TestDatabase {
  url: string;
  ds: DataSource;
  drop(): Promise<void>;
}

const withDatabase = (url: string, database: string): string => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

/** Creates and migrates this run's template once, whichever test file comes first (an advisory lock orders them). */
async function ensureTemplate(adminUrl: string, template: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock(774411)');
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = $1', [
      template,
    ]);
    if (rows.length === 0) {
      await admin.query(`CREATE DATABASE "${template}"`);
      const ds = createDataSource({ url: withDatabase(adminUrl, template), poolSize: 1 });
      await ds.initialize();
      try {
        await migrate(ds);
      } finally {
        await ds.destroy();
      }
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(774411)').catch(() => undefined);
    await admin.end();
  }
}

/** A fresh, migrated database for one test file, copied from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  const template = process.env.TEST_PG_TEMPLATE;
  if (!adminUrl || !template) throw new Error('the integration global setup did not run (TEST_PG_ADMIN_URL unset)');
  await ensureTemplate(adminUrl, template);
  // Named after this run's template, so the run's teardown drops its own databases and no one else's.
  const name = `dialer_test_${template.replace('dialer_tpl_', '')}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // CREATE DATABASE ... TEMPLATE fails while another session is connected to the template; retry briefly.
    for (let i = 0; ; i++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        break;
      } catch (e) {
        if (i > 50 || !/being accessed by other users/.test(String(e))) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const ds = createDataSource({ url, poolSize: 5 });
  await ds.initialize();
  return {
    url,
    ds,
    drop: async () => {
      if (ds.isInitialized) await ds.destroy();
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await dropDatabase(c, name);
      } finally {
        await c.end();
      }
    },
  };
}
