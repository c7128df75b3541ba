import { type Distribution, Rng, sample } from '@app/population';
import type { SimEngine, SimPlayback } from './sim-engine';

/**
 * Inbound callers with a daily shape: arrivals by local hour of day (a Poisson process thinned from the busiest
 * hour's rate), patience and talk time drawn from distributions, and callers who press keys when a prompt plays to
 * them (an IVR menu, "press 1 to keep your place"). Driven from outside the engine through its public operations
 * and one hook (`onPlaybackStarted`), so the engine stays a model of Asterisk.
 */
export interface InboundProfile {
  number: string;
  /** 24 values: calls per minute (simulated time) in each local hour 0..23. */
  callsPerMinuteByHour: number[];
  timeZone?: string;
  patience?: Distribution;
  talk?: Distribution;
  /** When a playback of `media` starts on a caller's channel, press `digits` (with `probability`, default 1). */
  prompts?: { media: string; digits: string; probability?: number; afterSeconds?: number }[];
  callerIdPrefix?: string;
  args?: string[];
}

/** Local hour (0..23) of `at` in `timeZone`. */
export function localHour(at: number, timeZone = 'UTC'): number {
  const h = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(at);
  return Number(h) % 24;
}

/** Thinning: a candidate drawn at the peak rate is kept with probability rate(hour) ÷ peak. */
export function keepArrival(profile: Pick<InboundProfile, 'callsPerMinuteByHour'>, hour: number, u: number): boolean {
  const peak = Math.max(0, ...profile.callsPerMinuteByHour);
  if (peak <= 0) return false;
  return u < Math.max(0, profile.callsPerMinuteByHour[hour] ?? 0) / peak;
}

export class InboundDriver {
  private timer: NodeJS.Timeout | undefined;
  private readonly rng: Rng;
  private running = false;
  readonly injected: string[] = [];

  constructor(
    private readonly engine: SimEngine,
    private readonly profile: InboundProfile,
    seed = 1,
    private readonly clock: () => number = Date.now,
  ) {
    this.rng = new Rng(`inbound-profile:${profile.number}:${seed}`);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const previous = this.engine.onPlaybackStarted;
    this.engine.onPlaybackStarted = (pb) => {
      previous?.(pb);
      this.prompted(pb);
    };
    this.schedule();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(): void {
    const peak = Math.max(0, ...this.profile.callsPerMinuteByHour);
    if (!this.running || peak <= 0) return;
    const gapSeconds = sample({ kind: 'exponential', mean: 60 / peak }, this.rng);
    this.timer = setTimeout(() => this.arrive(), (gapSeconds * 1000) / this.engine.timeScale);
    this.timer.unref();
  }

  private arrive(): void {
    if (!this.running) return;
    if (keepArrival(this.profile, localHour(this.clock(), this.profile.timeZone), this.rng.next())) {
      const suffix = String(Math.floor(this.rng.next() * 1e6)).padStart(6, '0');
      const c = this.engine.injectInbound({
        number: this.profile.number,
        callerId: `${this.profile.callerIdPrefix ?? '+3362'}${suffix}`,
        args: this.profile.args,
        ...(this.profile.patience ? { patienceSeconds: sample(this.profile.patience, this.rng) } : {}),
        ...(this.profile.talk ? { talkSeconds: sample(this.profile.talk, this.rng) } : {}),
      });
      if (c) this.injected.push(c.id);
    }
    this.schedule();
  }

  private prompted(pb: SimPlayback): void {
    if (pb.target.kind !== 'channel' || !this.injected.includes(pb.target.channel.id)) return;
    const channelId = pb.target.channel.id;
    for (const p of this.profile.prompts ?? []) {
      if (!pb.media.includes(p.media) || this.rng.next() >= (p.probability ?? 1)) continue;
      const t = setTimeout(
        () => {
          try {
            this.engine.sendDtmfFromFarEnd(channelId, p.digits);
          } catch {
            /* the caller is gone */
          }
        },
        ((p.afterSeconds ?? 0.5) * 1000) / this.engine.timeScale,
      );
      t.unref();
    }
  }
}
