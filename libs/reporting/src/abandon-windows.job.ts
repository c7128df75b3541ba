import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { markChangedCaps, refreshAbandonWindows } from './abandon-windows';

export const ABANDON_WINDOWS_OPTIONS = Symbol('ABANDON_WINDOWS_OPTIONS');

export interface AbandonWindowsOptions {
  /** how often the summaries are brought up to date (0: never by itself; tests call run()) */
  intervalMs: number;
}

/**
 * Keeps the rolling abandon-window summaries current outside any request: every interval it re-marks campaigns whose
 * cap changed and summarises the days the rollup trigger marked dirty (on the main database). The compliance report
 * only reads; until a refresh ran it computes a not-yet-summarised campaign from the hour rollup.
 */
@Injectable()
export class AbandonWindowsJob implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('abandon-windows');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(ABANDON_WINDOWS_OPTIONS) private readonly options: AbandonWindowsOptions,
  ) {}

  onModuleInit(): void {
    if (this.options.intervalMs > 0) {
      this.timer = setInterval(() => {
        if (this.ds.isInitialized)
          void this.run().catch((e: unknown) => this.log.error(`abandon-window refresh failed: ${String(e)}`));
      }, this.options.intervalMs);
      this.timer.unref();
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One refresh (a second call while one runs joins it). Returns the campaigns refreshed. */
  run(): Promise<number> {
    this.running ??= (async () => {
      await markChangedCaps(this.ds);
      return refreshAbandonWindows(this.ds, null);
    })().finally(() => (this.running = undefined));
    return this.running;
  }
}
