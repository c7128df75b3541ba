import {
  AbandonmentRate,
  AcdRouter,
  Assignment,
  estimateWaitSeconds,
  EwtAgent,
  HandleTimeModel,
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
  /** Announce again every this many seconds while waiting (default 30, as the ACD does); 0 for entry only. */
  announceEverySeconds?: number;
  /**
   * For exponential handle times of this mean (the true one, not learned): also score the exact conditional median
   * of the wait, gamma(p, c ÷ mean) with c agents all busy, the best any estimator can announce for mean absolute error.
   */
  exactExponentialMean?: number;
  /** Futures the state-based estimator draws per estimate (its default when omitted). */
  ewtSamples?: number;
  /**
   * Also score the same estimator told the true handle-time law (and 101 futures) instead of the learned one: how much
   * the learning and the few futures cost.
   */
  oracle?: HandleTimeModel;
}

export interface InboundResult {
  offered: number;
  serviceLevel: number;
  asaSeconds: number;
  abandonRate: number;
  occupancy: number;
  /** Announcements at entry, scored against the caller's whole wait. */
  ewtMaeSeconds: number;
  ewtBiasSeconds: number;
  movingAverageMaeSeconds: number;
  /** Every announcement (entry and periodic), scored against the wait the caller still had from that moment. */
  ewtMaeAllSeconds: number;
  movingAverageMaeAllSeconds: number;
  /** Callers scored (answered within the measured period; abandoned callers are scored by neither estimator). */
  scoredCallers: number;
  scoredAnnouncements: number;
  /** The exact floor (only with `exactExponentialMean`): at entry and over every announcement. */
  exactMaeSeconds?: number;
  exactMaeAllSeconds?: number;
  /** The oracle (only with `oracle`): at entry and over every announcement. */
  oracleMaeSeconds?: number;
  oracleMaeAllSeconds?: number;
  /** Wall-clock cost of one state-based estimate, in microseconds. */
  microsecondsPerEstimate: number;
  estimates: number;
}

interface Agent {
  id: string;
  busySince?: number;
}

