import {
  AgentDef,
  Caller,
  meetsRequirements,
  QueueDef,
  relaxedRequirements,
  RoutingStrategy,
  skillScore,
} from './queue-model';

/** A caller matched with an agent. The router has already taken both out of circulation. */
export interface Assignment {
  callerId: string;
  agentId: string;
  queueId: string;
  waitedMs: number;
  callback: boolean;
  caller: Caller;
}

interface AgentRt {
  def: AgentDef;
  loggedIn: boolean;
  available: boolean;
  idleSince: number;
  callsByQueue: Map<string, number>;
}

interface QueueRt {
  def: QueueDef;
  /** Priority descending, then entry time, then arrival sequence. */
  waiting: (Caller & { seq: number })[];
  members: { agentId: string; penalty: number; order: number }[];
  /** Round robin memory: the agent who took the last call. */
  lastAgentId?: string;
}

export interface RouterOptions {
  /** Uniform [0,1) source for the `random` strategy (seeded in tests and benchmarks). */
  random?: () => number;
  /** A caller's scan for an agent's next call stops after this many ineligible callers per queue (bounded work). */
  scanLimit?: number;
}

/**
 * The ACD's routing decision, pure and synchronous: who waits where in which order, who is free, and who takes
 * whom. The runtime (ARI + PostgreSQL) and the benchmark feed it the same events and apply its assignments.
 */
export class AcdRouter {
  private readonly queues = new Map<string, QueueRt>();
  private readonly agents = new Map<string, AgentRt>();
  private readonly callerQueue = new Map<string, string>();
  private seq = 0;
  private order = 0;
  private readonly random: () => number;
  private readonly scanLimit: number;

  constructor(opts: RouterOptions = {}) {
    this.random = opts.random ?? Math.random;
    this.scanLimit = opts.scanLimit ?? 500;
  }

  // ---- configuration --------------------------------------------------------------------------------------

  setQueue(def: QueueDef): void {
    const q = this.queues.get(def.id);
    if (q) q.def = def;
    else this.queues.set(def.id, { def, waiting: [], members: [] });
  }

  queue(id: string): QueueDef | undefined {
    return this.queues.get(id)?.def;
  }

  queueIds(): string[] {
    return [...this.queues.keys()];
  }

  /** Adds or updates an agent's skills and memberships; live state (availability, idle time, counts) is kept. */
  setAgent(def: AgentDef): void {
    const existing = this.agents.get(def.id);
    if (existing) {
      this.detach(def.id);
      existing.def = def;
    } else {
      this.agents.set(def.id, {
        def,
        loggedIn: false,
        available: false,
        idleSince: 0,
        callsByQueue: new Map(),
      });
    }
    for (const m of def.memberships) {
      const q = this.queues.get(m.queueId);
      if (!q) continue;
      q.members.push({ agentId: def.id, penalty: m.penalty, order: this.order++ });
      q.members.sort((a, b) => a.penalty - b.penalty || a.order - b.order);
    }
  }

  removeAgent(id: string): void {
    this.detach(id);
    this.agents.delete(id);
  }

  private detach(agentId: string): void {
    for (const q of this.queues.values()) {
      const i = q.members.findIndex((m) => m.agentId === agentId);
      if (i >= 0) q.members.splice(i, 1);
    }
  }

  hasAgent(id: string): boolean {
    return this.agents.has(id);
  }

  agentIds(): string[] {
    return [...this.agents.keys()];
  }

  // ---- agent state ----------------------------------------------------------------------------------------

  /** Logged in agents count for "nobody logged in" overflow even while busy. */
  setLoggedIn(agentId: string, loggedIn: boolean, now: number): void {
    const a = this.agents.get(agentId);
    if (!a) return;
    a.loggedIn = loggedIn;
    if (!loggedIn) a.available = false;
    else if (a.idleSince === 0) a.idleSince = now;
  }

  /** Ready for an inbound call right now. Becoming available starts the idle clock. */
  setAvailable(agentId: string, available: boolean, now: number): void {
    const a = this.agents.get(agentId);
    if (!a) return;
    if (available && !a.available) a.idleSince = now;
    if (available) a.loggedIn = true;
    a.available = available;
  }

  isAvailable(agentId: string): boolean {
    return this.agents.get(agentId)?.available ?? false;
  }

  loggedInMembers(queueId: string): number {
    const q = this.queues.get(queueId);
    if (!q) return 0;
    let n = 0;
    for (const m of q.members) if (this.agents.get(m.agentId)?.loggedIn) n++;
    return n;
  }

