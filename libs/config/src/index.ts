export * from './config-schema';
export * from './app-config';
export * from './local-secret';
export * from './delivery-config';
