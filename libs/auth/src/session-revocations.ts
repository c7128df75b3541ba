import { Injectable, Logger } from '@nestjs/common';

export type RevocationListener = (userId: string, reason: string) => void;

/**
 * Tells the socket gateways that a user's access ended (deactivated, demoted, moved, password changed, logged out)
 * so they disconnect that user's live sockets at once. REST needs no signal: every request reads the token version.
 * In-process: with several dialer instances each one only disconnects its own sockets, and a socket of another
 * instance is refused on its next connection.
 */
@Injectable()
export class SessionRevocations {
  private readonly log = new Logger('auth');
  private readonly listeners = new Set<RevocationListener>();

  on(listener: RevocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(userId: string, reason: string): void {
    for (const l of this.listeners) {
      try {
        l(userId, reason);
      } catch (e) {
        this.log.warn(`revocation listener: ${(e as Error).message}`);
      }
    }
  }
}
