import { ApiProperty, OmitType } from '@nestjs/swagger';
import { EntityApiModel } from '@app/common';
import { ContactList, LIST_STATUSES, PHONE_STATUSES } from '@app/database';

// Response models of the contact-list routes, for the OpenAPI document.

export class ImportErrorResponse {
  @ApiProperty({ example: 'payload-too-large' }) code: string;
  @ApiProperty() message: string;
  @ApiProperty({ description: 'rows up to this one were committed and are kept' }) committedThroughRow: number;
}

export class ImportSummaryResponse {
  @ApiProperty({ format: 'uuid' }) listId: string;
  @ApiProperty({ enum: ['ready', 'failed'] }) status: string;
  @ApiProperty({ enum: ['csv', 'xlsx', 'json'] }) format: string;
  @ApiProperty({ example: 'utf-8' }) encoding: string;
  @ApiProperty({ description: 'data rows read (the header not counted)' }) rows: number;
  @ApiProperty({ description: 'contacts in the list after the import' }) contacts: number;
  @ApiProperty({ description: 'rows imported (new or merged)' }) accepted: number;
  @ApiProperty({ description: 'rows refused; each reason is in the import report' }) rejected: number;
  @ApiProperty({ description: 'rows merged into a contact already seen' }) duplicates: number;
  @ApiProperty({ description: 'contacts with a number on a do-not-call list' }) dnc: number;
  @ApiProperty({ description: 'problems that did not refuse a row (also in the report)' }) notes: number;
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
  @ApiProperty({ enum: LIST_STATUSES }) status: string;
  @ApiProperty({ type: StoredImportSummaryResponse, nullable: true, description: 'null before the first import' })
  summary: StoredImportSummaryResponse | null;
  @ApiProperty({ type: [ImportRejectionResponse] }) rejections: ImportRejectionResponse[];
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
