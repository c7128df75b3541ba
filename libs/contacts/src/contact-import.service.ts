import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, notFound } from '@app/common';
import { canSeeDepartment, type Principal } from '@app/auth';
import { AuditService, ContactList } from '@app/database';
import { planColumns, splitNumbers, type ColumnMapping, type ColumnPlan } from './columns';
import { jsonSource, limitBytes, openUpload, tooLarge, type RowSource, type SourceRow } from './import-sources';
import { normalisePhone, timeZoneOfPhone, type NormalisedPhone } from './phone';
import { canonicalTimeZone } from './time-zones';

export const CONTACTS_OPTIONS = Symbol('CONTACTS_OPTIONS');
export interface ContactsOptions {
  /** Largest upload accepted, in bytes (IMPORT_MAX_BYTES, default 100 MB). */
  maxImportBytes: number;
  /** Rows per transaction. */
  batchSize: number;
}

export interface ImportSummary {
  listId: string;
  status: 'ready' | 'failed';
  format: RowSource['format'];
  encoding: string;
  /** Data rows read (the header not counted). */
  rows: number;
  /** Contacts in the list after the import. */
  contacts: number;
  /** Rows imported (new or merged). */
  accepted: number;
  /** Rows refused (no usable number); each reason is in the import report. */
  rejected: number;
  /** Rows merged into a contact already seen (same external id, or same first number). */
  duplicates: number;
  /** Contacts in the list with a number on a do-not-call list. */
  dnc: number;
  /** Problems that did not refuse a row (a second number invalid, an unknown time zone): also in the report. */
  notes: number;
  columns: Record<string, string | string[]>;
  customFields: string[];
  warnings: string[];
  durationMs: number;
  /** On failure: why, and the last row whose batch was committed (everything up to it is kept). */
  error?: { code: string; message: string; committedThroughRow: number };
}

interface PendingContact {
  externalId: string | null;
  firstName: string | null;
  lastName: string | null;
  timeZone: string;
  region: string | null;
  segment: string | null;
  fields: Record<string, string>;
  dedupeKey: string;
  sourceRow: number;
  phones: { phone: NormalisedPhone; label: string }[];
}

interface Rejection {
  row: number;
  field: string;
  reason: string;
  raw: string | null;
}

interface ImportInput {
  source: RowSource;
  mapping?: ColumnMapping | null;
  fileName?: string | null;
}

const clip = (s: string, n: number): string | null => (s ? s.slice(0, n) : null);

/**
 * Imports a list in batches: each batch of rows is normalised in memory, then written in one transaction with a few
 * multi-row statements (unnest arrays; ON CONFLICT merges duplicates across batches). A failure keeps every committed
 * batch and records where it stopped. Memory stays flat: only one batch is held at a time.
 */
