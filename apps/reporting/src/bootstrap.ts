import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { appLogger, configureHttpApp } from '@app/common';
import type { ReportingConfig } from '@app/config';
import { ReportingModule } from './reporting.module';

export async function createReportingApp(o: {
  config: ReportingConfig;
  databaseUrl: string;
  jwtSecret: string;
  logger?: false;
}): Promise<INestApplication> {
  const app = await NestFactory.create(ReportingModule.forRoot(o), {
    logger: o.logger === false ? false : appLogger(o.config.LOG_LEVEL),
  });
  configureHttpApp(app, 'Reporting API', 'Results per brief, campaign, agent and outcome; exports and archives.', {
    docs: o.config.API_DOCS,
    trustProxy: o.config.TRUST_PROXY,
  });
  return app;
}
