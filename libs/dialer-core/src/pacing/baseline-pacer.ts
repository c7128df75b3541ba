import { Pacer, PacingObservation, PacingSnapshot } from './pacer';

export interface BaselineOptions {
  /** Drop (abandon) percentage the day must stay under, as a fraction. */
  dropTarget: number;
  /** Seconds between dial-level adjustments (VICIdial's adapt script runs every 15 s). */
  adjustEverySeconds: number;
  minLevel: number;
  maxLevel: number;
  /** How hard the level reacts to idle agents ("intensity"). */
  stepUp: number;
  stepDown: number;
  /**
   * VICIdial's available_only_ratio_tally: count only ready agents (lines = level × ready, minus calls dialing),
   * instead of ready + on-call agents (lines = level × active, minus every live call).
   */
  availableOnly: boolean;
}

export const defaultBaselineOptions: BaselineOptions = {
  dropTarget: 0.03,
  adjustEverySeconds: 15,
  minLevel: 1,
  maxLevel: 4,
  stepUp: 0.5,
  stepDown: 0.25,
  availableOnly: false,
};

/**
 * The VICIdial kind of adaptive pacing, as a baseline to beat: a dial level (lines per active agent) nudged every
 * 15 s. Calls wanted = level × agents active (ready + on a call), minus the calls already live (dialing, waiting or
 * connected), as VICIdial's auto-dialer counts them. Every 15 s: if the day's drop rate is at or over the target the
 * level falls (ADAPT_HARD_LIMIT style); otherwise it rises in proportion to the share of agents that sat idle, and
 * falls a little when answered calls had to wait for an agent.
 */
export class BaselinePacer implements Pacer {
  readonly mode = 'baseline' as const;
  readonly opts: BaselineOptions;
  level: number;
  private answered = 0;
  private dropped = 0;
  private lastAdjust?: number;
  private idleSum = 0;
  private waitSum = 0;
  private samples = 0;

  constructor(opts: Partial<BaselineOptions> = {}) {
    this.opts = { ...defaultBaselineOptions, ...opts };
    this.level = this.opts.minLevel;
  }

  dropRate(): number {
    return this.answered === 0 ? 0 : this.dropped / this.answered;
  }

  observe(o: PacingObservation): void {
    if (o.kind === 'connected') this.answered++;
    if (o.kind === 'abandoned') {
      this.answered++;
      this.dropped++;
    }
  }

  decide(s: PacingSnapshot): number {
    const active = s.ready + s.reserved + s.talkingElapsed.length;
    this.idleSum += active > 0 ? s.ready / active : 0;
    this.waitSum += s.waiting;
    this.samples++;
    if (this.lastAdjust == null) this.lastAdjust = s.now;
    if (s.now - this.lastAdjust >= this.opts.adjustEverySeconds * 1000) this.adjust(s.now);
    if (this.opts.availableOnly) {
      return Math.max(0, Math.floor(this.level * s.ready + 1e-9) - s.dialingElapsed.length - s.waiting);
    }
    const live = s.dialingElapsed.length + s.waiting + s.reserved + s.talkingElapsed.length;
    return Math.max(0, Math.floor(this.level * active + 1e-9) - live);
  }

  /** One adaptation step; public so tests can drive it. */
  adjust(now: number): void {
    const o = this.opts;
    const idleShare = this.samples > 0 ? this.idleSum / this.samples : 0;
    const waits = this.samples > 0 ? this.waitSum / this.samples : 0;
    if (this.dropRate() >= o.dropTarget) {
      this.level -= o.stepDown * 2;
    } else if (idleShare > 0.05) {
      this.level += o.stepUp * idleShare;
    } else if (waits > 0) {
      this.level -= o.stepDown * Math.min(1, waits);
    }
    this.level = Math.max(o.minLevel, Math.min(o.maxLevel, this.level));
    this.lastAdjust = now;
    this.idleSum = 0;
    this.waitSum = 0;
    this.samples = 0;
  }
}
