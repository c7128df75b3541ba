/**
 * Reference queueing formulas, used to check the simulator-driven benchmark and to size the blending reserve.
 * Rates are per second, times in seconds.
 */

/** Erlang B blocking probability for `c` servers and offered load `a` (Erlangs), by the stable recurrence. */
export function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C probability that an arrival waits (M/M/c, no abandonment); 1 when the load is at or above capacity. */
export function erlangC(c: number, a: number): number {
  if (a >= c) return 1;
  const b = erlangB(c, a);
  return (c * b) / (c - a * (1 - b));
}

export interface ErlangCInput {
  /** Arrivals per second. */
  lambda: number;
  /** Mean handle time, seconds. */
  handleSeconds: number;
  agents: number;
  /** Service-level threshold T, seconds. */
  targetSeconds: number;
}

export interface ErlangCResult {
  probWait: number;
  /** Answered within T ÷ offered. */
  serviceLevel: number;
  /** Mean wait of all callers (every caller is answered in M/M/c). */
  asaSeconds: number;
  occupancy: number;
}

export function erlangCMetrics(i: ErlangCInput): ErlangCResult {
  const a = i.lambda * i.handleSeconds;
  const mu = 1 / i.handleSeconds;
  const pw = erlangC(i.agents, a);
  if (a >= i.agents) return { probWait: 1, serviceLevel: 0, asaSeconds: Infinity, occupancy: 1 };
  const drain = i.agents * mu - i.lambda;
  return {
    probWait: pw,
    serviceLevel: 1 - pw * Math.exp(-drain * i.targetSeconds),
    asaSeconds: pw / drain,
    occupancy: a / i.agents,
  };
}

export interface ErlangAInput extends ErlangCInput {
  /** Mean patience (exponential), seconds. */
  patienceSeconds: number;
}

export interface ErlangAResult {
  probWait: number;
  abandonRate: number;
  /** Answered within T ÷ offered (callers who abandon count as not answered within T). */
  serviceLevel: number;
  occupancy: number;
}

/**
 * Erlang A (Palm's M/M/c+M): the birth-death chain on the number in the system, truncated where the tail is
 * negligible. Service level: a caller who finds k others waiting starts service after k+1 advances at rates
 * cμ + jθ (j = callers still ahead) unless their own exponential patience runs out first; the probability of being
 * served within T from each k is integrated with RK4 on that small pure-death chain.
 */
export function erlangAMetrics(i: ErlangAInput): ErlangAResult {
  const { lambda, agents: c } = i;
  const mu = 1 / i.handleSeconds;
  const theta = 1 / i.patienceSeconds;
  const rate = (n: number): number => Math.min(n, c) * mu + Math.max(0, n - c) * theta;
  const p: number[] = [1];
  let total = 1;
  for (let n = 1; ; n++) {
    const v = (p[n - 1] * lambda) / rate(n);
    p.push(v);
    total += v;
    if (n > c && v < total * 1e-14) break;
    if (total > 1e250) {
      for (let k = 0; k < p.length; k++) p[k] /= total;
      total = 1;
    }
  }
  for (let k = 0; k < p.length; k++) p[k] /= total;
  let probWait = 0;
  let abandons = 0;
  let busy = 0;
  for (let n = 0; n < p.length; n++) {
    if (n >= c) probWait += p[n];
    abandons += p[n] * Math.max(0, n - c) * theta;
    busy += p[n] * Math.min(n, c);
  }
  const maxAhead = p.length - c;
  const g = servedWithin(maxAhead, c * mu, theta, i.targetSeconds);
  let sl = 0;
  for (let n = 0; n < c && n < p.length; n++) sl += p[n];
  for (let k = 0; k < maxAhead; k++) sl += p[c + k] * g[k];
  return { probWait, abandonRate: abandons / lambda, serviceLevel: sl, occupancy: busy / c };
}

/** g[j](T): probability a waiting caller with j callers ahead is served within T (own patience rate θ). */
function servedWithin(maxAhead: number, cmu: number, theta: number, T: number): number[] {
  const n = Math.max(1, maxAhead);
  let g = new Array<number>(n).fill(0);
  const deriv = (x: number[]): number[] => {
    const d = new Array<number>(n);
    for (let j = 0; j < n; j++) {
      const next = j === 0 ? 1 : x[j - 1];
      d[j] = (cmu + j * theta) * (next - x[j]) - theta * x[j];
    }
    return d;
  };
  const maxRate = cmu + n * theta + theta;
  const steps = Math.max(200, Math.ceil((T * maxRate) / 0.2));
  const h = T / steps;
  for (let s = 0; s < steps; s++) {
    const k1 = deriv(g);
    const k2 = deriv(g.map((v, j) => v + (h / 2) * k1[j]));
    const k3 = deriv(g.map((v, j) => v + (h / 2) * k2[j]));
    const k4 = deriv(g.map((v, j) => v + h * k3[j]));
    g = g.map((v, j) => v + (h / 6) * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]));
  }
  return g;
}

/** Fewest agents meeting a service level under Erlang C (sizing helper). */
export function agentsForServiceLevel(
  lambda: number,
  handleSeconds: number,
  targetSeconds: number,
  sl: number,
): number {
  let c = Math.max(1, Math.ceil(lambda * handleSeconds));
  while (erlangCMetrics({ lambda, handleSeconds, agents: c, targetSeconds }).serviceLevel < sl) c++;
  return c;
}
