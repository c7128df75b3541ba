import { afterEach, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AriError } from './ari.error';
import type { RawAriEvent } from './ari-event.mapper';
import type { AriEventStream, AriEventStreamFactory, AriEventStreamHandlers } from './ari-event.stream';
import { AriHttpTransport, type AriRestRequest, type AriRestTransport } from './ari-http.transport';
import { AriTelephonyAdapter } from './ari-telephony.adapter';
import type { TelephonyEvent, TelephonyStatusChange } from './telephony-event.types';

async function until(cond: () => boolean, what: string, deadlineMs = 2000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}

type Handler = (req: AriRestRequest) => unknown;

class FakeTransport implements AriRestTransport {
  readonly requests: AriRestRequest[] = [];
  inFlight = 0;
  maxInFlight = 0;
  handler: Handler = () => ({});
  channels: Record<string, unknown>[] = [];
  bridges: Record<string, unknown>[] = [];

  async request<T>(req: AriRestRequest): Promise<T> {
    this.requests.push(req);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (req.method === 'GET' && req.path === '/channels') return this.channels as T;
      if (req.method === 'GET' && req.path === '/bridges') return this.bridges as T;
      const out = this.handler(req);
      return (await out) as T;
    } finally {
      this.inFlight--;
    }
  }
  close(): void {}
  sent(method: string, path: string): AriRestRequest[] {
    return this.requests.filter((r) => r.method === method && r.path === path);
  }
}

class FakeStreams {
  handlers: AriEventStreamHandlers[] = [];
  closed = 0;
  failNext = 0;
  readonly factory: AriEventStreamFactory = async (h) => {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('connect ECONNREFUSED');
    }
    this.handlers.push(h);
    h.onUp();
    const stream: AriEventStream = { close: () => void this.closed++ };
    return stream;
  };
  get last(): AriEventStreamHandlers {
    return this.handlers[this.handlers.length - 1];
  }
  send(raw: RawAriEvent): void {
    this.last.onEvent(raw);
  }
}

const chan = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `PJSIP/x-${id}`,
  state: 'Up',
  caller: { name: '', number: '' },
  connected: { name: '', number: '' },
  dialplan: { context: 'dialer-test', exten: 's', priority: 1, app_name: 'Stasis', app_data: 'dialer,outbound' },
  creationtime: '',
  ...extra,
});

const adapters: AriTelephonyAdapter[] = [];
function make(opts: Partial<ConstructorParameters<typeof AriTelephonyAdapter>[0]> = {}) {
  const transport = new FakeTransport();
  const streams = new FakeStreams();
  const adapter = new AriTelephonyAdapter({
    url: 'http://asterisk:8088',
    username: 'dialer',
    password: 'secret',
    app: 'dialer',
    transport,
    eventStreamFactory: streams.factory,
    reconnect: { initialDelayMs: 1, maxDelayMs: 5 },
    ...opts,
  });
  adapters.push(adapter);
  return { adapter, transport, streams };
}

afterEach(async () => {
  await Promise.all(adapters.splice(0).map((a) => a.stop()));
});