/**
 * One inbound queue in simulated time, driven through the real router and wait estimator: Poisson arrivals, drawn
 * handle times and patience, an announcement at entry and every `announceEverySeconds` while waiting (the
 * state-based estimate and app_queue's moving average, made at the same moments for the same callers, both scored
 * against the wait the caller then had). A caller who gives up has no "wait then had" to compare with (their wait
 * for an agent is censored by their patience): their announcements are scored by neither estimator.
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
  let ewtErrAll = 0;
  let maErrAll = 0;
  let scoredAll = 0;
  let exactErr = 0;
  let exactErrAll = 0;
  let oracleErr = 0;
  let oracleErrAll = 0;
  let estimateMs = 0;
  let estimates = 0;
  // The abandonment rate of callers waiting, learned as the ACD learns it.
  const patienceRate = new AbandonmentRate();
  interface Announced {
    at: number;
    ewt: number;
    ma: number;
    exact: number;
    oracle: number;
  }
  interface Waiting {
    said: Announced[];
    measured: boolean;
    timer?: unknown;
    repeat?: unknown;
  }
  const announced = new Map<string, Waiting>();
  const every = (sc.announceEverySeconds ?? 30) * 1000;
  const clip = (from: number, to: number): number => Math.max(0, Math.min(to, end) - Math.max(from, measureFrom));

  const serve = (asg: Assignment): void => {
    const now = clock.now();
    const a = byId.get(asg.agentId)!;
    a.busySince = now;
    const info = announced.get(asg.callerId)!;
    if (info.timer !== undefined) clock.clearTimer(info.timer);
    if (info.repeat !== undefined) clock.clearTimer(info.repeat);
    announced.delete(asg.callerId);
    const wait = asg.waitedMs / 1000;
    moving.observe(wait);
    patienceRate.served(wait);
    if (info.measured) {
      answered++;
      waitSum += wait;
      if (wait <= sc.targetSeconds) within++;
      if (info.said.length) {
        const first = info.said[0];
        ewtErr += Math.abs(first.ewt - wait);
        ewtBias += first.ewt - wait;
        maErr += Math.abs(first.ma - wait);
        exactErr += Math.abs(first.exact - wait);
        oracleErr += Math.abs(first.oracle - wait);
        scored++;
        for (const a of info.said) {
          const still = (now - a.at) / 1000;
          ewtErrAll += Math.abs(a.ewt - still);
          maErrAll += Math.abs(a.ma - still);
          exactErrAll += Math.abs(a.exact - still);
          oracleErrAll += Math.abs(a.oracle - still);
          scoredAll++;
        }
      }
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
    const info: Waiting = { said: [], measured };
    announced.set(id, info);
    // Both estimators speak at the same moments: app_queue's periodic announcement is its average hold time less
    // the time already waited (here floored at 0, which only helps it).
    const say = (): void => {
      const t = clock.now();
      const ewtAgents: EwtAgent[] = agents.map((a) =>
        a.busySince === undefined
          ? { idle: router.isAvailable(a.id), busyElapsedSeconds: 0 }
          : { idle: false, busyElapsedSeconds: (t - a.busySince) / 1000 },
      );
      const position = router.position(id);
      const began = performance.now();
      const ewt = estimateWaitSeconds({
        position,
        agents: ewtAgents,
        handle: stats,
        abandonRatePerSecond: patienceRate.rate(),
        samples: sc.ewtSamples,
      });
      estimateMs += performance.now() - began;
      estimates++;
      let exact = 0;
      if (sc.exactExponentialMean !== undefined && !ewtAgents.some((a) => a.idle))
        exact = gammaMedian(position) * (sc.exactExponentialMean / sc.agents);
      const oracle = sc.oracle
        ? estimateWaitSeconds({
            position,
            agents: ewtAgents,
            handle: sc.oracle,
            abandonRatePerSecond: patienceRate.rate(),
            samples: 101,
          })
        : 0;
      info.said.push({ at: t, ewt, ma: Math.max(0, moving.estimate() - (t - now) / 1000), exact, oracle });
    };
    if (sc.announce !== false) say();
    const asg = router.routeCaller(id, now);
    if (asg) serve(asg);
    else {
      if (sc.patience) {
        info.timer = clock.setTimer(sample(sc.patience, patience) * 1000, () => {
          if (!router.remove(id)) return;
          patienceRate.abandoned((clock.now() - now) / 1000);
          if (info.repeat !== undefined) clock.clearTimer(info.repeat);
          announced.delete(id);
          if (measured) abandoned++;
        });
      }
      if (sc.announce !== false && every > 0) {
        const again = (): void => {
          say();
          info.repeat = clock.setTimer(every, again);
        };
        info.repeat = clock.setTimer(every, again);
      }
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
    ewtMaeAllSeconds: scoredAll ? ewtErrAll / scoredAll : 0,
    movingAverageMaeAllSeconds: scoredAll ? maErrAll / scoredAll : 0,
    scoredCallers: scored,
    scoredAnnouncements: scoredAll,
    ...(sc.exactExponentialMean !== undefined
      ? {
          exactMaeSeconds: scored ? exactErr / scored : 0,
          exactMaeAllSeconds: scoredAll ? exactErrAll / scoredAll : 0,
        }
      : {}),
    ...(sc.oracle
      ? {
          oracleMaeSeconds: scored ? oracleErr / scored : 0,
          oracleMaeAllSeconds: scoredAll ? oracleErrAll / scoredAll : 0,
        }
      : {}),
    microsecondsPerEstimate: estimates ? (estimateMs * 1000) / estimates : 0,
    estimates,
  };
}

const gammaMedians: number[] = [];

/**
 * Median of a gamma(p, 1) (the sum of p unit exponentials), by bisection on its distribution function
 * P(p, x) = 1 − e^(−x) Σ_{k<p} x^k ÷ k! (summed in log space so that large p do not overflow).
 */
export function gammaMedian(p: number): number {
  const cached = gammaMedians[p];
  if (cached !== undefined) return cached;
  const cdf = (x: number): number => {
    let logTerm = -x;
    let sum = Math.exp(logTerm);
    for (let k = 1; k < p; k++) {
      logTerm += Math.log(x / k);
      sum += Math.exp(logTerm);
    }
    return 1 - sum;
  };
  let lo = 0;
  let hi = 2 * p + 20;
  for (let it = 0; it < 100; it++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < 0.5) lo = mid;
    else hi = mid;
  }
  gammaMedians[p] = (lo + hi) / 2;
  return gammaMedians[p];
}
