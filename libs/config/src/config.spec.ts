import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError, loadDialerConfig, loadReportingConfig } from './index';

const problemsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigValidationError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigValidationError');
};

describe('configuration', () => {
  it('uses the embedded defaults when nothing is set', () => {
    const c = loadDialerConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.SEED_DEMO).toBe(true);
    expect(c.ARI_URL).toBeUndefined();
  });

  it('names the variable, the value and the reason for a bad URL', () => {
    expect(problemsOf(() => loadDialerConfig({ DATABASE_URL: 'nonsense' }))).toEqual([
      expect.stringMatching(/^DATABASE_URL=nonsense: must be a URL/),
    ]);
  });

  it('reports every bad variable at once and hides secrets', () => {
    const problems = problemsOf(() => loadDialerConfig({ PORT: 'eighty', JWT_SECRET: 'short', SEED_DEMO: 'maybe' }));
    expect(problems).toContain('PORT=eighty: must be an integer');
    expect(problems).toContain('JWT_SECRET=***: must be at least 32 characters');
    expect(problems).toContain('SEED_DEMO=maybe: must be true or false');
  });

  it('requires a JWT secret with an external database and a password with ARI_URL', () => {
    const problems = problemsOf(() => loadReportingConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1/db' }));
    expect(problems).toEqual(['JWT_SECRET=: required when DATABASE_URL is set']);
    expect(problemsOf(() => loadDialerConfig({ ARI_URL: 'http://127.0.0.1:8088' }))).toEqual([
      'ARI_PASSWORD=: required when ARI_URL is set',
    ]);
  });

  it('rejects a port out of range and a non-postgres URL', () => {
    const problems = problemsOf(() =>
      loadDialerConfig({ PORT: '70000', DATABASE_URL: 'mysql://x/y', JWT_SECRET: 'x'.repeat(40) }),
    );
    expect(problems).toContain('PORT=70000: must be between 0 and 65535');
    expect(problems).toContain('DATABASE_URL=mysql://x/y: must use postgres: or postgresql:, not mysql:');
  });

  it('takes a shutdown drain of 0 to 3600 seconds, 30 by default', () => {
    expect(loadDialerConfig({}).SHUTDOWN_DRAIN_SECONDS).toBe(30);
    expect(loadDialerConfig({ SHUTDOWN_DRAIN_SECONDS: '0' }).SHUTDOWN_DRAIN_SECONDS).toBe(0);
    expect(problemsOf(() => loadDialerConfig({ SHUTDOWN_DRAIN_SECONDS: '-5' }))).toEqual([
      'SHUTDOWN_DRAIN_SECONDS=-5: must be between 0 and 3600',
    ]);
    expect(problemsOf(() => loadDialerConfig({ SHUTDOWN_DRAIN_SECONDS: 'soon' }))).toEqual([
      'SHUTDOWN_DRAIN_SECONDS=soon: must be an integer',
    ]);
  });
});

describe('API_DOCS', () => {
  it('is on by default, off by default in production, and can be set either way', () => {
    expect(loadDialerConfig({}).API_DOCS).toBe(true);
    expect(loadReportingConfig({ NODE_ENV: 'development' }).API_DOCS).toBe(true);
    expect(loadDialerConfig({ NODE_ENV: 'production' }).API_DOCS).toBe(false);
    expect(loadReportingConfig({ NODE_ENV: 'production', API_DOCS: 'true' }).API_DOCS).toBe(true);
    expect(loadDialerConfig({ API_DOCS: 'false' }).API_DOCS).toBe(false);
    expect(problemsOf(() => loadDialerConfig({ API_DOCS: 'sometimes' }))).toEqual([
      'API_DOCS=sometimes: must be true or false',
    ]);
  });

  it('reads TRUST_PROXY as Express expects it, refusing what it cannot mean', () => {
    expect(loadDialerConfig({}).TRUST_PROXY).toBe(false);
    expect(loadDialerConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(true);
    expect(loadDialerConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadDialerConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8' }).TRUST_PROXY).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
    ]);
    expect(problemsOf(() => loadDialerConfig({ TRUST_PROXY: 'my-proxy.example' }))[0]).toMatch(
      /^TRUST_PROXY=my-proxy.example: "my-proxy.example" is not an address/,
    );
  });
});
