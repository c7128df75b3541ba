import http from 'node:http';
import https from 'node:https';
import { AriError, ariErrorCodeForStatus, ENDPOINT_UNREACHABLE, isAllocationFailed } from './ari.error';

export interface AriRestRequest {
  method: 'GET' | 'POST' | 'DELETE' | 'PUT';
  /** Path under /ari, e.g. `/channels/abc/answer`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  timeoutMs: number;
}

/** How the adapter reaches ARI's REST interface; a fake in unit tests. */
export interface AriRestTransport {
  request<T = unknown>(req: AriRestRequest): Promise<T>;
  close(): void;
}

export interface AriHttpTransportOptions {
  url: string;
  username: string;
  password: string;
  /** Socket cap (keep-alive pool); Asterisk drops connections beyond http.conf's sessionlimit. */
  maxSockets?: number;
}

/**
 * REST over node:http with a keep-alive agent, a socket cap and a per-request timeout. We do not use ari-client's
 * generated operations for REST: they go through Node's global agent with no socket cap and no timeout (under a
 * stall they open one socket per pending request and never settle) and they lose the HTTP status code. This
 * transport keeps the status (mapped to AriError codes) and costs less CPU per call.
 */
export class AriHttpTransport implements AriRestTransport {
  private readonly base: URL;
  private readonly agent: http.Agent;
  private readonly auth: string;
  private readonly lib: typeof http | typeof https;

  constructor(opts: AriHttpTransportOptions) {
    this.base = new URL(opts.url.replace(/\/+$/, '').replace(/\/ari$/, ''));
    this.lib = this.base.protocol === 'https:' ? https : http;
    const agentOpts = { keepAlive: true, maxSockets: opts.maxSockets ?? 64, maxFreeSockets: opts.maxSockets ?? 64 };
    this.agent = this.base.protocol === 'https:' ? new https.Agent(agentOpts) : new http.Agent(agentOpts);
    this.auth = 'Basic ' + Buffer.from(`${opts.username}:${opts.password}`).toString('base64');
  }

  request<T = unknown>(req: AriRestRequest): Promise<T> {
    let path = '/ari' + req.path;
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) params.append(k, String(v));
    const qs = params.toString();
    if (qs) path += '?' + qs;
    const payload = req.body === undefined ? undefined : JSON.stringify(req.body);
    const headers: http.OutgoingHttpHeaders = { authorization: this.auth, accept: 'application/json' };
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = (err: Error | undefined, value?: T) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (err) reject(err);
        else resolve(value as T);
      };
      const r = this.lib.request(
        {
          protocol: this.base.protocol,
          hostname: this.base.hostname,
          port: this.base.port,
          method: req.method,
          path,
          headers,
          agent: this.agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (e) => finish(new AriError('ari-unavailable', `ARI response failed: ${e.message}`)));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            let body: unknown = undefined;
            if (text) {
              try {
                body = JSON.parse(text);
              } catch {
                body = text;
              }
            }
            if (status >= 200 && status < 300) return finish(undefined, body as T);
            // Asterisk answers {"message": ...}, except `Allocation failed` which comes as {"error": ...}.
            const b = body as { message?: string; error?: string } | string | undefined;
            const message = typeof b === 'string' ? b : (b?.message ?? b?.error ?? res.statusMessage ?? '');
            if (isAllocationFailed(status, body)) {
              return finish(
                new AriError(
                  'ari-endpoint-unreachable',
                  `${req.method} ${req.path}: ${ENDPOINT_UNREACHABLE} (Asterisk: ${status} ${message})`,
                  503,
                  { body, asteriskStatus: status },
                ),
              );
            }
            finish(
              new AriError(ariErrorCodeForStatus(status), `${req.method} ${req.path}: ${status} ${message}`, status, {
                body,
              }),
            );
          });
        },
      );
      const timer = setTimeout(() => {
        finish(new AriError('ari-timeout', `${req.method} ${req.path}: no answer within ${req.timeoutMs} ms`));
        r.destroy();
      }, req.timeoutMs);
      r.on('error', (e: NodeJS.ErrnoException) =>
        finish(new AriError('ari-unavailable', `${req.method} ${req.path}: ${e.code ?? e.message}`)),
      );
      r.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
