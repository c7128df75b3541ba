import type { PageRoute } from '../routes';

/** The planner's desk: review queue, script editor, campaign setup, pilot and launch. */
export const plannerRoutes: PageRoute[] = [];