  /** Agents of the queue by state, for the wallboard and the wait estimate. */
  members(
    queueId: string,
  ): { agentId: string; loggedIn: boolean; available: boolean; skills: Record<string, number> }[] {
    const q = this.queues.get(queueId);
    if (!q) return [];
    return q.members.map((m) => {
      const a = this.agents.get(m.agentId)!;
      return { agentId: m.agentId, loggedIn: a.loggedIn, available: a.available, skills: a.def.skills };
    });
  }

  callsTaken(agentId: string, queueId: string): number {
    return this.agents.get(agentId)?.callsByQueue.get(queueId) ?? 0;
  }

  // ---- callers --------------------------------------------------------------------------------------------

  /** Puts a caller in line (a restored caller keeps its entry time, so it keeps its place). */
  enqueue(caller: Caller): void {
    const q = this.queues.get(caller.queueId);
    if (!q) throw new Error(`unknown queue ${caller.queueId}`);
    this.remove(caller.id);
    const c = { ...caller, seq: this.seq++ };
    const w = q.waiting;
    let lo = 0;
    let hi = w.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(w[mid], c)) lo = mid + 1;
      else hi = mid;
    }
    w.splice(lo, 0, c);
    this.callerQueue.set(caller.id, caller.queueId);
  }

  remove(callerId: string): Caller | undefined {
    const qid = this.callerQueue.get(callerId);
    if (!qid) return undefined;
    this.callerQueue.delete(callerId);
    const q = this.queues.get(qid)!;
    const i = q.waiting.findIndex((c) => c.id === callerId);
    if (i < 0) return undefined;
    const [c] = q.waiting.splice(i, 1);
    const { seq: _seq, ...caller } = c;
    return caller;
  }

  caller(callerId: string): Caller | undefined {
    const qid = this.callerQueue.get(callerId);
    return qid ? this.queues.get(qid)?.waiting.find((c) => c.id === callerId) : undefined;
  }

  waiting(queueId: string): readonly Caller[] {
    return this.queues.get(queueId)?.waiting ?? [];
  }

  /** 1-based position in line, or 0 when not waiting. */
  position(callerId: string): number {
    const qid = this.callerQueue.get(callerId);
    if (!qid) return 0;
    return this.queues.get(qid)!.waiting.findIndex((c) => c.id === callerId) + 1;
  }

  // ---- decisions ------------------------------------------------------------------------------------------

  /** An agent for this (newly arrived or newly relaxed) caller, honouring callers ahead of it in the same queue. */
  routeCaller(callerId: string, now: number): Assignment | undefined {
    const qid = this.callerQueue.get(callerId);
    if (!qid) return undefined;
    const q = this.queues.get(qid)!;
    const idx = q.waiting.findIndex((c) => c.id === callerId);
    const caller = q.waiting[idx];
    const agent = this.pickAgent(q, caller, now);
    if (!agent) return undefined;
    // Someone ahead may fit this agent too (relaxed further by waiting longer): they go first.
    for (let i = 0; i < idx; i++) {
      const ahead = q.waiting[i];
      if (meetsRequirements(agent.def.skills, relaxedRequirements(q.def, (now - ahead.enteredAt) / 1000))) {
        return this.assign(q, ahead, agent, now);
      }
    }
    return this.assign(q, caller, agent, now);
  }

  /**
   * The next call for an agent who just became available: across the agent's queues, the first caller in each
   * line the agent qualifies for, and of those the one that waited longest relative to its queue's target
   * (times the queue's weight).
   */
  routeAgent(agentId: string, now: number): Assignment | undefined {
    const a = this.agents.get(agentId);
    if (!a || !a.available) return undefined;
    let best: { q: QueueRt; c: Caller & { seq: number }; score: number } | undefined;
    for (const m of a.def.memberships) {
      const q = this.queues.get(m.queueId);
      if (!q || q.waiting.length === 0) continue;
      const limit = Math.min(q.waiting.length, this.scanLimit);
      for (let i = 0; i < limit; i++) {
        const c = q.waiting[i];
        const waited = (now - c.enteredAt) / 1000;
        if (!meetsRequirements(a.def.skills, relaxedRequirements(q.def, waited))) continue;
        const score = (waited / Math.max(1, q.def.targetSeconds)) * (q.def.weight || 1) + c.priority * 1e6;
        if (!best || score > best.score) best = { q, c, score };
        break;
      }
    }
    return best ? this.assign(best.q, best.c, a, now) : undefined;
  }

  /** Every match possible now (after relaxation steps, a config change, or a restart). */
  dispatch(now: number): Assignment[] {
    const out: Assignment[] = [];
    let free = 0;
    for (const a of this.agents.values()) if (a.available) free++;
    if (free === 0) return out;
    const heads = [...this.queues.values()]
      .filter((q) => q.waiting.length > 0)
      .map((q) => ({
        q,
        score: ((now - q.waiting[0].enteredAt) / 1000 / Math.max(1, q.def.targetSeconds)) * (q.def.weight || 1),
      }))
      .sort((x, y) => y.score - x.score);
    for (const { q } of heads) {
      for (let i = 0; i < q.waiting.length && free > 0;) {
        const c = q.waiting[i];
        const agent = this.pickAgent(q, c, now);
        if (!agent) {
          i++;
          continue;
        }
        out.push(this.assign(q, c, agent, now));
        free--;
      }
      if (free === 0) break;
    }
    return out;
  }

  /** The bridge failed: the caller goes back to its place and the agent is free again (or not, if `agentFree` is false). */
  undo(asg: Assignment, now: number, agentFree = true): void {
    this.enqueue(asg.caller);
    const a = this.agents.get(asg.agentId);
    if (a) {
      const n = a.callsByQueue.get(asg.queueId) ?? 1;
      a.callsByQueue.set(asg.queueId, Math.max(0, n - 1));
      if (agentFree) this.setAvailable(asg.agentId, true, now);
    }
  }

  private assign(q: QueueRt, c: Caller & { seq: number }, a: AgentRt, now: number): Assignment {
    const i = q.waiting.indexOf(c);
    if (i >= 0) q.waiting.splice(i, 1);
    this.callerQueue.delete(c.id);
    a.available = false;
    a.callsByQueue.set(q.def.id, (a.callsByQueue.get(q.def.id) ?? 0) + 1);
    q.lastAgentId = a.def.id;
    const { seq: _seq, ...caller } = c;
    return {
      callerId: c.id,
      agentId: a.def.id,
      queueId: q.def.id,
      waitedMs: now - c.enteredAt,
      callback: !!c.callback,
      caller,
    };
  }

  private pickAgent(q: QueueRt, c: Caller, now: number): AgentRt | undefined {
    const req = relaxedRequirements(q.def, (now - c.enteredAt) / 1000);
    const cands: { a: AgentRt; penalty: number; idx: number }[] = [];
    let minPenalty = Infinity;
    for (let idx = 0; idx < q.members.length; idx++) {
      const m = q.members[idx];
      const a = this.agents.get(m.agentId);
      if (!a || !a.available || !meetsRequirements(a.def.skills, req)) continue;
      cands.push({ a, penalty: m.penalty, idx });
      if (m.penalty < minPenalty) minPenalty = m.penalty;
    }
    if (cands.length === 0) return undefined;
    const tier = cands.filter((x) => x.penalty === minPenalty);
    return choose(q.def.strategy, tier, q, this.random, q.members);
  }
}

