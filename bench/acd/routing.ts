import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { AcdRouter, Assignment, estimateWaitSeconds, EwtAgent, HandleTimeStats, QueueDef } from '@app/acd-core';
import { Rng } from '@app/population';

export interface RoutingResult {
  routingP99Ms: number;
  decisions: number;
  loopLagP99Ms: number;
}

const AGENTS = 1000;
const QUEUES = 50;
const SKILLS = 20;

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : 0;
}

function build(rng: Rng): { router: AcdRouter; queues: QueueDef[] } {
  const router = new AcdRouter({ random: () => rng.next() });
  const strategies = ['longest-idle', 'round-robin', 'fewest-calls', 'random', 'linear', 'skills-based'] as const;
  const queues: QueueDef[] = [];
  for (let q = 0; q < QUEUES; q++) {
    const req: Record<string, number> = { [`s${q % SKILLS}`]: 3 + (q % 4) };
    if (q % 3 === 0) req[`s${(q * 7 + 3) % SKILLS}`] = 2;
    const def: QueueDef = {
      id: `q${q}`,
      strategy: strategies[q % strategies.length],
      requiredSkills: req,
      relaxation: [
        { afterSeconds: 30, lowerBy: 1 },
        { afterSeconds: 90, lowerBy: 2 },
      ],
      weight: 1 + (q % 3),
      targetSeconds: 20 + (q % 4) * 10,
    };
    queues.push(def);
    router.setQueue(def);
  }
  for (let a = 0; a < AGENTS; a++) {
    const skills: Record<string, number> = {};
    const memberships = [];
    for (let k = 0; k < 5; k++) {
      const q = (a * 13 + k * 11) % QUEUES;
      memberships.push({ queueId: `q${q}`, penalty: k % 2 });
      for (const s of Object.keys(queues[q].requiredSkills)) skills[s] = Math.max(skills[s] ?? 0, 2 + rng.nextInt(8));
    }
    for (let k = 0; k < 2; k++) skills[`s${rng.nextInt(SKILLS)}`] = 1 + rng.nextInt(10);
    router.setAgent({ id: `a${a}`, skills, memberships });
  }
  return { router, queues };
}

/**
 * Routing at scale. (1) Decision time: a busy hour in simulated time, every routeCaller / routeAgent / dispatch
 * timed with performance.now(). (2) A burst of 500 callers spread over one real second while every agent is busy:
 * each is queued and told its position and estimated wait, with the periodic announcement for everybody waiting
 * every second; event-loop lag sampled by monitorEventLoopDelay.
 */
export async function runRouting(): Promise<RoutingResult> {
  const rng = new Rng(3);
  const { router, queues } = build(rng);
  const times: number[] = [];
  const timed = <T>(fn: () => T): T => {
    const t0 = performance.now();
    const r = fn();
    times.push(performance.now() - t0);
    return r;
  };
  // (1) simulated busy hour: 1000 agents, handle ~ 200 s, offered ~ 4.5 calls/s (90 % load).
  let now = Date.parse('2026-03-10T08:00:00Z');
  for (let a = 0; a < AGENTS; a++) router.setAvailable(`a${a}`, true, now);
  const ends: { at: number; agentId: string }[] = [];
  let seq = 0;
  const step = 100; // ms
  const until = now + 3600_000;
  const onAssign = (asg: Assignment): void => {
    ends.push({ at: now + 200_000 * -Math.log(1 - rng.next()), agentId: asg.agentId });
  };
  while (now < until) {
    now += step;
    // arrivals in this step
    const n = rng.next() < 0.45 ? 1 : 0;
    for (let i = 0; i < n; i++) {
      const id = `c${seq++}`;
      router.enqueue({
        id,
        queueId: queues[rng.nextInt(QUEUES)].id,
        enteredAt: now,
        priority: rng.next() < 0.05 ? 1 : 0,
      });
      const asg = timed(() => router.routeCaller(id, now));
      if (asg) onAssign(asg);
    }
    for (let i = ends.length - 1; i >= 0; i--) {
      if (ends[i].at > now) continue;
      const { agentId } = ends[i];
      ends.splice(i, 1);
      router.setAvailable(agentId, true, now);
      const asg = timed(() => router.routeAgent(agentId, now));
      if (asg) onAssign(asg);
    }
    if (now % 5000 === 0) for (const asg of timed(() => router.dispatch(now))) onAssign(asg);
  }
  const routingP99Ms = quantile(times, 0.99);

  // (2) the burst, in real time: nobody is free, 500 callers in one second.
  for (let a = 0; a < AGENTS; a++) router.setAvailable(`a${a}`, false, Date.now());
  const busySince = new Map<string, number>();
  for (let a = 0; a < AGENTS; a++) busySince.set(`a${a}`, Date.now() - rng.nextInt(200_000));
  const stats = new HandleTimeStats(500, 200, 10);
  for (let i = 0; i < 500; i++) stats.add(200 * -Math.log(1 - rng.next()));
  const announce = (queueId: string, callerId: string): number => {
    const t = Date.now();
    const agents: EwtAgent[] = router.members(queueId).map((m) => ({
      idle: m.available,
      busyElapsedSeconds: (t - (busySince.get(m.agentId) ?? t)) / 1000,
      share: 0.2,
    }));
    return estimateWaitSeconds({ position: router.position(callerId), agents, handle: stats });
  };
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const announced: number[] = [];
  await new Promise<void>((done) => {
    let sent = 0;
    const waitingIds: { id: string; q: string }[] = [];
    const periodic = setInterval(() => {
      for (const w of waitingIds) announced.push(announce(w.q, w.id));
    }, 1000);
    const tick = setInterval(() => {
      // 25 callers every 50 ms = 500 in one second
      for (let i = 0; i < 25 && sent < 500; i++, sent++) {
        const id = `b${sent}`;
        const q = queues[rng.nextInt(QUEUES)].id;
        router.enqueue({ id, queueId: q, enteredAt: Date.now(), priority: 0 });
        router.routeCaller(id, Date.now());
        waitingIds.push({ id, q });
        announced.push(announce(q, id));
      }
      if (sent >= 500) {
        clearInterval(tick);
        setTimeout(() => {
          clearInterval(periodic);
          done();
        }, 2100);
      }
    }, 50);
  });
  h.disable();
  if (announced.length < 500) throw new Error('burst: not every caller was announced');
  return { routingP99Ms, decisions: times.length, loopLagP99Ms: h.percentile(99) / 1e6 };
}
