export * from './complete-document';
export * from './entity-model';
export * from './error-body.dto';
export * from './validator-schemas';
