import { AbandonLedger } from './abandon-ledger';
import { DriftingRate, DurationEstimate } from './duration-estimate';
import { Pacer, PacingObservation, PacingSnapshot, progressiveCount, staffed } from './pacer';

export interface PredictiveOptions {
  /** Abandoned ÷ answered-by-a-person must stay at or under this over the run and over the rolling window. */
  abandonCap: number;
  /** Fraction of the cap kept in reserve: the controller steers to cap × (1 − margin). */
  capMargin: number;
  /** Rolling window of the regulation (30 days US, 24 h UK). */
  windowSeconds: number;
  /** Look-ahead horizons (s) at which expected answers are weighed against expected free agents. */
  horizons: number[];
  /** An agent freed this long after an answer still takes the call (the abandon limit is 2 s). */
  graceSeconds: number;
  /** Below this many staffed agents the statistics are too lumpy: stay progressive. */
  minStaffed: number;
  /** Person-answered calls to observe before over-dialing at all. */
  warmupAnswers: number;
  /** Starting value of the target: the highest abandon probability accepted for one more call. */
  initialTarget: number;
  /** Feedback gain (log scale): an abandon lowers the target by about this factor, an answer raises it by gain × goal. */
  gain: number;
  targetMin: number;
  targetMax: number;
  maxCallsPerTick: number;
  /** Headroom (abandons still allowed under the cap) below which the target is scaled down proportionally. */
  headroomAbandons: number;
  /** Up to this many dials in flight plus busy agents, distributions are exact; beyond, normal approximations. */
  exactLimit: number;
  /** Half-life of the answer-rate estimate (it drifts through the day). */
  answerHalfLifeSeconds: number;
  /** Priors (generic guesses; the estimates move to the data within a few dozen calls). */
  prior: { humanAnswer: number; ringToHuman: number; otherEnd: number; talk: number; wrap: number };
}

export const defaultPredictiveOptions: PredictiveOptions = {
  abandonCap: 0.03,
  capMargin: 0.1,
  windowSeconds: 24 * 3600,
  horizons: [3, 6, 9, 12, 16, 22],
  graceSeconds: 2,
  minStaffed: 3,
  warmupAnswers: 20,
  initialTarget: 0.02,
  gain: 0.15,
  targetMin: 0.003,
  targetMax: 0.5,
  maxCallsPerTick: 200,
  exactLimit: 120,
  headroomAbandons: 6,
  answerHalfLifeSeconds: 1800,
  prior: { humanAnswer: 0.2, ringToHuman: 10, otherEnd: 15, talk: 120, wrap: 20 },
};

