import { Body, Controller, Get, HttpCode, Logger, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { INLINE_ROWS_JSON_LIMIT_BYTES, JsonBodyLimit } from '@app/common';
import {
  ContactListResponse,
  ContactPageResponse,
  ImportRecordReportResponse,
  ImportRecordResponse,
  ImportReportResponse,
  ImportRowsBody,
  ImportSummaryResponse,
} from './contact-lists.api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CurrentUser, Roles, type Principal } from '@app/auth';
import type { ContactList } from '@app/database';
import { ContactImportService, type ImportSummary } from './contact-import.service';
import { CreateContactListDto, PageQueryDto } from './contact-lists.dto';
import {
  ContactListsService,
  type ContactView,
  type ImportReport,
  type ImportView,
  type Page,
} from './contact-lists.service';
import { encodingName } from './encoding';
import { badJsonRows, fileNameHeader, multipartFile, parseMapping, requestAbortSignal } from './upload';

/** What Express hands over: the node request (with `body` when a JSON parser ran) and response. */
type Request = IncomingMessage & { body?: unknown };
type Response = ServerResponse;
const nothing = async function* (): AsyncGenerator<Buffer> {};

/** What POST :id/import reads (the JSON-only rule of other routes does not apply to it). */
const IMPORT_MEDIA_TYPES = [
  'multipart/form-data',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
  'application/json',
];

const READERS = ['requester', 'planner', 'supervisor', 'qa', 'admin'] as const;
// Supervisors watch and steer agents and campaigns; they do not create lists or import.
const WRITERS = ['requester', 'planner', 'admin'] as const;

@ApiTags('contact-lists')
@ApiExtraModels(ImportRowsBody, ImportReportResponse, ImportRecordReportResponse)
@ApiBearerAuth()
@Controller('contact-lists')
export class ContactListsController {
  private readonly log = new Logger('contacts-import');

  constructor(
    private readonly lists: ContactListsService,
    private readonly importer: ContactImportService,
  ) {}

  @ApiOperation({ summary: 'Create an empty contact list (then import into it)' })
  @ApiCreatedResponse({ type: ContactListResponse })
  @Roles(...WRITERS)
  @Post()
  create(@CurrentUser() p: Principal, @Body() dto: CreateContactListDto): Promise<ContactList> {
    return this.lists.create(p, dto);
  }

  @ApiOperation({ summary: 'List the contact lists of your departments' })
  @ApiOkResponse({ type: ContactListResponse, isArray: true })
  @Roles(...READERS)
  @Get()
  list(@CurrentUser() p: Principal): Promise<ContactList[]> {
    return this.lists.list(p);
  }

  @ApiOperation({ summary: 'Read a contact list and its import counts' })
  @ApiOkResponse({ type: ContactListResponse })
  @Roles(...READERS)
  @Get(':id')
  get(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ContactList> {
    return this.lists.get(p, id);
  }

  @ApiOperation({ summary: "Page through a list's contacts" })
  @ApiOkResponse({ type: ContactPageResponse })
  @Roles(...READERS)
  @Get(':id/contacts')
  contacts(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() q: PageQueryDto,
  ): Promise<Page<ContactView>> {
    return this.lists.contacts(p, id, q.page ?? 1, q.pageSize ?? 100);
  }

  /** The latest import's report. JSON by default; `?format=csv` downloads row, field, reason, raw (formula-safe). */
  @ApiOperation({ summary: "The last import's summary and refused rows (JSON, or CSV with ?format=csv)" })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiOkResponse({
    description: 'JSON by default; with ?format=csv a CSV download (row, field, reason, raw)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ImportReportResponse) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @Roles(...READERS)
  @Get(':id/import-report')
  async report(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    const latest = await this.lists.latestImportId(p, id);
    if (format !== 'csv') {
      const { list, rejections, imp } = await this.lists.report(p, id, latest);
      return {
        listId: list.id,
        importId: imp?.id ?? null,
        status: list.status,
        summary: list.importSummary,
        rejections,
      };
    }
    return this.sendCsv(p, id, latest, res);
  }

  /** Every import into the list, newest first, each with its summary (a failed one says why and how far it read). */
  @ApiOperation({ summary: 'Every import into the list, newest first, each with its summary' })
  @ApiOkResponse({ type: ImportRecordResponse, isArray: true })
  @Roles(...READERS)
  @Get(':id/imports')
  imports(@CurrentUser() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<ImportView[]> {
    return this.lists.imports(p, id);
  }

  /** One import's report: its summary and the rows it rejected or noted. `?format=csv` downloads them. */
  @ApiOperation({ summary: "One import's summary and the rows it refused or noted (JSON, or CSV with ?format=csv)" })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiOkResponse({
    description: 'JSON by default; with ?format=csv a CSV download (row, field, reason, raw)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ImportRecordReportResponse) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @Roles(...READERS)
  @Get(':id/imports/:importId')
  async importReport(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('importId', ParseUUIDPipe) importId: string,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportReport | undefined> {
    if (format !== 'csv') {
      const { imp, rejections } = await this.lists.report(p, id, importId, true);
      return { ...imp!, rejections };
    }
    return this.sendCsv(p, id, importId, res);
  }

  private async sendCsv(p: Principal, id: string, importId: string | null, res: Response): Promise<undefined> {
    const lines = this.lists.reportCsv(p, id, importId);
    const first = await lines.next(); // 404 before any header is sent
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="import-report-${importId ?? id}.csv"`);
    if (!first.done) res.write(first.value);
    for await (const chunk of lines) res.write(chunk);
    res.end();
    return undefined;
  }

  /**
   * The list as the raw body (text/csv, the XLSX type, application/octet-stream; optionally `content-encoding: gzip`),
   * as multipart/form-data with a `file` field, or as JSON `{ rows: [...], mapping? }`. Streamed: the file is never
   * held in memory (an XLSX is spooled to a temporary file and checked before it is read). `?encoding=` forces a text
   * encoding, `?sheet=` chooses an XLSX sheet (name or 1-based number), `?mapping=` maps columns.
   */
  @Roles(...WRITERS)
  @Post(':id/import')
  @HttpCode(200)
  @ApiConsumes(...IMPORT_MEDIA_TYPES)
  @JsonBodyLimit(INLINE_ROWS_JSON_LIMIT_BYTES)
  @ApiOperation({
    summary: 'Import contacts into a list: a file upload (multipart "file"), a raw CSV/XLSX body, or JSON rows',
    description:
      'Streamed: the file is never held in memory. Columns are recognised by their headers (phone, name, time zone...) ' +
      'or named with `mapping`. Up to MAX_IMPORT_BYTES for files; JSON rows up to 10 MB.',
    requestBody: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['file'],
            properties: {
              file: { type: 'string', format: 'binary', description: 'the CSV or XLSX file' },
              mapping: { type: 'string', description: 'JSON object: contact field → column name' },
              encoding: { type: 'string', description: 'force the text encoding (as ?encoding=)' },
              sheet: { type: 'string', description: 'XLSX: the sheet to import (as ?sheet=)' },
            },
          },
        },
        'text/csv': { schema: { type: 'string', format: 'binary' } },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          schema: { type: 'string', format: 'binary' },
        },
        'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
        'application/json': { schema: { $ref: getSchemaPath(ImportRowsBody) } },
      },
    },
  })
  @ApiQuery({
    name: 'mapping',
    required: false,
    type: String,
    description: 'JSON object: contact field → column name, e.g. {"phone":"Mobile"}',
  })
  @ApiQuery({
    name: 'encoding',
    required: false,
    type: String,
    description: 'force the text encoding of a CSV (utf-8, utf-16le, gbk, big5, latin1...); default: detected',
  })
  @ApiQuery({
    name: 'sheet',
    required: false,
    type: String,
    description: 'XLSX: the sheet to import, name or 1-based number',
  })
  @ApiHeader({ name: 'content-encoding', required: false, description: 'gzip: the raw body is gzip-compressed' })
  @ApiHeader({ name: 'x-file-name', required: false, description: 'file name of a raw body (percent-encoded)' })
  @ApiOkResponse({ type: ImportSummaryResponse })
  async import(
    @CurrentUser() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('mapping') mappingQuery: string | undefined,
    @Query('encoding') encodingQuery: string | undefined,
    @Query('sheet') sheetQuery: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportSummary> {
    const [typeHeader, ...params] = (req.headers['content-type'] ?? '').split(';');
    const type = typeHeader.trim().toLowerCase();
    // Whatever happens to the request's stream (the client goes away, a socket error), it ends this import only.
    const signal = requestAbortSignal(req);
    try {
      const encoding =
        typeof encodingQuery === 'string' && encodingQuery ? encodingName(encodingQuery, 'encoding') : undefined;
      const charset = params.map((x) => /^\s*charset\s*=\s*(.+)$/i.exec(x)?.[1]).find((x): x is string => !!x);
      const declaredCharset = charset ? encodingName(charset, 'content-type') : undefined;
      const sheet = typeof sheetQuery === 'string' ? sheetQuery : undefined;
      if (type === 'application/json') {
        const body = (req.body ?? {}) as { rows?: unknown; mapping?: unknown };
        if (!Array.isArray(body.rows)) throw badJsonRows();
        return await this.importer.importRows(p, id, body.rows, {
          mapping: parseMapping(body.mapping ?? mappingQuery),
        });
      }
      const length = req.headers['content-length'] ? Number(req.headers['content-length']) : undefined;
      if (type === 'multipart/form-data') {
        if (length !== undefined && length > this.importer.maxImportBytes + 64 * 1024)
          return await this.importer.importStream(p, id, { body: nothing(), contentLength: length });
        const f = await multipartFile(req, signal);
        return await this.importer.importStream(p, id, {
          body: f.stream,
          contentType: f.mimeType ?? undefined,
          fileName: f.fileName,
          mapping: parseMapping(f.fields.mapping ?? mappingQuery),
          encoding: encoding ?? (f.fields.encoding ? encodingName(f.fields.encoding, 'encoding') : undefined),
          sheet: sheet ?? f.fields.sheet,
          signal,
        });
      }
      const contentEncoding = req.headers['content-encoding'];
      return await this.importer.importStream(p, id, {
        body: req,
        contentType: type,
        contentLength: length,
        contentEncoding: typeof contentEncoding === 'string' ? contentEncoding : undefined,
        fileName: fileNameHeader(req.headers['x-file-name']),
        mapping: parseMapping(mappingQuery),
        encoding,
        declaredCharset,
        sheet,
        signal,
      });
    } catch (e) {
      if (signal.aborted)
        this.log.warn(
          `import into list ${id}: the client went away mid-upload; the import ended (${(e as Error).message})`,
        );
      // Refused before the body was read (too large, binary, bad header): do not read 200 MB only to discard it.
      if (!req.complete) res.setHeader('connection', 'close');
      throw e;
    }
  }
}
