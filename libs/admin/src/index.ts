// Administration routes that had none: holiday calendars, do-not-call lists, the audit log.
export { AdminModule } from './admin.module';
export * from './admin.dto';
export * from './admin.api';
export { type DncPage, type AuditPage } from './admin.service';
