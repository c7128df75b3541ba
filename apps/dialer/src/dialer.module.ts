import { DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { CampaignsModule } from '@app/campaigns';
import { HealthModule } from '@app/common';
import { DatabaseModule } from '@app/database';
import { ContactsModule } from '@app/contacts';
import { ScriptsModule } from '@app/scripts';
import type { DialerConfig } from '@app/config';
import { DialerEngineModule } from '@app/dialer';
import { AcdModule } from '@app/acd';
import { AdminModule } from '@app/admin';
import { DemoModule } from './demo/demo.module';

export interface DialerModuleOptions {
  config: DialerConfig;
  databaseUrl: string;
  jwtSecret: string;
}

/**
 * The dialer's composition root. Feature modules come from libs/; each is added here, in one place.
 * `extraImports` lets the runtime add what depends on the environment (the ARI backend, the demo).
 */
@Module({})
export class DialerModule {
  static forRoot(o: DialerModuleOptions, extraImports: ModuleMetadata['imports'] = []): DynamicModule {
    return {
      module: DialerModule,
      imports: [
        DatabaseModule.forRoot({
          url: o.databaseUrl,
          poolSize: o.config.DATABASE_POOL_SIZE,
          applicationName: 'dialer',
        }),
        AuthModule.forRoot({
          secret: o.jwtSecret,
          ttlSeconds: o.config.JWT_TTL_SECONDS,
          refreshTtlSeconds: o.config.REFRESH_TTL_SECONDS,
        }),
        HealthModule.forRoot(),
        DialerEngineModule.forRoot({ config: o.config }),
        AcdModule.forRoot({ config: o.config }),
        CampaignsModule.forRoot(o.config),
        ContactsModule.forRoot({
          maxImportBytes: o.config.IMPORT_MAX_BYTES,
          maxUnpackedBytes: o.config.IMPORT_MAX_UNPACKED_BYTES,
          instanceId: o.config.DIALER_INSTANCE_ID,
        }),
        ScriptsModule,
        AdminModule,
        DemoModule.forRoot(o.config),
        ...extraImports,
      ],
    };
  }
}
