import type { PageRoute } from '../routes';

/** Operations reports from the reporting app: campaigns, agents, queues, compliance. */
export const reportsRoutes: PageRoute[] = [];
