import { Injectable, Logger, Optional, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';

export type RevocationListener = (userId: string, reason: string) => void;

/** The PostgreSQL notification channel every dialer and reporting process listens on. */
export const REVOCATION_CHANNEL = 'dialer_session_revoked';

/**
 * Tells the socket gateways that a user's access ended (deactivated, demoted, moved, password changed, logged out)
 * so they disconnect that user's live sockets at once. REST needs no signal: every request reads the token version.
 *
 * Several processes may serve sockets (dialer instances behind a balancer): a revocation is also sent through
 * PostgreSQL `NOTIFY` on `dialer_session_revoked`, and every process listening disconnects its own sockets of that
 * user. The local listeners run at once; a notification this process sent itself is not run twice. A lost listening
 * connection is re-opened with a growing delay; meanwhile other processes' sockets are still refused on their next
 * connection (the token version).
 */
@Injectable()
export class SessionRevocations implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('auth');
  private readonly listeners = new Set<RevocationListener>();
  private readonly origin = randomUUID();
  private client: Client | null = null;
  private closed = false;
  private retryMs = 500;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(@Optional() @InjectDataSource() private readonly ds?: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }

  on(listener: RevocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(userId: string, reason: string): void {
    this.dispatch(userId, reason);
    if (!this.ds?.isInitialized) return;
    const payload = JSON.stringify({ origin: this.origin, userId, reason });
    this.ds
      .query('SELECT pg_notify($1, $2)', [REVOCATION_CHANNEL, payload])
      .catch((e: unknown) => this.log.warn(`revocation not sent to other processes: ${(e as Error).message}`));
  }

  private dispatch(userId: string, reason: string): void {
    for (const l of this.listeners) {
      try {
        l(userId, reason);
      } catch (e) {
        this.log.warn(`revocation listener: ${(e as Error).message}`);
      }
    }
  }

  private connectionUrl(): string | undefined {
    const o = this.ds?.options as { type?: string; url?: string } | undefined;
    return o?.type === 'postgres' ? o.url : undefined;
  }

  private async listen(): Promise<void> {
    const url = this.connectionUrl();
    if (!url || this.closed) return;
    const c = new Client({ connectionString: url, application_name: 'dialer-revocations' });
    c.on('notification', (n) => {
      if (n.channel !== REVOCATION_CHANNEL || !n.payload) return;
      try {
        const m = JSON.parse(n.payload) as { origin?: string; userId?: string; reason?: string };
        if (m.origin === this.origin || typeof m.userId !== 'string') return;
        this.dispatch(m.userId, typeof m.reason === 'string' ? m.reason : 'revoked');
      } catch {
        this.log.warn('revocation notification that is not JSON: ignored');
      }
    });
    c.on('error', (e) => {
      this.log.warn(`revocation listener connection: ${e.message}`);
      this.reconnect(c);
    });
    c.on('end', () => this.reconnect(c));
    try {
      await c.connect();
      await c.query(`LISTEN ${REVOCATION_CHANNEL}`);
      this.client = c;
      this.retryMs = 500;
    } catch (e) {
      this.log.warn(`revocation listener could not start: ${(e as Error).message}`);
      this.reconnect(c);
    }
  }

  private reconnect(c: Client): void {
    if (this.closed || this.retryTimer) return;
    if (this.client === c) this.client = null;
    void c.end().catch(() => undefined);
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 30_000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.listen();
    }, wait);
    this.retryTimer.unref();
  }
}
