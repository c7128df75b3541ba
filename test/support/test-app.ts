import type { INestApplication } from '@nestjs/common';
import { TokenService } from '@app/auth';
import { loadDialerConfig, loadReportingConfig } from '@app/config';
import type { User } from '@app/database';
import { createDialerApp } from '../../apps/dialer/src/bootstrap';
import { createReportingApp } from '../../apps/reporting/src/bootstrap';
import { createTestDatabase, type TestDatabase } from './test-database';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256!';

export interface TestApp {
  app: INestApplication;
  url: string;
  db: TestDatabase;
  tokenFor(user: Pick<User, 'id' | 'email' | 'role' | 'departmentId'> & Partial<Pick<User, 'tokenVersion'>>): string;
  close(): Promise<void>;
}

/** Boots an app on a fresh database, listening on a random port. */
export async function startTestApp(kind: 'dialer' | 'reporting', env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const baseEnv = {
    DATABASE_URL: db.url,
    JWT_SECRET: TEST_JWT_SECRET,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    ...env,
  };
  const app =
    kind === 'dialer'
      ? await createDialerApp({
          config: loadDialerConfig(baseEnv),
          databaseUrl: db.url,
          jwtSecret: TEST_JWT_SECRET,
          logger: false,
        })
      : await createReportingApp({
          config: loadReportingConfig(baseEnv),
          databaseUrl: db.url,
          jwtSecret: TEST_JWT_SECRET,
          logger: false,
        });
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer() as { address(): { port: number } };
  const url = `http://127.0.0.1:${server.address().port}`;
  const tokens = app.get(TokenService);
  return {
    app,
    url,
    db,
    tokenFor: (u) =>
      tokens.issue({ userId: u.id, email: u.email, role: u.role, departmentId: u.departmentId }, u.tokenVersion ?? 0),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** fetch with JSON in and out. */
export async function api(
  base: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: any }> {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
}
