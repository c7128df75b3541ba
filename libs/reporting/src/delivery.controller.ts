import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { CurrentUser, Roles, type Principal } from '@app/auth';
import { DeliveryService, type Delivery } from './delivery.service';

export class DeliveryDto {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ format: 'uuid' }) briefId: string;
  @ApiProperty({ format: 'uuid' }) archiveId: string;
  @ApiProperty() sha256: string;
  @ApiProperty() bytes: number;
  @ApiProperty() downloadPath: string;
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class DeliveryController {
  constructor(private readonly delivery: DeliveryService) {}

  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deliver the results of completed campaigns now',
    description:
      'For each completed campaign of a brief not yet delivered: archive the results (CSV, SHA-256), notify the ' +
      'department, and queue its signed webhook. The job also runs every minute.',
  })
  @ApiOkResponse({ type: DeliveryDto, isArray: true })
  @Post('deliveries/run')
  run(): Promise<Delivery[]> {
    return this.delivery.run();
  }

  @Roles('requester', 'planner', 'supervisor', 'qa', 'admin')
  @ApiOperation({
    summary: 'Download an archived file',
    description:
      "Delivered results of the caller's departments (call-record archives: admins). The `x-content-sha256` header " +
      'carries the hash recorded when the file was archived.',
  })
  @ApiProduces('text/csv', 'application/gzip')
  @ApiOkResponse({
    description: 'the archived file, as an attachment (gzip when it was archived compressed)',
    content: {
      'text/csv': { schema: { type: 'string', format: 'binary' } },
      'application/gzip': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @Get('archives/:id/download')
  async download(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: ServerResponse,
  ): Promise<void> {
    const a = await this.delivery.archive(p, id);
    const gz = a.storageKey.endsWith('.gz');
    res.statusCode = 200;
    res.setHeader('content-type', gz ? 'application/gzip' : 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${a.storageKey.split('/').pop()}"`);
    res.setHeader('x-content-sha256', a.sha256);
    await pipeline(this.delivery.open(a), res);
  }
}
