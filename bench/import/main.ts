import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { Client } from 'pg';
import { join } from 'node:path';
import { once } from 'node:events';
import { spawn } from 'node:child_process';
import { createReadStream, readFileSync } from 'node:fs';
import { TokenService } from '@app/auth';
import { loadDialerConfig } from '@app/config';
import {
  createDataSource,
  Department,
  migrate,
  startEmbeddedPostgres,
  User,
  type EmbeddedDatabase,
} from '@app/database';
import { createDialerApp } from '../../apps/dialer/src/bootstrap';
import { xlsxBomb } from './hostile';

/*
 * List import benchmark: the real HTTP route (POST /api/contact-lists/:id/import) of the dialer app, fed a generated
 * CSV of N rows (several columns, ~5% invalid numbers, ~2% duplicates), on the embedded PostgreSQL or DATABASE_URL.
 *   npm run bench:import -- [--rows 100000] [--small 20000] [--json] [--port 54333] [--heap-cap 100]
 * Prints rows/second, seconds, and peak RSS and heap (sampled every 50 ms) for the small and the large file: equal
 * peaks show that memory does not grow with the file. Then two hostile archives (XLSX whose shared strings unpack to
 * 2.2 GB from a few MB) are uploaded at once: how long until both are refused, and how much the RSS grew meanwhile.
 */
interface Args {
  rows: number;
  small: number;
  json: boolean;
  port: number;
  /** Re-run under --max-old-space-size=N: proves the working set is bounded (V8 otherwise grows the heap lazily). */
  heapCapMb?: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { rows: 100_000, small: 20_000, json: false, port: 54333 };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--json') a.json = true;
    else if (x === '--rows') a.rows = Number(argv[++i]);
    else if (x === '--small') a.small = Number(argv[++i]);
    else if (x === '--port') a.port = Number(argv[++i]);
    else if (x === '--heap-cap') a.heapCapMb = Number(argv[++i]);
    else throw new Error(`unknown argument ${x}`);
  }
  return a;
}

/** A seeded generator, so two runs import the same file. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ann', 'Bob', 'Chloé', 'Dev', 'Eva', 'Femi', 'Gus', 'Hana', 'Ivan', 'José', 'Kai', 'Lena'];
const LAST = ['Smith', 'Jones', 'Müller', 'Okafor', 'Patel', 'Nguyen', 'García', 'Brown', 'Kowalski', "O'Neil"];
const SEGMENTS = ['gold', 'silver', 'bronze', 'new'];

async function generate(file: string, rows: number): Promise<{ bytes: number; invalid: number; duplicates: number }> {
  const r = rng(rows);
  const out = createWriteStream(file);
  let invalid = 0;
  let duplicates = 0;
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('customer_id,first_name,last_name,phone1,phone2,segment,balance,notes\n');
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const dup = i > 100 && r() < 0.02;
    const n = dup ? Math.floor(r() * i) : i;
    if (dup) duplicates++;
    const bad = r() < 0.05;
    if (bad) invalid++;
    const phone1 = bad ? `12${n % 100}` : `07${700 + (n % 300)} ${String(100000 + (n % 900000)).padStart(6, '0')}`;
    const phone2 = r() < 0.3 ? `+44 20 7946 ${String(n % 10000).padStart(4, '0')}` : '';
    buf +=
      `C${n},${FIRST[n % FIRST.length]},"${LAST[n % LAST.length]}",${phone1},${phone2},` +
      `${SEGMENTS[n % SEGMENTS.length]},${(r() * 1000).toFixed(2)},"note ${n}, row ${i}"\n`;
    if (buf.length > 64 * 1024) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  out.end();
  await once(out, 'finish');
  return { bytes: (await stat(file)).size, invalid, duplicates };
}

interface Result {
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  peakHeapMb: number;
  rssBeforeMb: number;
  /** CPU seconds of this process (the app and the client; PostgreSQL runs in its own processes). */
  cpuSeconds: number;
  /**
   * CPU seconds of the database's backend processes serving the app during the upload (read from /proc; null when
   * PostgreSQL runs elsewhere). With cpuSeconds, a measure that does not depend much on the machine's load.
   */
  dbCpuSeconds: number | null;
  /** Reading, normalising and staging the file (the summary's durationMs), then publishing it into the list. */
  readStageSeconds: number;
  publishSeconds: number;
  summary: Record<string, unknown>;
}

/**
 * Sums the CPU time of the PostgreSQL backends connected to one database (other than the sampler's own), sampled
 * every 100 ms from /proc: a backend that ends between two samples loses at most 100 ms of its count.
 */
