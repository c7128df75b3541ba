/**
 * Estimated wait from the queue's state, not from past waits. The caller at position p is served at the p-th
 * "advance" of the line: an agent who finishes a call and takes this queue's next caller, or a caller ahead who gives
 * up. The estimator rolls the queue forward many times from the present state (a Monte-Carlo estimate of the wait's
 * conditional distribution) and announces the median of those futures:
 * - each busy agent finishes after a remaining time drawn from the learned handle-time distribution conditional on
 *   the call having lasted its elapsed time so far (near-constant handle times give near-certain remaining times,
 *   long-tailed ones give long remaining times to calls that already lasted long);
 * - an agent then takes a new call, this queue's with probability equal to its share of this queue's work, whose
 *   length is drawn from the same distribution;
 * - each caller ahead gives up at the abandonment rate, priority callers arrive and go ahead at their rate.
 * The draws come from a small seeded generator, so the same state always gives the same answer.
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
  /** Simulated futures (default 19; a prime keeps the lattice below evenly spread). */
  samples?: number;
  /** Seed of the generator that draws the futures (default fixed: the same state gives the same estimate). */
  seed?: number;
}

/** What the estimator needs to know about handle times (talk + wrap-up). */
export interface HandleTimeModel {
  mean(): number;
  /** The handle time at quantile `u` ∈ [0, 1) of the distribution: `quantile(random())` draws a new call's length. */
  quantile(u: number): number;
  /**
   * The remaining-time law of a call that has lasted `elapsed` seconds, as a quantile function `u` ∈ [0, 1) →
   * seconds (built once per agent and estimate, then drawn from many times).
   */
  residual(elapsed: number): (u: number) => number;
}

/** Exponential handle times of the given mean: memoryless, so every call's remaining time has that same law. */
export function exponentialHandleTimes(mean: number): HandleTimeModel {
  const q = (u: number): number => -mean * Math.log(1 - u);
  return { mean: () => mean, quantile: q, residual: () => q };
}

const DEFAULT_SAMPLES = 19;
const DEFAULT_SEED = 0x5eed_ca11;

