import { AriError } from './ari.error';

/** Counting semaphore with a deadline on the wait; FIFO so that no request starves under load. */
export class Semaphore {
  private inUse = 0;
  private readonly waiters: { grant: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(readonly limit: number) {}

  get active(): number {
    return this.inUse;
  }

  get queued(): number {
    return this.waiters.length;
  }

  acquire(timeoutMs: number): Promise<() => void> {
    if (this.inUse < this.limit) {
      this.inUse++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve(this.releaser());
        },
        timer: setTimeout(() => {
          const i = this.waiters.indexOf(waiter);
          if (i >= 0) this.waiters.splice(i, 1);
          reject(new AriError('ari-timeout', `timed out after ${timeoutMs} ms waiting for a request slot`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next.grant();
      else this.inUse--;
    };
  }
}
