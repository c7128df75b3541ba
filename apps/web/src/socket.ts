import { io, type Socket } from 'socket.io-client';
import { currentToken, endSession, refresh } from './api';

/**
 * A socket.io connection whose handshake always carries the current access token. A refused handshake
 * (`unauthenticated`: the token expired) or a server-side disconnect refreshes the token once and reconnects;
 * when the refresh fails the session is over (`endSession`: the app shows the sign-in page). Network drops reconnect by themselves.
 */
export function openSocket<S extends Socket>(namespace: string, extraAuth: Record<string, unknown> = {}): S {
  const socket = io(namespace, {
    auth: (cb) => cb({ token: currentToken(), ...extraAuth }),
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
  }) as unknown as S;
  const again = async () => {
    if (!currentToken()) return; // signed out: nothing to resume
    const t = await refresh();
    if (t) socket.connect();
    else endSession();
  };
  socket.on('connect_error', (err: Error & { data?: { error?: string } }) => {
    if (err.data?.error === 'unauthenticated') void again();
  });
  socket.on('disconnect', (reason: string) => {
    if (reason === 'io server disconnect') void again();
  });
  return socket;
}