function gcd(a: number, b: number): number {
  while (b) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** mulberry32: tiny, fast and good enough to draw futures. */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function estimateWaitSeconds(i: EwtInput): number {
  const p = Math.max(1, Math.floor(i.position));
  const h = i.handle;
  const shares: number[] = [];
  const residuals: (((u: number) => number) | null)[] = [];
  let whollyIdle = 0;
  let capacity = 0;
  for (const a of i.agents) {
    const s = a.share == null ? 1 : Math.max(0, Math.min(1, a.share));
    if (!(s > 0)) continue;
    if (a.idle && s >= 1) whollyIdle++;
    shares.push(s);
    residuals.push(a.idle ? null : h.residual(Math.max(0, a.busyElapsedSeconds)));
    capacity += s;
  }
  // Idle agents who serve only this queue take the first callers at once.
  if (p <= whollyIdle) return 0;
  const n = shares.length;
  if (n === 0) return Infinity;
  const theta = Math.max(0, i.abandonRatePerSecond ?? 0);
  const vip = Math.max(0, i.priorityArrivalsPerSecond ?? 0);
  // Priority callers arrive at least as fast as the agents can serve: the caller's turn never comes (on average).
  if (vip > 0 && vip >= capacity / Math.max(1e-9, h.mean())) return Infinity;
  const k = Math.max(1, Math.floor(i.samples ?? DEFAULT_SAMPLES));
  const next = generator(i.seed ?? DEFAULT_SEED);
  // The futures' random numbers form a randomly shifted lattice: the d-th number drawn in future r is
  // frac(r × g_d ÷ k + shift_d). Each future on its own is an independent uniform draw (the shifts are uniform), but
  // across the k futures each number is spread evenly over [0, 1), one in each k-th (g_d is prime to k): the median
  // of k such futures is as steady as that of several times more independent ones.
  const step: number[] = [];
  const shift: number[] = [];
  const dimension = (): void => {
    let g = 1 + Math.floor(next() * (k - 1));
    while (k > 1 && gcd(g, k) !== 1) g = g === k - 1 ? 1 : g + 1;
    step.push(g / k);
    shift.push(next());
  };
  // The first n numbers of every future are the agents' remaining times.
  for (let j = 0; j < n; j++) dimension();
  // A future that has not reached the caller after this many events is counted as "never" (only near the VIP limit).
  const maxEvents = 200 * (p + n) + 10_000;
  const waits = new Float64Array(k);
  // Binary min-heap of each agent's next finish time.
  const at = new Float64Array(n);
  const who = new Int32Array(n);
  const siftDown = (from: number): void => {
    let x = from;
    const t = at[x];
    const w = who[x];
    for (;;) {
      let c = 2 * x + 1;
      if (c >= n) break;
      if (c + 1 < n && at[c + 1] < at[c]) c++;
      if (at[c] >= t) break;
      at[x] = at[c];
      who[x] = who[c];
      x = c;
    }
    at[x] = t;
    who[x] = w;
  };
  for (let r = 0; r < k; r++) {
    let d = n;
    const random = (): number => {
      if (d === step.length) dimension();
      const u = r * step[d] + shift[d];
      d++;
      return u - Math.floor(u);
    };
    for (let j = 0; j < n; j++) {
      const res = residuals[j];
      if (res === null) at[j] = 0;
      else {
        const u = r * step[j] + shift[j];
        at[j] = res(u - Math.floor(u));
      }
      who[j] = j;
    }
    for (let j = (n >> 1) - 1; j >= 0; j--) siftDown(j);
    let need = p;
    let now = 0;
    let wait = Infinity;
    for (let e = 0; e < maxEvents; e++) {
      // Callers ahead giving up and priority callers arriving compete with the next finish (memoryless, so they
      // are drawn afresh after each event).
      const other = theta * (need - 1) + vip;
      if (other > 0) {
        const t = now - Math.log(1 - random()) / other;
        if (t < at[0]) {
          now = t;
          if (random() * other < vip) need++;
          else need--;
          continue;
        }
      }
      now = at[0];
      const s = shares[who[0]];
      if (s >= 1 || random() < s) {
        need--;
        if (need === 0) {
          wait = now;
          break;
        }
      }
      at[0] = now + h.quantile(random());
      siftDown(0);
    }
    waits[r] = wait;
  }
  if (i.statistic === 'mean') {
    let sum = 0;
    for (let x = 0; x < k; x++) sum += waits[x];
    return sum / k;
  }
  waits.sort();
  return k % 2 === 1 ? waits[(k - 1) / 2] : (waits[k / 2 - 1] + waits[k / 2]) / 2;
}

/**
 * The recent handle times (talk + wrap-up), kept sorted with suffix sums: a new call's length is drawn from them, and
 * the remaining time of a call that has lasted `elapsed` seconds from those longer than `elapsed` (for exponential
 * handle times that stays the same law, for long-tailed ones it grows with the elapsed time, for near-constant ones
 * it shrinks to almost nothing). Below `minSamples` it assumes exponential handle times of mean `prior`.
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

  /** Index of the first sample longer than `x`. */
  private upperBound(x: number): number {
    const s = this.sorted;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s[mid] <= x) lo = mid + 1;
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

  private learned(): boolean {
    return this.ring.length >= this.minSamples;
  }

  mean(): number {
    if (!this.learned()) return this.prior;
    this.refresh();
    return this.suffix[0] / this.sorted.length;
  }

  quantile(u: number): number {
    if (!this.learned()) return -this.prior * Math.log(1 - u);
    const s = this.sorted;
    return s[Math.min(s.length - 1, Math.floor(u * s.length))];
  }

  residual(elapsed: number): (u: number) => number {
    if (!this.learned()) {
      const prior = this.prior;
      return (u) => -prior * Math.log(1 - u);
    }
    const s = this.sorted;
    const lo = this.upperBound(elapsed);
    const m = s.length - lo;
    if (m >= 3) return (u) => s[lo + Math.min(m - 1, Math.floor(u * m))] - elapsed;
    // Longer than (almost) every call seen: ends after an exponential time of the tail's mean excess.
    const tail = this.tailExcess();
    return (u) => -tail * Math.log(1 - u);
  }

  /** Mean of the longest twentieth of the samples above the sample just below them (at least 1 s). */
  private tailExcess(): number {
    this.refresh();
    const n = this.sorted.length;
    const k = Math.min(n - 1, Math.max(3, Math.ceil(n / 20)));
    if (k <= 0) return Math.max(1, this.mean() / 10);
    return Math.max(1, this.suffix[n - k] / k - this.sorted[n - k - 1]);
  }

  /** Expected remaining time of a call that has lasted `elapsed` seconds. */
  meanResidual(elapsed: number): number {
    if (!this.learned()) return this.prior;
    this.refresh();
    const lo = this.upperBound(elapsed);
    const n = this.sorted.length - lo;
    if (n < 3) return this.tailExcess();
    return this.suffix[lo] / n - elapsed;
  }
}

/**
 * The rate at which each waiting caller gives up, learned as for exponential patience: give-ups ÷ seconds waited (by
 * everyone who left the line, served or not). The oldest observations fade (each new one weighs `1 ÷ window`), and
 * `priorSeconds` of waiting without a give-up keep the first few give-ups from making the rate jump.
 */
export class AbandonmentRate {
  private gaveUp = 0;
  private waited = 0;

  constructor(
    private readonly window = 500,
    private readonly priorSeconds = 600,
  ) {}

  private observe(waitSeconds: number, gaveUp: number): void {
    const keep = 1 - 1 / this.window;
    this.gaveUp = this.gaveUp * keep + gaveUp;
    this.waited = this.waited * keep + Math.max(0, waitSeconds);
  }

  served(waitSeconds: number): void {
    this.observe(waitSeconds, 0);
  }

  abandoned(waitSeconds: number): void {
    this.observe(waitSeconds, 1);
  }

  /** Per second. */
  rate(): number {
    return this.gaveUp / (this.waited + this.priorSeconds);
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
