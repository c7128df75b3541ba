import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { webStatic } from './web-static';

describe('webStatic (the built web app at /)', () => {
  let dir: string;
  let server: Server;
  let base: string;
  const get = (path: string, accept = 'text/html') => fetch(base + path, { headers: { accept } });

  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'web-static-'));
    dir = join(root, 'web');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(join(dir, '.stamp'), 'abc');
    writeFileSync(join(root, 'secret.txt'), 'outside');
    const mw = webStatic(dir)!;
    server = createServer((req, res) =>
      mw(req, res, () => {
        res.statusCode = 404;
        res.end('next');
      }),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(join(dir, '..'), { recursive: true, force: true });
  });

  it('is null when the app is not built', () => {
    expect(webStatic(join(dir, 'missing'))).toBeNull();
  });

  it('serves files, hashed assets cached for good and index.html revalidated', async () => {
    const js = await get('/assets/app-1234.js', '*/*');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(await js.text()).toBe('console.log(1)');
    const index = await get('/');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('root');
  });

  it("answers the app's own pages with index.html, so a reload works", async () => {
    for (const p of ['/agent', '/wallboard?x=1', '/floor/anything']) {
      const r = await get(p);
      expect(r.status).toBe(200);
      expect(await r.text()).toContain('root');
    }
  });

  it('leaves /api, /health, /socket.io, other methods, missing files and dotfiles to the next handler', async () => {
    for (const p of ['/api/campaigns', '/api', '/health', '/socket.io/?EIO=4', '/assets/gone.js', '/.stamp'])
      expect(await (await get(p)).text()).toBe('next');
    expect(await (await fetch(base + '/agent', { method: 'POST' })).text()).toBe('next');
    // A JSON client asking for an unknown path is not given HTML.
    expect(await (await get('/agent', 'application/json')).text()).toBe('next');
  });

  it('never serves a file outside its folder', async () => {
    // Raw requests: fetch would normalise the dots away before they reach the server.
    const raw = (path: string) =>
      new Promise<string>((resolve, reject) => {
        const req = request(base + '/', { path, headers: { accept: '*/*' } }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve(body));
        });
        req.on('error', reject);
        req.end();
      });
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/../../secret.txt',
    ])
      expect(await raw(p)).not.toContain('outside');
  });
});
