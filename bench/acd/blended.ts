import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AcdRouter, Assignment, inboundReserve, ReservePacer } from '@app/acd-core';
import type { AgentState } from '@app/dialer-core';
import { DialerEngine, PredictivePacer } from '@app/dialer-core';
import { Rng, sample } from '@app/population';
import { buildEngineHarness } from '../pacing/engine-harness';
import { parseScenario } from '../pacing/scenario';

export interface BlendedOptions {
  hours: number;
  agents?: number;
  inboundPerHour?: number;
  inboundHandleSeconds?: number;
  inboundPatienceSeconds?: number;
  targetSeconds?: number;
  targetServiceLevel?: number;
  seed?: number;
}

export interface BlendedResult {
  inboundServiceLevel: number;
  inboundAbandonRate: number;
  outboundAbandonRate: number;
  occupancy: number;
  outboundTalkMinutesPerAgentHour: number;
  /** The Bhulai–Koole reserve k chosen each minute: mean, smallest and largest. */
  meanReserve: number;
  minReserve: number;
  maxReserve: number;
  /** Inbound service level the reserve model predicted for the chosen k (mean over the minutes). */
  predictedServiceLevel: number;
  /** Mean agents' busy time (inbound and outbound) the model was fed, seconds (mean over the minutes). */
  meanBusySeconds: number;
}

/**
 * Blended agents in simulated time: the real dialer engine runs the predictive S2 campaign while the real ACD
 * router serves an inbound queue from the same agents. The engine asks the ACD first whenever an agent becomes
 * ready (inbound priority) and its pacer sees the blending reserve as paused agents.
 */
