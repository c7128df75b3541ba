import { DynamicModule, Module } from '@nestjs/common';
import { BriefsController } from './briefs.controller';
import { BRIEFS_OPTIONS, type BriefsModuleOptions } from './briefs.options';
import { BriefsService } from './briefs.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { WebhookWorker } from './webhook.worker';

/** Briefs, their review, department notifications and webhook delivery. */
@Module({})
export class BriefsModule {
  static forRoot(options: BriefsModuleOptions): DynamicModule {
    return {
      module: BriefsModule,
      // the inline `rows` of a brief are imported by the contacts library (ContactsModule is global)
      controllers: [BriefsController, NotificationsController],
      providers: [{ provide: BRIEFS_OPTIONS, useValue: options }, BriefsService, NotificationsService, WebhookWorker],
      exports: [BriefsService, NotificationsService, WebhookWorker],
    };
  }
}