describe('AriTelephonyAdapter', () => {
  it('checks credentials, opens the events socket and reports up', async () => {
    const { adapter, transport } = make();
    const changes: TelephonyStatusChange[] = [];
    adapter.onStatus((c) => changes.push(c));
    expect(adapter.status()).toBe('down');
    await adapter.start();
    expect(adapter.status()).toBe('up');
    expect(transport.requests[0]).toMatchObject({ method: 'GET', path: '/asterisk/info' });
    expect(changes.map((c) => c.status)).toEqual(['up']);
  });

  it('rejects start with ari-auth-failed on bad credentials and never opens the socket', async () => {
    const { adapter, transport, streams } = make();
    transport.handler = () => {
      throw new AriError('ari-auth-failed', 'GET /asterisk/info: 401 Unauthorized', 401);
    };
    await expect(adapter.start()).rejects.toMatchObject({ code: 'ari-auth-failed', status: 401 });
    expect(streams.handlers).toHaveLength(0);
    expect(adapter.status()).toBe('down');
  });

  it('fails operations fast with ari-unavailable while down', async () => {
    const { adapter, transport } = make();
    await expect(adapter.originate({ channelId: 'c1', endpoint: 'PJSIP/1' })).rejects.toMatchObject({
      code: 'ari-unavailable',
      status: 503,
    });
    expect(transport.requests).toHaveLength(0);
  });

  it('originates with the client id, caller ID, timeout, variables and ulaw by default', async () => {
    const { adapter, transport } = make();
    transport.handler = (r) => chan(String(r.query?.channelId), { state: 'Down' });
    await adapter.start();
    const c = await adapter.originate({
      channelId: 'c1',
      endpoint: 'Local/answer@dialer-test',
      appArgs: ['outbound', 'a1'],
      callerId: '"Dialer" <5551000>',
      timeoutSeconds: 20,
      variables: { ATTEMPT: 'a1' },
    });
    expect(c).toMatchObject({ id: 'c1', state: 'Down' });
    expect(transport.sent('POST', '/channels')[0]).toMatchObject({
      query: {
        endpoint: 'Local/answer@dialer-test',
        app: 'dialer',
        appArgs: 'outbound,a1',
        channelId: 'c1',
        callerId: '"Dialer" <5551000>',
        timeout: 20,
        formats: 'ulaw',
      },
      body: { variables: { ATTEMPT: 'a1' } },
    });
    await adapter.createChannel({ channelId: 'c2', endpoint: 'PJSIP/2', callerId: '5551000', formats: 'alaw' });
    expect(transport.sent('POST', '/channels/create')[0]).toMatchObject({
      query: { channelId: 'c2', formats: 'alaw' },
      body: { variables: { 'CALLERID(all)': '5551000' } },
    });
  });

  it('maps events to plain typed events', async () => {
    const { adapter, streams } = make();
    const got: TelephonyEvent[] = [];
    adapter.subscribe((e) => got.push(e));
    await adapter.start();
    streams.send({
      type: 'StasisStart',
      timestamp: 't',
      args: ['inbound', 'sales'],
      channel: chan('in1', { state: 'Ring' }),
    });
    streams.send({ type: 'ChannelVarset', timestamp: 't', channel: chan('in1') });
    streams.send({ type: 'Dial', timestamp: 't', dialstatus: 'BUSY', dialstring: 'x', peer: chan('c9') });
    streams.send({ type: 'ChannelHangupRequest', timestamp: 't', cause: 32, soft: true, channel: chan('in1') });
    expect(got).toEqual([
      expect.objectContaining({ type: 'stasisStart', channelId: 'in1', args: ['inbound', 'sales'] }),
      { type: 'dial', timestamp: 't', channelId: 'c9', dialstatus: 'BUSY', dialstring: 'x' },
      { type: 'hangupRequest', timestamp: 't', channelId: 'in1', cause: 32, soft: true },
    ]);
    expect(JSON.parse(JSON.stringify(got))).toEqual(got);
  });

  it('goes down on a socket drop, fails fast, and reconciles after it is back', async () => {
    const { adapter, transport, streams } = make();
    transport.handler = (r) => chan(String(r.query?.channelId ?? 'x'));
    const got: TelephonyEvent[] = [];
    adapter.subscribe((e) => got.push(e));
    await adapter.start();
    await until(() => adapter.stats().reconciles === 1 && adapter.stats().inFlight === 0, 'first reconcile');
    await adapter.originate({ channelId: 'kept', endpoint: 'PJSIP/1' });
    await adapter.originate({ channelId: 'vanished', endpoint: 'PJSIP/2' });

    streams.last.onDown('events socket reconnecting');
    expect(adapter.status()).toBe('down');
    await expect(adapter.answer('kept')).rejects.toMatchObject({ code: 'ari-unavailable' });

    transport.channels = [
      chan('kept'),
      chan('stranger'), // in our app, unknown to us: hung up
      chan('other-app', { dialplan: { app_name: 'Stasis', app_data: 'someone-else' } }),
    ];
    streams.last.onUp();
    expect(adapter.status()).toBe('up');
    await until(() => transport.sent('DELETE', '/channels/stranger').length === 1, 'orphan hangup');
    expect(transport.sent('DELETE', '/channels/other-app')).toHaveLength(0);
    expect(got).toContainEqual(
      expect.objectContaining({ type: 'destroyed', channelId: 'vanished', lost: true, causeTxt: 'lost' }),
    );
    expect(got.filter((e) => e.type === 'destroyed' && e.channelId === 'kept')).toHaveLength(0);
    expect(adapter.stats().reconnects).toBe(1);
  });

  it('opens a new socket forever after ari-client gives up, with backoff', async () => {
    const { adapter, streams } = make();
    await adapter.start();
    streams.failNext = 3;
    streams.last.onGiveUp('events socket gave up');
    expect(adapter.status()).toBe('down');
    await until(() => adapter.status() === 'up', 'reconnected');
    expect(streams.handlers).toHaveLength(2);
    expect(streams.failNext).toBe(0);
  });

  it('times out an operation, reconciles, and hangs up the channel if Asterisk makes it later', async () => {
    const { adapter, transport, streams } = make({ opTimeoutMs: 50 });
    await adapter.start();
    await until(() => adapter.stats().reconciles === 1 && adapter.stats().inFlight === 0, 'first reconcile');
    transport.handler = (r) =>
      r.path === '/channels'
        ? Promise.reject(new AriError('ari-timeout', 'POST /channels: no answer within 50 ms'))
        : {};
    await expect(adapter.originate({ channelId: 'late', endpoint: 'PJSIP/1' })).rejects.toMatchObject({
      code: 'ari-timeout',
    });
    await until(() => adapter.stats().reconciles >= 2, 'reconcile after timeout');
    const got: TelephonyEvent[] = [];
    adapter.subscribe((e) => got.push(e));
    streams.send({ type: 'StasisStart', timestamp: 't', args: ['outbound'], channel: chan('late') });
    await until(() => transport.sent('DELETE', '/channels/late').length === 1, 'late channel hung up');
    expect(got).toHaveLength(0);
  });

  it('bounds requests in flight and times out those that wait too long', async () => {
    const { adapter, transport } = make({ maxInFlight: 2, opTimeoutMs: 200 });
    await adapter.start();
    await until(() => adapter.stats().reconciles === 1 && adapter.stats().inFlight === 0, 'first reconcile');
    const gates: (() => void)[] = [];
    transport.handler = () => new Promise<void>((r) => gates.push(r));
    const ops = [1, 2, 3, 4].map((i) => adapter.answer(`c${i}`));
    await until(() => gates.length === 2, 'two requests sent');
    expect(transport.inFlight).toBe(2);
    gates.splice(0).forEach((g) => g());
    await until(() => gates.length === 2, 'next two requests sent');
    gates.splice(0).forEach((g) => g());
    await Promise.all(ops);
    expect(transport.maxInFlight).toBe(2);
  });

  it('maps hangup causes to Asterisk reasons', async () => {
    const { adapter, transport } = make();
    await adapter.start();
    await adapter.hangup('c1', 17);
    await adapter.hangup('c2');
    await adapter.hangup('c3', 102);
    expect(transport.sent('DELETE', '/channels/c1')[0].query).toEqual({ reason: 'busy' });
    expect(transport.sent('DELETE', '/channels/c2')[0].query).toEqual({ reason: 'normal' });
    expect(transport.sent('DELETE', '/channels/c3')[0].query).toEqual({ reason_code: 102 });
  });
});

