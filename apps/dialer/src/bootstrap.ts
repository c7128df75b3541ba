import 'reflect-metadata';
import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { appLogger, configureHttpApp } from '@app/common';
import type { DialerConfig } from '@app/config';
import { DialerModule } from './dialer.module';
import { DEFAULT_WEB_DIR, webStatic } from './web-static';

export interface DialerAppOptions {
  config: DialerConfig;
  databaseUrl: string;
  jwtSecret: string;
  logger?: false;
  /** The built web app (default dist/web); served at `/` when it exists. */
  webDir?: string;
}

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
  const web = webStatic(o.webDir ?? DEFAULT_WEB_DIR);
  if (web) app.use(web);
  return app;
}

export const dialerLogger = new Logger('dialer');
