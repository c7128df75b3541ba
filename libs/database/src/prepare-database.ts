import { Logger } from '@nestjs/common';
import { createDataSource, migrate } from './data-source';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';

export interface PreparedDatabase {
  url: string;
  embedded?: EmbeddedDatabase;
  migrations: string[];
}

/** DATABASE_URL, or the embedded PostgreSQL; then pending migrations unless turned off. */
export async function prepareDatabase(c: {
  DATABASE_URL?: string;
  DATABASE_MIGRATIONS_RUN: boolean;
  EMBEDDED_PG_DIR: string;
  EMBEDDED_PG_PORT: number;
}): Promise<PreparedDatabase> {
  const log = new Logger('database');
  let embedded: EmbeddedDatabase | undefined;
  let url = c.DATABASE_URL;
  if (!url) {
    log.log(`no DATABASE_URL: starting the embedded PostgreSQL in ${c.EMBEDDED_PG_DIR} on port ${c.EMBEDDED_PG_PORT}`);
    embedded = await startEmbeddedPostgres({ dir: c.EMBEDDED_PG_DIR, port: c.EMBEDDED_PG_PORT });
    url = embedded.url;
  }
  let migrations: string[] = [];
  if (c.DATABASE_MIGRATIONS_RUN) {
    const ds = createDataSource({ url, poolSize: 2, applicationName: 'dialer-migrate' });
    await ds.initialize();
    try {
      migrations = await migrate(ds);
    } finally {
      await ds.destroy();
    }
    log.log(migrations.length ? `applied migrations: ${migrations.join(', ')}` : 'schema is up to date');
  }
  return { url, embedded, migrations };
}
