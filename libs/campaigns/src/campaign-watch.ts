import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CampaignForecastService } from './campaign-forecast.service';

/** How often the forecasts of live campaigns are refreshed (and a missed deadline noticed). */
export const CAMPAIGN_WATCH_INTERVAL_MS = 5 * 60_000;

/**
 * Keeps the forecasts of campaigns under way fresh while they run, so the department hears when a campaign will
 * miss (or has missed) its deadline even when nobody changes its state.
 */
@Injectable()
export class CampaignWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('campaigns');
  private timer: NodeJS.Timeout | undefined;
  private busy = false;

  constructor(private readonly forecasts: CampaignForecastService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), CAMPAIGN_WATCH_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One pass; tests call it directly. */
  async runOnce(now = new Date()): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await this.forecasts.refreshLive(now);
    } catch (e) {
      this.log.warn(`forecast refresh: ${(e as Error).message}`);
    } finally {
      this.busy = false;
    }
  }
}
