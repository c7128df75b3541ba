import type { PageRoute } from '../routes';

/** The requesting department's pages: its briefs, the new-brief form and a brief's results. */
export const requesterRoutes: PageRoute[] = [];
