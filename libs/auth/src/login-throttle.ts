import { Injectable } from '@nestjs/common';
import { AppError } from '@app/common';

/**
 * Failed logins slow down, per account and per client address, with growing delays:
 * after `free` failures each further one locks that key for base·2^(n-free-1), up to `maxDelayMs`; while locked,
 * a login answers 429 with Retry-After without looking at the password (so guessing goes no faster than the
 * delay, and a correct guess during the lock is refused too). Attempts refused by a lock count against the address.
 * Failures are forgotten `windowMs` after the last
 * one; a success clears the account's count (not the address's, or an attacker with one account of their own could
 * reset it between guesses).
 *
 * Why not @nestjs/throttler: it counts requests per route in fixed windows; this needs delays that grow with each
 * failure, keyed by the account named in the body, and reset by a success. The state lives in memory: it is per
 * process (several dialer instances each keep their own, which multiplies the budget by the number of instances,
 * still far from 40 guesses a second). The maps are bounded.
 */
export interface LoginThrottleOptions {
  accountFreeFailures: number;
  addressFreeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  windowMs: number;
  maxKeys: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = {
  accountFreeFailures: 5,
  addressFreeFailures: 20,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  windowMs: 15 * 60_000,
  maxKeys: 100_000,
};

interface Entry {
  failures: number;
  lastFailureAt: number;
  lockedUntil: number;
}

export interface ThrottleVerdict {
  /** The key that is locked: `account` or `address`. */
  by: 'account' | 'address';
  retryAfterSeconds: number;
}

class FailureTable {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly free: number,
    private readonly o: LoginThrottleOptions,
  ) {}

  private live(key: string, now: number): Entry | undefined {
    const e = this.entries.get(key);
    if (e && now - e.lastFailureAt > this.o.windowMs && now >= e.lockedUntil) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }

  lockedFor(key: string, now: number): number {
    const e = this.live(key, now);
    return e && e.lockedUntil > now ? e.lockedUntil - now : 0;
  }

  /** Returns the lock it starts (ms), 0 when still within the free failures. */
  fail(key: string, now: number): number {
    const e = this.live(key, now) ?? { failures: 0, lastFailureAt: now, lockedUntil: 0 };
    e.failures += 1;
    e.lastFailureAt = now;
    const over = e.failures - this.free;
    const delay = over > 0 ? Math.min(this.o.baseDelayMs * 2 ** Math.min(over - 1, 30), this.o.maxDelayMs) : 0;
    e.lockedUntil = Math.max(e.lockedUntil, now + delay);
    this.entries.delete(key);
    this.entries.set(key, e); // most recent last, so eviction drops the oldest
    if (this.entries.size > this.o.maxKeys) this.entries.delete(this.entries.keys().next().value as string);
    return delay;
  }

  clear(key: string): void {
    this.entries.delete(key);
  }
}

@Injectable()
export class LoginThrottle {
  private readonly accounts: FailureTable;
  private readonly addresses: FailureTable;

  constructor(
    private readonly o: LoginThrottleOptions = DEFAULT_LOGIN_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {
    this.accounts = new FailureTable(o.accountFreeFailures, o);
    this.addresses = new FailureTable(o.addressFreeFailures, o);
  }

  static accountKey(email: string): string {
    return email.trim().toLowerCase();
  }

  /** The lock that refuses this attempt now, if any. */
  verdict(email: string, address: string): ThrottleVerdict | undefined {
    const t = this.now();
    const byAccount = this.accounts.lockedFor(LoginThrottle.accountKey(email), t);
    const byAddress = this.addresses.lockedFor(address, t);
    if (!byAccount && !byAddress) return undefined;
    const by = byAccount >= byAddress ? 'account' : 'address';
    return { by, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(byAccount, byAddress) / 1000)) };
  }

  /** Throws `rate-limited` (429, Retry-After) while the account or the address is locked. */
  assertAllowed(email: string, address: string): void {
    const v = this.verdict(email, address);
    if (!v) return;
    // A client that keeps trying through a lock counts against its address (not against the account: the
    // account's owner should not be locked out longer because someone else keeps knocking).
    this.addresses.fail(address, this.now());
    throw new AppError(
      'rate-limited',
      `too many failed logins for this ${v.by}: try again in ${v.retryAfterSeconds} s`,
      [{ field: v.by === 'account' ? 'email' : 'address', reason: 'too many failed logins' }],
      v.retryAfterSeconds,
    );
  }

  /** Returns the longest lock this failure starts (ms), 0 when none. */
  failed(email: string, address: string): number {
    const t = this.now();
    return Math.max(this.accounts.fail(LoginThrottle.accountKey(email), t), this.addresses.fail(address, t));
  }

  succeeded(email: string): void {
    this.accounts.clear(LoginThrottle.accountKey(email));
  }
}
