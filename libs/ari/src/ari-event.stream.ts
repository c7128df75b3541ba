import * as ari from 'ari-client';
import type { RawAriEvent } from './ari-event.mapper';

export interface AriEventStreamHandlers {
  onEvent(raw: RawAriEvent): void;
  /** The socket is open (first open and every reconnect the stream does by itself). */
  onUp(): void;
  /** The socket dropped; the stream is retrying by itself. Events sent meanwhile are lost. */
  onDown(reason: string): void;
  /** The stream will not recover by itself; the adapter must close it and open a new one. */
  onGiveUp(reason: string): void;
}

// The part of ari-client's Client we use (its typings do not declare the EventEmitter side).
interface AriClientLike {
  on(event: string, listener: (...args: any[]) => void): void;
  start(app: string): Promise<void>;
  stop(): void;
  removeAllListeners(): void;
}

export interface AriEventStream {
  close(): void;
}

/** Opens the events socket for one app; resolves once it is open. A fake in unit tests. */
export type AriEventStreamFactory = (handlers: AriEventStreamHandlers) => Promise<AriEventStream>;

/**
 * The events socket through ari-client 2.2.0 (the design picks it). Its traps, handled here or by the adapter:
 * - bad credentials surface as an uncaught exception while it loads the swagger docs, so the adapter checks them
 *   with a plain GET /ari/asterisk/info before calling connect();
 * - after a drop it retries about ten times (100 ms doubling, cap 10 s, ~43 s) and then emits
 *   WebSocketMaxRetries and stays dead: we report that as onGiveUp and the adapter opens a fresh client;
 * - resource objects hold a circular reference to the client: we only pass on the raw JSON event.
 */
export function ariClientEventStreamFactory(opts: {
  url: string;
  username: string;
  password: string;
  app: string;
  /** ari-client has no timeout of its own for loading the docs or opening the socket. Default 10 s. */
  connectTimeoutMs?: number;
}): AriEventStreamFactory {
  return (h) => {
    const timeoutMs = opts.connectTimeoutMs ?? 10_000;
    let timedOut = false;
    return new Promise<AriEventStream>((resolve, reject) => {
      const timer = setTimeout(() => {
        timedOut = true;
        reject(new Error(`ARI events socket not open after ${timeoutMs} ms`));
      }, timeoutMs);
      open(opts, h, () => timedOut).then(
        (stream) => {
          clearTimeout(timer);
          if (timedOut) stream.close();
          else resolve(stream);
        },
        (err: unknown) => {
          clearTimeout(timer);
          reject(err instanceof Error ? err : new Error(String(err)));
        },
      );
    });
  };
}

async function open(
  opts: { url: string; username: string; password: string; app: string },
  h: AriEventStreamHandlers,
  abandoned: () => boolean,
): Promise<AriEventStream> {
  const base = opts.url.replace(/\/+$/, '').replace(/\/ari$/, '');
  const client = (await ari.connect(base, opts.username, opts.password)) as unknown as AriClientLike;
  let closed = false;
  const guard =
    <A extends unknown[]>(fn: (...a: A) => void) =>
    (...a: A) => {
      // A client we stopped, or one whose connect timed out, must not touch the adapter's state.
      if (!closed && !abandoned()) fn(...a);
    };
  client.on(
    '*',
    guard((event: unknown) => h.onEvent(event as RawAriEvent)),
  );
  client.on(
    'WebSocketConnected',
    guard(() => h.onUp()),
  );
  client.on(
    'WebSocketReconnecting',
    guard((err?: Error) => h.onDown(`events socket reconnecting${err?.message ? ': ' + err.message : ''}`)),
  );
  client.on(
    'WebSocketMaxRetries',
    guard((err?: Error) => h.onGiveUp(`events socket gave up${err?.message ? ': ' + err.message : ''}`)),
  );
  await client.start(opts.app);
  return {
    close() {
      if (closed) return;
      closed = true;
      try {
        client.stop();
      } catch {
        // already closed
      }
      client.removeAllListeners();
    },
  };
}
