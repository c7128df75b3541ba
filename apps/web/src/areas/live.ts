import type { PageRoute } from '../routes';

/** The live pages: the agent desktop, the wallboard and the supervisor's floor view. */
export const liveRoutes: PageRoute[] = [
  {
    path: '/agent',
    roles: ['agent'],
    nav: 'nav.agent',
    load: () => import('../pages/AgentDesktop').then((m) => ({ default: m.AgentDesktop })),
  },
  {
    path: '/floor',
    roles: ['supervisor', 'admin', 'planner'],
    nav: 'nav.floor',
    load: () => import('../pages/FloorView').then((m) => ({ default: m.FloorView })),
  },
  {
    path: '/wallboard',
    roles: ['supervisor', 'planner', 'admin'],
    nav: 'nav.wallboard',
    load: () => import('../pages/Wallboard').then((m) => ({ default: m.Wallboard })),
  },
];
