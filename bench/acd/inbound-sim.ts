import {
  AcdRouter,
  Assignment,
  estimateWaitSeconds,
  EwtAgent,
  HandleTimeStats,
  MovingAverageWait,
} from '@app/acd-core';
import { Distribution, Rng, sample } from '@app/population';
import { SimClock } from '../pacing/sim-clock';

export interface InboundScenario {
  agents: number;
  callsPerHour: number;
  handle: Distribution;
  /** Omit for callers who never give up. */
  patience?: Distribution;
  targetSeconds: number;
  hours: number;
  warmupHours: number;
  seed: number;
  /** Announce the estimated wait at entry (and score it); off for the Erlang checks, which only need the queue. */
  announce?: boolean;
}

export interface InboundResult {
  offered: number;
  serviceLevel: number;
  asaSeconds: number;
  abandonRate: number;
  occupancy: number;
  ewtMaeSeconds: number;
  ewtBiasSeconds: number;
  movingAverageMaeSeconds: number;
}

interface Agent {
  id: string;
  busySince?: number;
}

/**
 * One inbound queue in simulated time, driven through the real router and wait estimator: Poisson arrivals, drawn
 * handle times and patience, an announcement at entry (the state-based estimate and app_queue's moving average,
 * both scored against the wait the caller then had).
 */
export function runInbound(sc: InboundScenario): InboundResult {
  const start = Date.parse('2026-03-10T08:00:00Z');
  const clock = new SimClock(start);
  const rng = new Rng(sc.seed);
  const arrivals = rng.fork('arrivals');
  const handles = rng.fork('handle');
  const patience = rng.fork('patience');
  const router = new AcdRouter({ random: () => rng.next() });
  router.setQueue({
    id: 'q',
    strategy: 'longest-idle',
    requiredSkills: {},
    relaxation: [],
    weight: 1,
    targetSeconds: sc.targetSeconds,
  });
  const agents: Agent[] = [];
  for (let i = 0; i < sc.agents; i++) {
    const id = `a${i}`;
    agents.push({ id });
    router.setAgent({ id, skills: {}, memberships: [{ queueId: 'q', penalty: 0 }] });
    router.setAvailable(id, true, start);
  }
  const byId = new Map(agents.map((a) => [a.id, a]));
  const stats = new HandleTimeStats(1000, 180, 20);
  const moving = new MovingAverageWait();
  const measureFrom = start + sc.warmupHours * 3600_000;
  const end = measureFrom + sc.hours * 3600_000;
  let offered = 0;
  let within = 0;
  let answered = 0;
  let waitSum = 0;
  let abandoned = 0;
  let busyMs = 0;
  let ewtErr = 0;
  let ewtBias = 0;
  let maErr = 0;
  let scored = 0;
  const announced = new Map<string, { ewt: number; ma: number; measured: boolean; timer?: unknown }>();
  const clip = (from: number, to: number): number => Math.max(0, Math.min(to, end) - Math.max(from, measureFrom));

  const serve = (asg: Assignment): void => {
    const now = clock.now();
    const a = byId.get(asg.agentId)!;
    a.busySince = now;
    const info = announced.get(asg.callerId)!;
    if (info.timer !== undefined) clock.clearTimer(info.timer);
    announced.delete(asg.callerId);
    const wait = asg.waitedMs / 1000;
    moving.observe(wait);
    if (info.measured) {
      answered++;
      waitSum += wait;
      if (wait <= sc.targetSeconds) within++;
      ewtErr += Math.abs(info.ewt - wait);
      ewtBias += info.ewt - wait;
      maErr += Math.abs(info.ma - wait);
      scored++;
    }
    const h = sample(sc.handle, handles);
    clock.setTimer(h * 1000, () => {
      const t = clock.now();
      busyMs += clip(a.busySince!, t);
      a.busySince = undefined;
      stats.add(h);
      router.setAvailable(a.id, true, t);
      const next = router.routeAgent(a.id, t);
      if (next) serve(next);
    });
  };

  let seq = 0;
  const arrive = (): void => {
    const now = clock.now();
    if (now >= end) return;
    const id = `c${seq++}`;
    const measured = now >= measureFrom;
    if (measured) offered++;
    router.enqueue({ id, queueId: 'q', enteredAt: now, priority: 0 });
    let ewt = 0;
    if (sc.announce !== false) {
      const ewtAgents: EwtAgent[] = agents.map((a) =>
        a.busySince === undefined
          ? { idle: router.isAvailable(a.id), busyElapsedSeconds: 0 }
          : { idle: false, busyElapsedSeconds: (now - a.busySince) / 1000 },
      );
      ewt = estimateWaitSeconds({ position: router.position(id), agents: ewtAgents, handle: stats });
    }
    const info: { ewt: number; ma: number; measured: boolean; timer?: unknown } = {
      ewt,
      ma: moving.estimate(),
      measured,
    };
    announced.set(id, info);
    const asg = router.routeCaller(id, now);
    if (asg) serve(asg);
    else if (sc.patience) {
      info.timer = clock.setTimer(sample(sc.patience, patience) * 1000, () => {
        if (!router.remove(id)) return;
        announced.delete(id);
        if (measured) abandoned++;
      });
    }
    clock.setTimer((-Math.log(1 - arrivals.next()) * 3600_000) / sc.callsPerHour, arrive);
  };
  clock.setTimer(0, arrive);
  clock.runUntil(end);
  for (const a of agents) if (a.busySince !== undefined) busyMs += clip(a.busySince, end);
  return {
    offered,
    serviceLevel: offered ? within / offered : 0,
    asaSeconds: answered ? waitSum / answered : 0,
    abandonRate: offered ? abandoned / offered : 0,
    occupancy: busyMs / (sc.agents * sc.hours * 3600_000),
    ewtMaeSeconds: scored ? ewtErr / scored : 0,
    ewtBiasSeconds: scored ? ewtBias / scored : 0,
    movingAverageMaeSeconds: scored ? maErr / scored : 0,
  };
}
