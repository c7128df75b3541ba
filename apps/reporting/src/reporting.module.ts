import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { HealthModule } from '@app/common';
import { DatabaseModule } from '@app/database';
import { ReportsModule } from '@app/reporting';
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
          archiveDir: dataFile(o.config, 'archive'),
          reader: { url: o.config.REPORTING_DATABASE_URL, poolSize: o.config.REPORTING_DATABASE_POOL_SIZE },
        }),
      ],
    };
  }
}