describe('AriHttpTransport', () => {
  let server: http.Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    server = undefined;
  });

  async function serve(handler: http.RequestListener): Promise<string> {
    server = http.createServer(handler);
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  }

  it('sends basic auth and JSON, and maps status codes to error codes', async () => {
    const seen: { auth?: string; url?: string; body: string }[] = [];
    const url = await serve((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ auth: req.headers.authorization, url: req.url, body });
        if (req.url?.startsWith('/ari/channels/gone')) {
          res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Channel not found"}');
        } else if (req.url?.startsWith('/ari/endpoints')) {
          res.writeHead(500).end('{"error":"Allocation failed"}');
        } else if (req.url?.startsWith('/ari/asterisk')) {
          res.writeHead(500).end('{"message":"Internal Server Error"}');
        } else res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"c1"}');
      });
    });
    const t = new AriHttpTransport({ url: url + '/ari', username: 'u', password: 'p' });
    await expect(
      t.request({
        method: 'POST',
        path: '/channels',
        query: { a: 'x y', skip: undefined },
        body: { variables: { V: '1' } },
        timeoutMs: 1000,
      }),
    ).resolves.toEqual({ id: 'c1' });
    expect(seen[0]).toEqual({
      auth: 'Basic ' + Buffer.from('u:p').toString('base64'),
      url: '/ari/channels?a=x+y',
      body: '{"variables":{"V":"1"}}',
    });
    await expect(t.request({ method: 'DELETE', path: '/channels/gone', timeoutMs: 1000 })).rejects.toMatchObject({
      code: 'ari-not-found',
      status: 404,
      message: expect.stringContaining('Channel not found'),
    });
    // Asterisk 22 answers an unknown / unreachable / unregistered endpoint with 500 Allocation failed: not a
    // server fault, and the message must say what to check.
    await expect(t.request({ method: 'GET', path: '/endpoints', timeoutMs: 1000 })).rejects.toMatchObject({
      code: 'ari-endpoint-unreachable',
      status: 503,
      message: expect.stringContaining('endpoint not reachable or not registered'),
      details: { asteriskStatus: 500 },
    });
    await expect(t.request({ method: 'GET', path: '/asterisk/info', timeoutMs: 1000 })).rejects.toMatchObject({
      code: 'ari-server-error',
      status: 500,
    });
    t.close();
  });

  it('times out a request that gets no answer', async () => {
    const url = await serve(() => undefined);
    const t = new AriHttpTransport({ url, username: 'u', password: 'p' });
    await expect(t.request({ method: 'GET', path: '/channels', timeoutMs: 50 })).rejects.toMatchObject({
      code: 'ari-timeout',
    });
    t.close();
  });

  it('reports an unreachable server as ari-unavailable', async () => {
    const url = await serve(() => undefined);
    server!.close();
    await new Promise((r) => setImmediate(r));
    const t = new AriHttpTransport({ url, username: 'u', password: 'p' });
    await expect(t.request({ method: 'GET', path: '/asterisk/info', timeoutMs: 1000 })).rejects.toMatchObject({
      code: 'ari-unavailable',
      status: 503,
    });
    t.close();
  });
});
