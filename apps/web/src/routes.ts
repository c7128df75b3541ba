import type { ComponentType } from 'react';
import type { SessionUser } from './api';

export type Role = SessionUser['role'];

/** What every page receives: who is signed in and the path's `:name` parameters. */
export interface PageProps {
  user: SessionUser;
  params: Record<string, string>;
}

/**
 * One page of the app. `path` may hold `:name` parameters (`/briefs/:id`). `nav` is the catalogue key of its link
 * in the header (pages without it are reached from other pages). `load` imports the page on first use, so each
 * role's bundle carries only what it opens (the agent desktop stays small).
 */
export interface PageRoute {
  path: string;
  roles: readonly Role[];
  nav?: string;
  load: () => Promise<{ default: ComponentType<PageProps> }>;
}

/** The `:name` parameters of `path` matched against `pattern`, or null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const a = pattern.split('/').filter(Boolean);
  const b = path.split('/').filter(Boolean);
  if (a.length !== b.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i].startsWith(':')) params[a[i].slice(1)] = decodeURIComponent(b[i]);
    else if (a[i] !== b[i]) return null;
  }
  return params;
}
