import { ApiExtraModels, ApiProperty, getSchemaPath, OmitType } from '@nestjs/swagger';
import { EntityApiModel } from '@app/common';
import { ContactList, IMPORT_STATUSES, LIST_STATUSES, PHONE_STATUSES } from '@app/database';

// Response models of the contact-list routes, for the OpenAPI document.

export class ImportErrorResponse {
  @ApiProperty({ example: 'payload-too-large' }) code: string;
  @ApiProperty() message: string;
  @ApiProperty({ description: 'how far the file was read (data rows)' }) readThroughRow: number;
  @ApiProperty({ enum: [0], description: 'a failed import keeps nothing: the list is as it was before' }) kept: number;
}

export class ImportSheetResponse {
  @ApiProperty({ example: 'Contacts' }) name: string;
  @ApiProperty({ description: '1-based', example: 1 }) index: number;
  @ApiProperty({ type: [String], description: 'every sheet of the workbook' }) of: string[];
}

export class ImportSummaryResponse {
  @ApiProperty({ format: 'uuid' }) listId: string;
  @ApiProperty({
    format: 'uuid',
    description: 'this import: its report is at GET /api/contact-lists/{id}/imports/{importId}',
  })
  importId: string;
  @ApiProperty({ enum: ['ready', 'failed'] }) status: string;
  @ApiProperty({ enum: ['csv', 'xlsx', 'json'] }) format: string;
  @ApiProperty({ example: 'utf-8' }) encoding: string;
  @ApiProperty({
    required: false,
    enum: ['bom', 'forced', 'declared', 'detected'],
    description: 'how the encoding was chosen (forced: ?encoding=; declared: the content-type charset)',
  })
  encodingSource?: string;
  @ApiProperty({ type: ImportSheetResponse, required: false, description: 'XLSX: the sheet imported (?sheet=)' })
  sheet?: ImportSheetResponse;
  @ApiProperty({ description: 'data rows read (the header not counted)' }) rows: number;
  @ApiProperty({ description: 'contacts in the list after the import' }) contacts: number;
  @ApiProperty({ description: 'rows imported (new or merged)' }) accepted: number;
  @ApiProperty({ description: 'rows refused; each reason is in the import report' }) rejected: number;
  @ApiProperty({ description: 'rows merged into a contact already seen (same external id or first number)' })
  duplicates: number;
  @ApiProperty({ description: 'numbers held by more than one contact of the list (kept, each in the report)' })
  sharedNumbers: number;
  @ApiProperty({ description: 'contacts with a number on a do-not-call list' }) dnc: number;
  @ApiProperty({ description: 'problems that did not refuse a row (also in the report)' }) notes: number;
  @ApiProperty({ description: 'rows with more cells than the header (extra cells not imported)' }) raggedRows: number;
  @ApiProperty({ description: 'cells cleaned of NUL characters or lone surrogates' }) cleanedCells: number;
  @ApiProperty({
    type: Object,
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    description: 'contact field → the column(s) it was read from',
    example: { phone: 'Phone', firstName: 'First name' },
  })
  columns: Record<string, string | string[]>;
  @ApiProperty({ type: [String] }) customFields: string[];
  @ApiProperty({ type: [String] }) warnings: string[];
  @ApiProperty() durationMs: number;
  @ApiProperty({ type: ImportErrorResponse, required: false }) error?: ImportErrorResponse;
}

/** The summary as the list keeps it (without the list id). */
export class StoredImportSummaryResponse extends OmitType(ImportSummaryResponse, ['listId'] as const) {}

export class ContactListResponse extends EntityApiModel(ContactList) {
  @ApiProperty({ enum: LIST_STATUSES }) status: string;
  @ApiProperty({ type: StoredImportSummaryResponse, nullable: true, description: 'the last import' })
  importSummary: StoredImportSummaryResponse | null;
}

export class ContactPhoneResponse {
  @ApiProperty({ example: '+447700900123' }) e164: string;
  @ApiProperty({ example: 'mobile' }) kind: string;
  @ApiProperty({ nullable: true, type: String }) label: string | null;
  @ApiProperty() position: number;
  @ApiProperty({ enum: PHONE_STATUSES }) status: string;
}

export class ContactResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) externalId: string | null;
  @ApiProperty({ nullable: true, type: String }) firstName: string | null;
  @ApiProperty({ nullable: true, type: String }) lastName: string | null;
  @ApiProperty({ example: 'Europe/London' }) timeZone: string;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ nullable: true, type: String }) segment: string | null;
  @ApiProperty({ type: Object, additionalProperties: true, description: 'custom columns' })
  fields: Record<string, unknown>;
  @ApiProperty() dnc: boolean;
  @ApiProperty() sourceRow: number;
  @ApiProperty({ type: [ContactPhoneResponse] }) phones: ContactPhoneResponse[];
}

export class ContactPageResponse {
  @ApiProperty({ type: [ContactResponse] }) items: ContactResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class ImportRejectionResponse {
  @ApiProperty() rowNumber: number;
  @ApiProperty() field: string;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: String, description: 'the refused value as read' }) raw: string | null;
}

export class ImportReportResponse {
  @ApiProperty({ format: 'uuid' }) listId: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'the latest import (null before the first)',
  })
  importId: string | null;
  @ApiProperty({ enum: LIST_STATUSES }) status: string;
  @ApiProperty({ type: StoredImportSummaryResponse, nullable: true, description: 'null before the first import' })
  summary: StoredImportSummaryResponse | null;
  @ApiProperty({ type: [ImportRejectionResponse] }) rejections: ImportRejectionResponse[];
}

/** The summary of an import the server abandoned (its process stopped before it finished): only why. */
export class AbandonedImportSummaryResponse {
  @ApiProperty({ enum: ['failed'] }) status: string;
  @ApiProperty({ type: ImportErrorResponse }) error: ImportErrorResponse;
}

@ApiExtraModels(StoredImportSummaryResponse, AbandonedImportSummaryResponse)
export class ImportRecordResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) listId: string;
  @ApiProperty({ enum: IMPORT_STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true }) fileName: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['csv', 'xlsx', 'json'] }) format: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) createdById: string | null;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) finishedAt: string | null;
  @ApiProperty({
    nullable: true,
    anyOf: [
      { $ref: getSchemaPath(StoredImportSummaryResponse) },
      { $ref: getSchemaPath(AbandonedImportSummaryResponse) },
    ],
    description: 'null while importing; an import the server abandoned has only status and error',
  })
  summary: StoredImportSummaryResponse | AbandonedImportSummaryResponse | null;
}

export class ImportRecordReportResponse extends ImportRecordResponse {
  @ApiProperty({ type: [ImportRejectionResponse], description: 'the rows this import refused or noted' })
  rejections: ImportRejectionResponse[];
}

/** The JSON form of an import: rows inline (small lists; files go as multipart or a raw CSV/XLSX body). */
export class ImportRowsBody {
  @ApiProperty({
    type: 'array',
    items: {
      oneOf: [
        { type: 'object', additionalProperties: true },
        { type: 'array', items: {} },
      ],
    },
    description: 'objects keyed by column name, or arrays with a header row first; at most 10 MB of JSON',
    example: [{ phone: '+447700900123', first_name: 'Ada', last_name: 'Lovelace', time_zone: 'Europe/London' }],
  })
  rows: unknown[];
  @ApiProperty({
    required: false,
    type: Object,
    additionalProperties: { type: 'string' },
    description: 'contact field → column name, when the headers are not recognised',
    example: { phone: 'Mobile' },
  })
  mapping?: Record<string, string>;
}
