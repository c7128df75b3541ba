import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { PopulationModel } from '@app/population';
import { isOutcomeKind } from './sim-behaviour';
import { AriError, SimEngine, type EventSink, type SimChannel } from './sim-engine';
import { snoopChannel } from './sim-snoop';
import { distributionProblems, generatorQueueProblems, promptProblems } from './sim-inbound';
import { apiDeclaration, resourceListing } from './sim-swagger';
import type {
  AsteriskSimOptions,
  FailMode,
  InboundCall,
  InboundGeneratorConfig,
  NumberBehaviour,
  SimRequestLogEntry,
  SimStats,
} from './sim-types';

type Q = Record<string, string | undefined>;
interface Ctx {
  params: Record<string, string>;
  q: Q;
  body: unknown;
  variables?: Record<string, string>;
  baseUrl: string;
}
interface Reply {
  status: number;
  body?: unknown;
}
type Handler = (ctx: Ctx) => Reply | Promise<Reply>;
interface Route {
  method: string;
  regex: RegExp;
  keys: string[];
  handler: Handler;
}

const ok = (body: unknown): Reply => ({ status: 200, body });
const noContent: Reply = { status: 204 };

function compile(method: string, pattern: string, handler: Handler): Route {
  const keys: string[] = [];
  const src = pattern.replace(/\{([^}]+)\}/g, (_m, k: string) => {
    keys.push(k);
    return '([^/]+)';
  });
  return { method, regex: new RegExp(`^${src}$`), keys, handler };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A running simulator. */
export interface AsteriskSim {
  /** http://host:port */
  readonly url: string;
  /** http://host:port/ari */
  readonly ariUrl: string;
  readonly port: number;
  readonly username: string;
  readonly password: string;
  /** The engine, for white-box tests. */
  readonly engine: SimEngine;
  close(): Promise<void>;
  reset(): void;
  setNumberBehaviour(number: string, behaviour: NumberBehaviour | null): void;
  /** Makes an endpoint (e.g. `PJSIP/alice` or `alice`) an agent phone: it answers at once and never hangs up. */
  registerAgent(endpoint: string): void;
  /**
   * PJSIP endpoints that exist (patterns: `*` any text, `{1000-1999}` a number range); others answer 500
   * `Allocation failed` like an unconfigured or unregistered endpoint on Asterisk. `replace` drops the current set
   * (the default one included) first.
   */
  declareEndpoints(endpoints: string[], replace?: boolean): void;
  undeclareEndpoint(endpoint: string): void;
  declaredEndpoints(): string[];
  setPopulation(model: PopulationModel): void;
  injectInbound(call: InboundCall): { id: string; name: string } | undefined;
  setInboundGenerator(config: InboundGeneratorConfig): void;
  dropWebsockets(): void;
  setFailMode(mode: FailMode, delayMs?: number): void;
  setTimeScale(scale: number): void;
  /** The far end hangs up a channel (SIP BYE). */
  remoteHangup(channelId: string): void;
  /** The far end presses keys. */
  sendDtmf(channelId: string, digits: string): void;
  /** Channels and bridges with music on hold, with the class ('' = the default class). */
  moh(): { channels: Record<string, string>; bridges: Record<string, string> };
  requests(): SimRequestLogEntry[];
  clearRequests(): void;
  stats(): SimStats;
}

