import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { AsteriskSim } from '@app/asterisk-sim';
import { WallboardGateway, type WallboardPushTiming } from '@app/agent-gateway';
import { TokenService } from '@app/auth';
import { ALWAYS_OPEN_WINDOWS } from '@app/briefs';
import { AppError, pollUntil } from '@app/common';
import { loadDialerConfig } from '@app/config';
import { Agent, Campaign, createDataSource, Department, migrate, User } from '@app/database';
import { AgentSessionEvents, AgentSessionService, ASTERISK_SIM, CampaignRunner } from '@app/dialer';
import type { PopulationModel } from '@app/population';
import { createDialerApp } from '../../apps/dialer/src/bootstrap';

/*
 * Wallboard benchmark: the real dialer app in this process, on a fresh PostgreSQL database, with its built-in ARI
 * simulator; a running progressive campaign whose agents (logged in through AgentSessionService on their phones
 * PJSIP/agent-1000…, disposing at once after each call) keep it dialing about 50 calls a second. Then `--runs`
 * rounds of: a phase with no wallboard client, and a phase with N socket.io clients on `/wallboard` subscribed to
 * it as the wallboard page subscribes (`agentList: false`; `--agent-list` for the pushes with every agent), spread
 * over `--client-processes` child processes (never this one: their decoding would count as the dialer's lag).
 *   npm run bench:wallboard -- [--json] [--clients 500] [--seconds 20] [--agents 250] [--runs 3]
 *                                [--client-processes 4] [--agent-list] [--sim-port 0]
 * Database: DATABASE_URL as given, else a fresh database on postgres://devtest:…@127.0.0.1:5432/ (dropped after).
 * Figures (top level: p99 over the samples of all runs pooled; `runs`: each run, with the load average):
 * - fan-out: client receipt − the push's `at` (when the dialer started reading the numbers), split into stages
 *   with the gateway's per-push timings (onPush): read + build, the yield before writing, writing to every socket
 *   (in batches), and emit start → receipt;
 * - the dialer's event-loop lag p99 (monitorEventLoopDelay, 10 ms resolution, so ~10 ms is its floor);
 * - answer→bridge p99 of the campaign runner's samples (its LatencyStats keeps only p95 and the last 1,000: the
 *   bench wraps its `add` to see every sample of a phase) with and without clients;
 * - dials a second (call attempts created during the phase) and CPU ms of the dialer and of the client processes.
 */
