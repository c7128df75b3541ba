import { DynamicModule, Module } from '@nestjs/common';
import { BriefsModule } from '@app/briefs';
import { CampaignForecastService } from './campaign-forecast.service';
import { CampaignLifecycleService } from './campaign-lifecycle.service';
import { CampaignNotifier } from './campaign-notifier';
import { CampaignWatch } from './campaign-watch';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';

export interface CampaignsModuleOptions {
  /** REVIEW_SLA_WORKING_DAYS of DIALER_CONFIG. */
  REVIEW_SLA_WORKING_DAYS: number;
}

/**
 * Briefs through campaigns: the brief review (BriefsModule, imported here so the app adds one module) and campaign
 * configuration, lifecycle, pilot and forecast. Exports the services the dialer engine uses.
 */
@Module({})
export class CampaignsModule {
  static forRoot(config: CampaignsModuleOptions): DynamicModule {
    const briefs = BriefsModule.forRoot({ reviewSlaWorkingDays: config.REVIEW_SLA_WORKING_DAYS });
    return {
      module: CampaignsModule,
      imports: [briefs],
      controllers: [CampaignsController],
      providers: [CampaignsService, CampaignLifecycleService, CampaignForecastService, CampaignNotifier, CampaignWatch],
      exports: [briefs, CampaignsService, CampaignLifecycleService, CampaignForecastService, CampaignWatch],
    };
  }
}