/** Starts the ARI-compatible simulator. */
export async function startAsteriskSim(opts: AsteriskSimOptions): Promise<AsteriskSim> {
  const host = opts.host ?? '127.0.0.1';
  const engine = new SimEngine({
    seed: opts.seed ?? 1,
    timeScale: opts.timeScale ?? 1,
    population: opts.population,
    asteriskId: opts.asteriskId ?? '02:fc:00:00:00:01',
  });
  const logLimit = opts.requestLogLimit ?? 20_000;
  let log: SimRequestLogEntry[] = [];
  let failMode: FailMode = 'none';
  let failDelayMs = 1000;
  const sockets = new Set<WebSocket>();
  const sinkOf = new Map<WebSocket, EventSink>();
  const startedAt = new Date().toISOString().replace('Z', '+0000');

  const authOk = (req: http.IncomingMessage, url: URL): boolean => {
    const apiKey = url.searchParams.get('api_key');
    if (apiKey != null) return apiKey === `${opts.username}:${opts.password}`;
    const h = req.headers.authorization;
    if (!h || !h.startsWith('Basic ')) return false;
    return Buffer.from(h.slice(6), 'base64').toString('utf8') === `${opts.username}:${opts.password}`;
  };

  const channelJson = (c: SimChannel): unknown => engine.snapshot(c);

  const ari: Route[] = [
    compile('GET', '/ari/channels', () => ok([...engine.channels.values()].map(channelJson))),
    compile('POST', '/ari/channels', (x) => ok(channelJson(engine.originate(x.q, x.variables)))),
    compile('POST', '/ari/channels/create', (x) => ok(channelJson(engine.create(x.q, x.variables)))),
    compile('GET', '/ari/channels/{channelId}', (x) => ok(channelJson(engine.getChannel(x.params.channelId)))),
    compile('POST', '/ari/channels/{channelId}', (x) =>
      ok(channelJson(engine.originate({ ...x.q, channelId: x.params.channelId }, x.variables))),
    ),
    compile('DELETE', '/ari/channels/{channelId}', (x) => {
      engine.hangup(x.params.channelId, x.q.reason_code, x.q.reason);
      return noContent;
    }),
    compile('POST', '/ari/channels/{channelId}/answer', (x) => {
      engine.answer(x.params.channelId);
      return noContent;
    }),
    compile('POST', '/ari/channels/{channelId}/continue', (x) => {
      engine.continueInDialplan(x.params.channelId, x.q);
      return noContent;
    }),
    compile('POST', '/ari/channels/{channelId}/dial', (x) => {
      engine.dial(x.params.channelId, x.q);
      return noContent;
    }),
    compile('POST', '/ari/channels/{channelId}/play', (x) => ({
      status: 201,
      body: engine.playbackSnapshot(engine.play({ kind: 'channel', id: x.params.channelId }, x.q)),
    })),
    compile('POST', '/ari/channels/{channelId}/play/{playbackId}', (x) => ({
      status: 201,
      body: engine.playbackSnapshot(engine.play({ kind: 'channel', id: x.params.channelId }, x.q, x.params.playbackId)),
    })),
    compile('POST', '/ari/channels/{channelId}/record', (x) => ({
      status: 201,
      body: engine.recordingSnapshot(engine.record(x.params.channelId, x.q)),
    })),
    compile('POST', '/ari/channels/{channelId}/snoop', (x) =>
      ok(channelJson(snoopChannel(engine, x.params.channelId, x.q))),
    ),
    compile('POST', '/ari/channels/{channelId}/snoop/{snoopId}', (x) =>
      ok(channelJson(snoopChannel(engine, x.params.channelId, x.q, x.params.snoopId))),
    ),
    compile('GET', '/ari/channels/{channelId}/variable', (x) =>
      ok(engine.getVariable(x.params.channelId, x.q.variable)),
    ),
    compile('POST', '/ari/channels/{channelId}/variable', (x) => {
      engine.setVariable(x.params.channelId, x.q.variable, x.q.value);
      return noContent;
    }),
    compile('POST', '/ari/channels/{channelId}/moh', (x) => {
      engine.startChannelMoh(x.params.channelId, x.q.mohClass);
      return noContent;
    }),
    compile('DELETE', '/ari/channels/{channelId}/moh', (x) => {
      engine.stopChannelMoh(x.params.channelId);
      return noContent;
    }),
    // Accepted and ignored: they change nothing the simulator models.
    ...['ring', 'dtmf', 'mute', 'hold', 'silence'].flatMap((what) =>
      ['POST', 'DELETE'].map((method) =>
        compile(method, `/ari/channels/{channelId}/${what}`, (x) => {
          engine.requireInStasis(x.params.channelId);
          return noContent;
        }),
      ),
    ),
    compile('GET', '/ari/bridges', () => ok([...engine.bridges.values()].map((b) => engine.bridgeSnapshot(b)))),
    compile('POST', '/ari/bridges', (x) => ok(engine.bridgeSnapshot(engine.createBridge(x.q)))),
    compile('POST', '/ari/bridges/{bridgeId}', (x) =>
      ok(engine.bridgeSnapshot(engine.createBridge(x.q, x.params.bridgeId))),
    ),
    compile('GET', '/ari/bridges/{bridgeId}', (x) => ok(engine.bridgeSnapshot(engine.getBridge(x.params.bridgeId)))),
    compile('DELETE', '/ari/bridges/{bridgeId}', (x) => {
      engine.destroyBridge(x.params.bridgeId);
      return noContent;
    }),
    compile('POST', '/ari/bridges/{bridgeId}/addChannel', (x) => {
      engine.addToBridge(x.params.bridgeId, x.q.channel);
      return noContent;
    }),
    compile('POST', '/ari/bridges/{bridgeId}/removeChannel', (x) => {
      engine.removeFromBridgeById(x.params.bridgeId, x.q.channel);
      return noContent;
    }),
    compile('POST', '/ari/bridges/{bridgeId}/moh', (x) => {
      engine.startBridgeMoh(x.params.bridgeId, x.q.mohClass);
      return noContent;
    }),
    compile('DELETE', '/ari/bridges/{bridgeId}/moh', (x) => {
      engine.stopBridgeMoh(x.params.bridgeId);
      return noContent;
    }),
    compile('POST', '/ari/bridges/{bridgeId}/play', (x) => ({
      status: 201,
      body: engine.playbackSnapshot(engine.play({ kind: 'bridge', id: x.params.bridgeId }, x.q)),
    })),
    compile('POST', '/ari/bridges/{bridgeId}/play/{playbackId}', (x) => ({
      status: 201,
      body: engine.playbackSnapshot(engine.play({ kind: 'bridge', id: x.params.bridgeId }, x.q, x.params.playbackId)),
    })),
    compile('GET', '/ari/playbacks/{playbackId}', (x) =>
      ok(engine.playbackSnapshot(engine.getPlayback(x.params.playbackId))),
    ),
    compile('DELETE', '/ari/playbacks/{playbackId}', (x) => {
      engine.stopPlayback(x.params.playbackId);
      return noContent;
    }),
    compile('GET', '/ari/recordings/live/{recordingName}', (x) =>
      ok(engine.recordingSnapshot(engine.getRecording(x.params.recordingName))),
    ),
    compile('DELETE', '/ari/recordings/live/{recordingName}', (x) => {
      engine.cancelRecording(x.params.recordingName);
      return noContent;
    }),
    compile('POST', '/ari/recordings/live/{recordingName}/stop', (x) => {
      engine.stopRecording(x.params.recordingName);
      return noContent;
    }),
    compile('GET', '/ari/asterisk/info', () =>
      ok({
        build: { os: 'Linux', kernel: 'sim', machine: 'x86_64', options: 'asterisk-sim', date: startedAt, user: 'sim' },
        system: { version: '22.10.1-sim', entity_id: engine.asteriskId },
        config: { name: 'asterisk-sim', default_language: 'en', setid: { user: 'asterisk', group: 'asterisk' } },
        status: { startup_time: startedAt, last_reload_time: startedAt },
      }),
    ),
    compile('GET', '/ari/asterisk/ping', () =>
      ok({ asterisk_id: engine.asteriskId, ping: 'pong', timestamp: new Date().toISOString().replace('Z', '+0000') }),
    ),
    compile('GET', '/ari/applications', () =>
      ok([...engine.appOwners.keys()].map((a) => engine.applicationSnapshot(a))),
    ),
    compile('GET', '/ari/applications/{applicationName}', (x) => {
      if (!engine.appOwners.has(x.params.applicationName))
        throw new AriError(404, { message: 'Application not found' });
      return ok(engine.applicationSnapshot(x.params.applicationName));
    }),
    compile('GET', '/ari/endpoints', () => ok(engine.endpoints())),
    compile('GET', '/ari/endpoints/{tech}', (x) =>
      ok(engine.endpoints().filter((e) => String(e.technology).toLowerCase() === x.params.tech.toLowerCase())),
    ),
  ];

  const sim: Route[] = [
    compile('POST', '/_sim/reset', () => {
      api.reset();
      return noContent;
    }),
    compile('GET', '/_sim/requests', (x) => {
      const out = api.requests();
      if (x.q.clear === 'true' || x.q.clear === '1') api.clearRequests();
      return ok(out);
    }),
    compile('DELETE', '/_sim/requests', () => {
      api.clearRequests();
      return noContent;
    }),
    compile('GET', '/_sim/numbers', () => ok(Object.fromEntries(engine.numbers))),
    compile('PUT', '/_sim/numbers/{number}', (x) => {
      const b = x.body;
      if (!isRecord(b) || typeof b.outcome !== 'string' || !isOutcomeKind(b.outcome)) {
        throw new AriError(400, { message: 'outcome must be one of the simulated outcomes' });
      }
      api.setNumberBehaviour(x.params.number, b as unknown as NumberBehaviour);
      return noContent;
    }),
    compile('DELETE', '/_sim/numbers/{number}', (x) => {
      api.setNumberBehaviour(x.params.number, null);
      return noContent;
    }),
    compile('PUT', '/_sim/agents/{endpoint}', (x) => {
      api.registerAgent(x.params.endpoint);
      return noContent;
    }),
    compile('GET', '/_sim/endpoints', () => ok({ endpoints: api.declaredEndpoints() })),
    ...(['PUT', 'POST'] as const).map((method) =>
      compile(method, '/_sim/endpoints', (x) => {
        const list = isRecord(x.body) ? x.body.endpoints : undefined;
        if (!Array.isArray(list) || list.some((e) => typeof e !== 'string' || !e.includes('/'))) {
          throw new AriError(400, { message: 'endpoints must be a list of Tech/resource patterns' });
        }
        api.declareEndpoints(list as string[], method === 'PUT');
        return noContent;
      }),
    ),
    compile('DELETE', '/_sim/endpoints/{endpoint}', (x) => {
      api.undeclareEndpoint(x.params.endpoint);
      return noContent;
    }),
    compile('GET', '/_sim/population', () => ok(engine.population)),
    compile('PUT', '/_sim/population', (x) => {
      if (!isRecord(x.body)) throw new AriError(400, { message: 'population model expected' });
      api.setPopulation(x.body as unknown as PopulationModel);
      return noContent;
    }),
    compile('POST', '/_sim/inbound', (x) => {
      const b = isRecord(x.body) ? x.body : {};
      const number = String(b.number ?? b.did ?? b.queue ?? '');
      if (!number) throw new AriError(400, { message: 'number (DID) is required' });
      const problems = [
        ...(b.patience === undefined ? [] : distributionProblems('patience', b.patience)),
        ...promptProblems('prompts', b.prompts),
      ];
      if (problems.length) throw new AriError(400, { message: problems.join('; ') });
      const created = api.injectInbound({ ...(b as Partial<InboundCall>), number });
      if (!created) throw new AriError(409, { message: 'Stasis app not active' });
      return { status: 201, body: created };
    }),
    compile('PUT', '/_sim/inbound-generator', (x) => {
      const b = isRecord(x.body) ? x.body : { queues: [] };
      const queues = b.queues ?? [];
      const problems = Array.isArray(queues)
        ? queues.flatMap((q, i) => generatorQueueProblems(`queues.${i}`, q))
        : ['queues: a list is required'];
      if (b.simulatedStart !== undefined && !Number.isFinite(Date.parse(String(b.simulatedStart)))) {
        problems.push('simulatedStart: an ISO 8601 instant is required');
      }
      if (problems.length) throw new AriError(400, { message: problems.join('; ') });
      api.setInboundGenerator(b as unknown as InboundGeneratorConfig);
      return noContent;
    }),
    compile('GET', '/_sim/moh', () => ok(engine.mohState())),
    compile('POST', '/_sim/drop-websockets', () => {
      api.dropWebsockets();
      return noContent;
    }),
    compile('PUT', '/_sim/fail-mode', (x) => {
      const b = isRecord(x.body) ? x.body : {};
      const mode = String(b.mode ?? 'none') as FailMode;
      if (!['none', 'http-500', 'drop', 'slow'].includes(mode)) throw new AriError(400, { message: 'bad mode' });
      api.setFailMode(mode, typeof b.delayMs === 'number' ? b.delayMs : undefined);
      return noContent;
    }),
    compile('PUT', '/_sim/time-scale', (x) => {
      const scale = isRecord(x.body) ? Number(x.body.scale) : NaN;
      if (!(scale > 0)) throw new AriError(400, { message: 'scale must be > 0' });
      api.setTimeScale(scale);
      return noContent;
    }),
    compile('GET', '/_sim/stats', () => ok(api.stats())),
    compile('POST', '/_sim/channels/{channelId}/hangup', (x) => {
      api.remoteHangup(x.params.channelId);
      return noContent;
    }),
    compile('POST', '/_sim/channels/{channelId}/dtmf', (x) => {
      const digits = isRecord(x.body) ? String(x.body.digits ?? '') : (x.q.digits ?? '');
      api.sendDtmf(x.params.channelId, digits);
      return noContent;
    }),
  ];

  const send = (res: http.ServerResponse, reply: Reply): void => {
    if (reply.status === 204 || reply.body === undefined) {
      res.writeHead(reply.status, { 'content-length': '0' });
      res.end();
      return;
    }
    const data = JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) });
    res.end(data);
  };

  const readBody = (req: http.IncomingMessage): Promise<string> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const hostHeader = req.headers.host ?? `${host}:${port}`;
    const baseUrl = `http://${hostHeader}`;
    const url = new URL(req.url ?? '/', baseUrl);
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const method = (req.method ?? 'GET').toUpperCase();
    const isAri = path === '/ari' || path.startsWith('/ari/');
    const isSim = path.startsWith('/_sim/');
    if (!isAri && !isSim) return send(res, { status: 404, body: { message: 'Not found' } });
    if (!authOk(req, url)) {
      res.writeHead(401, {
        'content-type': 'application/json',
        'www-authenticate': 'Basic realm="Asterisk REST Interface"',
      });
      res.end(JSON.stringify({ message: 'Authentication required' }));
      return;
    }
    if (isAri && failMode !== 'none') {
      if (failMode === 'drop') {
        req.socket.destroy();
        return;
      }
      if (failMode === 'http-500') return send(res, { status: 500, body: { message: 'simulated failure' } });
      await new Promise((r) => setTimeout(r, failDelayMs));
    }

    // swagger descriptions: basePath follows the host the request came in on
    if (method === 'GET' && path.startsWith('/ari/api-docs/')) {
      const name = path.slice('/ari/api-docs/'.length).replace(/\.json$/, '');
      const doc = name === 'resources' ? resourceListing(baseUrl) : apiDeclaration(name, baseUrl);
      return send(res, doc ? ok(doc) : { status: 404, body: { message: 'Not found' } });
    }

    const raw = await readBody(req);
    let body: unknown = undefined;
    const contentType = req.headers['content-type'] ?? '';
    if (raw.length > 0) {
      if (contentType.includes('application/x-www-form-urlencoded')) {
        body = Object.fromEntries(new URLSearchParams(raw));
      } else {
        try {
          body = JSON.parse(raw);
        } catch {
          return send(res, { status: 400, body: { message: 'Invalid JSON body' } });
        }
      }
    }
    const q: Q = {};
    for (const [k, v] of url.searchParams) if (k !== 'api_key') q[k] = v;
    let variables: Record<string, string> | undefined;
    if (isRecord(body)) {
      // ARI takes parameters from the query string or from a JSON body; `variables` is an object
      for (const [k, v] of Object.entries(body)) {
        if (k === 'variables' && isRecord(v)) {
          variables = Object.fromEntries(Object.entries(v).map(([vk, vv]) => [vk, String(vv)]));
        } else if (v != null && typeof v !== 'object' && q[k] === undefined) {
          q[k] = String(v);
        }
      }
    }

    const entry: SimRequestLogEntry | undefined = isAri
      ? {
          method,
          path,
          query: Object.fromEntries(Object.entries(q).map(([k, v]) => [k, v ?? ''])),
          body,
          time: new Date().toISOString(),
        }
      : undefined;
    if (entry) {
      log.push(entry);
      if (log.length > logLimit) log = log.slice(log.length - Math.floor(logLimit * 0.9));
    }

    const routes = isAri ? ari : sim;
    let matchedPath = false;
    for (const r of routes) {
      const m = r.regex.exec(path);
      if (!m) continue;
      matchedPath = true;
      if (r.method !== method) continue;
      const params: Record<string, string> = {};
      r.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1])));
      let reply: Reply;
      try {
        reply = await r.handler({ params, q, body, variables, baseUrl });
      } catch (err) {
        if (err instanceof AriError) reply = { status: err.status, body: err.body };
        else reply = { status: 500, body: { message: err instanceof Error ? err.message : String(err) } };
      }
      if (entry) entry.status = reply.status;
      return send(res, reply);
    }
    const reply: Reply = matchedPath
      ? { status: 405, body: { message: 'Method not allowed' } }
      : { status: 501, body: { message: 'not simulated' } };
    if (entry) entry.status = reply.status;
    return send(res, reply);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: { message: String(err) } });
    });
  });
  server.keepAliveTimeout = 30_000;
  const wss = new WebSocketServer({ noServer: true });

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`);
    const reject = (status: number, text: string): void => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    };
    if (url.pathname.replace(/\/+$/, '') !== '/ari/events') return reject(404, 'Not Found');
    if (!authOk(req, url)) return reject(401, 'Unauthorized');
    const apps = (url.searchParams.get('app') ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    if (apps.length === 0) return reject(400, 'Bad Request');
    const subscribeAll = ['true', '1', 'yes'].includes((url.searchParams.get('subscribeAll') ?? '').toLowerCase());
    wss.handleUpgrade(req, socket, head, (ws) => {
      const sink: EventSink = {
        apps: new Set(apps),
        subscribeAll,
        send: (data) => {
          if (ws.readyState === ws.OPEN) ws.send(data);
        },
      };
      sockets.add(ws);
      sinkOf.set(ws, sink);
      engine.sinks.add(sink);
      for (const app of apps) {
        const previous = engine.appOwners.get(app);
        if (previous && previous !== sink) {
          previous.send(
            JSON.stringify({
              type: 'ApplicationReplaced',
              timestamp: new Date().toISOString().replace('Z', '+0000'),
              asterisk_id: engine.asteriskId,
              application: app,
            }),
          );
          engine.eventsSent++;
        }
        engine.appOwners.set(app, sink);
      }
      ws.on('close', () => {
        sockets.delete(ws);
        sinkOf.delete(ws);
        engine.sinks.delete(sink);
        for (const app of apps) if (engine.appOwners.get(app) === sink) engine.appOwners.delete(app);
      });
      ws.on('error', () => undefined);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;

  const api: AsteriskSim = {
    url,
    ariUrl: `${url}/ari`,
    port,
    username: opts.username,
    password: opts.password,
    engine,
    async close() {
      engine.close();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    reset() {
      engine.reset();
      log = [];
      failMode = 'none';
    },
    setNumberBehaviour(number, behaviour) {
      if (behaviour) engine.numbers.set(number, behaviour);
      else engine.numbers.delete(number);
    },
    registerAgent(endpoint) {
      engine.agents.add(endpoint);
    },
    declareEndpoints(endpoints, replace = false) {
      if (replace) engine.declared.clear();
      for (const e of endpoints) engine.declared.add(e);
    },
    undeclareEndpoint(endpoint) {
      engine.declared.delete(endpoint);
    },
    declaredEndpoints: () => [...engine.declared],
    setPopulation(model) {
      engine.setPopulation(model);
    },
    injectInbound(call) {
      const c = engine.injectInbound(call);
      return c ? { id: c.id, name: c.name } : undefined;
    },
    setInboundGenerator(config) {
      engine.setInboundGenerator(config);
    },
    dropWebsockets() {
      for (const ws of sockets) ws.terminate();
    },
    setFailMode(mode, delayMs) {
      failMode = mode;
      if (delayMs != null) failDelayMs = delayMs;
    },
    setTimeScale(scale) {
      engine.timeScale = scale;
    },
    remoteHangup(channelId) {
      engine.remoteHangup(engine.getChannel(channelId));
    },
    sendDtmf(channelId, digits) {
      engine.sendDtmfFromFarEnd(channelId, digits);
    },
    moh: () => engine.mohState(),
    requests: () => [...log],
    clearRequests() {
      log = [];
    },
    stats: () => engine.stats(sockets.size, log.length),
  };
  return api;
}
