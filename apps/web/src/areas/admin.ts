import type { PageRoute } from '../routes';

/** Administration: departments, users, agents, calendars, do-not-call lists, queues and IVR menus, audit. */
export const adminRoutes: PageRoute[] = [];
