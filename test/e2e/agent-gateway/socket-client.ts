import { io, type Socket } from 'socket.io-client';
import { pollUntil } from '@app/common';

/** A socket.io client on a namespace that records every event it receives, for polling assertions. */
export interface RecordingSocket {
  socket: Socket;
  events: { event: string; payload: any }[];
  /** Payloads of one event, in order. */
  of(event: string): any[];
  /** Waits for the first event of that name matching `where` (already received or still to come). */
  waitFor(event: string, where?: (p: any) => boolean, timeoutMs?: number): Promise<any>;
  /** Emits a command and resolves with its ack. */
  call(event: string, ...args: unknown[]): Promise<any>;
  close(): void;
}

export function connect(url: string, namespace: string, auth: Record<string, unknown>): RecordingSocket {
  const socket = io(url + namespace, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
  const events: { event: string; payload: any }[] = [];
  socket.onAny((event: string, payload: unknown) => events.push({ event, payload }));
  socket.on('connect', () => events.push({ event: 'connect', payload: socket.id ?? 'connected' }));
  socket.on('disconnect', (reason) => events.push({ event: 'disconnect', payload: reason }));
  // A handshake refused by the server's middleware: `data` is `{ error, message, details? }`.
  socket.on('connect_error', (err: Error & { data?: unknown }) =>
    events.push({ event: 'connect_error', payload: { message: err.message, ...(err.data ?? {}) } }),
  );
  return {
    socket,
    events,
    of: (event) => events.filter((e) => e.event === event).map((e) => e.payload),
    waitFor: (event, where = () => true, timeoutMs = 10_000) =>
      pollUntil(() => events.find((e) => e.event === event && where(e.payload))?.payload ?? undefined, {
        timeoutMs,
        what: `socket event ${event}`,
      }),
    call: (event, ...args) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ack for ${event}`)), 10_000);
        socket.emit(event, ...args, (ack: unknown) => {
          clearTimeout(timer);
          resolve(ack);
        });
      }),
    close: () => {
      socket.close();
    },
  };
}
