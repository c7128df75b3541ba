import * as entities from './index';

/** The entity classes, for the DataSource. */
export const ALL_ENTITIES = Object.values(entities).filter((v): v is new () => unknown => typeof v === 'function');
