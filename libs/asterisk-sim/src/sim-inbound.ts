import { type Distribution, Rng, sample } from '@app/population';
import type { SimEngine } from './sim-engine';
import type { InboundGeneratorQueue, InboundPrompt } from './sim-types';

/**
 * Inbound callers with a daily shape: arrivals by local hour of day (a Poisson process thinned from the busiest
 * hour's rate), patience and talk time drawn from distributions, and callers who press keys when a prompt plays to
 * them (an IVR menu, "press 1 to keep your place"; the engine presses them, see `InboundCall.prompts`). Driven from
 * outside the engine through its public operations, so the engine stays a model of Asterisk.
 */
export interface InboundProfile {
  number: string;
  /** 24 values: calls per minute (simulated time) in each local hour 0..23. */
  callsPerMinuteByHour: number[];
  timeZone?: string;
  patience?: Distribution;
  talk?: Distribution;
  /** When a playback of `media` starts on a caller's channel, press `digits` (with `probability`, default 1). */
  prompts?: InboundPrompt[];
  callerIdPrefix?: string;
  args?: string[];
  app?: string;
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

/** The generator's queue entry as a daily profile (a flat rate is the same rate in every hour). */
export function profileOf(q: InboundGeneratorQueue): InboundProfile {
  return {
    number: q.number,
    callsPerMinuteByHour: q.callsPerMinuteByHour ?? Array.from({ length: 24 }, () => q.callsPerMinute ?? 0),
    timeZone: q.timeZone,
    patience: q.patience,
    talk: q.talk,
    prompts: q.prompts,
    callerIdPrefix: q.callerIdPrefix,
    args: q.args,
    app: q.app,
  };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const nonNegative = (x: unknown): boolean => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/** What is wrong with a distribution given over the control API (`field: reason`), or nothing. */
export function distributionProblems(field: string, d: unknown): string[] {
  if (!isRecord(d)) return [`${field}: a distribution object is required`];
  switch (d.kind) {
    case 'fixed':
      return nonNegative(d.value) ? [] : [`${field}.value: a number ≥ 0 is required`];
    case 'exponential':
      return nonNegative(d.mean) ? [] : [`${field}.mean: a number ≥ 0 is required`];
    case 'lognormal':
      return [
        ...(nonNegative(d.mean) ? [] : [`${field}.mean: a number ≥ 0 is required`]),
        ...(d.sd === undefined || nonNegative(d.sd) ? [] : [`${field}.sd: a number ≥ 0 is required`]),
        ...(d.cv === undefined || nonNegative(d.cv) ? [] : [`${field}.cv: a number ≥ 0 is required`]),
      ];
    case 'uniform':
      return nonNegative(d.min) && nonNegative(d.max) && (d.max as number) >= (d.min as number)
        ? []
        : [`${field}: min and max ≥ 0 with min ≤ max are required`];
    case 'uniformAround':
      return nonNegative(d.mean) && nonNegative(d.spread) ? [] : [`${field}: mean and spread ≥ 0 are required`];
    case 'mixture':
      return Array.isArray(d.parts) && d.parts.length > 0
        ? d.parts.flatMap((p: unknown, i) =>
            isRecord(p) && nonNegative(p.weight)
              ? distributionProblems(`${field}.parts.${i}.dist`, p.dist)
              : [`${field}.parts.${i}.weight: a number ≥ 0 is required`],
          )
        : [`${field}.parts: a non-empty list is required`];
    default:
      return [`${field}.kind: one of fixed, exponential, lognormal, uniform, uniformAround, mixture`];
  }
}

export function promptProblems(field: string, prompts: unknown): string[] {
  if (prompts === undefined) return [];
  if (!Array.isArray(prompts)) return [`${field}: a list is required`];
  return prompts.flatMap((p: unknown, i) => {
    const f = `${field}.${i}`;
    if (!isRecord(p)) return [`${f}: an object is required`];
    return [
      ...(typeof p.media === 'string' && p.media ? [] : [`${f}.media: a media name is required`]),
      ...(typeof p.digits === 'string' && /^[0-9A-D*#]+$/.test(p.digits) ? [] : [`${f}.digits: DTMF keys 0-9 A-D * #`]),
      ...(p.probability === undefined || (nonNegative(p.probability) && (p.probability as number) <= 1)
        ? []
        : [`${f}.probability: a number in [0, 1] is required`]),
      ...(p.afterSeconds === undefined || nonNegative(p.afterSeconds) ? [] : [`${f}.afterSeconds: a number ≥ 0`]),
    ];
  });
}

/** What is wrong with one queue of `PUT /_sim/inbound-generator`, or nothing. */
export function generatorQueueProblems(field: string, q: unknown): string[] {
  if (!isRecord(q)) return [`${field}: an object is required`];
  const out: string[] = [];
  if (typeof q.number !== 'string' || !q.number) out.push(`${field}.number: the DID is required`);
  if (q.callsPerMinuteByHour !== undefined) {
    const h = q.callsPerMinuteByHour;
    if (!Array.isArray(h) || h.length !== 24 || !h.every(nonNegative)) {
      out.push(`${field}.callsPerMinuteByHour: 24 rates ≥ 0 (local hours 0..23) are required`);
    }
  } else if (!nonNegative(q.callsPerMinute)) {
    out.push(`${field}.callsPerMinute: a rate ≥ 0 (or callsPerMinuteByHour) is required`);
  }
  if (q.timeZone !== undefined) {
    try {
      localHour(0, String(q.timeZone));
    } catch {
      out.push(`${field}.timeZone: not a known time zone`);
    }
  }
  if (q.patience !== undefined) out.push(...distributionProblems(`${field}.patience`, q.patience));
  if (q.talk !== undefined) out.push(...distributionProblems(`${field}.talk`, q.talk));
  out.push(...promptProblems(`${field}.prompts`, q.prompts));
  return out;
}

/** One queue's arrivals, in real time scaled by the engine's time scale, with a simulated time-of-day clock. */
export class InboundDriver {
  private timer: NodeJS.Timeout | undefined;
  private readonly rng: Rng;
  private running = false;
  readonly injected: string[] = [];

  constructor(
    private readonly engine: SimEngine,
    private readonly profile: InboundProfile,
    seed: number | string = 1,
    private readonly clock: () => number = Date.now,
  ) {
    this.rng = new Rng(`inbound-profile:${profile.number}:${seed}`);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
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
        app: this.profile.app,
        ...(this.profile.patience ? { patienceSeconds: sample(this.profile.patience, this.rng) } : {}),
        ...(this.profile.talk ? { talkSeconds: sample(this.profile.talk, this.rng) } : {}),
        ...(this.profile.prompts ? { prompts: this.profile.prompts } : {}),
      });
      if (c) this.injected.push(c.id);
    }
    this.schedule();
  }
}