@Injectable()
export class ContactImportService {
  private readonly log = new Logger('contacts-import');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    @Inject(CONTACTS_OPTIONS) private readonly options: ContactsOptions,
  ) {}

  get maxImportBytes(): number {
    return this.options.maxImportBytes;
  }

  /** Rows as JSON objects keyed by column name (or arrays with a header row first), e.g. handed over with a brief. */
  async importRows(
    p: Principal,
    listId: string,
    rows: unknown[],
    opts: { mapping?: ColumnMapping | null } = {},
  ): Promise<ImportSummary> {
    const list = await this.claim(p, listId);
    return this.runClaimed(p, list, async () => ({ source: jsonSource(rows), mapping: opts.mapping, fileName: null }));
  }

  /** A CSV or XLSX byte stream (a request body, a busboy file stream, a file). */
  async importStream(
    p: Principal,
    listId: string,
    input: {
      body: AsyncIterable<Buffer | string>;
      contentType?: string;
      contentLength?: number;
      fileName?: string | null;
      mapping?: ColumnMapping | null;
    },
  ): Promise<ImportSummary> {
    const limit = this.options.maxImportBytes;
    const list = await this.visibleList(p, listId);
    if (input.contentLength !== undefined && input.contentLength > limit) throw tooLarge(limit);
    await this.claim(p, listId, list);
    return this.runClaimed(p, list, async () => ({
      source: await openUpload(limitBytes(input.body, limit), input.contentType),
      mapping: input.mapping,
      fileName: input.fileName ?? null,
    }));
  }

  private async visibleList(p: Principal, listId: string): Promise<ContactList> {
    const list = await this.ds.getRepository(ContactList).findOne({ where: { id: listId } });
    if (!list || !canSeeDepartment(p, list.departmentId)) throw notFound('contact list', listId);
    return list;
  }

  /**
   * One import at a time per list: the status flips to `importing` atomically. A claim older than an hour is taken
   * over (the process that held it died mid-import; its committed batches stay).
   */
  private async claim(p: Principal, listId: string, known?: ContactList): Promise<ContactList> {
    const list = known ?? (await this.visibleList(p, listId));
    const res: unknown[] = await this.ds.query(
      `UPDATE contact_lists SET status = 'importing', updated_at = now()
       WHERE id = $1 AND (status <> 'importing' OR updated_at < now() - interval '1 hour') RETURNING id`,
      [listId],
    );
    const rows = (Array.isArray(res[0]) ? res[0] : res) as unknown[];
    if (!rows.length) throw new AppError('conflict', 'an import into this list is already running', []);
    return list;
  }

  private async runClaimed(p: Principal, list: ContactList, open: () => Promise<ImportInput>): Promise<ImportSummary> {
    const started = Date.now();
    let input: ImportInput;
    let plan: ColumnPlan;
    try {
      input = await open();
      plan = planColumns(input.source.headers, input.mapping);
    } catch (e) {
      // Refused before any row was read (binary, no phone column, too large): the list is as it was.
      await this.ds.query(`UPDATE contact_lists SET status = $2 WHERE id = $1`, [
        list.id,
        list.status === 'importing' ? 'ready' : list.status,
      ]);
      throw e;
    }
    const s: ImportSummary = {
      listId: list.id,
      status: 'ready',
      format: input.source.format,
      encoding: input.source.info.encoding,
      rows: 0,
      contacts: 0,
      accepted: 0,
      rejected: 0,
      duplicates: 0,
      dnc: 0,
      notes: 0,
      columns: plan.used,
      customFields: plan.custom.map((c) => c.key),
      warnings: input.source.info.warnings,
      durationMs: 0,
    };
    await this.ds.query(`DELETE FROM import_rejections WHERE list_id = $1`, [list.id]);
    let committedThroughRow = 1;
    let failure: unknown;
    // One batch is written while the next is read and normalised: the CPU work overlaps the database's.
    let inFlight: Promise<void> | undefined;
    const flush = async (b: Map<string, PendingContact>, rj: Rejection[], through: number): Promise<void> => {
      if (inFlight) await inFlight;
      inFlight = this.writeBatch(list, b, rj, s).then(() => {
        committedThroughRow = through;
      });
      inFlight.catch(() => undefined); // observed at the next flush or at the end
    };
    let batch = new Map<string, PendingContact>();
    let rejections: Rejection[] = [];
    let lastRow = 1;
    try {
      for await (const r of input.source.rows) {
        if (r.values.every((v) => v === '')) continue;
        s.rows++;
        lastRow = r.row;
        this.readRow(r, plan, list, batch, rejections, s);
        if (batch.size >= this.options.batchSize || rejections.length >= this.options.batchSize) {
          await flush(batch, rejections, lastRow);
          batch = new Map();
          rejections = [];
        }
      }
      await flush(batch, rejections, lastRow);
      await inFlight;
    } catch (e) {
      failure = e;
      const written = await (inFlight ?? Promise.resolve()).then(
        () => true,
        () => false,
      );
      // The file broke (syntax, size, a dropped connection), not the database: the rows read before are good, keep them.
      if (written && (batch.size || rejections.length))
        await this.writeBatch(list, batch, rejections, s).then(
          () => (committedThroughRow = lastRow),
          () => undefined,
        );
    }
    s.encoding = input.source.info.encoding;
    s.durationMs = Date.now() - started;
    if (failure) {
      const code = failure instanceof AppError ? failure.code : 'internal';
      const message = failure instanceof Error ? failure.message : String(failure);
      if (!(failure instanceof AppError)) this.log.error(`import into ${list.id} failed: ${message}`);
      s.status = 'failed';
      s.error = { code, message, committedThroughRow };
    }
    await this.finish(p, list, s, input.fileName ?? null);
    if (failure) {
      if (failure instanceof AppError)
        throw new AppError(
          failure.code,
          `${failure.message}; rows up to ${committedThroughRow} were imported and the list is marked failed`,
          { problems: failure.details, summary: s },
        );
      throw new AppError('internal', `the import stopped after row ${committedThroughRow}: ${message(failure)}`, {
        summary: s,
      });
    }
    return s;
  }

  /** Reads one row into the batch (merging a duplicate) or into the rejections. */
  private readRow(
    r: SourceRow,
    plan: ColumnPlan,
    list: ContactList,
    batch: Map<string, PendingContact>,
    rejections: Rejection[],
    s: ImportSummary,
  ): void {
    const v = r.values;
    const cell = (i: number | undefined): string => (i === undefined ? '' : (v[i] ?? '').trim());
    const rowRegionCell = cell(plan.region).toUpperCase();
    const rowRegion = /^[A-Z]{2}$/.test(rowRegionCell) ? rowRegionCell : null;
    const phones: PendingContact['phones'] = [];
    const bad: Rejection[] = [];
    for (const col of plan.phones) {
      const text = cell(col.index);
      if (!text) continue;
      for (const part of splitNumbers(text)) {
        const n = normalisePhone(part, rowRegion ?? list.region);
        if (n.ok) {
          if (!phones.some((x) => x.phone.e164 === n.phone.e164)) phones.push({ phone: n.phone, label: col.label });
        } else bad.push({ row: r.row, field: plan.headers[col.index], reason: n.reason, raw: part });
      }
    }
    if (!phones.length) {
      s.rejected++;
      if (!bad.length) bad.push({ row: r.row, field: 'phone', reason: 'no phone number', raw: r.raw ?? v.join(',') });
      else bad[0].reason = `no valid phone number: ${bad[0].reason}`;
      rejections.push(...bad);
      return;
    }
    s.notes += bad.length;
    for (const b of bad) rejections.push({ ...b, reason: `number skipped (the row was kept): ${b.reason}` });

    const tzCell = cell(plan.timeZone);
    let timeZone = tzCell ? canonicalTimeZone(tzCell) : undefined;
    if (tzCell && !timeZone) {
      s.notes++;
      rejections.push({
        row: r.row,
        field: plan.headers[plan.timeZone!],
        reason: 'unknown time zone (the row was kept; the zone was derived from the number)',
        raw: tzCell,
      });
    }
    timeZone ??= timeZoneOfPhone(phones[0].phone) ?? list.defaultTimeZone ?? 'UTC';

    let firstName = clip(cell(plan.firstName), 200);
    let lastName = clip(cell(plan.lastName), 200);
    const full = cell(plan.name);
    if (full && !firstName && !lastName) {
      const at = full.lastIndexOf(' ');
      firstName = clip(at > 0 ? full.slice(0, at) : full, 200);
      lastName = at > 0 ? clip(full.slice(at + 1), 200) : null;
    }
    const fields: Record<string, string> = {};
    for (const c of plan.custom) {
      const value = cell(c.index);
      if (value) fields[c.key] = value;
    }
    const externalId = clip(cell(plan.externalId), 200);
    const dedupeKey = externalId ? `id:${externalId}` : `tel:${phones[0].phone.e164}`;
    s.accepted++;
    const seen = batch.get(dedupeKey);
    if (seen) {
      s.duplicates++;
      for (const ph of phones) if (!seen.phones.some((x) => x.phone.e164 === ph.phone.e164)) seen.phones.push(ph);
      seen.firstName ??= firstName;
      seen.lastName ??= lastName;
      seen.segment ??= clip(cell(plan.segment), 100);
      seen.fields = { ...fields, ...seen.fields };
      return;
    }
    batch.set(dedupeKey, {
      externalId,
      firstName,
      lastName,
      timeZone,
      region: rowRegion ?? phones[0].phone.region ?? list.region,
      segment: clip(cell(plan.segment), 100),
      fields,
      dedupeKey,
      sourceRow: r.row,
      phones,
    });
  }

  private async writeBatch(
    list: ContactList,
    batch: Map<string, PendingContact>,
    rejections: Rejection[],
    s: ImportSummary,
  ): Promise<void> {
    if (!batch.size && !rejections.length) return;
    const contacts = [...batch.values()];
    await this.ds.transaction(async (m) => {
      // A batch need not wait for its own WAL flush: the final status update is a synchronous commit, which flushes
      // every earlier one, so the summary never reports rows a crash could lose.
      await m.query(`SET LOCAL synchronous_commit = off`);
      if (contacts.length) {
        const dnc = await this.dncNumbers(
          m,
          list.departmentId,
          contacts.flatMap((c) => c.phones.map((p) => p.phone.e164)),
        );
        const upserted: { id: string; dedupe_key: string; merged: boolean }[] = await m.query(
          `INSERT INTO contacts (list_id, department_id, external_id, first_name, last_name, time_zone, region, segment,
                                 fields, dedupe_key, source_row, dnc)
           SELECT $1, $2, u.* FROM unnest($3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[],
                                          $8::varchar[], $9::jsonb[], $10::varchar[], $11::int[], $12::bool[]) AS u
           ON CONFLICT (list_id, dedupe_key) DO UPDATE SET
             first_name = COALESCE(contacts.first_name, EXCLUDED.first_name),
             last_name = COALESCE(contacts.last_name, EXCLUDED.last_name),
             segment = COALESCE(contacts.segment, EXCLUDED.segment),
             fields = EXCLUDED.fields || contacts.fields,
             dnc = contacts.dnc OR EXCLUDED.dnc,
             updated_at = now()
           RETURNING id, dedupe_key, (xmax <> 0) AS merged`,
          [
            list.id,
            list.departmentId,
            contacts.map((c) => c.externalId),
            contacts.map((c) => c.firstName),
            contacts.map((c) => c.lastName),
            contacts.map((c) => c.timeZone),
            contacts.map((c) => c.region),
            contacts.map((c) => c.segment),
            contacts.map((c) => JSON.stringify(c.fields)),
            contacts.map((c) => c.dedupeKey),
            contacts.map((c) => c.sourceRow),
            contacts.map((c) => c.phones.some((p) => dnc.has(p.phone.e164))),
          ],
        );
        const ids = new Map(upserted.map((u) => [u.dedupe_key, u.id]));
        const merged = upserted.filter((u) => u.merged);
        s.duplicates += merged.length;
        // A merged contact keeps its numbers first: new ones go after its current last position. Only merged
        // contacts need the lookup; a new contact's numbers start at 0.
        const next = new Map<string, number>();
        if (merged.length) {
          const rows: { contact_id: string; next: number }[] = await m.query(
            `SELECT contact_id, max(position) + 1 AS next FROM phone_numbers
             WHERE contact_id = ANY($1::uuid[]) GROUP BY contact_id`,
            [merged.map((u) => u.id)],
          );
          for (const r of rows) next.set(r.contact_id, Number(r.next));
        }
        const cid: string[] = [];
        const e164: string[] = [];
        const kind: string[] = [];
        const label: string[] = [];
        const position: number[] = [];
        const status: string[] = [];
        for (const c of contacts) {
          const id = ids.get(c.dedupeKey)!;
          const base = next.get(id) ?? 0;
          c.phones.forEach((p, i) => {
            cid.push(id);
            e164.push(p.phone.e164);
            kind.push(p.phone.kind);
            label.push(p.label.slice(0, 32));
            position.push(Math.min(base + i, 32767));
            status.push(dnc.has(p.phone.e164) ? 'dnc' : 'active');
          });
        }
        await m.query(
          `INSERT INTO phone_numbers (contact_id, e164, kind, label, position, status)
           SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::smallint[], $6::varchar[])
           ON CONFLICT (contact_id, e164) DO NOTHING`,
          [cid, e164, kind, label, position, status],
        );
      }
      if (rejections.length)
        await m.query(
          `INSERT INTO import_rejections (list_id, row_number, field, reason, raw)
           SELECT $1, * FROM unnest($2::int[], $3::varchar[], $4::text[], $5::text[])`,
          [
            list.id,
            rejections.map((r) => r.row),
            rejections.map((r) => (r.field || 'row').slice(0, 64)),
            rejections.map((r) => r.reason),
            rejections.map((r) => (r.raw === null ? null : r.raw.slice(0, 2000))),
          ],
        );
    });
  }

  /** Numbers of the batch on a do-not-call list that applies to this department (global or its own), not expired. */
  private async dncNumbers(m: EntityManager, departmentId: string, numbers: string[]): Promise<Set<string>> {
    if (!numbers.length) return new Set();
    const rows: { e164: string }[] = await m.query(
      `SELECT DISTINCT e164 FROM dnc_entries
       WHERE e164 = ANY($1::varchar[])
         AND (scope = 'global' OR (scope = 'department' AND department_id = $2))
         AND (expires_at IS NULL OR expires_at > now())`,
      [numbers, departmentId],
    );
    return new Set(rows.map((r) => r.e164));
  }

  private async finish(p: Principal, list: ContactList, s: ImportSummary, fileName: string | null): Promise<void> {
    await this.ds.transaction(async (m) => {
      const [counts]: { contacts: number; dnc: number }[] = await m.query(
        `SELECT count(*)::int AS contacts, count(*) FILTER (WHERE dnc)::int AS dnc FROM contacts WHERE list_id = $1`,
        [list.id],
      );
      s.contacts = counts.contacts;
      s.dnc = counts.dnc;
      const { listId: _l, ...summary } = s;
      await m.query(
        `UPDATE contact_lists SET status = $2, row_count = $3, accepted_count = $4, rejected_count = $5,
           duplicate_count = $6, dnc_count = $7, import_summary = $8, imported_at = now(), updated_at = now(),
           source_file_name = COALESCE($9, source_file_name)
         WHERE id = $1`,
        [
          list.id,
          s.status,
          s.rows,
          s.contacts,
          s.rejected,
          s.duplicates,
          s.dnc,
          summary,
          fileName?.slice(0, 300) ?? null,
        ],
      );
      await this.audit.record(
        { userId: p.userId, role: p.role, departmentId: p.departmentId },
        {
          action: s.status === 'ready' ? 'contact-list.import' : 'contact-list.import-failed',
          entityType: 'contact-list',
          entityId: list.id,
          departmentId: list.departmentId,
          details: {
            fileName,
            format: s.format,
            rows: s.rows,
            accepted: s.accepted,
            rejected: s.rejected,
            duplicates: s.duplicates,
            dnc: s.dnc,
            ...(s.error ? { error: s.error } : {}),
          },
        },
        m,
      );
    });
  }
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
