import type { ServerResponse } from 'node:http';
import { describe, expect, it } from '@jest/globals';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie, type HttpRequest } from './refresh-cookie';

function capture(): { res: ServerResponse; header: () => string } {
  let value = '';
  const res = { setHeader: (_: string, v: string) => (value = v) } as unknown as ServerResponse;
  return { res, header: () => value };
}

const req = (o: { secure?: boolean; cookie?: string } = {}): HttpRequest =>
  ({ secure: o.secure ?? false, headers: o.cookie ? { cookie: o.cookie } : {} }) as unknown as HttpRequest;

describe('refresh cookie', () => {
  it('is httpOnly, SameSite=Strict, scoped to /api/auth, and Secure only over https', () => {
    const at = new Date(Date.now() + 3600_000);
    const plain = capture();
    setRefreshCookie(req(), plain.res, 'abc', at);
    expect(plain.header()).toMatch(/^dialer_refresh=abc; Path=\/api\/auth; HttpOnly; SameSite=Strict; Max-Age=3600;/);
    const tls = capture();
    setRefreshCookie(req({ secure: true }), tls.res, 'abc', at);
    expect(tls.header()).toContain('; SameSite=Strict; Secure; Max-Age=3600');
    const cleared = capture();
    clearRefreshCookie(req({ secure: true }), cleared.res);
    expect(cleared.header()).toMatch(
      /^dialer_refresh=; Path=\/api\/auth; HttpOnly; SameSite=Strict; Secure; Max-Age=0/,
    );
  });

  it('reads the cookie among others', () => {
    expect(readRefreshCookie(req({ cookie: 'a=1; dialer_refresh=xyz; b=2' }))).toBe('xyz');
    expect(readRefreshCookie(req({ cookie: 'dialer_refreshx=1' }))).toBeUndefined();
    expect(readRefreshCookie(req())).toBeUndefined();
  });
});