function backendCpu(ds: { query(sql: string, params?: unknown[]): Promise<{ pid: number }[]> }, database: string) {
  const ticks = 100; // USER_HZ on Linux
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  let readable = true;
  const cpuOf = (pid: number): number | undefined => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(f[11]) + Number(f[12])) / ticks;
    } catch (e) {
      // A backend that has just ended is simply gone; one we may not read means the figure cannot be had.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') readable = false;
      return undefined;
    }
  };
  const sample = async (): Promise<void> => {
    const rows = await ds.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [
      database,
    ]);
    for (const { pid } of rows) {
      const cpu = cpuOf(pid);
      if (cpu === undefined) continue;
      if (!first.has(pid)) first.set(pid, cpu);
      last.set(pid, cpu);
    }
  };
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void sample()
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, 100);
  const begin = sample();
  return {
    begin,
    async end(): Promise<number | null> {
      clearInterval(timer);
      while (busy) await new Promise((r) => setTimeout(r, 10));
      await sample();
      if (!readable || !first.size) return null;
      let sum = 0;
      for (const [pid, v] of last) sum += v - (first.get(pid) ?? v);
      return Math.round(sum * 100) / 100;
    },
  };
}

const mb = (n: number): number => Math.round((n / 1024 / 1024) * 10) / 10;

interface BombResult {
  /** Seconds until both uploads were answered. */
  bombRefusedSeconds: number;
  /** Peak RSS during the two uploads minus the RSS before them. */
  bombRssGrowthMb: number;
  bombStatuses: number[];
  bombBytes: number;
  bombUnpackedMb: number;
}

