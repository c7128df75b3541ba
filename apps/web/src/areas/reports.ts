import type { PageRoute } from '../routes';

/** Operations reports from the reporting app: campaigns, agents, queues, compliance; and a brief's results. */
export const reportsRoutes: PageRoute[] = [
  {
    path: '/reports',
    roles: ['planner', 'supervisor', 'qa', 'admin'],
    nav: 'reports.nav',
    load: () => import('../reports/OperationsReports').then((m) => ({ default: m.OperationsReports })),
  },
  {
    path: '/results/:id',
    roles: ['requester', 'planner', 'supervisor', 'qa', 'admin'],
    load: () => import('../reports/BriefResults').then((m) => ({ default: m.BriefResults })),
  },
];
