import type { PageRoute } from '../routes';

/** The planner's desk: review queue, script editor, campaign setup, pilot and launch. */
export const plannerRoutes: PageRoute[] = [
  {
    path: '/planner/review',
    roles: ['planner', 'admin'],
    nav: 'planner.nav.review',
    load: () => import('../planner/ReviewQueue').then((m) => ({ default: m.ReviewQueue })),
  },
  {
    path: '/planner/campaigns',
    roles: ['planner', 'admin'],
    nav: 'planner.nav.campaigns',
    load: () => import('../planner/CampaignList').then((m) => ({ default: m.CampaignList })),
  },
  {
    path: '/planner/briefs/:id',
    roles: ['planner', 'admin'],
    load: () => import('../planner/BriefDetail').then((m) => ({ default: m.BriefDetail })),
  },
  {
    path: '/planner/briefs/:id/campaign',
    roles: ['planner', 'admin'],
    load: () => import('../planner/CampaignSetup').then((m) => ({ default: m.CampaignSetup })),
  },
  {
    path: '/planner/scripts/:id',
    roles: ['planner', 'admin'],
    load: () => import('../planner/ScriptEditor').then((m) => ({ default: m.ScriptEditor })),
  },
  {
    path: '/planner/campaigns/:id',
    roles: ['planner', 'admin'],
    load: () => import('../planner/CampaignPage').then((m) => ({ default: m.CampaignPage })),
  },
];
