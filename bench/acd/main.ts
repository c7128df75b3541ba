import { erlangAMetrics, erlangCMetrics } from '@app/acd-core';
import { runBlended } from './blended';
import { runInbound } from './inbound-sim';
import { runRouting } from './routing';

/*
 * ACD benchmark: the real routing code (acd-core's router, wait estimator, blending reserve and the dialer engine)
 * in simulated time, beside the Erlang C / Erlang A reference values.
 *   npm run bench:acd -- [--json] [--hours N] [--only erlang-c,erlang-a,ewt,blended,routing]
 */
function parseArgs(argv: string[]): { json: boolean; hours: number; only?: Set<string> } {
  let json = false;
  let hours = 2000;
  let only: Set<string> | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--hours') hours = Number(argv[++i]);
    else if (a === '--only') only = new Set(argv[++i].split(','));
    else throw new Error(`unknown argument ${a}`);
  }
  return { json, hours, only };
}

async function main(): Promise<void> {
  const { json, hours, only } = parseArgs(process.argv.slice(2));
  const want = (s: string): boolean => !only || only.has(s);
  const out = (row: Record<string, unknown>, text: string): void => {
    if (json) console.log(JSON.stringify(row));
    else console.log(text);
  };
  const r3 = (x: number): number => Math.round(x * 1000) / 1000;
  const base = { agents: 46, callsPerHour: 600, targetSeconds: 20, warmupHours: 2, seed: 11 };
  const handle = { kind: 'exponential', mean: 240 } as const;
  const ref = { lambda: 600 / 3600, handleSeconds: 240, agents: 46, targetSeconds: 20 };

  if (want('erlang-c')) {
    const r = runInbound({ ...base, handle, hours, announce: false });
    const e = erlangCMetrics(ref);
    out(
      {
        scenario: 'erlang-c',
        serviceLevel: r3(r.serviceLevel),
        asaSeconds: r3(r.asaSeconds),
        occupancy: r3(r.occupancy),
      },
      `erlang-c  ${r.offered} calls: SL(20 s) ${r.serviceLevel.toFixed(3)} (Erlang C ${e.serviceLevel.toFixed(3)}), ASA ${r.asaSeconds.toFixed(1)} s (${e.asaSeconds.toFixed(1)}), occupancy ${r.occupancy.toFixed(3)} (${e.occupancy.toFixed(3)})`,
    );
  }
  if (want('erlang-a')) {
    const patience = { kind: 'exponential', mean: 120 } as const;
    const r = runInbound({ ...base, handle, patience, hours, announce: false });
    const e = erlangAMetrics({ ...ref, patienceSeconds: 120 });
    out(
      {
        scenario: 'erlang-a',
        serviceLevel: r3(r.serviceLevel),
        abandonRate: Math.round(r.abandonRate * 10000) / 10000,
        occupancy: r3(r.occupancy),
      },
      `erlang-a  ${r.offered} calls: SL(20 s) ${r.serviceLevel.toFixed(3)} (Erlang A ${e.serviceLevel.toFixed(3)}), abandon ${(r.abandonRate * 100).toFixed(2)} % (${(e.abandonRate * 100).toFixed(2)} %), occupancy ${r.occupancy.toFixed(3)} (${e.occupancy.toFixed(3)})`,
    );
  }
  if (want('ewt')) {
    // 30 agents, lognormal handle times (mean 240 s, cv 1): arrival rate set for the target occupancy.
    for (const occ of [0.85, 0.95]) {
      const r = runInbound({
        agents: 30,
        callsPerHour: (occ * 30 * 3600) / 240,
        handle: { kind: 'lognormal', mean: 240, cv: 1 },
        targetSeconds: 20,
        hours: Math.min(hours, 200),
        warmupHours: 2,
        seed: 7,
      });
      out(
        {
          scenario: 'ewt',
          occupancy: occ,
          ewtMaeSeconds: r3(r.ewtMaeSeconds),
          movingAverageMaeSeconds: r3(r.movingAverageMaeSeconds),
          ratio: r3(r.ewtMaeSeconds / r.movingAverageMaeSeconds),
          ewtMaeAllSeconds: r3(r.ewtMaeAllSeconds),
          movingAverageMaeAllSeconds: r3(r.movingAverageMaeAllSeconds),
          ratioAll: r3(r.ewtMaeAllSeconds / r.movingAverageMaeAllSeconds),
          ewtBiasSeconds: r3(r.ewtBiasSeconds),
          scoredCallers: r.scoredCallers,
          scoredAnnouncements: r.scoredAnnouncements,
        },
        `ewt       occupancy ${occ} (measured ${r.occupancy.toFixed(3)}), ${r.scoredCallers} callers: at entry MAE ${r.ewtMaeSeconds.toFixed(1)} s, moving average ${r.movingAverageMaeSeconds.toFixed(1)} s (ratio ${(r.ewtMaeSeconds / r.movingAverageMaeSeconds).toFixed(2)}); all ${r.scoredAnnouncements} announcements (entry + every 30 s) MAE ${r.ewtMaeAllSeconds.toFixed(1)} s, moving average ${r.movingAverageMaeAllSeconds.toFixed(1)} s (ratio ${(r.ewtMaeAllSeconds / r.movingAverageMaeAllSeconds).toFixed(2)})`,
      );
    }
  }
  if (want('blended')) {
    const r = runBlended({ hours: Math.min(hours, 8) });
    out(
      {
        scenario: 'blended',
        inboundServiceLevel: r3(r.inboundServiceLevel),
        inboundAbandonRate: Math.round(r.inboundAbandonRate * 10000) / 10000,
        outboundAbandonRate: Math.round(r.outboundAbandonRate * 10000) / 10000,
        occupancy: r3(r.occupancy),
        outboundTalkMinutesPerAgentHour: Math.round(r.outboundTalkMinutesPerAgentHour * 10) / 10,
        reserve: r3(r.meanReserve),
        reserveMin: r.minReserve,
        reserveMax: r.maxReserve,
        predictedServiceLevel: r3(r.predictedServiceLevel),
        meanBusySeconds: Math.round(r.meanBusySeconds),
      },
      `blended   inbound SL ${r.inboundServiceLevel.toFixed(3)}, inbound abandon ${(r.inboundAbandonRate * 100).toFixed(2)} %, outbound abandon ${(r.outboundAbandonRate * 100).toFixed(2)} %, occupancy ${r.occupancy.toFixed(3)}, outbound talk ${r.outboundTalkMinutesPerAgentHour.toFixed(1)} min/agent-hour; reserve k ${r.meanReserve.toFixed(2)} (min ${r.minReserve}, max ${r.maxReserve}), predicted inbound SL ${r.predictedServiceLevel.toFixed(3)} at mean busy time ${r.meanBusySeconds.toFixed(0)} s`,
    );
  }
  if (want('routing')) {
    const r = await runRouting();
    out(
      {
        scenario: 'routing',
        routingP99Ms: Math.round(r.routingP99Ms * 1000) / 1000,
        loopLagP99Ms: Math.round(r.loopLagP99Ms * 100) / 100,
      },
      `routing   1000 agents, 50 queues, 20 skills: decision p99 ${r.routingP99Ms.toFixed(3)} ms over ${r.decisions} decisions; burst of 500 callers in 1 s: loop lag p99 ${r.loopLagP99Ms.toFixed(1)} ms`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
