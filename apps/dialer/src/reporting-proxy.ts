import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** What the dialer forwards to the reporting app: its API (`/api/reports/...`), nothing else. */
export const REPORTING_PATHS = /^\/api\/reports(\/|\?|$)/;

/** Headers that belong to one connection, never forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

type Next = (err?: unknown) => void;

function forwardable(headers: IncomingMessage['headers']): OutgoingHttpHeaders {
  const named = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
  const out: OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(headers))
    if (v !== undefined && !HOP_BY_HOP.has(k) && !named.has(k) && k !== 'host') out[k] = v;
  return out;
}

/**
 * Forwards `/api/reports/**` to the reporting app, so the web app reaches the reports on its own origin (the CSP
 * allows `connect-src 'self'` only). Bodies stream both ways (exports are large: nothing is buffered), the
 * Authorization header, the status and the headers pass through; the reporting app does its own authentication
 * and department scoping. When it does not answer, the caller gets a 502 naming the setting that points at it.
 */
export function reportingProxy(
  target: () => string,
  setting = 'REPORTING_URL',
): (req: IncomingMessage, res: ServerResponse, next: Next) => void {
  return (req, res, next) => {
    const url = req.url ?? '/';
    if (!REPORTING_PATHS.test(url)) return next();
    const base = new URL(target());
    const to = new URL(url, base);
    const headers = forwardable(req.headers);
    headers.host = to.host;
    const client = req.socket.remoteAddress;
    if (client)
      headers['x-forwarded-for'] = req.headers['x-forwarded-for']
        ? `${String(req.headers['x-forwarded-for'])}, ${client}`
        : client;
    headers['x-forwarded-host'] ??= req.headers.host;
    const send = to.protocol === 'https:' ? httpsRequest : httpRequest;
    const upstream = send(to, { method: req.method, headers });

    upstream.on('response', (answer) => {
      res.statusCode = answer.statusCode ?? 502;
      for (const [k, v] of Object.entries(forwardable(answer.headers))) if (v !== undefined) res.setHeader(k, v);
      answer.pipe(res);
      answer.on('error', () => res.destroy());
      // a client that goes away stops the export upstream too
      res.on('close', () => {
        if (!res.writableFinished) answer.destroy();
      });
    });
    upstream.on('error', (e: NodeJS.ErrnoException) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const body = JSON.stringify({
        error: 'reporting-unavailable',
        message: `the reporting app at ${base.origin} did not answer (${e.code ?? e.message}); start it (npm run start:reporting) or set ${setting}`,
        details: [{ field: setting, reason: `${base.origin} did not answer: ${e.code ?? e.message}` }],
      });
      res.statusCode = 502;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('content-length', Buffer.byteLength(body));
      res.end(body);
    });
    req.on('aborted', () => upstream.destroy());
    req.pipe(upstream);
  };
}
