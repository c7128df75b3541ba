import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../../support/test-app';

/** The CSP's directives as a map: `script-src` -> [`'self'`]. */
const directives = (csp: string | null): Record<string, string[]> =>
  Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );

describe.each(['dialer', 'reporting'] as const)('%s app: security headers', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind, { DIALER_RUNNER: 'false' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(['/health', '/api/auth/me', '/api/no-such-route'])(
    'sends CSP, frame and nosniff headers and no X-Powered-By on %s',
    async (path) => {
      const res = await fetch(t.url + path);
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      const csp = directives(res.headers.get('content-security-policy'));
      // What a React SPA served from the same origin needs, and nothing inline.
      expect(csp).toMatchObject({
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'connect-src': ["'self'", 'ws:', 'wss:'],
        'frame-ancestors': ["'none'"],
        'object-src': ["'none'"],
      });
    },
  );

  it('keeps the Swagger UI at /api/docs working: its page, scripts and styles load under its CSP', async () => {
    const page = await fetch(`${t.url}/api/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const csp = directives(page.headers.get('content-security-policy'));
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    // Scripts: all external (script-src 'self' suffices); inline <script> would be blocked.
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attrs of scripts) expect(attrs).toMatch(/src="/);
    expect(csp['script-src']).toEqual(["'self'"]);
    // Styles: the page has inline <style> blocks, allowed on this path only.
    if (/<style>/.test(html)) expect(csp['style-src']).toContain("'unsafe-inline'");
    // Every asset it references is served from this origin.
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    for (const a of assets) {
      expect(a).not.toMatch(/^(https?:)?\/\//);
      const res = await fetch(new URL(a, `${t.url}/api/docs`));
      expect({ a, status: res.status }).toEqual({ a, status: 200 });
    }
    const spec = await fetch(`${t.url}/api/docs-json`);
    expect(spec.status).toBe(200);
    // The relaxed style rule stays on the docs: the API's own answers keep the strict one.
    expect(directives((await fetch(`${t.url}/health`)).headers.get('content-security-policy'))['style-src']).toEqual([
      "'self'",
    ]);
  });
});
