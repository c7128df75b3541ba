export * from './aggregate';
export * from './report-clock';
export * from './brief-results.service';
export * from './reports.dto';
export * from './reports.module';
