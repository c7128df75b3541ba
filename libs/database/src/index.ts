export * from './entities';
export { ALL_ENTITIES } from './entities/all-entities';
export * from './data-source';
export * from './embedded-postgres';
export { SnakeNamingStrategy } from './naming.strategy';
export * from './audit.service';
export * from './database.module';
export * from './seed/demo-seed';
export * from './prepare-database';
