import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { NotificationResponse } from './briefs.api';
import { CurrentUser, Roles, type Principal } from '@app/auth';
import { ROLES } from '@app/database';
import { NotificationsService, type NotificationView } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @ApiOperation({ summary: "Your department's notifications, newest first" })
  @ApiOkResponse({ type: NotificationResponse, isArray: true })
  @Roles(...ROLES)
  @ApiQuery({ name: 'unread', required: false, type: Boolean })
  @Get()
  list(@CurrentUser() p: Principal, @Query('unread') unread?: string): Promise<NotificationView[]> {
    return this.notifications.list(p, unread === 'true' || unread === '1');
  }

  @ApiOperation({ summary: 'Mark a notification read' })
  @ApiOkResponse({ type: NotificationResponse })
  @Roles(...ROLES)
  @HttpCode(200)
  @Post(':id/read')
  markRead(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<NotificationView> {
    return this.notifications.markRead(p, id);
  }
}
