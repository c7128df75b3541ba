import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { hashPassword } from '@app/auth';
import { installProcessGuards } from '@app/common';
import { ConfigValidationError, dataFile, loadDialerConfig, localSecret, type DialerConfig } from '@app/config';
import { createDataSource, prepareDatabase, seedDemo } from '@app/database';
import { DialerShutdown } from '@app/dialer';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createDialerApp } from './bootstrap';
import { startReportingBeside } from './reporting-beside';
import { DEFAULT_WEB_DIR } from './web-static';
import { demoEnabled } from './demo/demo.module';
import { DemoService } from './demo/demo.service';

async function main(): Promise<void> {
  let config: DialerConfig;
  try {
    config = loadDialerConfig();
  } catch (e) {
    if (e instanceof ConfigValidationError) {
      for (const p of e.problems) console.error(`config: ${p}`);
      process.exit(2);
    }
    throw e;
  }
  const log = new Logger('dialer');
  // One request's broken stream or forgotten promise must not stop the dialer (calls, agents, campaigns).
  installProcessGuards(log);
  const db = await prepareDatabase(config);
  const jwtSecret = config.JWT_SECRET ?? (await localSecret(dataFile(config, 'jwt-secret')));

  let demoPassword: string | undefined;
  if (config.SEED_DEMO) {
    demoPassword = config.DEMO_PASSWORD ?? (await localSecret(dataFile(config, 'demo-password'), 9));
    const ds = createDataSource({ url: db.url, poolSize: 2 });
    await ds.initialize();
    try {
      await seedDemo(ds, await hashPassword(demoPassword));
    } finally {
      await ds.destroy();
    }
  }

  // The reporting app (results, operations reports, exports, delivery) in this process unless it runs elsewhere.
  const reporting = await startReportingBeside(config, db.url, jwtSecret, log);
  const app = await createDialerApp({ config, databaseUrl: db.url, jwtSecret, reportingUrl: reporting?.url });
  // Graceful stop: no new calls, live calls finish (up to SHUTDOWN_DRAIN_SECONDS), agents told and logged out, leases
  // given back; a second signal ends the drain at once.
  let stopping = false;
  const stop = (signal: string): void => {
    const shutdown = app.get(DialerShutdown);
    if (stopping) {
      log.warn(`${signal} again: ending live calls now`);
      void shutdown.run();
      return;
    }
    stopping = true;
    log.log(`${signal}: stopping`);
    shutdown
      .run()
      .then(async () => {
        await app.close();
        await reporting?.app.close();
        await db.embedded?.stop();
      })
      .then(
        () => process.exit(0),
        (e: unknown) => {
          console.error(e instanceof Error ? (e.stack ?? e.message) : e);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  await app.listen(config.PORT, config.HOST);
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
  log.log(`dialer listening on ${url}  (${config.API_DOCS ? `API docs ${url}/api/docs, ` : ''}health ${url}/health)`);
  if (reporting)
    log.log(`reports: the reporting app runs in this process on ${reporting.url}, reached at ${url}/api/reports`);
  else
    log.log(
      `reports: ${url}/api/reports forwarded to ${config.REPORTING_URL ?? 'nothing (REPORTING_WITH_DIALER=false)'}`,
    );
  if (existsSync(join(DEFAULT_WEB_DIR, 'index.html'))) log.log(`web app: open ${url}/ and sign in`);
  else log.log(`web app not built (npm run build makes it): the API works without it`);
  if (demoPassword) {
    log.log(
      `demo users: admin@demo.local, planner@demo.local, requester@demo.local, supervisor@demo.local, agent@demo.local, qa@demo.local`,
    );
    log.log(`demo password: ${demoPassword}  (set DEMO_PASSWORD to choose it)`);
    log.log(
      `log in: curl -s -X POST ${url}/api/auth/login -H 'content-type: application/json' -d '{"email":"planner@demo.local","password":"${demoPassword}"}'`,
    );
    const demo = demoEnabled(config) ? app.get(DemoService) : undefined;
    if (demo?.campaignId) {
      log.log(
        `demo: campaign ${demo.campaignId} dials 500 simulated contacts with 5 simulated agents (ARI simulator, time ×10); a 'demo' line every 10 s sums it up`,
      );
      log.log(
        `watch it: TOKEN=$(curl -s -X POST ${url}/api/auth/login -H 'content-type: application/json' -d '{"email":"supervisor@demo.local","password":"${demoPassword}"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\\1/') && curl -s -H "authorization: Bearer $TOKEN" ${url}/api/campaigns/${demo.campaignId}/live`,
      );
      log.log(
        `take calls yourself: socket.io to ${url}/agent with auth {token} of agent@demo.local, then emit 'login' {endpoint:'PJSIP/agent-1001'} and 'ready'`,
      );
    }
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
