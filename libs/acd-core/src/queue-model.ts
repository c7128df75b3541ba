/** The ACD's vocabulary, free of I/O: queues, agents as the router sees them, and callers waiting. */

export const ROUTING_STRATEGIES = [
  'longest-idle',
  'round-robin',
  'fewest-calls',
  'random',
  'linear',
  'skills-based',
  'ring-all',
] as const;
/**
 * `round-robin` remembers the last agent per queue; `linear` offers in membership order (penalty, then join order);
 * `skills-based` prefers the best match on the required skills; `ring-all` is longest idle here (our agents are
 * already on the line, there is nothing to ring).
 */
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number];

/** One relaxation step: after the caller has waited `afterSeconds`, lower every required level by `lowerBy` and/or drop skills. */
export interface RelaxationStep {
  afterSeconds: number;
  lowerBy?: number;
  drop?: string[];
}

export interface QueueDef {
  id: string;
  strategy: RoutingStrategy;
  /** skill → minimum level */
  requiredSkills: Record<string, number>;
  relaxation: RelaxationStep[];
  /** Weight against other queues for shared agents (higher wins at equal relative wait). Default 1. */
  weight: number;
  /** Service-level threshold T (seconds): waits are compared across queues relative to it. */
  targetSeconds: number;
}

export interface Membership {
  queueId: string;
  /** Lower is offered first (app_queue's penalty); ties by join order. */
  penalty: number;
}

export interface AgentDef {
  id: string;
  skills: Record<string, number>;
  memberships: Membership[];
}

export interface Caller {
  id: string;
  queueId: string;
  /** Epoch ms the caller entered the queue (kept across overflow to a queue? no: per queue). */
  enteredAt: number;
  /** 0 normal; higher jumps the line inside the queue (VIP numbers, an IVR choice). */
  priority: number;
  /** A kept place: the caller hung up and waits for a callback when they reach the front. */
  callback?: boolean;
}

/** Required levels after `waitedSeconds` of relaxation. Levels at or below 0 no longer constrain. */
export function relaxedRequirements(
  q: Pick<QueueDef, 'requiredSkills' | 'relaxation'>,
  waitedSeconds: number,
): Record<string, number> {
  let lower = 0;
  const dropped = new Set<string>();
  for (const step of q.relaxation) {
    if (waitedSeconds < step.afterSeconds) continue;
    lower += step.lowerBy ?? 0;
    for (const s of step.drop ?? []) dropped.add(s);
  }
  const out: Record<string, number> = {};
  for (const [skill, level] of Object.entries(q.requiredSkills)) {
    if (dropped.has(skill)) continue;
    const l = level - lower;
    if (l > 0) out[skill] = l;
  }
  return out;
}

export function meetsRequirements(skills: Record<string, number>, required: Record<string, number>): boolean {
  for (const skill in required) {
    if ((skills[skill] ?? 0) < required[skill]) return false;
  }
  return true;
}

/** Sum of the agent's levels on the queue's skills (for `skills-based`). */
export function skillScore(skills: Record<string, number>, required: Record<string, number>): number {
  let s = 0;
  for (const skill in required) s += skills[skill] ?? 0;
  return s;
}

/** The next relaxation moment after `waitedSeconds` (to schedule a re-evaluation), or undefined. */
export function nextRelaxationAt(q: Pick<QueueDef, 'relaxation'>, waitedSeconds: number): number | undefined {
  let best: number | undefined;
  for (const step of q.relaxation) {
    if (step.afterSeconds > waitedSeconds && (best === undefined || step.afterSeconds < best)) best = step.afterSeconds;
  }
  return best;
}
