import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, notFound } from '@app/common';
import { canSeeDepartment, type Principal } from '@app/auth';
import { AuditService, ContactList } from '@app/database';
import { planColumns, splitNumbers, type ColumnMapping, type ColumnPlan } from './columns';
import type { TextEncodingName } from './encoding';
import { jsonSource, limitBytes, openUpload, tooLarge, type RowSource, type SourceRow } from './import-sources';
import { normalisePhone, timeZoneOfPhone, type NormalisedPhone, type PhoneResult } from './phone';
import { canonicalTimeZone } from './time-zones';
import { clientGone, contentDecoded, hasLoneSurrogate, wellFormed } from './upload';
import { DEFAULT_XLSX_LIMITS, removeStaleSpools, type XlsxLimits } from './xlsx-guard';

export const CONTACTS_OPTIONS = Symbol('CONTACTS_OPTIONS');
export interface ContactsOptions {
  /** Largest upload accepted, in bytes (IMPORT_MAX_BYTES, default 100 MB); with content-encoding, the inflated bytes. */
  maxImportBytes: number;
  /** Rows per transaction. */
  batchSize: number;
  /** This process in import ownership (DIALER_INSTANCE_ID): a restart releases the imports it owned. */
  instanceId: string;
  /** What an XLSX may unpack (IMPORT_MAX_UNPACKED_BYTES and the fixed per-part limits). */
  xlsxLimits: XlsxLimits;
  /** An import whose process has not shown a sign of life for this long is failed and its list released. */
  staleImportSeconds: number;
}

export interface ImportSummary {
  listId: string;
  /** This import: its report is at GET /api/contact-lists/{listId}/imports/{importId}. */
  importId: string;
  status: 'ready' | 'failed';
  format: RowSource['format'];
  encoding: string;
  /** How the encoding was chosen: bom, forced (?encoding=), declared (content-type charset) or detected. */
  encodingSource?: string;
  /** XLSX: the sheet imported (1-based index and name) and every sheet of the workbook. */
  sheet?: { name: string; index: number; of: string[] };
  /** Data rows read (the header not counted). */
  rows: number;
  /** Contacts in the list after the import (unchanged when the import failed). */
  contacts: number;
  /** Rows imported (new or merged). */
  accepted: number;
  /** Rows refused (no usable number); each reason is in the import report. */
  rejected: number;
  /** Rows merged into a contact already seen (same external id, or same first number), in this file or the list. */
  duplicates: number;
  /**
   * Numbers held by more than one contact of the list (rows with different external ids): kept as separate contacts
   * and each listed in the import report.
   */
  sharedNumbers: number;
  /** Contacts in the list with a number on a do-not-call list. */
  dnc: number;
  /** Problems that did not refuse a row (a second number invalid, an unknown time zone): also in the report. */
  notes: number;
  /** Rows with more cells than the header: the extra cells were not imported (each in the report). */
  raggedRows: number;
  /** Cells cleaned: NUL characters removed, lone UTF-16 surrogates replaced by U+FFFD (each row in the report). */
  cleanedCells: number;
  columns: Record<string, string | string[]>;
  customFields: string[];
  warnings: string[];
  durationMs: number;
  /**
   * On failure: why, and how far the file was read. A failed import keeps nothing of itself: the list is exactly as
   * it was before (its rows were staged and are dropped); the rejections it found are in its report.
   */
  error?: { code: string; message: string; readThroughRow: number; kept: 0 };
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
}

interface Claimed {
  list: ContactList;
  importId: string;
  /** The list's status before the import, restored when the import fails. */
  previous: string;
  fileName: string | null;
}

export interface StreamImportInput {
  body: AsyncIterable<Buffer | string>;
  contentType?: string;
  contentLength?: number;
  /** gzip or deflate: inflated as it streams, the inflated bytes count against the limit. */
  contentEncoding?: string;
  fileName?: string | null;
  mapping?: ColumnMapping | null;
  /** `?encoding=`. */
  encoding?: TextEncodingName;
  /** The content type's `charset=`. */
  declaredCharset?: TextEncodingName;
  /** `?sheet=` (XLSX). */
  sheet?: string | null;
  /** Fires when the client goes away mid-upload: the import ends at once. */
  signal?: AbortSignal;
}