/** POSTs a buffer and returns the status (any status: a refusal is the expected answer here). */
async function post(url: string, token: string, listId: string, body: Buffer, type: string): Promise<number> {
  const res = await fetch(`${url}/api/contact-lists/${listId}/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: new Uint8Array(body),
  });
  await res.arrayBuffer();
  return res.status;
}

async function upload(url: string, token: string, listId: string, file: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/api/contact-lists/${listId}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () =>
        res.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`${res.statusCode}: ${text}`)),
      );
    });
    req.on('error', reject);
    createReadStream(file).pipe(req);
  });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.heapCapMb && !process.execArgv.some((a) => a.startsWith('--max-old-space-size'))) {
    // spawn, not fork: a fork's IPC channel would keep the child alive after it finished.
    const child = spawn(
      process.execPath,
      [...process.execArgv, `--max-old-space-size=${args.heapCapMb}`, process.argv[1], ...process.argv.slice(2)],
      { stdio: 'inherit' },
    );
    const [code] = (await once(child, 'exit')) as [number | null];
    process.exit(code ?? 1);
  }
  const log = (s: string): void => {
    if (!args.json) console.error(s);
  };
  let embedded: EmbeddedDatabase | undefined;
  let url = process.env.DATABASE_URL;
  // The embedded cluster gets a fresh database per run, so runs do not slow down as earlier lists pile up.
  const database = `bench_import_${Date.now().toString(36)}`;
  if (!url) {
    log(`starting the embedded PostgreSQL in .data/bench-postgres on port ${args.port} (database ${database})`);
    embedded = await startEmbeddedPostgres({ dir: '.data/bench-postgres', port: args.port, database });
    url = embedded.url;
  }
  log(
    `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on ${cpus().length} CPUs`,
  );
  const dir = await mkdtemp(join(tmpdir(), 'bench-import-'));
  const results: Result[] = [];
  let bomb: BombResult | undefined;
  try {
    const ds = createDataSource({ url, poolSize: 2 });
    await ds.initialize();
    await migrate(ds);
    const [{ dbName }]: { dbName: string }[] = await ds.query(`SELECT current_database() AS "dbName"`);
    const s = Date.now().toString(36).toUpperCase();
    const dep = await ds.getRepository(Department).save({ name: `Bench ${s}`, code: `B${s}`.slice(0, 32) });
    const user = await ds.getRepository(User).save({
      email: `bench-${s}@bench.local`,
      displayName: 'Bench',
      role: 'planner',
      departmentId: dep.id,
      passwordHash: 'x',
    });
    const secret = 'bench-secret-that-is-long-enough-for-hs256';
    const config = loadDialerConfig({ DATABASE_URL: url, JWT_SECRET: secret, PORT: '0', LOG_LEVEL: 'error' });
    const app = await createDialerApp({ config, databaseUrl: url, jwtSecret: secret, logger: false });
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer() as { address(): { port: number } }).address().port}`;
    const token = app
      .get(TokenService)
      .issue({ userId: user.id, email: user.email, role: 'planner', departmentId: dep.id });
    try {
      for (const rows of [args.small, args.rows]) {
        const file = join(dir, `list-${rows}.csv`);
        const g = await generate(file, rows);
        log(`generated ${rows} rows (${mb(g.bytes)} MB, ${g.invalid} invalid numbers, ${g.duplicates} duplicates)`);
        const list = await ds.query(
          `INSERT INTO contact_lists (department_id, name, status, region, default_time_zone)
           VALUES ($1, $2, 'ready', 'GB', 'Europe/London') RETURNING id`,
          [dep.id, `bench ${rows}`],
        );
        const rssBefore = process.memoryUsage().rss;
        let peakRss = rssBefore;
        let peakHeap = process.memoryUsage().heapUsed;
        const timer = setInterval(() => {
          const m = process.memoryUsage();
          peakRss = Math.max(peakRss, m.rss);
          peakHeap = Math.max(peakHeap, m.heapUsed);
        }, 50);
        const db = backendCpu(ds, dbName);
        await db.begin;
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        const summary = await upload(base, token, list[0].id as string, file);
        const seconds = (performance.now() - t0) / 1000;
        clearInterval(timer);
        const cpu = process.cpuUsage(cpu0);
        const dbCpuSeconds = await db.end();
        const readStageSeconds = Number(summary.durationMs) / 1000;
        results.push({
          rows,
          bytes: g.bytes,
          seconds: Math.round(seconds * 100) / 100,
          rowsPerSecond: Math.round(rows / seconds),
          peakRssMb: mb(peakRss),
          peakHeapMb: mb(peakHeap),
          rssBeforeMb: mb(rssBefore),
          cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
          dbCpuSeconds,
          readStageSeconds: Math.round(readStageSeconds * 100) / 100,
          publishSeconds: Math.round((seconds - readStageSeconds) * 100) / 100,
          summary: {
            accepted: summary.accepted,
            rejected: summary.rejected,
            duplicates: summary.duplicates,
            contacts: summary.contacts,
          },
        });
        log(
          `${rows} rows: ${seconds.toFixed(2)} s (${results.at(-1)!.readStageSeconds} s reading and staging, ` +
            `${results.at(-1)!.publishSeconds} s publishing; CPU ${results.at(-1)!.cpuSeconds} s in node, ` +
            `${results.at(-1)!.dbCpuSeconds ?? '?'} s in PostgreSQL), ${Math.round(rows / seconds)} rows/s, peak RSS ${mb(peakRss)} MB ` +
            `(before ${mb(rssBefore)} MB), peak heap ${mb(peakHeap)} MB; ${JSON.stringify(results.at(-1)!.summary)}`,
        );
      }
      const unpackedMb = 2200;
      const archive = xlsxBomb(unpackedMb);
      const lists: { id: string }[] = await ds.query(
        `INSERT INTO contact_lists (department_id, name, status, region) VALUES ($1, 'bomb a', 'ready', 'GB'),
           ($1, 'bomb b', 'ready', 'GB') RETURNING id`,
        [dep.id],
      );
      const rssBefore = process.memoryUsage().rss;
      let peakRss = rssBefore;
      const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
      const t0 = performance.now();
      const statuses = await Promise.all(
        lists.map((l) =>
          post(base, token, l.id, archive, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
        ),
      );
      const seconds = (performance.now() - t0) / 1000;
      clearInterval(timer);
      bomb = {
        bombRefusedSeconds: Math.round(seconds * 100) / 100,
        bombRssGrowthMb: mb(peakRss - rssBefore),
        bombStatuses: statuses,
        bombBytes: archive.length,
        bombUnpackedMb: unpackedMb,
      };
      log(
        `two ${mb(archive.length)} MB XLSX unpacking to ${unpackedMb} MB each, at once: answered ${statuses.join(', ')} ` +
          `in ${bomb.bombRefusedSeconds} s, RSS grew ${bomb.bombRssGrowthMb} MB`,
      );
    } finally {
      await app.close();
      await ds.destroy();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    if (embedded) {
      const admin = new Client({ connectionString: embedded.url.replace(/\/[^/]*$/, '/postgres') });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).finally(() => admin.end());
      await embedded.stop();
    }
  }
  const heapCapMb = process.execArgv.find((a) => a.startsWith('--max-old-space-size'))?.split('=')[1];
  const load = loadavg()[0];
  if (args.json)
    console.log(
      JSON.stringify({
        benchmark: 'import',
        loadAverage1m: load,
        cpus: cpus().length,
        heapCapMb: heapCapMb ? Number(heapCapMb) : null,
        results,
        ...bomb,
      }),
    );
  else {
    if (heapCapMb) console.log(`(V8 old space capped at ${heapCapMb} MB)`);
    console.log(`(load average at the end ${load.toFixed(2)} on ${cpus().length} CPUs)`);
    console.log(
      'rows     MB     seconds  read+stage s  publish s  node CPU s  db CPU s  rows/s  peak RSS MB  peak heap MB',
    );
    for (const r of results)
      console.log(
        `${String(r.rows).padEnd(8)} ${String(mb(r.bytes)).padEnd(6)} ${String(r.seconds).padEnd(8)} ` +
          `${String(r.readStageSeconds).padEnd(13)} ${String(r.publishSeconds).padEnd(10)} ` +
          `${String(r.cpuSeconds).padEnd(11)} ${String(r.dbCpuSeconds ?? '?').padEnd(9)} ` +
          `${String(r.rowsPerSecond).padEnd(7)} ${String(r.peakRssMb).padEnd(12)} ${r.peakHeapMb}`,
      );
    if (bomb)
      console.log(
        `two hostile XLSX (${mb(bomb.bombBytes)} MB each, ${bomb.bombUnpackedMb} MB unpacked) at once: ` +
          `${bomb.bombStatuses.join(', ')} in ${bomb.bombRefusedSeconds} s, RSS +${bomb.bombRssGrowthMb} MB`,
      );
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
