import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { installProcessGuards } from '@app/common';
import { ConfigValidationError, dataFile, loadReportingConfig, localSecret, type ReportingConfig } from '@app/config';
import { prepareDatabase } from '@app/database';
import { createReportingApp } from './bootstrap';

async function main(): Promise<void> {
  let config: ReportingConfig;
  try {
    config = loadReportingConfig();
  } catch (e) {
    if (e instanceof ConfigValidationError) {
      for (const p of e.problems) console.error(`config: ${p}`);
      process.exit(2);
    }
    throw e;
  }
  installProcessGuards(new Logger('reporting'));
  const db = await prepareDatabase(config);
  const jwtSecret = config.JWT_SECRET ?? (await localSecret(dataFile(config, 'jwt-secret')));
  const app = await createReportingApp({ config, databaseUrl: db.url, jwtSecret });
  process.once(
    'SIGINT',
    () =>
      void app
        .close()
        .then(() => db.embedded?.stop())
        .then(() => process.exit(0)),
  );
  process.once(
    'SIGTERM',
    () =>
      void app
        .close()
        .then(() => db.embedded?.stop())
        .then(() => process.exit(0)),
  );
  await app.listen(config.PORT, config.HOST);
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
  new Logger('reporting').log(`reporting listening on ${url}${config.API_DOCS ? `  (API docs ${url}/api/docs)` : ''}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
