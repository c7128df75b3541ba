import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createDataSource } from '@app/database';

/**
 * The DataSource reports read through: its own pool on REPORTING_DATABASE_URL (a read replica, say) when one is
 * configured, else the main one. Writes (jobs, the abandon-window refresh) always go to the main DataSource.
 */
export const REPORT_READER = Symbol('REPORT_READER');

export interface ReportReaderOptions {
  url?: string;
  poolSize?: number;
}

export async function openReportReader(main: DataSource, o: ReportReaderOptions): Promise<DataSource> {
  if (!o.url) return main;
  const ds = createDataSource({ url: o.url, poolSize: o.poolSize ?? 10, applicationName: 'reporting-reader' });
  return ds.initialize();
}

/** Closes the reader's own pool with the app. */
@Injectable()
export class ReportReaderLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(REPORT_READER) private readonly reader: DataSource,
    @InjectDataSource() private readonly main: DataSource,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.reader !== this.main && this.reader.isInitialized) await this.reader.destroy();
  }
}
