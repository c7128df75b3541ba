/**
 * An empirical distribution of a duration (seconds) over a sliding window of the latest observations, blended with
 * an exponential prior worth `priorWeight` observations, so that it is usable from the first call and follows drift.
 * The CDF is tabulated on a grid and rebuilt every few observations: the pacer reads it hundreds of times per tick.
 */
export interface DurationEstimateOptions {
  priorMean: number;
  priorWeight?: number;
  /** Observations kept. */
  window?: number;
  /** Grid step and extent of the tabulated CDF (seconds); beyond `max` the CDF is 1. */
  step?: number;
  max?: number;
  rebuildEvery?: number;
}

export class DurationEstimate {
  private readonly samples: number[] = [];
  private next = 0;
  private table: Float64Array;
  private dirty = 0;
  private sum = 0;
  readonly step: number;
  readonly max: number;
  private readonly opts: Required<DurationEstimateOptions>;

  constructor(opts: DurationEstimateOptions) {
    this.opts = { priorWeight: 10, window: 2000, step: 1, max: 3600, rebuildEvery: 50, ...opts };
    this.step = this.opts.step;
    this.max = this.opts.max;
    this.table = new Float64Array(Math.ceil(this.max / this.step) + 1);
    this.rebuild();
  }

  get count(): number {
    return this.samples.length;
  }

  add(seconds: number): void {
    const x = Math.max(0, seconds);
    if (this.samples.length < this.opts.window) {
      this.samples.push(x);
    } else {
      this.sum -= this.samples[this.next];
      this.samples[this.next] = x;
      this.next = (this.next + 1) % this.opts.window;
    }
    this.sum += x;
    // Early on every observation counts; later a full window changes little per sample, so rebuild less often.
    const every = Math.max(this.opts.rebuildEvery, this.samples.length / 20);
    if (++this.dirty >= every || this.samples.length <= this.opts.rebuildEvery) this.rebuild();
  }

  mean(): number {
    const n = this.samples.length;
    const w = this.opts.priorWeight;
    return (this.sum + w * this.opts.priorMean) / (n + w);
  }

  /** P(X <= x), linear between grid points. */
  cdf(x: number): number {
    if (x <= 0) return 0;
    const pos = x / this.step;
    const i = Math.floor(pos);
    if (i >= this.table.length - 1) return 1;
    const f = pos - i;
    return this.table[i] * (1 - f) + this.table[i + 1] * f;
  }

  /** Inverse CDF by bisection on the table (used rarely: to pick representative wrap-up times). */
  quantile(u: number): number {
    let lo = 0;
    let hi = this.table.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (this.table[mid] < u) lo = mid;
      else hi = mid;
    }
    return hi * this.step;
  }

  private rebuild(): void {
    this.dirty = 0;
    const sorted = Float64Array.from(this.samples).sort();
    const n = sorted.length;
    const w = this.opts.priorWeight;
    const m = Math.max(1e-9, this.opts.priorMean);
    let j = 0;
    for (let i = 0; i < this.table.length; i++) {
      const x = i * this.step;
      while (j < n && sorted[j] <= x) j++;
      const prior = 1 - Math.exp(-x / m);
      this.table[i] = (j + w * prior) / (n + w);
    }
    this.table[this.table.length - 1] = 1;
  }
}

/** A probability estimated from 0/1 observations with exponential forgetting in time and a prior. */
export class DriftingRate {
  private s = 0;
  private n = 0;
  private last?: number;

  constructor(
    private readonly prior: number,
    private readonly priorWeight: number,
    private readonly halfLifeSeconds: number,
  ) {}

  add(at: number, hit: boolean): void {
    if (this.last != null && at > this.last) {
      const decay = Math.pow(0.5, (at - this.last) / 1000 / this.halfLifeSeconds);
      this.s *= decay;
      this.n *= decay;
    }
    this.last = at;
    this.s += hit ? 1 : 0;
    this.n += 1;
  }

  get weight(): number {
    return this.n;
  }

  value(): number {
    return (this.s + this.prior * this.priorWeight) / (this.n + this.priorWeight);
  }
}