function before(a: Caller & { seq: number }, b: Caller & { seq: number }): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.enteredAt !== b.enteredAt) return a.enteredAt < b.enteredAt;
  return a.seq < b.seq;
}

function choose(
  strategy: RoutingStrategy,
  cands: { a: AgentRt; idx: number }[],
  q: QueueRt,
  random: () => number,
  members: QueueRt['members'],
): AgentRt {
  const longestIdle = (xs: { a: AgentRt }[]): AgentRt => xs.reduce((b, x) => (x.a.idleSince < b.a.idleSince ? x : b)).a;
  switch (strategy) {
    case 'longest-idle':
    case 'ring-all':
      return longestIdle(cands);
    case 'linear':
      return cands[0].a; // members are sorted by penalty then join order
    case 'random':
      return cands[Math.min(cands.length - 1, Math.floor(random() * cands.length))].a;
    case 'fewest-calls': {
      const qid = q.def.id;
      const min = Math.min(...cands.map((x) => x.a.callsByQueue.get(qid) ?? 0));
      return longestIdle(cands.filter((x) => (x.a.callsByQueue.get(qid) ?? 0) === min));
    }
    case 'skills-based': {
      const score = (x: { a: AgentRt }): number => skillScore(x.a.def.skills, q.def.requiredSkills);
      const max = Math.max(...cands.map(score));
      return longestIdle(cands.filter((x) => score(x) === max));
    }
    case 'round-robin': {
      // The next member after the one who took the last call, wrapping around.
      const last = q.lastAgentId === undefined ? -1 : members.findIndex((m) => m.agentId === q.lastAgentId);
      const after = cands.find((x) => x.idx > last);
      return (after ?? cands[0]).a;
    }
  }
}