const clip = (s: string, n: number): string | null => (s ? s.slice(0, n) : null);

/** Per-import state of the row reader. */
interface RowCounters {
  ragged: number;
  cleaned: number;
  /** Numbers already read in this import (text and region → result): a number seen again is not parsed again. */
  phones: Map<string, PhoneResult>;
}
/** Numbers remembered per import; past this the memo starts again (a list of distinct numbers gains nothing). */
const PHONE_MEMO = 50_000;

/** normalisePhone, remembered: libphonenumber is the costliest step of reading a row (tens of µs a number). */
function parsePhone(memo: Map<string, PhoneResult>, text: string, region: string | null | undefined): PhoneResult {
  const key = `${region ?? ''}\u0001${text}`;
  let r = memo.get(key);
  if (!r) {
    if (memo.size >= PHONE_MEMO) memo.clear();
    r = normalisePhone(text, region);
    memo.set(key, r);
  }
  return r;
}
/** Report notes of one kind kept per import (the counts stay exact). */
const NOTE_CAP = 1000;

/**
 * Imports a list in batches. Each batch is normalised in memory, then staged (contact_import_rows) in one statement
 * while the next batch is read. When the whole file has been read the staged rows are published into the list in one
 * transaction (merging with the list's contacts); an import that fails (a size limit, a broken or cut file, a client
 * that went away, a dead process) drops its staged rows and leaves the list exactly as it was. One import per list at
 * a time, owned by one process, which keeps a heartbeat; a restart or a stale heartbeat releases it.
 */
