import type { PageRoute } from '../routes';

/** The requesting department's pages: its briefs, the new-brief form and a brief's results. */
export const requesterRoutes: PageRoute[] = [
  {
    path: '/requests',
    roles: ['requester'],
    nav: 'requester.nav',
    load: () => import('../requester/BriefList').then((m) => ({ default: m.BriefList })),
  },
  {
    path: '/requests/new',
    roles: ['requester'],
    load: () => import('../requester/BriefPage').then((m) => ({ default: m.BriefPage })),
  },
  {
    path: '/requests/:id',
    roles: ['requester'],
    load: () => import('../requester/BriefPage').then((m) => ({ default: m.BriefPage })),
  },
];
