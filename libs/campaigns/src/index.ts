/**
 * @app/campaigns: campaigns made from accepted briefs, their settings, lifecycle, pilot and forecast.
 *
 * For the dialer engine:
 * - settings: `CampaignsService.settings(id)` → `CampaignSettings` (typed pacing, windows, retry policy, AMD, wrap-up,
 *   `pilotOnly`), or read the `campaigns` row directly (jsonb in the shapes of `PacingSettings`, `CallingWindows`,
 *   `RetryPolicy`).
 * - lifecycle: `CampaignLifecycleService.transition(null, id, 'completed')` (null = the system as actor: audited,
 *   forecast refreshed, 409 `illegal-transition` when not allowed); `onPilotProgress(id)` after a pilot contact
 *   becomes final moves a finished pilot to `pilot_review` with its summary.
 * - forecast: `CampaignForecastService.refresh(id)` recomputes and stores campaigns.forecast (and the brief's).
 */
export * from './campaign-transitions';
export * from './campaign-settings';
export * from './campaign.dto';
export * from './stratified-sample';
export * from './pilot-summary';
export * from './campaigns.service';
export * from './campaign-lifecycle.service';
export * from './campaign-forecast.service';
export * from './campaign-notifier';
export * from './campaign-watch';
export * from './campaign-windows';
export * from './campaigns.module';
export * from './campaigns.api';
