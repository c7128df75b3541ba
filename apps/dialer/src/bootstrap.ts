import 'reflect-metadata';
import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { appLogger, configureHttpApp } from '@app/common';
import type { DialerConfig } from '@app/config';
import { DialerModule } from './dialer.module';

export interface DialerAppOptions {
  config: DialerConfig;
  databaseUrl: string;
  jwtSecret: string;
  logger?: false;
}

/** Builds the dialer app (not listening). Used by main.ts and by the e2e tests. */
export async function createDialerApp(o: DialerAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create(DialerModule.forRoot(o), {
    logger: o.logger === false ? false : appLogger(o.config.LOG_LEVEL),
    bufferLogs: false,
  });
  configureHttpApp(app, 'Dialer API', 'Briefs, campaigns, the dialer engine, agents and the ACD.', {
    docs: o.config.API_DOCS,
  });
  return app;
}

export const dialerLogger = new Logger('dialer');
