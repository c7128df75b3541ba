import type { Pacer, PacingObservation, PacingSnapshot } from '@app/dialer-core';

export interface ReserveInput {
  /** Agents staffed for both inbound and outbound. */
  agents: number;
  /** Inbound arrivals per second. */
  arrivalRatePerSecond: number;
  /** Mean time an agent stays busy with one call of either kind (talk + wrap-up), seconds. */
  meanBusySeconds: number;
  /** Service-level threshold T, seconds. */
  targetSeconds: number;
  /** Goal: answered within T ÷ offered. */
  targetServiceLevel: number;
  maxReserve?: number;
}

export interface ReserveResult {
  reserve: number;
  /** Inbound service level the model predicts with that reserve. */
  predictedServiceLevel: number;
}

/**
 * The blending reserve: outbound calls are started only while more than `k` agents are idle (the threshold policy
 * of Bhulai and Koole, "A queueing model for call blending in call centers", 2003), with the smallest `k` whose
 * predicted inbound service level meets the goal. Model: with outbound work filling every agent above the
 * threshold, the idle count x (negative: callers waiting) moves up when any busy agent finishes (rate ≈ busy ÷ mean
 * busy time) and down when an inbound call arrives; an arrival that finds x ≤ 0 waits for the next −x+1 finishes.
 */
export function inboundReserve(i: ReserveInput): ReserveResult {
  const maxK = Math.min(i.maxReserve ?? i.agents, i.agents);
  let last: ReserveResult = { reserve: maxK, predictedServiceLevel: 0 };
  for (let k = 0; k <= maxK; k++) {
    const sl = predictedServiceLevel(i, k);
    last = { reserve: k, predictedServiceLevel: sl };
    if (sl >= i.targetServiceLevel) return last;
  }
  return last;
}

export function predictedServiceLevel(i: ReserveInput, k: number): number {
  const lambda = i.arrivalRatePerSecond;
  if (lambda <= 0) return 1;
  const h = Math.max(1e-6, i.meanBusySeconds);
  const up = (x: number): number => (i.agents - Math.max(x, 0)) / h; // finishes per second at idle count x
  const nuFull = i.agents / h;
  if (lambda >= nuFull) return 0;
  // Unnormalised stationary weights from x = k downwards: w(x-1) = w(x) λ / up(x-1).
  const w: { x: number; p: number }[] = [{ x: k, p: 1 }];
  let total = 1;
  for (let x = k - 1; ; x--) {
    const p = (w[w.length - 1].p * lambda) / up(x);
    w.push({ x, p });
    total += p;
    if (x < 0 && p < total * 1e-12) break;
    if (w.length > 100000) break;
  }
  const T = i.targetSeconds;
  let sl = 0;
  for (const { x, p } of w) {
    if (x >= 1) sl += p;
    else sl += p * (1 - erlangTail(-x + 1, nuFull, T));
  }
  return sl / total;
}

/** P(sum of n exponentials of rate r > t) = Σ_{i<n} e^{-rt} (rt)^i / i!. */
function erlangTail(n: number, r: number, t: number): number {
  const m = r * t;
  let term = Math.exp(-m);
  let sum = term;
  for (let i = 1; i < n; i++) {
    term *= m / i;
    sum += term;
  }
  return Math.min(1, sum);
}

/**
 * Wraps the campaign's pacer so that it sees `reserve()` fewer ready agents: the ACD may need them, and the
 * outbound side only gets the rest (counted as paused for the pacer).
 */
export class ReservePacer implements Pacer {
  constructor(
    private readonly inner: Pacer,
    private readonly reserve: () => number,
  ) {}

  get mode(): Pacer['mode'] {
    return this.inner.mode;
  }

  decide(s: PacingSnapshot): number {
    const keep = Math.min(s.ready, Math.max(0, Math.floor(this.reserve())));
    if (keep === 0) return this.inner.decide(s);
    return this.inner.decide({ ...s, ready: s.ready - keep, paused: s.paused + keep });
  }

  observe(o: PacingObservation): void {
    this.inner.observe(o);
  }
}
