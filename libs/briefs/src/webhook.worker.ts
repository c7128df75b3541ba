import { createHmac } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface WebhookWorkerOptions {
  /** How often due deliveries are looked for. */
  pollIntervalMs: number;
  /** Delay before the first retry; doubled on each further failure. */
  baseDelayMs: number;
  /** Deliveries tried at most this many times, then the notice is marked `failed`. */
  maxAttempts: number;
  /** Per-request timeout. */
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookWorkerOptions = {
  pollIntervalMs: 2000,
  baseDelayMs: 30_000,
  maxAttempts: 6,
  timeoutMs: 5000,
};

/** Header carrying `sha256=<hex HMAC of the raw body>` when the department has a webhook secret. */
export const WEBHOOK_SIGNATURE_HEADER = 'x-dialer-signature';

export const signWebhookBody = (secret: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Delay before retry number `attempts` (1-based count of failures so far): base, 2 base, 4 base, ... */
export const backoffDelayMs = (attempts: number, baseMs: number): number => baseMs * 2 ** Math.max(0, attempts - 1);

interface DueRow {
  id: string;
  payload: Record<string, unknown>;
  webhook_attempts: number;
  webhook_url: string | null;
  webhook_secret: string | null;
}

/**
 * Delivers department webhooks from the notifications table. Several dialer processes may run it: each claims due
 * rows with FOR UPDATE SKIP LOCKED and pushes their next attempt forward (a claim lease) before sending, so a row is
 * sent by one process at a time and picked up again if that process dies mid-delivery.
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('webhooks');
  private options: WebhookWorkerOptions = { ...DEFAULT_WEBHOOK_OPTIONS };
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Tests shorten the delays; the process uses the defaults. */
  configure(o: Partial<WebhookWorkerOptions>): void {
    this.options = { ...this.options, ...o };
  }

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.schedule(this.options.pollIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Look for due deliveries now (after a status change commits) rather than at the next poll. */
  kick(): void {
    if (!this.stopped) this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.running) return this.schedule(this.options.pollIntervalMs);
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((e: unknown) => this.log.warn(`webhook poll failed: ${String(e)}`))
        .finally(() => {
          this.running = null;
          this.schedule(this.options.pollIntervalMs);
        });
    }, ms);
    this.timer.unref();
  }

  /** Claims and sends the due deliveries once; returns how many were attempted. */
  async runOnce(limit = 20): Promise<number> {
    const leaseMs = this.options.timeoutMs * 2 + 1000;
    const rows = await this.ds.transaction(async (m) => {
      const due: DueRow[] = await m.query(
        `SELECT n.id, n.payload, n.webhook_attempts, d.webhook_url, d.webhook_secret
           FROM notifications n JOIN departments d ON d.id = n.department_id
          WHERE n.webhook_status = 'pending' AND n.webhook_next_attempt_at <= now()
          ORDER BY n.webhook_next_attempt_at
          LIMIT $1
          FOR UPDATE OF n SKIP LOCKED`,
        [limit],
      );
      if (due.length)
        await m.query(
          `UPDATE notifications SET webhook_next_attempt_at = now() + $2::int * interval '1 millisecond'
            WHERE id = ANY($1::uuid[])`,
          [due.map((r) => r.id), leaseMs],
        );
      return due;
    });
    for (const r of rows)
      await this.deliver(r).catch((e: unknown) => this.log.error(`webhook for notification ${r.id}: ${String(e)}`));
    return rows.length;
  }

  private async deliver(r: DueRow): Promise<void> {
    if (!r.webhook_url) {
      // the department removed its webhook after the notice was made
      await this.ds.query(`UPDATE notifications SET webhook_status = 'none' WHERE id = $1`, [r.id]);
      return;
    }
    const body = JSON.stringify(r.payload);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-dialer-event': 'brief.status-changed',
    };
    if (r.webhook_secret) headers[WEBHOOK_SIGNATURE_HEADER] = signWebhookBody(r.webhook_secret, body);
    let error: string | null = null;
    try {
      const res = await fetch(r.webhook_url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (e) {
      error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    const attempts = r.webhook_attempts + 1;
    if (error === null) {
      await this.ds.query(
        `UPDATE notifications SET webhook_status = 'delivered', webhook_attempts = $2, webhook_last_error = NULL,
                webhook_next_attempt_at = NULL WHERE id = $1`,
        [r.id, attempts],
      );
      return;
    }
    const failed = attempts >= this.options.maxAttempts;
    if (failed) this.log.warn(`webhook for notification ${r.id} failed after ${attempts} attempts: ${error}`);
    // parameters typed explicitly: one parameter used as both a column value and a comparand confuses inference
    await this.ds.query(
      `UPDATE notifications SET webhook_status = $2::varchar, webhook_attempts = $3::int, webhook_last_error = $4::text,
              webhook_next_attempt_at = CASE WHEN $5::int IS NULL THEN NULL
                                             ELSE now() + $5::int * interval '1 millisecond' END
        WHERE id = $1`,
      [
        r.id,
        failed ? 'failed' : 'pending',
        attempts,
        error,
        failed ? null : backoffDelayMs(attempts, this.options.baseDelayMs),
      ],
    );
  }
}
