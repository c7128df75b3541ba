// The simulator in its own process for the telephony benchmark, so that the figures separate the adapter's CPU
// from the simulator's. Driven over IPC by bench/telephony/main.ts: it answers 'stats' with its own CPU, memory
// and channel counts.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startAsteriskSim } from '@app/asterisk-sim';
import type { PopulationModel } from '@app/population';

interface StartMessage {
  type: 'start';
  username: string;
  password: string;
  seed: number;
  population: PopulationModel;
}

async function main(): Promise<void> {
  const start = await new Promise<StartMessage>((resolve) => {
    process.once('message', (m: StartMessage) => resolve(m));
  });
  const sim = await startAsteriskSim({
    port: 0,
    username: start.username,
    password: start.password,
    seed: start.seed,
    population: start.population,
    requestLogLimit: 1000,
  });
  const lag = monitorEventLoopDelay({ resolution: 1 });
  lag.enable();
  process.send?.({ type: 'ready', url: sim.url });
  process.on('message', (m: { type: string }) => {
    if (m.type === 'stats') {
      const s = sim.stats();
      process.send?.({
        type: 'stats',
        cpu: process.cpuUsage(),
        rss: process.memoryUsage().rss,
        heapUsed: process.memoryUsage().heapUsed,
        channels: s.channels,
        bridges: s.bridges,
        eventsSent: s.eventsSent,
        requests: s.requests,
        // Event-loop lag since the previous stats message.
        lagP99Ms: lag.percentile(99) / 1e6,
      });
      lag.reset();
    } else if (m.type === 'stop') {
      void sim.close().then(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
