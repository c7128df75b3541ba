import type { INestApplication } from '@nestjs/common';

export interface RouteInfo {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route the app's HTTP server answers, read from the Express router (what is really mounted). */
export function listRoutes(app: INestApplication): RouteInfo[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const out: RouteInfo[] = [];
  for (const layer of stack) {
    if (!layer.route) continue;
    for (const [m, on] of Object.entries(layer.route.methods))
      if (on && m !== '_all') out.push({ method: m.toUpperCase(), path: layer.route.path });
  }
  return out;
}

/** Fills `:param` segments with a syntactically valid value. */
export const concretePath = (path: string): string =>
  path.replace(/:([A-Za-z0-9_]+)(\([^)]*\))?\??/g, '00000000-0000-4000-8000-000000000000');
