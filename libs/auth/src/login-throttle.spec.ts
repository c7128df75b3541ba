import { describe, expect, it } from '@jest/globals';
import { AppError } from '@app/common';
import { DEFAULT_LOGIN_THROTTLE, LoginThrottle } from './login-throttle';

const make = () => {
  let now = 1_000_000;
  const t = new LoginThrottle({ ...DEFAULT_LOGIN_THROTTLE, maxKeys: 3 }, () => now);
  return { t, advance: (ms: number) => (now += ms) };
};

const refusal = (t: LoginThrottle, email: string, address: string): AppError | undefined => {
  try {
    t.assertAllowed(email, address);
    return undefined;
  } catch (e) {
    return e as AppError;
  }
};

describe('LoginThrottle', () => {
  it('lets 5 failures through, then locks the account for growing delays', () => {
    const { t, advance } = make();
    const locks: number[] = [];
    for (let i = 0; i < 9; i++) {
      expect(refusal(t, 'A@x.io', `10.0.0.${i}`)).toBeUndefined();
      const ms = t.failed('a@x.io', `10.0.0.${i}`);
      locks.push(ms);
      advance(ms);
    }
    expect(locks).toEqual([0, 0, 0, 0, 0, 1000, 2000, 4000, 8000]);
    const e = refusal(t, 'a@x.io', '10.9.9.9');
    expect(e).toBeUndefined(); // the last lock has just run out
    t.failed('a@x.io', '10.9.9.9');
    const locked = refusal(t, 'a@x.io', '10.9.9.8');
    expect(locked?.code).toBe('rate-limited');
    expect(locked?.retryAfterSeconds).toBe(16);
  });

  it('caps the delay and forgets failures after the window', () => {
    const { t, advance } = make();
    let last = 0;
    for (let i = 0; i < 40; i++) last = t.failed('b@x.io', `10.1.0.${i}`);
    expect(last).toBe(DEFAULT_LOGIN_THROTTLE.maxDelayMs);
    advance(DEFAULT_LOGIN_THROTTLE.maxDelayMs + 1);
    expect(refusal(t, 'b@x.io', '10.2.0.1')).toBeUndefined();
    advance(DEFAULT_LOGIN_THROTTLE.windowMs);
    expect(t.failed('b@x.io', '10.2.0.1')).toBe(0); // counting starts again
  });

  it('a success clears the account, not the address', () => {
    const { t } = make();
    for (let i = 0; i < 25; i++) t.failed(`user${i}@x.io`, '10.3.0.1');
    t.succeeded('user1@x.io');
    expect(refusal(t, 'user1@x.io', '10.3.0.1')?.details).toMatchObject([
      { field: 'address', reason: 'too many failed logins' },
    ]);
    expect(refusal(t, 'user1@x.io', '10.3.0.2')).toBeUndefined();
  });

  it('keeps at most maxKeys entries, dropping the oldest', () => {
    const { t } = make();
    for (let i = 0; i < 6; i++) t.failed('c@x.io', '10.4.0.1');
    expect(refusal(t, 'c@x.io', '10.4.0.9')).toBeDefined();
    for (let i = 0; i < 3; i++) t.failed(`other${i}@x.io`, '10.4.0.2');
    expect(refusal(t, 'c@x.io', '10.4.0.9')).toBeUndefined(); // evicted
  });
});
