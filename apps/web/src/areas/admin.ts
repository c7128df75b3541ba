import type { PageRoute } from '../routes';

/** Administration: departments, users, agents, calendars, do-not-call lists, queues and IVR menus, audit. */
export const adminRoutes: PageRoute[] = [
  { path: '/admin', roles: ['admin', 'supervisor'], nav: 'admin.nav', load: () => import('../admin/Index') },
  { path: '/admin/departments', roles: ['admin'], load: () => import('../admin/Departments') },
  { path: '/admin/users', roles: ['admin', 'supervisor'], load: () => import('../admin/Users') },
  { path: '/admin/agents', roles: ['admin', 'supervisor'], load: () => import('../admin/Agents') },
  { path: '/admin/calendars', roles: ['admin'], load: () => import('../admin/Calendars') },
  { path: '/admin/dnc', roles: ['admin', 'supervisor'], load: () => import('../admin/Dnc') },
  { path: '/admin/queues', roles: ['admin', 'supervisor'], load: () => import('../admin/Queues') },
  { path: '/admin/audit', roles: ['admin'], load: () => import('../admin/AuditLog') },
];