export function runBlended(o: BlendedOptions): BlendedResult {
  const agentsN = o.agents ?? 40;
  const lambdaH = o.inboundPerHour ?? 300;
  const handleMean = o.inboundHandleSeconds ?? 240;
  const T = o.targetSeconds ?? 20;
  const sc = parseScenario(
    readFileSync(resolve(process.cwd(), 'bench/pacing/scenarios/s2-mid-consumer.json'), 'utf8'),
    's2',
  );
  sc.hours = o.hours;
  const rng = new Rng(o.seed ?? 5);
  const arrivals = rng.fork('arrivals');
  const handles = rng.fork('handle');
  const patienceRng = rng.fork('patience');
  const router = new AcdRouter();
  router.setQueue({
    id: 'in',
    strategy: 'longest-idle',
    requiredSkills: {},
    relaxation: [],
    weight: 1,
    targetSeconds: T,
  });

  let reserve = 1;
  let reserveSum = 0;
  let reserveN = 0;
  let reserveMin = Infinity;
  let reserveMax = -Infinity;
  let predictedSum = 0;
  let busySum = 0;
  const busyDurations: number[] = [];
  let busyMs = 0;
  let outboundTalkMs = 0;
  const clip = (from: number, to: number): number => Math.max(0, Math.min(to, end) - Math.max(from, start));
  const ref: { engine?: DialerEngine } = {};
  const waitingTimers = new Map<string, unknown>();
  let offered = 0;
  let within = 0;
  let abandoned = 0;
  const busyStart = new Map<string, number>();

  const serve = (asg: Assignment): void => {
    const timer = waitingTimers.get(asg.callerId);
    if (timer !== undefined) clock.clearTimer(timer);
    waitingTimers.delete(asg.callerId);
    if (asg.waitedMs / 1000 <= T) within++;
    const h = sample({ kind: 'exponential', mean: handleMean }, handles);
    const agentId = asg.agentId;
    clock.setTimer(h * 1000, () => {
      // Inbound call done: back to the engine, which asks the ACD first (see agentReady below).
      ref.engine!.agentResume(agentId);
    });
  };

  const onAgent = (agentId: string, from: AgentState, to: AgentState): void => {
    const now = clock.now();
    if (to.kind !== 'ready') router.setAvailable(agentId, false, now);
    const wasBusy =
      from.kind === 'talking' || from.kind === 'wrap-up' || (from.kind === 'paused' && from.reason === 'inbound');
    const isBusy = to.kind === 'talking' || to.kind === 'wrap-up' || (to.kind === 'paused' && to.reason === 'inbound');
    if (from.kind === 'talking') outboundTalkMs += clip(from.since, now);
    if (wasBusy && !isBusy) {
      const s = busyStart.get(agentId) ?? now;
      busyMs += clip(s, now);
      busyDurations.push((now - s) / 1000);
      if (busyDurations.length > 400) busyDurations.shift();
      busyStart.delete(agentId);
    }
    if (!wasBusy && isBusy) busyStart.set(agentId, now);
  };

  const pacer = new ReservePacer(new PredictivePacer(), () => reserve);
  const harness = buildEngineHarness(sc, 'blended', pacer, {
    agentChanged: onAgent,
    inbound: {
      agentReady: (agentId, now) => {
        router.setAvailable(agentId, true, now);
        const asg = router.routeAgent(agentId, now);
        if (!asg) return false;
        serve(asg);
        return true; // the engine pauses the agent with reason 'inbound'
      },
    },
  });
  const { engine, clock, records, start, end } = harness;
  ref.engine = engine;
  for (let i = 0; i < agentsN; i++) {
    router.setAgent({ id: `a${i}`, skills: {}, memberships: [{ queueId: 'in', penalty: 0 }] });
    router.setLoggedIn(`a${i}`, true, start);
  }
  for (let i = 0; i < agentsN; i++) engine.agentLogin(`a${i}`);

  // The reserve is re-chosen every minute from what the ACD sees: arrival rate and agents' mean busy time.
  const recompute = (): void => {
    const meanBusy = busyDurations.length > 20 ? busyDurations.reduce((s, x) => s + x, 0) / busyDurations.length : 200;
    const chosen = inboundReserve({
      agents: agentsN,
      arrivalRatePerSecond: lambdaH / 3600,
      meanBusySeconds: meanBusy,
      targetSeconds: T,
      targetServiceLevel: o.targetServiceLevel ?? 0.9,
      maxReserve: 10,
    });
    reserve = chosen.reserve;
    reserveSum += reserve;
    reserveMin = Math.min(reserveMin, reserve);
    reserveMax = Math.max(reserveMax, reserve);
    predictedSum += chosen.predictedServiceLevel;
    busySum += meanBusy;
    reserveN++;
    clock.setTimer(60_000, recompute);
  };
  recompute();

  let seq = 0;
  const arrive = (): void => {
    const now = clock.now();
    if (now >= end) return;
    const id = `in${seq++}`;
    offered++;
    router.enqueue({ id, queueId: 'in', enteredAt: now, priority: 0 });
    const asg = router.routeCaller(id, now);
    if (asg) {
      // Take the agent away from the outbound side first: they are ready there, so pausing succeeds.
      engine.agentPause(asg.agentId, 'inbound');
      serve(asg);
    } else {
      waitingTimers.set(
        id,
        clock.setTimer(
          sample({ kind: 'exponential', mean: o.inboundPatienceSeconds ?? 120 }, patienceRng) * 1000,
          () => {
            waitingTimers.delete(id);
            if (router.remove(id)) abandoned++;
          },
        ),
      );
    }
    clock.setTimer((-Math.log(1 - arrivals.next()) * 3600_000) / lambdaH, arrive);
  };
  clock.setTimer(0, arrive);
  engine.start();
  clock.runUntil(end);
  engine.stop();
  for (const [, s] of busyStart) busyMs += clip(s, end);
  for (const a of engine.agents.all()) if (a.state.kind === 'talking') outboundTalkMs += clip(a.state.since, end);

  const answeredOut = records.filter((r) => r.outcome === 'answered-human' || r.outcome === 'abandoned');
  const abandonedOut = answeredOut.filter((r) => r.outcome === 'abandoned').length;
  const agentHours = agentsN * sc.hours;
  return {
    inboundServiceLevel: offered ? within / offered : 0,
    inboundAbandonRate: offered ? abandoned / offered : 0,
    outboundAbandonRate: answeredOut.length ? abandonedOut / answeredOut.length : 0,
    occupancy: busyMs / (agentHours * 3600_000),
    outboundTalkMinutesPerAgentHour: outboundTalkMs / 60_000 / agentHours,
    meanReserve: reserveN ? reserveSum / reserveN : 0,
    minReserve: reserveMin,
    maxReserve: reserveMax,
    predictedServiceLevel: reserveN ? predictedSum / reserveN : 0,
    meanBusySeconds: reserveN ? busySum / reserveN : 0,
  };
}
