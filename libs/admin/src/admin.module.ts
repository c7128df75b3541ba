import { Module } from '@nestjs/common';
import { AuditLogController, DncController, HolidayCalendarsController } from './admin.controller';
import { AdminService } from './admin.service';

/** Holiday calendars, do-not-call lists and the audit log over the API (the admin pages use them). */
@Module({
  controllers: [HolidayCalendarsController, DncController, AuditLogController],
  providers: [AdminService],
})
export class AdminModule {}
