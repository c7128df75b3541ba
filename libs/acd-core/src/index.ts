export * from './erlang';
export * from './queue-model';
export * from './router';
export * from './wait-estimator';
export * from './blending';
export * from './business-hours';
export * from './queue-outcomes';
