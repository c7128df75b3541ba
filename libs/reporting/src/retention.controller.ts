import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Roles } from '@app/auth';
import { RetentionService, type RetentionResult } from './retention.service';

export class RetentionResultDto {
  @ApiProperty({ description: 'rows created before this instant were eligible' }) cutoff: Date;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'per archived month: month, rows, storageKey, sha256, bytes',
  })
  months: object[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'queue_events: per archived month, as months',
  })
  queueEventMonths: object[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'inbound_calls: per archived month, as months',
  })
  inboundCallMonths: object[];
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Run the retention job now',
    description:
      'Archives every whole month of call attempts older than the retention (at least 5 years) as gzipped CSV with ' +
      'its SHA-256, then deletes those rows and their rollups. The job also runs daily.',
  })
  @ApiOkResponse({ type: RetentionResultDto })
  @Post('run')
  run(): Promise<RetentionResult> {
    return this.retention.run();
  }
}
