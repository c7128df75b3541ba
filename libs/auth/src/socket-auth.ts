import { Injectable, Logger } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import { AppError, type ErrorCode } from '@app/common';
import { AuthService } from './auth.service';
import type { Principal } from './principal';
import { SessionRevocations } from './session-revocations';
import { TokenService } from './token.service';

/** What a refused handshake carries in `connect_error` (`err.message` and `err.data`): the REST error shape. */
export interface SocketAuthErrorData {
  error: ErrorCode;
  message: string;
  details?: unknown;
}

/** Sent as an `error` event just before a live socket is disconnected because its user's access was revoked. */
export const SESSION_REVOKED_MESSAGE = 'access revoked';

type AnySocket = Socket<any, any, any, any>;
type AnyNamespace = Namespace<any, any, any, any>;

/** The access token of a handshake: `auth.token`, else `Authorization: Bearer <token>`. */
export function handshakeToken(socket: AnySocket): string | undefined {
  const auth = (socket.handshake.auth ?? {}) as { token?: unknown };
  if (typeof auth.token === 'string' && auth.token) return auth.token;
  return TokenService.fromHeader(socket.handshake.headers.authorization);
}

function toConnectError(e: unknown): Error & { data: SocketAuthErrorData } {
  const app = e instanceof AppError ? e : new AppError('internal', 'internal error');
  const err = new Error(app.message) as Error & { data: SocketAuthErrorData };
  err.data = { error: app.code, message: app.message, ...(app.details !== undefined ? { details: app.details } : {}) };
  return err;
}

/**
 * Authentication of socket.io namespaces in the handshake: a middleware verifies the token (signature, user,
 * token version) and runs the namespace's own admission before socket.io completes the connection, so a connected
 * socket is always an authenticated one and its first event never races the check. A refused handshake ends in a
 * `connect_error` whose `data` is `{ error, message, details? }`. A user whose access is revoked later has their
 * live sockets told (`error` event, `unauthenticated`) and disconnected at once.
 */
@Injectable()
export class SocketAuthenticator {
  private readonly log = new Logger('socket-auth');

  constructor(
    private readonly auth: AuthService,
    private readonly revocations: SessionRevocations,
  ) {}

  /**
   * `admit` runs after the token is valid; it may throw an AppError (refusing the handshake) and sets what the
   * namespace keeps on `socket.data`. Returns the unsubscribe function for revocations (call it on shutdown).
   */
  protect<S extends AnySocket>(
    ns: AnyNamespace,
    admit: (socket: S, principal: Principal) => Promise<void> | void,
    userOf: (socket: S) => string | undefined,
  ): () => void {
    ns.use((socket, next) => {
      this.auth
        .authenticate(handshakeToken(socket))
        .then((p) => admit(socket as S, p))
        .then(
          () => next(),
          (e: unknown) => {
            if (!(e instanceof AppError)) this.log.error(`handshake: ${(e as Error).stack ?? String(e)}`);
            next(toConnectError(e));
          },
        );
    });
    return this.revocations.on((userId, reason) => {
      for (const socket of ns.sockets.values()) {
        if (userOf(socket as S) !== userId) continue;
        socket.emit('error', { error: 'unauthenticated', message: `${SESSION_REVOKED_MESSAGE}: ${reason}` });
        socket.disconnect(true);
      }
    });
  }
}
