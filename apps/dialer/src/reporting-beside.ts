import { Logger, type INestApplication } from '@nestjs/common';
import { AppLogger, LOG_LEVELS } from '@app/common';
import { loadReportingConfig, type DialerConfig } from '@app/config';
import { createReportingApp } from '../../reporting/src/bootstrap';

/**
 * Starts the reporting app in the dialer's process (same database, same JWT secret) on REPORTING_PORT, unless
 * REPORTING_URL points elsewhere or REPORTING_WITH_DIALER=false. A taken port is not fatal: the pages reach the
 * reports through the dialer's `/api/reports` anyway, so it listens on a free port and says so.
 */
export async function startReportingBeside(
  config: DialerConfig,
  databaseUrl: string,
  jwtSecret: string,
  log: Logger,
): Promise<{ app: INestApplication; url: string } | null> {
  if (config.REPORTING_URL || !config.REPORTING_WITH_DIALER) return null;
  const reportingConfig = loadReportingConfig({
    ...process.env,
    PORT: String(config.REPORTING_PORT),
    // the database is migrated already by the dialer's start
    DATABASE_MIGRATIONS_RUN: 'false',
  });
  const app = await createReportingApp({ config: reportingConfig, databaseUrl, jwtSecret });
  try {
    await app.listen(config.REPORTING_PORT, config.HOST);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    log.warn(`REPORTING_PORT=${config.REPORTING_PORT}: in use; the reporting app listens on a free port instead`);
    await app.listen(0, config.HOST);
  }
  // Both apps register TypeORM's default data source name; @nestjs/typeorm warns about it process-wide although each
  // app has its own container (and its own pool), so nothing is overridden. The dialer's registration comes next.
  Logger.overrideLogger(new QuietAppLogger({ logLevels: LOG_LEVELS[config.LOG_LEVEL] }));
  const address = app.getHttpServer().address() as { port: number };
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  return { app, url: `http://${host}:${address.port}` };
}

class QuietAppLogger extends AppLogger {
  override warn(message: unknown, ...rest: unknown[]): void {
    if (rest[rest.length - 1] === 'DataSourceNameRegistry') return;
    super.warn(message, ...rest);
  }
}
