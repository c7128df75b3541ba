import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type Principal } from '@app/auth';
import type { AuditLogEntry, DncEntry, HolidayCalendar } from '@app/database';
import {
  AddDncDto,
  AuditQueryDto,
  CreateHolidayCalendarDto,
  DncQueryDto,
  UpdateHolidayCalendarDto,
  UploadDncDto,
} from './admin.dto';
import {
  AuditPageResponse,
  DncEntryResponse,
  DncPageResponse,
  DncUploadResponse,
  HolidayCalendarResponse,
} from './admin.api';
import { AdminService, type DncPage } from './admin.service';

/** Holiday calendars: read by the planning and supervising staff (campaign windows name them), kept by admins. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('holiday-calendars')
export class HolidayCalendarsController {
  constructor(private readonly admin: AdminService) {}

  @ApiOperation({ summary: "List the holiday calendars: the shared ones and your departments' (admins: all)" })
  @ApiOkResponse({ type: HolidayCalendarResponse, isArray: true })
  @Roles('admin', 'planner', 'supervisor', 'requester')
  @Get()
  list(@CurrentUser() p: Principal): Promise<HolidayCalendar[]> {
    return this.admin.calendars(p);
  }

  @ApiOperation({ summary: 'Create a holiday calendar (admin); audited' })
  @ApiCreatedResponse({ type: HolidayCalendarResponse })
  @Roles('admin')
  @Post()
  create(@CurrentUser() p: Principal, @Body() dto: CreateHolidayCalendarDto): Promise<HolidayCalendar> {
    return this.admin.createCalendar(p, dto);
  }

  @ApiOperation({ summary: "Rename a holiday calendar or replace its dates (admin); audited with the dates' changes" })
  @ApiOkResponse({ type: HolidayCalendarResponse })
  @Roles('admin')
  @Patch(':id')
  update(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateHolidayCalendarDto,
  ): Promise<HolidayCalendar> {
    return this.admin.updateCalendar(p, id, dto);
  }
}

/** Do-not-call lists: global (admins), per department, per campaign; every change audited. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('dnc')
export class DncController {
  constructor(private readonly admin: AdminService) {}

  @ApiOperation({ summary: 'Search the do-not-call entries you may see (global ones and your departments)' })
  @ApiOkResponse({ type: DncPageResponse })
  @Roles('admin', 'supervisor')
  @Get()
  list(@CurrentUser() p: Principal, @Query() q: DncQueryDto): Promise<DncPage> {
    return this.admin.dnc(p, q);
  }

  @ApiOperation({ summary: 'Put one number on a do-not-call list; audited' })
  @ApiCreatedResponse({ type: DncEntryResponse })
  @Roles('admin', 'supervisor')
  @Post()
  add(@CurrentUser() p: Principal, @Body() dto: AddDncDto): Promise<DncEntry> {
    return this.admin.addDnc(p, dto);
  }

  @ApiOperation({
    summary: 'Put a list of numbers on a do-not-call list (an uploaded file, read by the page); audited',
  })
  @ApiOkResponse({ type: DncUploadResponse })
  @Roles('admin', 'supervisor')
  @Post('upload')
  @HttpCode(200)
  upload(@CurrentUser() p: Principal, @Body() dto: UploadDncDto): ReturnType<AdminService['uploadDnc']> {
    return this.admin.uploadDnc(p, dto);
  }

  @ApiOperation({ summary: 'Take a number off a do-not-call list; audited with the number' })
  @ApiNoContentResponse({ description: 'removed' })
  @Roles('admin', 'supervisor')
  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.admin.removeDnc(p, id);
  }
}

/** The audit log, newest first, with filters (admin). */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditLogController {
  constructor(private readonly admin: AdminService) {}

  @ApiOperation({ summary: 'Read the audit log, newest first, filtered (admin)' })
  @ApiOkResponse({ type: AuditPageResponse })
  @Roles('admin')
  @Get()
  list(@Query() q: AuditQueryDto): Promise<{ entries: AuditLogEntry[]; nextBefore: string | null }> {
    return this.admin.auditLog(q);
  }
}