interface Args {
  json: boolean;
  clients: number;
  seconds: number;
  agents: number;
  simPort: number;
  runs: number;
  clientProcesses: number;
  agentList: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    json: false,
    clients: 500,
    seconds: 20,
    agents: 250,
    simPort: 0,
    runs: 3,
    clientProcesses: 4,
    agentList: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    const num = (): number => {
      const n = Number(argv[++i]);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${x} ${argv[i]}: a non-negative number expected`);
      return n;
    };
    if (x === '--json') a.json = true;
    else if (x === '--clients') a.clients = num();
    else if (x === '--seconds') a.seconds = num();
    else if (x === '--agents') a.agents = num();
    else if (x === '--sim-port') a.simPort = num();
    else if (x === '--runs') a.runs = num();
    else if (x === '--client-processes') a.clientProcesses = num();
    else if (x === '--agent-list') a.agentList = true;
    else throw new Error(`unknown argument ${x}`);
  }
  if (a.agents < 1 || a.agents > 1000) throw new Error('--agents: 1 to 1000 (the simulator answers agent-1000…1999)');
  if (a.runs < 1) throw new Error('--runs: at least 1');
  if (a.clientProcesses < 1) throw new Error('--client-processes: at least 1');
  return a;
}

/** People answer 70 % of dials within 0.5–1.5 s and talk 3–5 s; the rest are busy, invalid or ring out in 4 s. */
const POPULATION: PopulationModel = {
  humanAnswer: 0.7,
  nonHuman: { noAnswer: 0.2, machine: 0, busy: 0.4, invalid: 0.4 },
  ringToHuman: { kind: 'uniform', min: 0.5, max: 1.5 },
  ringToMachine: { kind: 'uniform', min: 0.5, max: 1.5 },
  busyAfter: { kind: 'uniform', min: 0.5, max: 1 },
  failAfter: { kind: 'uniform', min: 0.2, max: 0.8 },
  talk: { kind: 'uniform', min: 3, max: 5 },
  wrap: { kind: 'fixed', value: 0 },
  patience: { kind: 'fixed', value: 60 },
  silencePatience: { kind: 'fixed', value: 60 },
};
const JWT_SECRET = 'bench-secret-that-is-long-enough-for-hs256';
const LOCAL_SERVER = 'postgres://devtest:devtest-local-only@127.0.0.1:5432/';

const round = (n: number | null): number | null => (n === null ? null : Math.round(n * 10) / 10);
function pct(xs: number[], q: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}
const p99 = (xs: number[]): number | null => pct(xs, 0.99);
const p50 = (xs: number[]): number | null => pct(xs, 0.5);
const spread = (xs: (number | null)[]): { min: number | null; max: number | null } => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? { min: Math.min(...v), max: Math.max(...v) } : { min: null, max: null };
};
const load1 = (): number => Math.round(loadavg()[0] * 100) / 100;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Department, supervisor, agents, a running progressive campaign and `contacts` pending contacts. */
async function seed(
  ds: ReturnType<typeof createDataSource>,
  o: { agents: number; contacts: number },
): Promise<{ departmentId: string; supervisor: User; campaignId: string; agentIds: string[] }> {
  const s = randomBytes(4).toString('hex');
  const dep = await ds.getRepository(Department).save({ name: `Wallboard bench ${s}`, code: `WB${s}` });
  const user = (email: string, role: User['role'], displayName: string): Promise<User> =>
    ds.getRepository(User).save({ email, displayName, role, departmentId: dep.id, passwordHash: `disabled$${s}` });
  const supervisor = await user(`supervisor-${s}@bench.local`, 'supervisor', 'Bench supervisor');
  const agentIds: string[] = [];
  for (let n = 0; n < o.agents; n++) {
    const u = await user(`agent-${n}-${s}@bench.local`, 'agent', `Bench agent ${n}`);
    const endpoint = `PJSIP/agent-${1000 + n}`;
    const existing = await ds.getRepository(Agent).findOne({ where: { userId: u.id } });
    const a =
      existing ??
      (await ds.getRepository(Agent).save({ userId: u.id, departmentId: dep.id, endpoint, endpoints: [endpoint] }));
    await ds.getRepository(Agent).update(a.id, { endpoint, endpoints: [endpoint], groups: [], skills: {} });
    agentIds.push(a.id);
  }
  const [list]: { id: string }[] = await ds.query(
    `INSERT INTO contact_lists (department_id, name, status, region, default_time_zone)
     VALUES ($1, 'wallboard bench', 'ready', 'US', 'UTC') RETURNING id`,
    [dep.id],
  );
  const c = await ds.getRepository(Campaign).save({
    departmentId: dep.id,
    briefId: null,
    contactListId: list.id,
    name: `Wallboard bench ${s}`,
    mode: 'progressive',
    state: 'draft',
    scriptVersionId: null,
    agentGroup: null,
    requiredSkills: {},
    callerId: '+442071230000',
    pacing: { abandonCapPercent: 3, abandonWindowHours: 24, maxLinesPerAgent: 1, ringTimeoutSeconds: 4 },
    amdEnabled: false,
    machineAction: 'hangup',
    machineMessage: null,
    abandonMessage: null,
    windows: { ...ALWAYS_OPEN_WINDOWS, safetyMarginSeconds: 0 },
    retryPolicy: {
      busy: { retryAfterMinutes: 60, maxRetries: 0 },
      noAnswer: { retryAfterMinutes: 60, maxRetries: 0 },
      machine: { retryAfterMinutes: 60, maxRetries: 0 },
      failed: { retryAfterMinutes: 60, maxRetries: 0 },
      abandoned: { retryAfterMinutes: 60, maxRetries: 0 },
      maxAttemptsPerContact: 1,
      maxAttemptsPerNumber: 1,
    },
    wrapUpSeconds: 30,
    previewAutoDialSeconds: null,
    pilotSize: null,
    pilotSummary: null,
    forecast: null,
    priority: 0,
    deadline: null,
  } as Partial<Campaign>);
  for (const [i, [code, category]] of [
    ['SALE', 'success'],
    ['NOT_INTERESTED', 'contact'],
    ['NOT_AVAILABLE', 'no-contact'],
  ].entries())
    await ds.query(
      `INSERT INTO dispositions (campaign_id, code, label, category, system, position) VALUES ($1, $2, $2, $3, false, $4)`,
      [c.id, code, category, i],
    );
  // One US number each (+1 212 …, distinct), all due now.
  await ds.query(
    `WITH ct AS (
       INSERT INTO contacts (list_id, department_id, first_name, last_name, time_zone, fields, dedupe_key, source_row)
       SELECT $1, $2, 'Bench', 'Contact ' || g, 'UTC', '{}'::jsonb, 'wb-' || g, g FROM generate_series(1, $3::int) g
       RETURNING id, source_row),
     pn AS (
       INSERT INTO phone_numbers (contact_id, e164, kind, position, status)
       SELECT id, '+1212' || lpad(source_row::text, 7, '0'), 'mobile', 0, 'active' FROM ct)
     INSERT INTO campaign_contacts (campaign_id, contact_id, status, pilot, priority, time_zone, next_attempt_at)
     SELECT $4, id, 'pending', false, 0, 'UTC', '2020-01-01T00:00:00Z' FROM ct`,
    [list.id, dep.id, o.contacts, c.id],
  );
  await ds.query(`UPDATE campaigns SET state = 'running', started_at = now() WHERE id = $1`, [c.id]);
  return { departmentId: dep.id, supervisor, campaignId: c.id, agentIds };
}

interface Phase {
  clients: number;
  loadAverage1m: number;
  dialsPerSecond: number;
  loopLagP99Ms: number | null;
  answerToBridgeP99Ms: number | null;
  answerToBridgeSamples: number;
  dialerCpuMs: number;
}

interface ClientSide {
  fanoutP99Ms: number | null;
  fanoutP50Ms: number | null;
  pushesReceived: number;
  clientCpuMs: number;
  /** p99 per stage: over the pushes for the server's stages, over the receipts for the rest. */
  stagesP99Ms: {
    readAndBuild: number | null;
    yieldBeforeWrite: number | null;
    writeAllSockets: number | null;
    emitToReceipt: number | null;
    firstToLastReceipt: number | null;
  };
  bytesPerPush: number | null;
}

type ChildMessage = { type: string; message?: string; samples?: [number, number][]; cpuMs?: number };

/** `--client-processes` children (clients.js beside this file in dist/), each with its share of the clients. */
class ClientFleet {
  private readonly children: { proc: ChildProcess; messages: ChildMessage[]; wake?: () => void }[] = [];

  constructor(processes: number) {
    for (let i = 0; i < processes; i++) {
      // No __dirname: the source also compiles to ESM.
      const proc = fork(join(dirname(process.argv[1]), 'clients.js'), [], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      const c: (typeof this.children)[number] = { proc, messages: [] };
      proc.on('message', (m: ChildMessage) => {
        c.messages.push(m);
        c.wake?.();
      });
      this.children.push(c);
    }
  }

  private async next(c: (typeof this.children)[number], type: string): Promise<ChildMessage> {
    for (;;) {
      const i = c.messages.findIndex((m) => m.type === type || m.type === 'failed');
      if (i >= 0) {
        const [m] = c.messages.splice(i, 1);
        if (m.type === 'failed') throw new Error(`wallboard clients: ${m.message}`);
        return m;
      }
      await new Promise<void>((r) => (c.wake = r));
    }
  }

  async start(m: { url: string; token: string; campaignId: string; clients: number; agentList: boolean }) {
    const n = this.children.length;
    this.children.forEach((c, i) =>
      c.proc.send({ type: 'start', ...m, clients: Math.floor(m.clients / n) + (i < m.clients % n ? 1 : 0) }),
    );
    await Promise.all(this.children.map((c) => this.next(c, 'connected')));
  }

  record(): void {
    for (const c of this.children) c.proc.send({ type: 'record' });
  }

  async stop(): Promise<{ samples: [number, number][]; cpuMs: number }> {
    for (const c of this.children) c.proc.send({ type: 'stop' });
    const all = await Promise.all(this.children.map((c) => this.next(c, 'samples')));
    await Promise.all(this.children.map((c) => (c.proc.exitCode === null ? once(c.proc, 'exit') : undefined)));
    return { samples: all.flatMap((m) => m.samples ?? []), cpuMs: all.reduce((s, m) => s + (m.cpuMs ?? 0), 0) };
  }

  kill(): void {
    for (const c of this.children) if (c.proc.exitCode === null) c.proc.kill();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (s: string): void => {
    if (!args.json) console.error(s);
  };
  let url = process.env.DATABASE_URL;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (!url) {
    const name = `bench_wallboard_${Date.now().toString(36)}`;
    const admin = new Client({ connectionString: `${LOCAL_SERVER}postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    url = `${LOCAL_SERVER}${name}`;
    dropDatabase = async () => {
      const a = new Client({ connectionString: `${LOCAL_SERVER}postgres` });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => a.end());
    };
    log(`fresh database ${name}`);
  }
  const load0 = loadavg();
  log(`load average ${load0.map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} CPUs`);
  let fleet: ClientFleet | undefined;
  const without: (Phase & { bridge: number[] })[] = [];
  const withClients: (Phase & { bridge: number[]; fanout: number[]; client: ClientSide })[] = [];
  try {
    const ds = createDataSource({ url, poolSize: 2 });
    await ds.initialize();
    await migrate(ds);
    // ~60 dials/s at most: enough contacts for the warm-up, every phase and the clients' connecting.
    const contacts = Math.max(20_000, Math.ceil((args.seconds * 2 * args.runs + 30 * args.runs + 30) * 80));
    const seeded = await seed(ds, { agents: args.agents, contacts });
    log(`seeded ${args.agents} agents and ${contacts} contacts on campaign ${seeded.campaignId}`);

    const config = loadDialerConfig({
      DATABASE_URL: url,
      JWT_SECRET,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      SIM_PORT: String(args.simPort),
      SEED_DEMO: 'false',
      DEMO_DIALING: 'false',
      SHUTDOWN_DRAIN_SECONDS: '0',
    });
    const app = await createDialerApp({ config, databaseUrl: url, jwtSecret: JWT_SECRET, logger: false });
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer() as { address(): { port: number } }).address().port}`;
    // Set before the app closes: the agents' handlers must not act on a closing database.
    let stopping = false;
    try {
      const sim = app.get<AsteriskSim>(ASTERISK_SIM);
      sim.setPopulation(POPULATION);
      const runner = app.get(CampaignRunner);
      const sessions = app.get(AgentSessionService);
      const events = app.get(AgentSessionEvents);
      const gateway = app.get(WallboardGateway);

      // Every answer→bridge sample, per phase (the runner's own LatencyStats keeps the last 1,000 and no p99).
      let bridgeSamples: number[] = [];
      const latency = runner.latency;
      const add = latency.add.bind(latency);
      latency.add = (ms: number): void => {
        bridgeSamples.push(ms);
        add(ms);
      };
      // The gateway's timing of each push, by its `at` (one campaign: at most one push per millisecond).
      let pushes = new Map<number, WallboardPushTiming>();
      gateway.onPush = (t) => void pushes.set(t.readAt, t);

      // The agents: dispose at once after each call, ready again after a pause.
      const agentSet = new Set(seeded.agentIds);
      const unsubscribe = events.on('state', (p) => {
        if (stopping || !agentSet.has(p.agentId)) return;
        const act =
          p.state === 'wrap-up'
            ? () => sessions.disposition(p.agentId, { code: 'NOT_INTERESTED' })
            : p.state === 'paused'
              ? () => sessions.ready(p.agentId)
              : undefined;
        if (act)
          setImmediate(
            () =>
              void act().catch((e: unknown) => {
                if (!(e instanceof AppError)) log(`agent ${p.agentId}: ${(e as Error).message}`);
              }),
          );
      });
      await pollUntil(() => runner.handle(seeded.campaignId), {
        timeoutMs: 60_000,
        intervalMs: 100,
        what: 'the runner to take the campaign',
      });
      for (let i = 0; i < seeded.agentIds.length; i += 25)
        await Promise.all(
          seeded.agentIds.slice(i, i + 25).map(async (agentId, j) => {
            await sessions.login(agentId, { campaignId: seeded.campaignId, endpoint: `PJSIP/agent-${1000 + i + j}` });
            if ((await sessions.view(agentId)).state === 'paused') await sessions.ready(agentId);
          }),
        );
      log(`${seeded.agentIds.length} agents logged in; warming up 5 s`);
      await sleep(5000);

      const attempts = async (): Promise<number> =>
        Number(
          (await ds.query(`SELECT count(*) AS n FROM call_attempts WHERE campaign_id = $1`, [seeded.campaignId]))[0].n,
        );
      const phase = async (label: string, clients: number): Promise<Phase & { bridge: number[] }> => {
        const lag = monitorEventLoopDelay({ resolution: 10 });
        const n0 = await attempts();
        const t0 = performance.now();
        const cpu0 = process.cpuUsage();
        bridgeSamples = [];
        lag.enable();
        await sleep(args.seconds * 1000);
        lag.disable();
        const cpu = process.cpuUsage(cpu0);
        // A fresh array: samples after the phase (clients connecting or leaving) are not the phase's.
        const samples = bridgeSamples;
        bridgeSamples = [];
        const dialsPerSecond = ((await attempts()) - n0) / ((performance.now() - t0) / 1000);
        const r: Phase = {
          clients,
          loadAverage1m: load1(),
          dialsPerSecond: round(dialsPerSecond)!,
          loopLagP99Ms: round(lag.percentile(99) / 1e6),
          answerToBridgeP99Ms: round(p99(samples)),
          answerToBridgeSamples: samples.length,
          dialerCpuMs: Math.round((cpu.user + cpu.system) / 1000),
        };
        log(`${label}: ${JSON.stringify(r)}`);
        return { ...r, bridge: samples };
      };
      const token = app.get(TokenService).issue({
        userId: seeded.supervisor.id,
        email: seeded.supervisor.email,
        role: 'supervisor',
        departmentId: seeded.departmentId,
      });

      for (let run = 1; run <= args.runs; run++) {
        without.push(await phase(`run ${run}, 0 clients`, 0));

        fleet = new ClientFleet(args.clientProcesses);
        await fleet.start({
          url: base,
          token,
          campaignId: seeded.campaignId,
          clients: args.clients,
          agentList: args.agentList,
        });
        log(`${args.clients} wallboard clients in ${args.clientProcesses} processes subscribed; settling 3 s`);
        await sleep(3000);
        pushes = new Map();
        fleet.record();
        const p = await phase(`run ${run}, ${args.clients} clients`, args.clients);
        const got = await fleet.stop();
        fleet = undefined;
        // Stages: per push on the server, per receipt on the client.
        const fanout: number[] = [];
        const emitToReceipt: number[] = [];
        const byPush = new Map<number, { first: number; last: number }>();
        for (const [at, receipt] of got.samples) {
          fanout.push(receipt - at);
          const t = pushes.get(at);
          if (t) emitToReceipt.push(receipt - t.emitStartAt);
          const b = byPush.get(at);
          if (!b) byPush.set(at, { first: receipt, last: receipt });
          else {
            b.first = Math.min(b.first, receipt);
            b.last = Math.max(b.last, receipt);
          }
        }
        const timings = [...pushes.values()];
        const client: ClientSide = {
          fanoutP99Ms: round(p99(fanout)),
          fanoutP50Ms: round(p50(fanout)),
          pushesReceived: got.samples.length,
          clientCpuMs: Math.round(got.cpuMs),
          stagesP99Ms: {
            readAndBuild: p99(timings.map((t) => t.builtAt - t.readAt)),
            yieldBeforeWrite: p99(timings.map((t) => t.emitStartAt - t.builtAt)),
            writeAllSockets: p99(timings.map((t) => t.emitEndAt - t.emitStartAt)),
            emitToReceipt: p99(emitToReceipt),
            firstToLastReceipt: p99([...byPush.values()].map((b) => b.last - b.first)),
          },
          bytesPerPush: p50(timings.map((t) => t.bytesWithList || t.bytesCountsOnly)),
        };
        log(`run ${run}, client side: ${JSON.stringify(client)}`);
        withClients.push({ ...p, fanout, client });
      }
      gateway.onPush = undefined;
      unsubscribe();
    } finally {
      stopping = true;
      await app.close();
      await ds.destroy();
    }
  } finally {
    fleet?.kill();
    await dropDatabase?.();
  }
  const pooled = <T extends { bridge: number[] }>(xs: T[]): number | null => round(p99(xs.flatMap((x) => x.bridge)));
  const strip = (x: Phase): Phase => ({
    clients: x.clients,
    loadAverage1m: x.loadAverage1m,
    dialsPerSecond: x.dialsPerSecond,
    loopLagP99Ms: x.loopLagP99Ms,
    answerToBridgeP99Ms: x.answerToBridgeP99Ms,
    answerToBridgeSamples: x.answerToBridgeSamples,
    dialerCpuMs: x.dialerCpuMs,
  });
  const out = {
    benchmark: 'wallboard',
    clients: args.clients,
    fanoutP99Ms: round(p99(withClients.flatMap((x) => x.fanout))),
    loopLagP99Ms: spread(withClients.map((x) => x.loopLagP99Ms)).max,
    answerToBridgeP99Ms: pooled(withClients),
    answerToBridgeP99MsWithoutClients: pooled(without),
    spread: {
      fanoutP99Ms: spread(withClients.map((x) => x.client.fanoutP99Ms)),
      loopLagP99Ms: spread(withClients.map((x) => x.loopLagP99Ms)),
      loopLagP99MsWithoutClients: spread(without.map((x) => x.loopLagP99Ms)),
      answerToBridgeP99Ms: spread(withClients.map((x) => x.answerToBridgeP99Ms)),
      answerToBridgeP99MsWithoutClients: spread(without.map((x) => x.answerToBridgeP99Ms)),
    },
    runs: withClients.map((w, i) => ({
      without: strip(without[i]),
      with: { ...strip(w), ...w.client },
    })),
    agentList: args.agentList,
    clientProcesses: args.clientProcesses,
    seconds: args.seconds,
    agents: args.agents,
    loadAverageAtStart: load0.map((x) => Math.round(x * 100) / 100),
    loadAverage1m: load1(),
    cpus: cpus().length,
  };
  if (args.json) console.log(JSON.stringify(out));
  else
    for (const [k, v] of Object.entries(out))
      console.log(`${k.padEnd(36)} ${typeof v === 'object' && v !== null ? JSON.stringify(v) : v}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
