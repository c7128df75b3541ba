import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** Where `npm run build` puts the web app (apps/web → dist/web), relative to the working directory. */
export const DEFAULT_WEB_DIR = resolve('dist', 'web');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Paths the API, the health check and socket.io own: never answered with the web app. */
const SERVER_PATHS = /^\/(api|health|socket\.io)(\/|$|\?)/;

type Next = (err?: unknown) => void;

/**
 * A small static file middleware for the built web app: files under `dir`, and `index.html` for any other GET
 * that asks for HTML (the app's own routes, e.g. /agent, /wallboard), so a reload on a page works. Hashed files
 * under /assets are cached for a year; index.html is revalidated every time.
 */
export function webStatic(dir: string): ((req: IncomingMessage, res: ServerResponse, next: Next) => void) | null {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return null;
  const send = (res: ServerResponse, file: string, method: string): void => {
    const ext = extname(file);
    const size = statSync(file).size;
    res.statusCode = 200;
    res.setHeader('content-type', TYPES[ext] ?? 'application/octet-stream');
    res.setHeader('content-length', size);
    res.setHeader(
      'cache-control',
      file.startsWith(join(root, 'assets') + sep) ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    res.setHeader('x-content-type-options', 'nosniff');
    if (method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  };
  return (req, res, next) => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    if ((method !== 'GET' && method !== 'HEAD') || SERVER_PATHS.test(url)) return next();
    let path: string;
    try {
      path = decodeURIComponent(url.split('?')[0] ?? '/');
    } catch {
      return next();
    }
    if (path.includes('/.')) return next();
    const file = normalize(join(root, path));
    if (file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile()) return send(res, file, method);
    // An unknown file with an extension (a stale asset) is a 404, not the app.
    if (extname(path) !== '' || !(req.headers.accept ?? '*/*').match(/text\/html|\*\/\*/)) return next();
    send(res, index, method);
  };
}