/** Standard normal pdf and cdf (Abramowitz-Stegun 7.1.26 for erf, error < 1.5e-7). */
function phi(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}
function Phi(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/**
 * Distribution of a sum of independent Bernoullis (index = count), convolved in place so the pacer allocates nothing
 * per call; the far tail below 1e-13 is dropped so long lists of small chances stay short.
 */
export class CountDistribution {
  pmf: Float64Array;
  length = 1;

  constructor(probs: readonly number[] = [], capacity = 16) {
    this.pmf = new Float64Array(Math.max(capacity, probs.length + 2));
    this.pmf[0] = 1;
    for (const p of probs) this.add(p);
  }

  add(p: number): void {
    if (this.length + 1 > this.pmf.length) {
      const grown = new Float64Array(this.pmf.length * 2);
      grown.set(this.pmf);
      this.pmf = grown;
    }
    const a = this.pmf;
    const n = this.length;
    a[n] = a[n - 1] * p;
    for (let j = n - 1; j > 0; j--) a[j] = a[j] * (1 - p) + a[j - 1] * p;
    a[0] *= 1 - p;
    let len = n + 1;
    while (len > 1 && a[len - 1] < 1e-13) len--;
    this.length = len;
  }

  /** P(count = j). */
  at(j: number): number {
    return j < this.length ? this.pmf[j] : 0;
  }
}

/** E[max(0, D)] for D normal(mu, sd²): the expected number of answers finding no agent. */
export function expectedExcess(mu: number, variance: number): number {
  if (variance <= 1e-12) return Math.max(0, mu);
  const sd = Math.sqrt(variance);
  const z = mu / sd;
  return sd * phi(z) + mu * Phi(z);
}

/**
 * Predictive pacing. Each tick, for several look-ahead horizons h, it estimates:
 *  - the answers by a person within h: calls waiting for an agent, plus each dial in flight with its probability of
 *    a person answering within h GIVEN it has rung e seconds without resolving, plus p·F_ring(h) per new call;
 *  - the agents free within h (+2 s grace): ready agents, plus each busy agent's probability of finishing talk and
 *    wrap-up within h GIVEN the talk (or wrap-up) time already elapsed (the hazard of the observed distributions).
 * Both are sums of independent Bernoullis (counted exactly for small teams, normally approximated for large ones).
 * One more call, if a person answers it at horizon h, is abandoned when the answers before it already use up the
 * agents free by then: P(X_h >= Y_h). Averaged over when a person answers (the ring-time distribution), that is the
 * call's marginal abandon probability. It keeps adding calls while that stays under a target — a Lagrangian price
 * for abandons, set by integral feedback from the measured abandon rate (goal: cap × (1 − margin)) and scaled down
 * when few abandons of headroom are left — and while the PROJECTED ratio (abandons so far + expected abandons of
 * the calls out + of the new ones, over answers so far + expected answers) stays at or under the cap, over the run
 * and over the rolling window. Over the cap, with too few agents, or before enough answers were seen, it is
 * progressive; it never places fewer calls than progressive would.
 */
export class PredictivePacer implements Pacer {
  readonly mode = 'predictive' as const;
  readonly opts: PredictiveOptions;
  readonly ledger: AbandonLedger;
  readonly humanRate: DriftingRate;
  readonly ringToHuman: DurationEstimate;
  readonly otherEnd: DurationEstimate;
  readonly talk: DurationEstimate;
  readonly wrap: DurationEstimate;
  /** Last decision's details, for dashboards and tests. */
  last = { target: 0, humanRate: 0, reason: 'init' as string, count: 0 };
  private logTarget: number;
  /** Last look-ahead (expected answers and free agents per horizon), for dashboards and tests. */
  model?: { xMu: Float64Array; yMu: Float64Array; k: number; pis: number[] };

  constructor(opts: Partial<PredictiveOptions> = {}, ledger?: AbandonLedger) {
    this.opts = { ...defaultPredictiveOptions, ...opts, prior: { ...defaultPredictiveOptions.prior, ...opts.prior } };
    const p = this.opts.prior;
    this.ledger = ledger ?? new AbandonLedger(this.opts.windowSeconds);
    this.humanRate = new DriftingRate(p.humanAnswer, 20, this.opts.answerHalfLifeSeconds);
    this.ringToHuman = new DurationEstimate({ priorMean: p.ringToHuman, step: 0.25, max: 180, window: 1000 });
    this.otherEnd = new DurationEstimate({ priorMean: p.otherEnd, step: 0.25, max: 180, window: 3000 });
    this.talk = new DurationEstimate({ priorMean: p.talk, step: 2, max: 7200, window: 1000 });
    this.wrap = new DurationEstimate({ priorMean: p.wrap, step: 0.5, max: 1800, window: 1000 });
    this.logTarget = Math.log(this.opts.initialTarget);
  }

  observe(o: PacingObservation): void {
    switch (o.kind) {
      case 'dial-resolved':
        this.humanRate.add(o.at, o.human);
        (o.human ? this.ringToHuman : this.otherEnd).add(o.seconds);
        return;
      case 'talk-ended':
        this.talk.add(o.seconds);
        return;
      case 'wrap-ended':
        this.wrap.add(o.seconds);
        return;
      case 'connected':
        this.ledger.record(o.at, false);
        // Answers while held to progressive say nothing about the target: counting them would let the target climb
        // during the hold and make the next predictive spell abandon in a burst.
        if (this.last.reason === 'predictive') this.feedback(false);
        return;
      case 'abandoned':
        this.ledger.record(o.at, true);
        this.feedback(true);
        return;
    }
  }

  /**
   * The target for one more call's abandon probability. An integral controller on the log scale: every person
   * answer raises it a little, every abandon lowers it a lot, balancing exactly when abandons run at cap × (1 −
   * margin). Bounds keep a quiet spell from winding it up into a burst.
   */
  target(_now: number): number {
    return Math.exp(this.logTarget);
  }

  private feedback(abandoned: boolean): void {
    const o = this.opts;
    const goal = o.abandonCap * (1 - o.capMargin);
    this.logTarget += abandoned ? -o.gain * (1 - goal) : o.gain * goal;
    this.logTarget = Math.max(Math.log(o.targetMin), Math.min(Math.log(o.targetMax), this.logTarget));
  }

  decide(s: PacingSnapshot): number {
    const o = this.opts;
    const progressive = progressiveCount(s);
    const done = (reason: string, count: number): number => {
      this.last = { ...this.last, reason, count };
      return count;
    };
    if (staffed(s) < o.minStaffed) return done('few-agents', progressive);
    if (this.ledger.answered < o.warmupAnswers) return done('warm-up', progressive);
    const w = this.ledger.window(s.now);
    const cap = o.abandonCap;
    if (this.ledger.abandoned > cap * this.ledger.answered || w.abandoned > cap * w.answered) {
      return done('over-cap', progressive);
    }
    const headroom = Math.min(cap * this.ledger.answered - this.ledger.abandoned, cap * w.answered - w.abandoned);
    const target = this.target(s.now);
    const p = this.humanRate.value();
    this.last.humanRate = p;
    const best = this.bestCount(s, p, target, cap, w, headroom);
    return done('predictive', Math.min(o.maxCallsPerTick, Math.max(progressive, best)));
  }

  private bestCount(
    s: PacingSnapshot,
    p: number,
    target: number,
    cap: number,
    w: { answered: number; abandoned: number },
    headroom: number,
  ): number {
    const o = this.opts;
    const hs = o.horizons;
    const H = hs.length;
    const xMu = new Float64Array(H).fill(s.waiting);
    const xVar = new Float64Array(H);
    const yMu = new Float64Array(H).fill(s.ready);
    const yVar = new Float64Array(H);
    // Small teams: the counts are small integers and a normal approximation misjudges exactly the tails that make
    // abandons, so the distributions are computed exactly (Poisson-binomial) while that stays cheap.
    const exact = s.dialingElapsed.length + s.talkingElapsed.length + s.wrapElapsed.length + s.reserved <= o.exactLimit;
    const xProbs: number[][] = hs.map(() => []);
    const yProbs: number[][] = hs.map(() => []);
    const addCall = (r: number, i: number): void => {
      xMu[i] += r;
      xVar[i] += r * (1 - r);
      if (exact && r > 1e-9) xProbs[i].push(r);
    };
    const addAgent = (q: number, i: number): void => {
      yMu[i] += q;
      yVar[i] += q * (1 - q);
      if (exact && q > 1e-9) yProbs[i].push(q);
    };

    // Dials in flight: P(person answers within h | unresolved after e seconds).
    for (const e of s.dialingElapsed) {
      const fe = this.ringToHuman.cdf(e);
      const alive = p * (1 - fe) + (1 - p) * (1 - this.otherEnd.cdf(e));
      if (alive <= 1e-9) continue;
      for (let i = 0; i < H; i++) addCall(Math.min(1, (p * (this.ringToHuman.cdf(e + hs[i]) - fe)) / alive), i);
    }

    // Busy agents: P(talk + wrap-up over within h + grace | talk elapsed a). Wrap-up taken at four quantiles.
    const wq = [0.125, 0.375, 0.625, 0.875].map((u) => this.wrap.quantile(u));
    const meanTalk = this.talk.mean();
    const talking = (a: number): void => {
      const fa = this.talk.cdf(a);
      const surv = 1 - fa;
      for (let i = 0; i < H; i++) {
        const span = hs[i] + o.graceSeconds;
        let q = 0;
        for (const wv of wq) {
          if (span <= wv) continue;
          // Past the table the talk is in its far tail: assume it ends at the mean rate.
          q += surv > 1e-9 ? (this.talk.cdf(a + span - wv) - fa) / surv : 1 - Math.exp(-(span - wv) / meanTalk);
        }
        addAgent(Math.min(1, Math.max(0, q / wq.length)), i);
      }
    };
    for (const a of s.talkingElapsed) talking(a);
    for (let r = 0; r < s.reserved; r++) talking(0);
    for (const we of s.wrapElapsed) {
      const fw = this.wrap.cdf(we);
      const surv = 1 - fw;
      for (let i = 0; i < H; i++) {
        const q = surv > 1e-9 ? (this.wrap.cdf(we + hs[i] + o.graceSeconds) - fw) / surv : 1;
        addAgent(Math.min(1, Math.max(0, q)), i);
      }
    }
    const xPmf = exact ? xProbs.map((ps) => new CountDistribution(ps, ps.length + 64)) : [];
    // P(Y <= y), with Y shifted by the ready agents.
    const yCdf = exact
      ? yProbs.map((ps) => {
          const d = new CountDistribution(ps);
          const c = d.pmf.subarray(0, d.length);
          for (let j = 1; j < c.length; j++) c[j] += c[j - 1];
          return c;
        })
      : [];
    const noAgent = (i: number, k: number): number => {
      if (!exact) {
        const mu = xMu[i] + k * rn[i] - yMu[i];
        const v = xVar[i] + k * rn[i] * (1 - rn[i]) + yVar[i];
        return v > 1e-12 ? Phi((mu + 0.5) / Math.sqrt(v)) : mu + 0.5 > 0 ? 1 : 0;
      }
      // P(X >= Y) = sum over x of P(X = x) P(Y <= x), X counting the waiting calls, Y the ready agents.
      const px = xPmf[i].pmf;
      const n = xPmf[i].length;
      const cy = yCdf[i];
      let sum = 0;
      for (let x = Math.max(0, s.ready - s.waiting); x < n; x++) {
        const y = x + s.waiting - s.ready;
        sum += px[x] * (y >= cy.length ? 1 : cy[y]);
      }
      return sum;
    };

    // Weight of each horizon: the share of person answers that arrive in its slice of ring time.
    const fr = hs.map((h) => this.ringToHuman.cdf(h));
    const total = Math.max(1e-9, fr[H - 1]);
    const weights = fr.map((f, i) => (f - (i > 0 ? fr[i - 1] : 0)) / total);
    const rn = fr.map((f) => p * f);
    const rAnswer = p * fr[H - 1];

    // Near the cap (few abandons of headroom left once the calls already out have done their expected damage;
    // typically early in the day when counts are small) the target shrinks in proportion, so the run glides toward
    // the cap instead of crossing it and stalling in progressive.
    const committed = expectedExcess(xMu[H - 1] - yMu[H - 1], xVar[H - 1] + yVar[H - 1]);
    target *= Math.min(1, Math.max(0, (headroom - committed) / o.headroomAbandons));
    this.last.target = target;

    let expectedAbandons = committed;
    const pis: number[] = [];
    let k = 0;
    while (k < o.maxCallsPerTick) {
      // The next call, answered at horizon h, finds no agent when the answers before it (waiting calls, dials in
      // flight, the k new calls placed before it) already match the agents free by then: P(X_h - Y_h >= 0).
      let pi = 0;
      for (let i = 0; i < H; i++) if (weights[i] > 0) pi += weights[i] * noAgent(i, k);
      if (pi > target) break;
      // Conservative when the budget is tight: the projected ratio, with the new calls' expected abandons, stays
      // under the cap over the run and over the rolling window. (The margin below the cap is the target's job: a
      // hard check at the margin would hold calls back and then release them in a burst.)
      const ab = expectedAbandons + pi * rAnswer;
      const ans = xMu[H - 1] + (k + 1) * rAnswer;
      if (this.ledger.abandoned + ab > cap * (this.ledger.answered + ans)) break;
      if (w.abandoned + ab > cap * (w.answered + ans)) break;
      expectedAbandons = ab;
      pis.push(pi);
      k++;
      if (exact) for (let i = 0; i < H; i++) xPmf[i].add(rn[i]);
    }
    const best = k;
    this.model = { xMu, yMu, k, pis };
    return Math.max(0, best);
  }
}
