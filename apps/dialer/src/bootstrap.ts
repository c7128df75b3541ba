import 'reflect-metadata';
import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { appLogger, configureHttpApp } from '@app/common';
import type { DialerConfig } from '@app/config';
import { DialerModule } from './dialer.module';
import { DEFAULT_WEB_DIR, webStatic } from './web-static';
import { reportingProxy } from './reporting-proxy';

export interface DialerAppOptions {
  config: DialerConfig;
  databaseUrl: string;
  jwtSecret: string;
  logger?: false;
  /** The built web app (default dist/web); served at `/` when it exists. */
  webDir?: string;
  /** Where `/api/reports` is forwarded; default REPORTING_URL, else the reporting app on this host's REPORTING_PORT. */
  reportingUrl?: string;
}

/** The reporting app the dialer forwards `/api/reports` to. */
export const reportingTarget = (o: Pick<DialerAppOptions, 'config' | 'reportingUrl'>): string =>
  o.reportingUrl ?? o.config.REPORTING_URL ?? `http://127.0.0.1:${o.config.REPORTING_PORT}`;

/** Builds the dialer app (not listening). Used by main.ts and by the e2e tests. */
export async function createDialerApp(o: DialerAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create(DialerModule.forRoot(o), {
    logger: o.logger === false ? false : appLogger(o.config.LOG_LEVEL),
    bufferLogs: false,
  });
  configureHttpApp(app, 'Dialer API', 'Briefs, campaigns, the dialer engine, agents and the ACD.', {
    docs: o.config.API_DOCS,
    trustProxy: o.config.TRUST_PROXY,
  });
  // before Nest's body parsers (registered at init): the request body streams to the reporting app untouched
  const target = reportingTarget(o);
  app.use(reportingProxy(() => target));
  const web = webStatic(o.webDir ?? DEFAULT_WEB_DIR);
  if (web) app.use(web);
  return app;
}

export const dialerLogger = new Logger('dialer');
