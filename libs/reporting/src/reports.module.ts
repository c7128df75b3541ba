import { DynamicModule, Module } from '@nestjs/common';
import { BriefResultsService } from './brief-results.service';
import { REPORT_CLOCK, systemClock, type ReportClock } from './report-clock';
import { BriefReportsController } from './reports.controller';
import { ComplianceService } from './compliance.service';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { OperationsController } from './operations.controller';
import { OperationsService } from './operations.service';

export interface ReportsModuleOptions {
  clock?: ReportClock;
}

/** Results of briefs, operations and compliance reports, exports: read-only over the shared database. */
@Module({})
export class ReportsModule {
  static forRoot(o: ReportsModuleOptions = {}): DynamicModule {
    return {
      module: ReportsModule,
      controllers: [BriefReportsController, OperationsController, ExportsController],
      providers: [
        { provide: REPORT_CLOCK, useValue: o.clock ?? systemClock },
        BriefResultsService,
        OperationsService,
        ComplianceService,
        ExportsService,
      ],
      exports: [BriefResultsService, OperationsService, ComplianceService, ExportsService],
    };
  }
}
