export * from './entities';
export { ALL_ENTITIES } from './entities/all-entities';
export * from './data-source';
export * from './embedded-postgres';
export { SnakeNamingStrategy } from './naming.strategy';
