export * from './aggregate';
export * from './report-clock';
export * from './brief-results.service';
export * from './reports.dto';
export * from './reports.module';
export * from './report-scope';
export * from './operations.service';
export * from './compliance.service';
