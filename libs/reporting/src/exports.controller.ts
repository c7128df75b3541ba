import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { CurrentUser, Roles, type Principal } from '@app/auth';
import { CONTENT_TYPES, writeCsv, writeXlsx, type ExportTable } from './export-writers';
import { ExportsService } from './exports.service';
import { CallRecordQueryDto, ExportQueryDto } from './reports.dto';

const binary = { type: 'string', format: 'binary' } as const;
const EXPORT_FILE = {
  description: 'the file, as an attachment (`format=csv`, the default, or `format=xlsx`)',
  content: { [CONTENT_TYPES.csv]: { schema: binary }, [CONTENT_TYPES.xlsx]: { schema: binary } },
};

async function send(res: ServerResponse, t: ExportTable, q: ExportQueryDto, filename: string): Promise<void> {
  const format = q.format ?? 'csv';
  const encoding = q.encoding ?? 'utf-8';
  res.statusCode = 200;
  res.setHeader(
    'content-type',
    format === 'xlsx'
      ? CONTENT_TYPES.xlsx
      : `${CONTENT_TYPES.csv}; charset=${encoding === 'gb18030' ? 'gb18030' : 'utf-8'}`,
  );
  res.setHeader('content-disposition', `attachment; filename="${filename}.${format}"`);
  try {
    if (format === 'xlsx') await writeXlsx(res, t);
    else await writeCsv(res, t, encoding);
    res.end();
  } catch (e) {
    // headers are gone: all we can do is cut the download short so the file is visibly broken
    res.destroy(e instanceof Error ? e : new Error(String(e)));
  }
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Roles('requester', 'planner', 'supervisor', 'qa', 'admin')
  @ApiOperation({
    summary: "Download a brief's results per contact (CSV or XLSX)",
    description:
      'One row per contact: result, attempts, last attempt, note and one column per script question. Streamed; ' +
      'cells that a spreadsheet would run as a formula are prefixed with an apostrophe; CSV is UTF-8 with a BOM ' +
      'or GB18030 (`encoding=gb18030`).',
  })
  @ApiProduces(CONTENT_TYPES.csv, CONTENT_TYPES.xlsx)
  @ApiOkResponse(EXPORT_FILE)
  @Get('briefs/:id/export')
  async briefExport(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: ExportQueryDto,
    @Res() res: ServerResponse,
  ): Promise<void> {
    const table = await this.exports.briefContacts(p, id); // 404 before any header
    await send(res, table, q, `brief-${id}`);
  }

  @Roles('planner', 'supervisor', 'qa', 'admin')
  @ApiOperation({
    summary: 'Call-record export for a regulator (every attempt in a date range)',
    description:
      'Every attempt created in [from, to): calling and called number, every timestamp (UTC), outcome, hangup ' +
      'cause, agent and disposition; streamed from a server-side cursor, CSV or XLSX.',
  })
  @ApiProduces(CONTENT_TYPES.csv, CONTENT_TYPES.xlsx)
  @ApiOkResponse(EXPORT_FILE)
  @Get('call-records')
  async callRecords(
    @CurrentUser() p: Principal,
    @Query() q: CallRecordQueryDto,
    @Res() res: ServerResponse,
  ): Promise<void> {
    const table = this.exports.callRecords(p, q);
    await send(res, table, q, `call-records-${q.from.slice(0, 10)}-${q.to.slice(0, 10)}`);
  }
}
