import type { Clock, TimerHandle } from '@app/dialer-core';

/** The wall clock, with timers that can all be cancelled at once (a campaign dropped, or a simulated crash). */
export class KillableClock implements Clock {
  private readonly timers = new Set<NodeJS.Timeout>();
  private dead = false;

  /** `offsetMs` shifts "now" (tests put the dialer in another season or hour; timers stay real). */
  constructor(private readonly offsetMs = 0) {}

  now(): number {
    return Date.now() + this.offsetMs;
  }

  setTimer(delayMs: number, fn: () => void): TimerHandle {
    if (this.dead) return undefined;
    const t = setTimeout(
      () => {
        this.timers.delete(t);
        if (!this.dead) fn();
      },
      Math.max(0, delayMs),
    );
    this.timers.add(t);
    return t;
  }

  clearTimer(handle: TimerHandle): void {
    if (handle === undefined) return;
    clearTimeout(handle as NodeJS.Timeout);
    this.timers.delete(handle as NodeJS.Timeout);
  }

  kill(): void {
    this.dead = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

/** Verdict → bridge latency samples (ms), for the live view and the report. */
export class LatencyStats {
  private readonly samples: number[] = [];

  add(ms: number): void {
    this.samples.push(ms);
    if (this.samples.length > 1000) this.samples.shift();
  }

  summary(): { count: number; p50: number | null; p95: number | null; max: number | null } {
    if (this.samples.length === 0) return { count: 0, p50: null, p95: null, max: null };
    const s = [...this.samples].sort((a, b) => a - b);
    const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))];
    return { count: s.length, p50: q(0.5), p95: q(0.95), max: s[s.length - 1] };
  }
}