@Injectable()
export class ContactImportService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('contacts-import');
  private sweeper?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    @Inject(CONTACTS_OPTIONS) private readonly options: ContactsOptions,
  ) {}

  get maxImportBytes(): number {
    return this.options.maxImportBytes;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.releaseAbandoned(true);
    // XLSX uploads spooled by a process that crashed mid-import.
    void removeStaleSpools().catch(() => undefined);
    this.sweeper = setInterval(
      () => void this.releaseAbandoned(false).catch((e: unknown) => this.log.warn(`import sweep: ${String(e)}`)),
      Math.max(1000, this.options.staleImportSeconds * 500),
    );
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /**
   * Fails imports whose process is gone: at start, every import this instance owned (it cannot be running any more),
   * and at any time those whose heartbeat is stale. Their staged rows are dropped and their lists released.
   */
  async releaseAbandoned(atStart: boolean): Promise<number> {
    const stale = `${this.options.staleImportSeconds} seconds`;
    const released: { id: string; list_id: string }[] = await this.ds.query(
      `UPDATE contact_imports
          SET status = 'failed', finished_at = now(),
              summary = COALESCE(summary, '{}'::jsonb) || jsonb_build_object('status', 'failed', 'error',
                jsonb_build_object('code', 'abandoned', 'kept', 0, 'readThroughRow', 0, 'message',
                  'the process running this import stopped before it finished (' || owner || '); nothing was kept'))
        WHERE status = 'importing'
          AND (($1::boolean AND owner = $2) OR heartbeat_at < now() - $3::interval)
        RETURNING id, list_id`,
      [atStart, this.options.instanceId, stale],
    );
    const ids = released.map((r) => r.id);
    if (ids.length) {
      await this.ds.query(`DELETE FROM contact_import_rows WHERE import_id = ANY($1::uuid[])`, [ids]);
      this.log.warn(`released ${ids.length} import(s) abandoned by a stopped process: ${ids.join(', ')}`);
    }
    if (atStart)
      // Staged rows of imports no longer running (a crash between the two statements above, say).
      await this.ds.query(
        `DELETE FROM contact_import_rows r WHERE NOT EXISTS (
           SELECT 1 FROM contact_imports i WHERE i.id = r.import_id AND i.status = 'importing')`,
      );
    // A list stays 'importing' only while one of its imports runs.
    await this.ds.query(
      `UPDATE contact_lists l SET status = 'ready', updated_at = now()
        WHERE l.status = 'importing'
          AND NOT EXISTS (SELECT 1 FROM contact_imports i WHERE i.list_id = l.id AND i.status = 'importing')`,
    );
    return ids.length;
  }

  /** Rows as JSON objects keyed by column name (or arrays with a header row first), e.g. handed over with a brief. */
  async importRows(
    p: Principal,
    listId: string,
    rows: unknown[],
    opts: { mapping?: ColumnMapping | null } = {},
  ): Promise<ImportSummary> {
    const list = await this.visibleList(p, listId);
    const c = await this.claim(p, list, null, 'json');
    return this.runClaimed(p, c, async () => ({ source: jsonSource(rows), mapping: opts.mapping }));
  }

  /** A CSV or XLSX byte stream (a request body, a busboy file stream, a file). */
  async importStream(p: Principal, listId: string, input: StreamImportInput): Promise<ImportSummary> {
    const limit = this.options.maxImportBytes;
    const list = await this.visibleList(p, listId);
    if (input.contentLength !== undefined && input.contentLength > limit) throw tooLarge(limit);
    const c = await this.claim(p, list, input.fileName ? clean(input.fileName).text : null, null);
    return this.runClaimed(p, c, async () => {
      // The limit counts the bytes received and, when the body is compressed, the bytes it inflates to.
      const received = limitBytes(input.body, limit, input.signal);
      const body = input.contentEncoding
        ? limitBytes(contentDecoded(received, input.contentEncoding), limit, input.signal, 'the inflated body')
        : received;
      return {
        source: await openUpload(body, input.contentType, {
          encoding: input.encoding,
          declaredCharset: input.declaredCharset,
          sheet: input.sheet,
          xlsxLimits: this.options.xlsxLimits,
        }),
        mapping: input.mapping,
      };
    });
  }

  private async visibleList(p: Principal, listId: string): Promise<ContactList> {
    const list = await this.ds.getRepository(ContactList).findOne({ where: { id: listId } });
    if (!list || !canSeeDepartment(p, list.departmentId)) throw notFound('contact list', listId);
    return list;
  }

  /**
   * One import at a time per list (a unique index over running imports). An import whose process stopped showing a
   * heartbeat is failed first, so its list is not locked for long.
   */
  private async claim(
    p: Principal,
    list: ContactList,
    fileName: string | null,
    format: string | null,
  ): Promise<Claimed> {
    return this.ds.transaction(async (m) => {
      const [locked]: { status: string }[] = await m.query(
        `SELECT status FROM contact_lists WHERE id = $1 FOR UPDATE`,
        [list.id],
      );
      const stale: { id: string }[] = await m.query(
        `UPDATE contact_imports SET status = 'failed', finished_at = now(),
                summary = COALESCE(summary, '{}'::jsonb) || jsonb_build_object('status', 'failed', 'error',
                  jsonb_build_object('code', 'abandoned', 'kept', 0, 'readThroughRow', 0, 'message',
                    'the process running this import stopped answering (' || owner || '); nothing was kept'))
          WHERE list_id = $1 AND status = 'importing' AND heartbeat_at < now() - $2::interval
          RETURNING id`,
        [list.id, `${this.options.staleImportSeconds} seconds`],
      );
      if (stale.length)
        await m.query(`DELETE FROM contact_import_rows WHERE import_id = ANY($1::uuid[])`, [stale.map((s) => s.id)]);
      const running: unknown[] = await m.query(
        `SELECT 1 FROM contact_imports WHERE list_id = $1 AND status = 'importing'`,
        [list.id],
      );
      if (running.length) throw new AppError('conflict', 'an import into this list is already running', []);
      const [imp]: { id: string }[] = await m.query(
        `INSERT INTO contact_imports (list_id, department_id, status, owner, heartbeat_at, created_by_id, file_name, format)
         VALUES ($1, $2, 'importing', $3, now(), $4, $5, $6) RETURNING id`,
        [
          list.id,
          list.departmentId,
          this.options.instanceId,
          p.userId ?? null,
          fileName?.slice(0, 300) ?? null,
          format,
        ],
      );
      await m.query(`UPDATE contact_lists SET status = 'importing', updated_at = now() WHERE id = $1`, [list.id]);
      const previous = !locked || locked.status === 'importing' ? 'ready' : locked.status;
      return { list, importId: imp.id, previous, fileName };
    });
  }

  private async runClaimed(p: Principal, c: Claimed, open: () => Promise<ImportInput>): Promise<ImportSummary> {
    const { list, importId } = c;
    const started = Date.now();
    const s: ImportSummary = {
      listId: list.id,
      importId,
      status: 'ready',
      format: 'csv',
      encoding: 'utf-8',
      rows: 0,
      contacts: 0,
      accepted: 0,
      rejected: 0,
      duplicates: 0,
      sharedNumbers: 0,
      dnc: 0,
      notes: 0,
      raggedRows: 0,
      cleanedCells: 0,
      columns: {},
      customFields: [],
      warnings: [],
      durationMs: 0,
    };
    // While publishing, the import's row is locked by the publishing transaction (a sweep waits for it and then sees
    // it finished): a heartbeat would only queue behind that lock and hold a pool connection.
    let publishing = false;
    const heartbeat = setInterval(
      () =>
        publishing ||
        void this.ds
          .query(`UPDATE contact_imports SET heartbeat_at = now() WHERE id = $1`, [importId])
          .catch(() => undefined),
      Math.max(500, (this.options.staleImportSeconds * 1000) / 4),
    );
    heartbeat.unref();
    let source: RowSource | undefined;
    let lastRow = 1;
    // One batch is staged while the next is read and normalised: the CPU work overlaps the database's.
    let inFlight: Promise<void> | undefined;
    try {
      const input = await open();
      source = input.source;
      s.format = source.format;
      s.encoding = source.info.encoding;
      s.warnings = source.info.warnings;
      if (source.sheet) s.sheet = source.sheet;
      const sheets = source.sheet?.of ?? [];
      const sheetName = source.sheet?.name ?? '';
      const headers = source.headers.map((h) => clean(h ?? '').text);
      const plan = (() => {
        try {
          return planColumns(headers, input.mapping);
        } catch (e) {
          if (!(e instanceof AppError) || sheets.length < 2) throw e;
          throw new AppError(
            e.code,
            `${e.message} (in sheet "${sheetName}"; the workbook also has ${sheets
              .filter((x) => x !== sheetName)
              .join(', ')}: choose one with ?sheet=)`,
            e.details,
          );
        }
      })();
      s.columns = plan.used;
      s.customFields = plan.custom.map((x) => x.key);
      const flush = async (b: Map<string, PendingContact>, rj: Rejection[]): Promise<void> => {
        if (inFlight) await inFlight;
        inFlight = this.stageBatch(list, importId, b, rj, s);
        inFlight.catch(() => undefined); // observed at the next flush or at the end
      };
      let batch = new Map<string, PendingContact>();
      let rejections: Rejection[] = [];
      const count: RowCounters = { ragged: 0, cleaned: 0, phones: new Map() };
      for await (const r of source.rows) {
        if (r.values.every((v) => v === '')) continue;
        s.rows++;
        lastRow = r.row;
        this.readRow(r, plan, list, batch, rejections, s, count);
        if (batch.size >= this.options.batchSize || rejections.length >= this.options.batchSize) {
          await flush(batch, rejections);
          batch = new Map();
          rejections = [];
        }
      }
      await flush(batch, rejections);
      await inFlight;
      s.encoding = source.info.encoding;
      s.encodingSource = source.info.encodingSource;
      if (s.raggedRows)
        s.warnings.push(
          `${s.raggedRows} row(s) had more cells than the header; the extra cells were not imported (rows listed in the report)`,
        );
      if (s.cleanedCells)
        s.warnings.push(
          `${s.cleanedCells} cell(s) held NUL characters or invalid UTF-16 (lone surrogates): NULs were removed and ` +
            `lone surrogates replaced by U+FFFD (rows listed in the report)`,
        );
      if (!s.rows) s.warnings.push('the file has a header row but no data rows: nothing was imported');
      s.durationMs = Date.now() - started;
      publishing = true;
      await this.publish(p, c, s);
      return s;
    } catch (failure) {
      await (inFlight ?? Promise.resolve()).catch(() => undefined);
      await source?.close().catch(() => undefined);
      await this.fail(p, c, s, failure, lastRow, started);
      // details stay the refusal's own [{ field, reason }]; the summary of this import is at its report route.
      const where = `import ${importId} read up to row ${lastRow} and kept nothing (the list is as it was)`;
      throw failure instanceof AppError
        ? new AppError(failure.code, `${failure.message}; ${where}`, failure.details)
        : new AppError('internal', `the import stopped after row ${lastRow}: ${message(failure)}; ${where}`);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Reads one row into the batch (merging a duplicate) or into the rejections. */
  private readRow(
    r: SourceRow,
    plan: ColumnPlan,
    list: ContactList,
    batch: Map<string, PendingContact>,
    rejections: Rejection[],
    s: ImportSummary,
    count: RowCounters,
  ): void {
    let v = r.values;
    // PostgreSQL refuses NUL in text, and lone surrogates are not text: clean the row and say so in the report.
    if (v.some((x) => x.includes('\u0000') || hasLoneSurrogate(x))) {
      let n = 0;
      v = v.map((x) => {
        const c = clean(x);
        if (c.changed) n++;
        return c.text;
      });
      s.cleanedCells += n;
      if (count.cleaned++ < NOTE_CAP)
        rejections.push({
          row: r.row,
          field: 'row',
          reason: `${n} cell(s) cleaned (the row was kept): NUL characters removed, lone surrogates replaced by U+FFFD`,
          raw: null,
        });
    }
    if (v.length > plan.headers.length) {
      const extra = v.slice(plan.headers.length).filter((x) => x !== '');
      if (extra.length) {
        s.raggedRows++;
        if (count.ragged++ < NOTE_CAP)
          rejections.push({
            row: r.row,
            field: 'row',
            reason: `${extra.length} cell(s) beyond the ${plan.headers.length} header column(s) were not imported (the row was kept)`,
            raw: clean(extra.join(',')).text.slice(0, 2000),
          });
      }
    }
    const rawText = (): string => clean(r.raw ?? v.join(',')).text;
    const cell = (i: number | undefined): string => (i === undefined ? '' : (v[i] ?? '').trim());
    const rowRegionCell = cell(plan.region).toUpperCase();
    const rowRegion = /^[A-Z]{2}$/.test(rowRegionCell) ? rowRegionCell : null;
    const phones: PendingContact['phones'] = [];
    const bad: Rejection[] = [];
    for (const col of plan.phones) {
      const text = cell(col.index);
      if (!text) continue;
      for (const part of splitNumbers(text)) {
        const n = parsePhone(count.phones, part, rowRegion ?? list.region);
        if (n.ok) {
          if (!phones.some((x) => x.phone.e164 === n.phone.e164)) phones.push({ phone: n.phone, label: col.label });
        } else bad.push({ row: r.row, field: plan.headers[col.index], reason: n.reason, raw: part });
      }
    }
    if (!phones.length) {
      s.rejected++;
      if (!bad.length) bad.push({ row: r.row, field: 'phone', reason: 'no phone number', raw: rawText() });
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

  /** Writes a batch to the staging table (merging with rows staged earlier by this import) and its rejections. */
  private async stageBatch(
    list: ContactList,
    importId: string,
    batch: Map<string, PendingContact>,
    rejections: Rejection[],
    s: ImportSummary,
  ): Promise<void> {
    if (!batch.size && !rejections.length) return;
    const contacts = [...batch.values()];
    await this.ds.transaction(async (m) => {
      // Staged rows are dropped on any failure; the publishing transaction is a synchronous commit.
      await m.query(`SET LOCAL synchronous_commit = off`);
      if (contacts.length) {
        const dnc = await this.dncNumbers(
          m,
          list.departmentId,
          contacts.flatMap((c) => c.phones.map((p) => p.phone.e164)),
        );
        const [res]: { merged: number }[] = await m.query(
          `WITH ins AS (
             INSERT INTO contact_import_rows (import_id, external_id, first_name, last_name, time_zone, region, segment,
                                              fields, dedupe_key, source_row, dnc, phones)
             SELECT $1, u.x, u.f, u.l, u.z, u.g, u.s, u.d, u.k, u.n, u.c, u.p
               FROM json_to_recordset($2::json) AS u(x varchar, f varchar, l varchar, z varchar, g varchar, s varchar,
                                                     d jsonb, k varchar, n int, c bool, p jsonb)
             ON CONFLICT (import_id, dedupe_key) DO UPDATE SET
               first_name = COALESCE(contact_import_rows.first_name, EXCLUDED.first_name),
               last_name = COALESCE(contact_import_rows.last_name, EXCLUDED.last_name),
               segment = COALESCE(contact_import_rows.segment, EXCLUDED.segment),
               fields = EXCLUDED.fields || contact_import_rows.fields,
               dnc = contact_import_rows.dnc OR EXCLUDED.dnc,
               phones = contact_import_rows.phones || COALESCE((
                 SELECT jsonb_agg(x) FROM jsonb_array_elements(EXCLUDED.phones) x
                  WHERE NOT contact_import_rows.phones @> jsonb_build_array(jsonb_build_object('e', x->'e'))),
                 '[]'::jsonb)
             RETURNING (xmax <> 0) AS merged)
           SELECT count(*) FILTER (WHERE merged)::int AS merged FROM ins`,
          // The whole batch as one JSON document: serialised once, parsed once by the server (no array literal
          // with every row's JSON escaped in it).
          [
            importId,
            JSON.stringify(
              contacts.map((c) => ({
                x: c.externalId,
                f: c.firstName,
                l: c.lastName,
                z: c.timeZone,
                g: c.region,
                s: c.segment,
                d: c.fields,
                k: c.dedupeKey,
                n: c.sourceRow,
                c: c.phones.some((p) => dnc.has(p.phone.e164)),
                p: c.phones.map((p) => ({
                  e: p.phone.e164,
                  k: p.phone.kind,
                  l: p.label.slice(0, 32),
                  s: dnc.has(p.phone.e164) ? 'dnc' : 'active',
                })),
              })),
            ),
          ],
        );
        s.duplicates += res.merged;
      }
      if (rejections.length) await this.insertRejections(m, list.id, importId, rejections);
    });
  }

  private async insertRejections(m: EntityManager, listId: string, importId: string, rj: Rejection[]): Promise<void> {
    await m.query(
      `INSERT INTO import_rejections (list_id, import_id, row_number, field, reason, raw)
       SELECT $1, $2, * FROM unnest($3::int[], $4::varchar[], $5::text[], $6::text[])`,
      [
        listId,
        importId,
        rj.map((r) => r.row),
        rj.map((r) => clean(r.field || 'row').text.slice(0, 64)),
        rj.map((r) => clean(r.reason).text),
        rj.map((r) => (r.raw === null ? null : clean(r.raw).text.slice(0, 2000))),
      ],
    );
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

  /**
   * Publishes the staged rows into the list in one transaction: contacts merged on (list, dedupe key) as before,
   * numbers appended after a merged contact's own, then the list's counts, the import's summary and the audit entry.
   */
  private async publish(p: Principal, c: Claimed, s: ImportSummary): Promise<void> {
    const { list, importId } = c;
    await this.ds.transaction(async (m) => {
      // Still ours? A sweep that took this import for abandoned (no heartbeat for too long) has dropped its rows.
      const [own]: { status: string }[] = await m.query(
        `SELECT status FROM contact_imports WHERE id = $1 AND owner = $2 FOR UPDATE`,
        [importId, this.options.instanceId],
      );
      if (own?.status !== 'importing')
        throw new AppError(
          'conflict',
          'the import was released as abandoned (no heartbeat) before it could be published',
          [{ field: 'file', reason: 'released as abandoned; send the file again' }],
        );
      // The staging table has no statistics (rows arrived seconds ago): without this the planner picks nested loops
      // over 100,000 rows. JIT compiling costs more than it saves on these one-off statements; the memory keeps the
      // staged rows and the shared-number grouping off temporary files.
      await m.query(`SET LOCAL enable_nestloop = off`);
      await m.query(`SET LOCAL jit = off`);
      await m.query(`SET LOCAL work_mem = '64MB'`);
      // Set-based, in two statements. First the staged rows that meet a contact of the list (same dedupe key): the
      // contact is merged and its new numbers go after its current last position. Usually few or none.
      const [merged]: { n: number }[] = await m.query(
        `WITH up AS (
           UPDATE contacts c SET
             first_name = COALESCE(c.first_name, r.first_name),
             last_name = COALESCE(c.last_name, r.last_name),
             segment = COALESCE(c.segment, r.segment),
             fields = r.fields || c.fields,
             dnc = c.dnc OR r.dnc,
             updated_at = now()
             FROM contact_import_rows r
            WHERE r.import_id = $1 AND c.list_id = $2 AND c.dedupe_key = r.dedupe_key
           RETURNING c.id, r.phones),
         ph AS (
           INSERT INTO phone_numbers (contact_id, e164, kind, label, position, status)
           SELECT up.id, p.v->>'e', p.v->>'k', p.v->>'l',
                  LEAST(COALESCE((SELECT max(x.position) + 1 FROM phone_numbers x WHERE x.contact_id = up.id), 0)
                        + p.ord - 1, 32767)::smallint,
                  p.v->>'s'
             FROM up CROSS JOIN LATERAL jsonb_array_elements(up.phones) WITH ORDINALITY AS p(v, ord)
           ON CONFLICT (contact_id, e164) DO NOTHING)
         SELECT count(*)::int AS n FROM up`,
        [importId, list.id],
      );
      s.duplicates += merged.n;
      // Then the new contacts, with ids chosen here so that their numbers need no join back: plain inserts (this
      // import is the only writer of the list's contacts, and a staged row's numbers are distinct), numbered from 0.
      await m.query(
        `WITH r AS MATERIALIZED (
           SELECT gen_random_uuid() AS id, s.* FROM contact_import_rows s
            WHERE s.import_id = $1
              AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.list_id = $2 AND c.dedupe_key = s.dedupe_key)),
         c AS (
           INSERT INTO contacts (id, list_id, department_id, external_id, first_name, last_name, time_zone, region,
                                 segment, fields, dedupe_key, source_row, dnc)
           SELECT r.id, $2, $3, r.external_id, r.first_name, r.last_name, r.time_zone, r.region, r.segment, r.fields,
                  r.dedupe_key, r.source_row, r.dnc
             FROM r)
         INSERT INTO phone_numbers (contact_id, e164, kind, label, position, status)
         SELECT r.id, p.v->>'e', p.v->>'k', p.v->>'l', LEAST(p.ord - 1, 32767)::smallint, p.v->>'s'
           FROM r CROSS JOIN LATERAL jsonb_array_elements(r.phones) WITH ORDINALITY AS p(v, ord)`,
        [importId, list.id, list.departmentId],
      );
      await m.query(`DELETE FROM contact_import_rows WHERE import_id = $1`, [importId]);
      await this.reportSharedNumbers(m, list.id, importId, s);
      const [counts]: { contacts: number; dnc: number }[] = await m.query(
        `SELECT count(*)::int AS contacts, count(*) FILTER (WHERE dnc)::int AS dnc FROM contacts WHERE list_id = $1`,
        [list.id],
      );
      s.contacts = counts.contacts;
      s.dnc = counts.dnc;
      const { listId: _l, ...summary } = s;
      await m.query(
        `UPDATE contact_lists SET status = 'ready', row_count = $2, accepted_count = $3, rejected_count = $4,
           duplicate_count = $5, dnc_count = $6, import_summary = $7, imported_at = now(), updated_at = now(),
           source_file_name = COALESCE($8, source_file_name)
         WHERE id = $1`,
        [list.id, s.rows, s.contacts, s.rejected, s.duplicates, s.dnc, summary, c.fileName?.slice(0, 300) ?? null],
      );
      await m.query(
        `UPDATE contact_imports SET status = 'ready', format = $2, summary = $3, finished_at = now() WHERE id = $1`,
        [importId, s.format, summary],
      );
      await this.audit.record(
        { userId: p.userId, role: p.role, departmentId: p.departmentId },
        {
          action: 'contact-list.import',
          entityType: 'contact-list',
          entityId: list.id,
          departmentId: list.departmentId,
          details: {
            importId,
            fileName: c.fileName,
            format: s.format,
            rows: s.rows,
            accepted: s.accepted,
            rejected: s.rejected,
            duplicates: s.duplicates,
            sharedNumbers: s.sharedNumbers,
            dnc: s.dnc,
          },
        },
        m,
      );
    });
  }

  /**
   * Two contacts of the list with one number (different external ids, so not merged): kept, and reported, so that a
   * planner can see that a campaign would ring the same number for each.
   */
  private async reportSharedNumbers(
    m: EntityManager,
    listId: string,
    importId: string,
    s: ImportSummary,
  ): Promise<void> {
    const shared: { e164: string; rows: number[]; n: number }[] = await m.query(
      `SELECT p.e164, (array_agg(c.source_row ORDER BY c.source_row))[1:20] AS rows, count(*)::int AS n
         FROM phone_numbers p JOIN contacts c ON c.id = p.contact_id
        WHERE c.list_id = $1
        GROUP BY p.e164 HAVING count(*) > 1
        ORDER BY min(c.source_row)`,
      [listId],
    );
    s.sharedNumbers = shared.length;
    if (!shared.length) return;
    s.warnings.push(
      `${shared.length} number(s) belong to more than one contact of the list (different external ids): kept as ` +
        `separate contacts, listed in the report`,
    );
    const notes: Rejection[] = shared.slice(0, NOTE_CAP).map((x) => ({
      row: x.rows[1] ?? x.rows[0],
      field: 'phone',
      reason: `number shared by ${x.n} contacts (rows ${x.rows.join(', ')}${x.n > x.rows.length ? ', …' : ''}): kept as separate contacts`,
      raw: x.e164,
    }));
    await this.insertRejections(m, listId, importId, notes);
  }

  /** The import failed: drop what it staged, restore the list's status, record why and how far it read. */
  private async fail(
    p: Principal,
    c: Claimed,
    s: ImportSummary,
    failure: unknown,
    lastRow: number,
    started: number,
  ): Promise<void> {
    const { list, importId } = c;
    // The request stream's own error ('aborted', ECONNRESET) can arrive before the abort signal fires: same cause.
    if (!(failure instanceof AppError) && isRequestStreamGone(failure)) failure = clientGone();
    const code = failure instanceof AppError ? failure.code : 'internal';
    const msg = failure instanceof Error ? failure.message : String(failure);
    if (!(failure instanceof AppError)) this.log.error(`import ${importId} into ${list.id} failed: ${msg}`);
    s.status = 'failed';
    s.durationMs = Date.now() - started;
    s.error = { code, message: msg, readThroughRow: lastRow, kept: 0 };
    const { listId: _l, ...summary } = s;
    try {
      await this.ds.transaction(async (m) => {
        await m.query(`DELETE FROM contact_import_rows WHERE import_id = $1`, [importId]);
        await m.query(
          `UPDATE contact_imports SET status = 'failed', format = $2, summary = $3, finished_at = now() WHERE id = $1`,
          [importId, s.format, summary],
        );
        // Unless another import has taken the list over meanwhile (this one was released as abandoned).
        await m.query(
          `UPDATE contact_lists SET status = $2, import_summary = $3, updated_at = now()
            WHERE id = $1 AND NOT EXISTS (
              SELECT 1 FROM contact_imports i WHERE i.list_id = $1 AND i.status = 'importing' AND i.id <> $4)`,
          [list.id, c.previous, summary, importId],
        );
        await this.audit.record(
          { userId: p.userId, role: p.role, departmentId: p.departmentId },
          {
            action: 'contact-list.import-failed',
            entityType: 'contact-list',
            entityId: list.id,
            departmentId: list.departmentId,
            details: { importId, fileName: c.fileName, format: s.format, rows: s.rows, error: s.error },
          },
          m,
        );
      });
    } catch (e) {
      // The database itself failed: the heartbeat stops, so the import is released as stale later.
      this.log.error(`import ${importId}: could not record its failure: ${message(e)}`);
    }
  }
}

/** Text PostgreSQL stores as given: no NUL, no lone surrogate. */
function clean(s: string): { text: string; changed: boolean } {
  const noNul = s.includes('\u0000') ? s.split('\u0000').join('') : s;
  const text = wellFormed(noNul);
  return { text, changed: text !== s };
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export { DEFAULT_XLSX_LIMITS };

const isRequestStreamGone = (e: unknown): boolean => {
  // Duck-typed: Node's own stream errors may come from another realm (instanceof Error is false under jest's VM).
  const x = (typeof e === 'object' && e !== null ? e : {}) as { code?: unknown; message?: unknown };
  return x.code === 'ECONNRESET' || /^(error: )?(request )?aborted$/i.test(String(x.message ?? e));
};
