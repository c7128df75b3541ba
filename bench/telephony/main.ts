// Telephony benchmark: drives AriTelephonyAdapter against the ARI simulator at a rising originate rate, with agent
// channels waiting in bridges; each answered call is added to a free agent's bridge.
//   npm run bench:telephony -- [--json] [--steps 10,25,50,75,100] [--step-seconds 15] [--agents 1300] [--in-process]
// By default the simulator runs in a child process (truer per-process CPU figures); --in-process runs it here.
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { AriTelephonyAdapter, type TelephonyEvent } from '@app/ari';
import type { PopulationModel } from '@app/population';

interface Args {
  json: boolean;
  steps: number[];
  stepSeconds: number;
  agents: number;
  inProcess: boolean;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const steps = (get('--steps') ?? '10,25,50,75,100').split(',').map(Number);
  if (steps.some((n) => !(n > 0))) throw new Error(`--steps ${get('--steps')}: positive numbers expected`);
  return {
    json: argv.includes('--json'),
    steps,
    stepSeconds: Number(get('--step-seconds') ?? 15),
    agents: Number(get('--agents') ?? 1300),
    inProcess: argv.includes('--in-process'),
  };
}

// Most dials answer after 1-3 s and talk 15-25 s (the far end hangs up), so that at 50 originates/s about 1,000
// call channels plus the agents' are live; the rest ring out (10 s timeout), are busy or invalid.
const POPULATION: PopulationModel = {
  humanAnswer: 0.8,
  nonHuman: { noAnswer: 0.5, machine: 0, busy: 0.3, invalid: 0.2 },
  ringToHuman: { kind: 'uniform', min: 1, max: 3 },
  ringToMachine: { kind: 'uniform', min: 1, max: 3 },
  busyAfter: { kind: 'uniform', min: 1, max: 2 },
  failAfter: { kind: 'uniform', min: 0.5, max: 1.5 },
  talk: { kind: 'uniform', min: 15, max: 25 },
  wrap: { kind: 'fixed', value: 0 },
  patience: { kind: 'fixed', value: 60 },
  silencePatience: { kind: 'fixed', value: 60 },
};
const RING_TIMEOUT_S = 10;
const USER = 'bench';
const PASS = 'bench-secret';

interface SimStats {
  cpu: NodeJS.CpuUsage;
  rss: number;
  heapUsed: number;
  channels: number;
  bridges: number;
  eventsSent: number;
  lagP99Ms: number;
}

interface SimHandle {
  url: string;
  stats(): Promise<SimStats>;
  close(): Promise<void>;
}

