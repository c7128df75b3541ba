import { Controller, Get, HttpCode, Logger, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Min } from 'class-validator';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { CurrentUser, Public, Roles, type Principal } from '@app/auth';
import { AppError } from '@app/common';
import type { ArchiveEntry } from '@app/database';
import { DeliveryService, type Delivery } from './delivery.service';

export class ArchiveLinkQueryDto {
  @ApiProperty({ description: 'expiry of the link, Unix seconds' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  expires: number;

  @ApiProperty({ description: 'HMAC-SHA256 of the link (hex)', pattern: '^[0-9a-f]{64}$' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'must be 64 lower-case hex digits' })
  signature: string;
}

const FILE_RESPONSE = {
  description: 'the archived file, as an attachment (gzip when it was archived compressed)',
  content: {
    'text/csv': { schema: { type: 'string', format: 'binary' } },
    'application/gzip': { schema: { type: 'string', format: 'binary' } },
  },
} as const;

export class DeliveryDto {
  @ApiProperty({
    enum: ['results.delivered', 'results.daily'],
    description: 'results.delivered: the campaign completed; results.daily: the results so far while it runs',
  })
  kind: string;
  @ApiProperty({ type: String, nullable: true, description: 'UTC day of a daily delivery (YYYY-MM-DD)' })
  day: string | null;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ format: 'uuid' }) briefId: string;
  @ApiProperty({ format: 'uuid' }) archiveId: string;
  @ApiProperty() sha256: string;
  @ApiProperty() bytes: number;
  @ApiProperty() downloadPath: string;
  @ApiProperty({ description: 'signed absolute link, valid without a token until it expires' })
  downloadUrl: string;
  @ApiProperty({ type: [String], description: 'recipients mailed in this run' }) mailedTo: string[];
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class DeliveryController {
  private readonly log = new Logger('archive');
  constructor(private readonly delivery: DeliveryService) {}

  private async send(a: ArchiveEntry, res: ServerResponse): Promise<void> {
    const body = this.delivery.open(a);
    // a missing or unreadable file fails before its first byte: answer 503 rather than a 200 cut short
    await new Promise<void>((resolve, reject) => {
      const ready = (): void => {
        body.off('error', failed);
        resolve();
      };
      const failed = (e: unknown): void => {
        body.off('readable', ready);
        this.log.error(`archive ${a.id} (${a.storageKey}) cannot be read: ${String(e)}`);
        reject(new AppError('unavailable', `archive ${a.id} cannot be read from the archive storage`));
      };
      body.once('readable', ready);
      body.once('error', failed);
    });
    const gz = a.storageKey.endsWith('.gz');
    res.statusCode = 200;
    res.setHeader('content-type', gz ? 'application/gzip' : 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${a.storageKey.split('/').pop()}"`);
    res.setHeader('x-content-sha256', a.sha256);
    // no content-length: sent chunked, a body cut short after a failed hash check is visibly incomplete
    await pipeline(body, res).catch((e: unknown) => {
      // headers are gone: cutting the body short is how the reader learns the file is not the archived one
      this.log.error(`archive ${a.id}: ${String(e)}`);
      res.destroy();
    });
  }

  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deliver the results of completed campaigns now',
    description:
      'For each completed campaign of a brief not yet delivered (and, for departments that ask for it, each live ' +
      'campaign not delivered today): archive the results (CSV, SHA-256), notify the department, queue its signed ' +
      'webhook and mail it when SMTP is configured. The job also runs every DELIVERY_INTERVAL_SECONDS.',
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
  @ApiOkResponse(FILE_RESPONSE)
  @Get('archives/:id/download')
  async download(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: ServerResponse,
  ): Promise<void> {
    await this.send(await this.delivery.archive(p, id), res);
  }

  @Public()
  @ApiOperation({
    summary: 'Download an archived file through a signed link',
    description:
      'The link a results mail or webhook carries (`downloadUrl`): no token, valid until `expires`. A bad or ' +
      'expired signature answers 404. The bytes are checked against the recorded hash (`x-content-sha256`).',
  })
  @ApiProduces('text/csv', 'application/gzip')
  @ApiOkResponse(FILE_RESPONSE)
  @Get('archives/:id/file')
  async file(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: ArchiveLinkQueryDto,
    @Res() res: ServerResponse,
  ): Promise<void> {
    await this.send(await this.delivery.archiveByLink(id, q.expires, q.signature), res);
  }
}
