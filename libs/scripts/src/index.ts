export * from './scripts.module';
export * from './scripts.service';
export * from './scripts.dto';
export * from './script-body';
