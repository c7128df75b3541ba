import type { Clock, TimerHandle } from '@app/dialer-core';
import { MinHeap } from './min-heap';

interface Entry {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/** Discrete-event clock: timers run in time order, and time jumps from one to the next. */
export class SimClock implements Clock {
  private t: number;
  private seq = 0;
  // Equal times run in the order they were set.
  private readonly heap = new MinHeap<Entry>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));

  constructor(start: number) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  setTimer(delayMs: number, fn: () => void): TimerHandle {
    const e: Entry = { at: this.t + Math.max(0, delayMs), seq: this.seq++, fn, cancelled: false };
    this.heap.push(e);
    return e;
  }

  clearTimer(handle: TimerHandle): void {
    (handle as Entry).cancelled = true;
  }

  /** Runs every timer due up to `until` (inclusive), then sets the time to `until`. */
  runUntil(until: number): void {
    while (this.heap.length > 0 && this.heap.peek()!.at <= until) {
      const e = this.heap.pop();
      if (e.cancelled) continue;
      this.t = e.at;
      e.fn();
    }
    this.t = until;
  }
}
