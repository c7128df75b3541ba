import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { HealthModule } from '@app/common';
import { DatabaseModule } from '@app/database';
import { archiveStorageFrom, mailerFrom, ReportsModule } from '@app/reporting';
import { dataFile, type ReportingConfig } from '@app/config';

export interface ReportingModuleOptions {
  config: ReportingConfig;
  databaseUrl: string;
  jwtSecret: string;
}

/** The reporting server's composition root: it shares the database and the tokens with the dialer. */
@Module({})
export class ReportingModule {
  static forRoot(o: ReportingModuleOptions): DynamicModule {
    return {
      module: ReportingModule,
      imports: [
        DatabaseModule.forRoot({
          url: o.databaseUrl,
          poolSize: o.config.DATABASE_POOL_SIZE,
          applicationName: 'reporting',
        }),
        AuthModule.forRoot({ secret: o.jwtSecret, ttlSeconds: o.config.JWT_TTL_SECONDS, accounts: false }),
        HealthModule.forRoot(),
        ReportsModule.forRoot({
          reader: { url: o.config.REPORTING_DATABASE_URL, poolSize: o.config.REPORTING_DATABASE_POOL_SIZE },
          storage: archiveStorageFrom(o.config, dataFile(o.config, 'archive')),
          mailer: mailerFrom(o.config),
          delivery: { intervalMs: o.config.DELIVERY_INTERVAL_SECONDS * 1000 },
          abandonWindows: { intervalMs: o.config.ABANDON_WINDOWS_REFRESH_SECONDS * 1000 },
          links: {
            secret: o.jwtSecret,
            baseUrl: o.config.REPORTING_PUBLIC_URL ?? `http://localhost:${o.config.PORT}`,
            ttlDays: o.config.DELIVERY_LINK_TTL_DAYS,
          },
        }),
      ],
    };
  }
}
