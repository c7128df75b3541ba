import type { INestApplication } from '@nestjs/common';
import helmet from 'helmet';

type Handler = (req: unknown, res: unknown, next: (err?: unknown) => void) => void;

/**
 * The Content-Security-Policy of the API and of the web app that will be served from the same origin: only our own
 * scripts, styles and connections (plus socket.io's WebSocket), nothing may frame us, nothing inline.
 */
export const APP_CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'", 'ws:', 'wss:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Swagger UI's page carries an inline `<style>` and draws its icons from data: URLs; only /api/docs gets this. */
const DOCS_CSP_DIRECTIVES = { ...APP_CSP_DIRECTIVES, styleSrc: ["'self'", "'unsafe-inline'"] };

const options = (directives: Record<string, string[]>): Parameters<typeof helmet>[0] => ({
  contentSecurityPolicy: { useDefaults: false, directives },
  frameguard: { action: 'deny' },
  // The apps may run behind plain HTTP in a lab; HSTS belongs to the TLS terminator in front of them.
  strictTransportSecurity: false,
});

/** helmet on every response (CSP, frame-ancestors 'none', nosniff, no X-Powered-By, ...). */
export function applySecurityHeaders(app: INestApplication): void {
  const express = app.getHttpAdapter().getInstance() as { disable?: (setting: string) => void };
  express.disable?.('x-powered-by');
  const strict = helmet(options(APP_CSP_DIRECTIVES)) as Handler;
  const docs = helmet(options(DOCS_CSP_DIRECTIVES)) as Handler;
  app.use((req: { path?: string; url?: string }, res: unknown, next: (err?: unknown) => void) => {
    const path = req.path ?? req.url ?? '';
    (path === '/api/docs' || path.startsWith('/api/docs/') ? docs : strict)(req, res, next);
  });
}
