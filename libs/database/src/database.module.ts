import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditService } from './audit.service';
import { dataSourceOptions, type DatabaseOptions } from './data-source';

/** The app's DataSource (migrations are run before the app is built, see the apps' bootstrap). */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(options), migrationsRun: false })],
      providers: [AuditService],
      exports: [AuditService],
    };
  }
}
