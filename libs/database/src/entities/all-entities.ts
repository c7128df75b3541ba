import * as exported from './index';

/** The entity classes, for the DataSource: every class the entities folder exports (the enums are arrays). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ALL_ENTITIES = Object.values(exported).filter((v) => typeof v === 'function') as Function[];
