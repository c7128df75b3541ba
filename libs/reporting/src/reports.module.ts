import { DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BriefResultsService } from './brief-results.service';
import { REPORT_CLOCK, systemClock, type ReportClock } from './report-clock';
import { BriefReportsController } from './reports.controller';
import { ComplianceService } from './compliance.service';
import { ARCHIVE_STORAGE, LocalFolderStorage, type ArchiveStorage } from './archive-storage';
import { DeliveryController } from './delivery.controller';
import { DELIVERY_OPTIONS, DeliveryService, type DeliveryOptions } from './delivery.service';
import { ExportsController } from './exports.controller';
import { RetentionController } from './retention.controller';
import { RETENTION_OPTIONS, RetentionService, type RetentionOptions } from './retention.service';
import { ExportsService } from './exports.service';
import { OperationsController } from './operations.controller';
import { OperationsService } from './operations.service';
import { QueueReportsService } from './queues.service';
import { openReportReader, REPORT_READER, ReportReaderLifecycle, type ReportReaderOptions } from './report-reader';
import { DOWNLOAD_LINKS, DownloadLinks } from './download-link';
import { MAILER, type Mailer } from './mailer';
import { ResultsPdfController } from './results-pdf.controller';
import { ResultsPdfService } from './results-pdf.service';
import { DeliverySettingsController, DeliverySettingsService } from './delivery-settings';
import { ABANDON_WINDOWS_OPTIONS, AbandonWindowsJob, type AbandonWindowsOptions } from './abandon-windows.job';

export interface ReportsModuleOptions {
  clock?: ReportClock;
  /** Where archives are written (a local folder: the embedded default). */
  archiveDir?: string;
  storage?: ArchiveStorage;
  retention?: Partial<RetentionOptions>;
  delivery?: Partial<DeliveryOptions>;
  /** Reports read through their own pool on this database (REPORTING_DATABASE_URL); default the main one. */
  reader?: ReportReaderOptions;
  /** Sends result mails; null or unset: no SMTP, no mail. */
  mailer?: Mailer | null;
  /** Signed download links in mails and webhooks: key material (JWT_SECRET), public base URL, lifetime. */
  links?: { secret: string; baseUrl: string; ttlDays: number };
  /** The background refresh of the abandon-window summaries (default every 5 s). */
  abandonWindows?: Partial<AbandonWindowsOptions>;
}

/** Results of briefs, operations and compliance reports, exports: read-only over the shared database. */
@Module({})
export class ReportsModule {
  static forRoot(o: ReportsModuleOptions = {}): DynamicModule {
    return {
      module: ReportsModule,
      controllers: [
        BriefReportsController,
        OperationsController,
        ExportsController,
        RetentionController,
        DeliveryController,
        ResultsPdfController,
        DeliverySettingsController,
      ],
      providers: [
        { provide: REPORT_CLOCK, useValue: o.clock ?? systemClock },
        {
          provide: REPORT_READER,
          inject: [getDataSourceToken()],
          useFactory: (main: DataSource) => openReportReader(main, o.reader ?? {}),
        },
        ReportReaderLifecycle,
        BriefResultsService,
        OperationsService,
        ComplianceService,
        QueueReportsService,
        ExportsService,
        {
          provide: ARCHIVE_STORAGE,
          useValue: o.storage ?? new LocalFolderStorage(o.archiveDir ?? '.data/archive'),
        },
        {
          provide: RETENTION_OPTIONS,
          useValue: { years: 5, intervalMs: 24 * 3600_000, ...o.retention } satisfies RetentionOptions,
        },
        RetentionService,
        { provide: DELIVERY_OPTIONS, useValue: { intervalMs: 60_000, ...o.delivery } satisfies DeliveryOptions },
        { provide: MAILER, useValue: o.mailer ?? null },
        {
          provide: DOWNLOAD_LINKS,
          useValue: new DownloadLinks(
            o.links?.secret ?? 'unset-link-secret',
            o.links?.baseUrl ?? 'http://localhost:3001',
            (o.links?.ttlDays ?? 30) * 86_400,
          ),
        },
        DeliveryService,
        ResultsPdfService,
        DeliverySettingsService,
        {
          provide: ABANDON_WINDOWS_OPTIONS,
          useValue: { intervalMs: 5000, ...o.abandonWindows } satisfies AbandonWindowsOptions,
        },
        AbandonWindowsJob,
      ],
      exports: [
        AbandonWindowsJob,
        BriefResultsService,
        OperationsService,
        ComplianceService,
        ExportsService,
        RetentionService,
        DeliveryService,
        ResultsPdfService,
      ],
    };
  }
}