async function startChildSim(): Promise<SimHandle> {
  // No __dirname (the source also compiles to ESM for jest): the child sits beside this file in dist/.
  const childPath = join(dirname(process.argv[1]), 'sim-child.js');
  const child: ChildProcess = fork(childPath, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiters: ((m: SimStats) => void)[] = [];
  const ready = new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`simulator child exited with ${code}`)));
    child.on('message', (m: { type: string; url?: string } & SimStats) => {
      if (m.type === 'ready') resolve(m.url!);
      if (m.type === 'stats') waiters.shift()?.(m);
    });
  });
  child.send({ type: 'start', username: USER, password: PASS, seed: 42, population: POPULATION });
  const url = await ready;
  return {
    url,
    stats: () =>
      new Promise<SimStats>((resolve) => {
        waiters.push(resolve);
        child.send({ type: 'stats' });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send({ type: 'stop' });
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

async function startInProcessSim(): Promise<SimHandle> {
  const { startAsteriskSim } = await import('@app/asterisk-sim');
  const sim = await startAsteriskSim({
    port: 0,
    username: USER,
    password: PASS,
    seed: 42,
    population: POPULATION,
    requestLogLimit: 1000,
  });
  return {
    url: sim.url,
    stats: async () => {
      const s = sim.stats();
      return {
        cpu: process.cpuUsage(),
        rss: process.memoryUsage().rss,
        heapUsed: process.memoryUsage().heapUsed,
        channels: s.channels,
        bridges: s.bridges,
        eventsSent: s.eventsSent,
        lagP99Ms: 0,
      };
    },
    close: () => sim.close(),
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const round = (n: number, d = 1): number => Math.round(n * 10 ** d) / 10 ** d;

interface StepResult {
  targetPerSecond: number;
  originatesPerSecond: number;
  originateErrors: number;
  originateP99Ms: number;
  answered: number;
  bridged: number;
  noAgentFree: number;
  bridgeErrors: number;
  answerToBridgeP50Ms: number;
  answerToBridgeP99Ms: number;
  eventsPerSecond: number;
  loopLagP99Ms: number;
  simLoopLagP99Ms: number;
  peakChannels: number;
  adapterCpuPercent: number;
  simCpuPercent: number;
  adapterRssMb: number;
  simRssMb: number;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (s: string): void => {
    if (!args.json) console.log(s);
    else console.error(s);
  };
  const sim = args.inProcess ? await startInProcessSim() : await startChildSim();
  const adapter = new AriTelephonyAdapter({
    url: sim.url,
    username: USER,
    password: PASS,
    app: 'bench',
    opTimeoutMs: 5000,
  });

  // ---- call bookkeeping ----
  const agentBridge = (i: number): string => `bench-agent-bridge-${i}`;
  const agentChannel = (i: number): string => `bench-agent-${i}`;
  const freeAgents: number[] = [];
  const agentsReady = new Set<number>();
  const calls = new Map<string, { answeredAt?: number; agent?: number }>();
  let events = 0;
  let answered = 0;
  let bridged = 0;
  let noAgent = 0;
  let bridgeErrors = 0;
  let latencies: number[] = [];

  adapter.subscribe((e: TelephonyEvent) => {
    events++;
    switch (e.type) {
      case 'stasisStart': {
        if (e.args[0] === 'agent') {
          const i = Number(e.args[1]);
          void adapter.addToBridge(agentBridge(i), [e.channelId]).then(
            () => {
              agentsReady.add(i);
              freeAgents.push(i);
            },
            (err: Error) => log(`agent ${i} not bridged: ${err.message}`),
          );
          return;
        }
        const call = calls.get(e.channelId);
        if (!call || call.agent !== undefined) return;
        call.answeredAt ??= performance.now();
        answered++;
        const agent = freeAgents.pop();
        if (agent === undefined) {
          noAgent++;
          void adapter.hangup(e.channelId).catch(() => undefined);
          return;
        }
        call.agent = agent;
        const t0 = call.answeredAt;
        adapter.addToBridge(agentBridge(agent), [e.channelId]).then(
          () => {
            bridged++;
            latencies.push(performance.now() - t0);
          },
          () => {
            bridgeErrors++;
            if (call.agent === agent) call.agent = undefined;
            freeAgents.push(agent);
          },
        );
        return;
      }
      case 'dial': {
        // The answered moment: Dial(ANSWER) comes just before StasisStart.
        const call = calls.get(e.channelId);
        if (call && e.dialstatus === 'ANSWER') call.answeredAt = performance.now();
        return;
      }
      case 'destroyed': {
        const call = calls.get(e.channelId);
        if (!call) return;
        calls.delete(e.channelId);
        if (call.agent !== undefined) freeAgents.push(call.agent);
        return;
      }
      default:
        return;
    }
  });

  await adapter.start();

  // ---- agents: one mixing bridge each, with the agent's channel (PJSIP/agent-* answers at once) waiting in it ----
  const t0 = performance.now();
  const ids = Array.from({ length: args.agents }, (_, i) => i);
  // A pool of workers, not one promise per agent: queued operations count against their own deadline.
  const pool = async (work: (i: number) => Promise<unknown>): Promise<void> => {
    let next = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < ids.length) await work(ids[next++]);
      }),
    );
  };
  // More agent phones than the simulator's default agent-1000 … agent-1999: declare them all.
  const declared = await fetch(`${sim.url}/_sim/endpoints`, {
    method: 'POST',
    headers: {
      authorization: 'Basic ' + Buffer.from(`${USER}:${PASS}`).toString('base64'),
      'content-type': 'application/json',
    },
    body: JSON.stringify({ endpoints: ['PJSIP/agent-*'] }),
  });
  if (declared.status !== 204) throw new Error(`declaring the agent phones: ${declared.status}`);
  await pool((i) => adapter.createBridge(agentBridge(i), 'mixing', `agent-${i}`));
  await pool((i) =>
    adapter.originate({ channelId: agentChannel(i), endpoint: `PJSIP/agent-${i}`, appArgs: ['agent', String(i)] }),
  );
  const deadline = Date.now() + 30_000;
  while (agentsReady.size < args.agents && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  log(`${agentsReady.size} agents waiting in bridges after ${round(performance.now() - t0, 0)} ms`);

  // ---- rising originate rate ----
  const lag = monitorEventLoopDelay({ resolution: 1 });
  lag.enable();
  const results: StepResult[] = [];
  let seq = 0;
  let peakChannels = 0;
  let lastSimCpu = (await sim.stats()).cpu;
  for (const rate of args.steps) {
    lag.reset();
    latencies = [];
    const startEvents = events;
    const startAnswered = answered;
    const startBridged = bridged;
    const startNoAgent = noAgent;
    const startBridgeErrors = bridgeErrors;
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    let issued = 0;
    let ok = 0;
    let errors = 0;
    const originateMs: number[] = [];
    const inFlight = new Set<Promise<void>>();
    let peakStep = 0;
    let simLag = 0;
    await sim.stats(); // resets the simulator's lag histogram
    const sampler = setInterval(() => {
      void sim.stats().then((s) => {
        peakStep = Math.max(peakStep, s.channels);
        simLag = Math.max(simLag, s.lagP99Ms);
      });
    }, 1000);
    while (performance.now() - wall0 < args.stepSeconds * 1000) {
      const due = Math.floor(((performance.now() - wall0) / 1000) * rate);
      while (issued < due) {
        issued++;
        const channelId = `bench-call-${++seq}`;
        calls.set(channelId, {});
        const start = performance.now();
        const p = adapter
          .originate({
            channelId,
            endpoint: `PJSIP/1555${String(seq).padStart(7, '0')}@carrier`,
            appArgs: ['outbound', String(seq)],
            callerId: '5551000',
            timeoutSeconds: RING_TIMEOUT_S,
          })
          .then(
            () => {
              ok++;
              originateMs.push(performance.now() - start);
            },
            () => {
              errors++;
              calls.delete(channelId);
            },
          )
          .finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(inFlight);
    clearInterval(sampler);
    const wall = (performance.now() - wall0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const simStats = await sim.stats();
    peakStep = Math.max(peakStep, simStats.channels);
    simLag = Math.max(simLag, simStats.lagP99Ms);
    peakChannels = Math.max(peakChannels, peakStep);
    const simCpuUs = simStats.cpu.user + simStats.cpu.system - (lastSimCpu.user + lastSimCpu.system);
    lastSimCpu = simStats.cpu;
    const sorted = latencies.slice().sort((a, b) => a - b);
    const oSorted = originateMs.sort((a, b) => a - b);
    const r: StepResult = {
      targetPerSecond: rate,
      originatesPerSecond: round(ok / wall),
      originateErrors: errors,
      originateP99Ms: round(percentile(oSorted, 99)),
      answered: answered - startAnswered,
      bridged: bridged - startBridged,
      noAgentFree: noAgent - startNoAgent,
      bridgeErrors: bridgeErrors - startBridgeErrors,
      answerToBridgeP50Ms: round(percentile(sorted, 50), 2),
      answerToBridgeP99Ms: round(percentile(sorted, 99), 2),
      eventsPerSecond: round((events - startEvents) / wall, 0),
      loopLagP99Ms: round(lag.percentile(99) / 1e6, 1),
      simLoopLagP99Ms: round(simLag, 1),
      peakChannels: peakStep,
      adapterCpuPercent: round(((cpu.user + cpu.system) / 1e6 / wall) * 100, 0),
      simCpuPercent: args.inProcess ? 0 : round((simCpuUs / 1e6 / wall) * 100, 0),
      adapterRssMb: round(process.memoryUsage().rss / 2 ** 20, 0),
      simRssMb: args.inProcess ? 0 : round(simStats.rss / 2 ** 20, 0),
    };
    results.push(r);
    log(
      `${String(rate).padStart(4)}/s target: ${r.originatesPerSecond}/s done, ${r.originateErrors} errors, ` +
        `originate p99 ${r.originateP99Ms} ms, ${r.peakChannels} channels, ${r.eventsPerSecond} ev/s, ` +
        `answer->bridged p50 ${r.answerToBridgeP50Ms} / p99 ${r.answerToBridgeP99Ms} ms (${r.bridged} bridged, ` +
        `${r.noAgentFree} no agent), loop lag p99 ${r.loopLagP99Ms} ms (sim ${r.simLoopLagP99Ms} ms), CPU adapter ${r.adapterCpuPercent}% ` +
        `sim ${r.simCpuPercent}%, RSS adapter ${r.adapterRssMb} MB sim ${r.simRssMb} MB`,
    );
  }
  lag.disable();

  // Sustained: the highest step that kept up with its target within the latency goals.
  const good = results.filter(
    (r) =>
      r.originatesPerSecond >= 0.95 * r.targetPerSecond &&
      r.originateErrors <= 0.01 * r.targetPerSecond * args.stepSeconds &&
      r.answerToBridgeP99Ms <= 100 &&
      r.loopLagP99Ms <= 50,
  );
  const best = good[good.length - 1] ?? results[0];
  const adapterStats = adapter.stats();
  const summary = {
    originatesPerSecond: good.length > 0 ? best.originatesPerSecond : 0,
    peakChannels,
    eventsPerSecond: best.eventsPerSecond,
    answerToBridgeP50Ms: best.answerToBridgeP50Ms,
    answerToBridgeP99Ms: best.answerToBridgeP99Ms,
    loopLagP99Ms: best.loopLagP99Ms,
    sustainedStepTarget: good.length > 0 ? best.targetPerSecond : null,
    cpu: { adapterPercent: best.adapterCpuPercent, simPercent: best.simCpuPercent, simInProcess: args.inProcess },
    memory: { adapterRssMb: best.adapterRssMb, simRssMb: best.simRssMb },
    agents: agentsReady.size,
    adapter: { reconnects: adapterStats.reconnects, timeouts: adapterStats.timeouts, lost: adapterStats.lost },
    steps: results,
  };
  if (args.json) console.log(JSON.stringify(summary));
  else
    log(
      `sustained ${summary.originatesPerSecond} originates/s (step ${summary.sustainedStepTarget}/s), peak ${peakChannels} channels`,
    );
  await adapter.stop();
  await sim.close();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
