/**
 * Estimated wait from the queue's state, not from past waits: the caller at position p is served at the p-th
 * "advance" of the line, where an advance is an agent finishing (each busy agent at a rate given by its own
 * remaining handle time, then at the mean handle rate) or a caller ahead giving up. The expected time of the p-th
 * advance is accumulated step by step with the expected mix of agents that have already finished once (a mean-field
 * version of the order statistics; exact for exponential handle times without abandonment).
 */

export interface EwtAgent {
  /** Free right now (takes the first caller at once). */
  idle: boolean;
  /** Seconds since the agent's current call (talk + wrap-up) started; ignored when idle. */
  busyElapsedSeconds: number;
  /** Share of the agent's capacity that serves this queue (1 when the agent is in this queue only). */
  share?: number;
}

export interface EwtInput {
  /** 1-based position in line. */
  position: number;
  agents: readonly EwtAgent[];
  handle: HandleTimeModel;
  /** Rate (per second) at which each caller ahead leaves without being served; 0 ignores abandonment. */
  abandonRatePerSecond?: number;
  /**
   * Rate (per second) of callers who arrive with a higher priority and go ahead of this caller (VIPs): each one
   * adds an advance the caller must wait for, so they slow the line's advance by that rate.
   */
  priorityArrivalsPerSecond?: number;
  /**
   * `median` (default) announces the middle of the wait distribution (half the callers wait less), which is also
   * the figure with the smallest mean absolute error; `mean` the expected wait.
   */
  statistic?: 'mean' | 'median';
}

export interface HandleTimeModel {
  mean(): number;
  /** Expected remaining time of a call that has lasted `elapsed` seconds. */
  meanResidual(elapsed: number): number;
}

export function estimateWaitSeconds(i: EwtInput): number {
  const share = (a: EwtAgent): number => (a.share == null ? 1 : Math.max(0, Math.min(1, a.share)));
  let idle = 0;
  const busy: { r1: number; r2: number; q: number }[] = [];
  const h = Math.max(1e-3, i.handle.mean());
  for (const a of i.agents) {
    const s = share(a);
    if (s <= 0) continue;
    if (a.idle) {
      idle += s;
      continue;
    }
    const res = Math.max(1e-3, i.handle.meanResidual(a.busyElapsedSeconds));
    busy.push({ r1: s / res, r2: s / h, q: 1 });
  }
  // Idle agents take the first callers at once (fractional shares round down).
  const p = i.position - Math.floor(idle + 1e-9);
  if (p <= 0) return 0;
  if (busy.length === 0) return Infinity;
  const theta = i.abandonRatePerSecond ?? 0;
  const vip = Math.max(0, i.priorityArrivalsPerSecond ?? 0);
  let t = 0;
  let variance = 0;
  for (let step = 1; step <= p; step++) {
    let depart = 0;
    for (const b of busy) depart += b.q * b.r1 + (1 - b.q) * b.r2;
    const ahead = p - step;
    const gross = depart + theta * ahead;
    const rate = gross - vip;
    // Priority callers arrive as fast as the line moves: no finite estimate.
    if (!(rate > 1e-9)) return Infinity;
    t += 1 / rate;
    variance += 1 / (rate * rate);
    // Expected share of this advance that was some agent's first finish.
    for (const b of busy) b.q -= (b.q * b.r1) / gross;
  }
  if (i.statistic === 'mean') return t;
  // The wait is a sum of exponential stages: its median by a gamma of the same mean and variance (Wilson-Hilferty).
  const shape = (t * t) / variance;
  return t * Math.max(0, 1 - 1 / (9 * shape)) ** 3;
}

/**
 * The recent handle times (talk + wrap-up), kept sorted with suffix sums so that the mean residual life at any
 * elapsed time is a binary search: for exponential handle times it stays at the mean, for long-tailed ones it
 * grows with the elapsed time, for near-constant ones it shrinks.
 */
export class HandleTimeStats implements HandleTimeModel {
  private readonly ring: number[] = [];
  private sorted: number[] = [];
  private suffix: number[] = [0];
  private next = 0;
  private dirty = false;

  constructor(
    private readonly capacity = 500,
    private readonly prior = 180,
    private readonly minSamples = 10,
  ) {}

  add(seconds: number): void {
    if (!(seconds >= 0)) return;
    if (this.ring.length < this.capacity) this.ring.push(seconds);
    else {
      this.sorted.splice(this.lowerBound(this.ring[this.next]), 1);
      this.ring[this.next] = seconds;
    }
    this.next = (this.next + 1) % this.capacity;
    this.sorted.splice(this.lowerBound(seconds), 0, seconds);
    this.dirty = true;
  }

  get count(): number {
    return this.ring.length;
  }

  private lowerBound(x: number): number {
    const s = this.sorted;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private refresh(): void {
    if (!this.dirty) return;
    const n = this.sorted.length;
    this.suffix = new Array<number>(n + 1);
    this.suffix[n] = 0;
    for (let k = n - 1; k >= 0; k--) this.suffix[k] = this.suffix[k + 1] + this.sorted[k];
    this.dirty = false;
  }

  mean(): number {
    if (this.ring.length < this.minSamples) return this.prior;
    this.refresh();
    return this.suffix[0] / this.sorted.length;
  }

  meanResidual(elapsed: number): number {
    if (this.ring.length < this.minSamples) return Math.max(this.prior - elapsed, this.prior / 4);
    this.refresh();
    const s = this.sorted;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid] <= elapsed) lo = mid + 1;
      else hi = mid;
    }
    const n = s.length - lo;
    // Past every observed call: assume it ends in about a tenth of the mean.
    if (n < 3) return Math.max(1, this.mean() / 10);
    return this.suffix[lo] / n - elapsed;
  }
}

/**
 * What app_queue announces: an exponential moving average of past hold times (new = (3 × old + last) ÷ 4), the
 * same for every caller whatever their position. Kept as the benchmark's baseline.
 */
export class MovingAverageWait {
  private value = 0;
  private seen = false;

  observe(waitSeconds: number): void {
    this.value = this.seen ? (3 * this.value + waitSeconds) / 4 : waitSeconds;
    this.seen = true;
  }

  estimate(): number {
    return this.value;
  }
}
