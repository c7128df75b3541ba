export * from './app-error';
export * from './http-exception.filter';
export * from './validation';
export * from './poll';
export * from './health';
export * from './http-app';
export * from './body-limits';
export * from './openapi';
