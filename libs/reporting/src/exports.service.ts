import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { REPORT_READER } from './report-reader';
import type { Principal } from '@app/auth';
import { invalid } from '@app/common';
import { BriefResultsService } from './brief-results.service';
import type { ExportTable } from './export-writers';
import { departmentFilter } from './report-scope';
import { CopyOut } from './copy-out';

export interface CallRecordFilter {
  from: string;
  to: string;
  departmentId?: string;
  campaignId?: string;
}

const ISO = (col: string): string => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The regulator's record of every attempt: who called whom, when, how it ended. */
export const CALL_RECORD_COLUMNS = [
  'attempt_id',
  'department_id',
  'campaign_id',
  'contact_id',
  'calling_number',
  'called_number',
  'mode',
  'pilot',
  'queued_at',
  'originated_at',
  'answered_at',
  'bridged_at',
  'ended_at',
  'outcome',
  'hangup_cause',
  'hangup_cause_text',
  'hangup_by',
  'agent_id',
  'disposition_code',
  'ring_seconds',
  'talk_seconds',
  'duration_seconds',
];

const CALL_RECORD_SELECT = `SELECT a.id, a.department_id, a.campaign_id, a.contact_id, a.caller_id, a.called_number, a.mode,
       a.pilot, ${ISO('a.queued_at')}, ${ISO('a.originated_at')}, ${ISO('a.answered_at')}, ${ISO('a.bridged_at')},
       ${ISO('a.ended_at')}, a.outcome, a.hangup_cause, a.hangup_cause_text, a.hangup_by, a.agent_id,
       a.disposition_code, a.ring_seconds, a.talk_seconds, a.duration_seconds
  FROM call_attempts a
 WHERE a.created_at >= $1 AND a.created_at < $2
   AND ($3::uuid[] IS NULL OR a.department_id = ANY($3::uuid[])) AND ($4::uuid IS NULL OR a.campaign_id = $4)
 ORDER BY a.created_at, a.id`;

/**
 * A text column neutralised as neutraliseCell does it (a leading apostrophe before =, +, -, @, tab or CR unless the
 * text is a plain number), and empty text as NULL (COPY writes NULL as nothing, as csvLine writes an empty cell).
 * COPY's CSV format then quotes exactly as csvLine does (a value holding a quote, comma, CR or LF).
 */
const neutral = (col: string): string => `CASE WHEN ascii(${col}) IN (61, 43, 45, 64, 9, 13)
    AND ${col} !~ '^[+-]?[0-9]+([.][0-9]+)?$' THEN '''' || ${col} ELSE nullif(${col}, '') END`;

/** An instant as toISOString writes it; the COPY runs with the time zone set to UTC (cheaper than AT TIME ZONE). */
const ISO_UTC = (col: string): string => `to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The call records as COPY renders them to CSV: the same cells as csvLine writes of CALL_RECORD_SELECT's rows. */
const CALL_RECORD_COPY_SELECT = `SELECT a.id, a.department_id, a.campaign_id, a.contact_id, ${neutral('a.caller_id')},
       ${neutral('a.called_number')}, ${neutral('a.mode')}, CASE WHEN a.pilot THEN 'true' ELSE 'false' END,
       ${ISO_UTC('a.queued_at')}, ${ISO_UTC('a.originated_at')}, ${ISO_UTC('a.answered_at')},
       ${ISO_UTC('a.bridged_at')}, ${ISO_UTC('a.ended_at')}, ${neutral('a.outcome')}, a.hangup_cause, ${neutral('a.hangup_cause_text')},
       ${neutral('a.hangup_by')}, a.agent_id, ${neutral('a.disposition_code')}, a.ring_seconds, a.talk_seconds,
       a.duration_seconds
  FROM call_attempts a`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidLiteral = (v: string): string => {
  if (!UUID.test(v)) throw invalid([{ field: 'id', reason: 'must be a UUID' }]);
  return `'${v}'::uuid`;
};

/**
 * The COPY statement of a call-record filter. COPY takes no bind parameters: the values are written as literals,
 * each checked (instants from Date, ids matched against the UUID pattern), never copied from the request as text.
 */
function callRecordCopy(from: Date, to: Date, deps: string[] | null, campaignId: string | null): string {
  const where = [
    `a.created_at >= '${from.toISOString()}'::timestamptz`,
    `a.created_at < '${to.toISOString()}'::timestamptz`,
  ];
  if (deps) where.push(deps.length ? `a.department_id IN (${deps.map(uuidLiteral).join(', ')})` : 'false');
  if (campaignId) where.push(`a.campaign_id = ${uuidLiteral(campaignId)}`);
  return `COPY (${CALL_RECORD_COPY_SELECT} WHERE ${where.join(' AND ')} ORDER BY a.created_at, a.id)
    TO STDOUT WITH (FORMAT csv)`;
}

/** Streamed exports: rows are fetched through a server-side cursor in batches and written as they arrive. */
@Injectable()
export class ExportsService {
  constructor(
    @Inject(REPORT_READER) private readonly ds: DataSource,
    private readonly briefs: BriefResultsService,
  ) {}

  /** Checks the filter (400/404 before anything is sent) and returns the table to stream. */
  callRecords(p: Principal, f: CallRecordFilter, batchSize = 5000): ExportTable {
    const from = new Date(f.from);
    const to = new Date(f.to);
    if (from.getTime() >= to.getTime()) throw invalid([{ field: 'from', reason: 'must be before to' }]);
    const deps = departmentFilter(p, f.departmentId);
    const params = [from, to, deps, f.campaignId ?? null];
    return {
      name: 'call records',
      columns: CALL_RECORD_COLUMNS,
      batches: this.cursor(CALL_RECORD_SELECT, params, batchSize),
      csvText: this.copyOut(callRecordCopy(from, to, deps, f.campaignId ?? null)),
    };
  }

  /** One row per contact of the brief: result, attempts, the last attempt, and the answers (one column a question). */
  async briefContacts(p: Principal, briefId: string, pageSize = 1000): Promise<ExportTable> {
    const brief = await this.briefs.visibleBrief(p, briefId);
    const campaigns: { id: string }[] = await this.ds.query(`SELECT id FROM campaigns WHERE brief_id = $1`, [brief.id]);
    const questions = await this.briefs.questions(campaigns.map((c) => c.id));
    const briefs = this.briefs;
    async function* batches(): AsyncIterable<unknown[][]> {
      for (let page = 1; ; page++) {
        const { items } = await briefs.contacts(p, briefId, page, pageSize);
        if (!items.length) return;
        yield items.map((c) => {
          const last = c.attempts.length ? c.attempts[c.attempts.length - 1] : null;
          const answered = [...c.attempts].reverse().find((a) => a.answers && Object.keys(a.answers).length);
          const answers = answered?.answers ?? {};
          return [
            c.contactId,
            c.externalId,
            c.firstName,
            c.lastName,
            c.numbers.join(' '),
            c.result,
            c.attempts.filter((a) => a.outcome !== 'rejected-by-rule').length,
            last?.at instanceof Date ? last.at.toISOString() : (last?.at ?? null),
            last?.outcome ?? null,
            last?.dispositionCode ?? null,
            last?.agentName ?? null,
            [...c.attempts].reverse().find((a) => a.note)?.note ?? null,
            ...questions.map((q) => {
              const v = answers[q.id];
              return Array.isArray(v) ? v.join('; ') : v;
            }),
          ];
        });
        if (items.length < pageSize) return;
      }
    }
    return {
      name: brief.title,
      columns: [
        'contact_id',
        'external_id',
        'first_name',
        'last_name',
        'numbers',
        'result',
        'attempts',
        'last_attempt_at',
        'last_outcome',
        'last_disposition',
        'last_agent',
        'note',
        ...questions.map((q) => q.text || q.id),
      ],
      batches: batches(),
    };
  }

  /**
   * A COPY … TO STDOUT (CSV) on one connection of the pool, as Buffers of whole CRLF lines: PostgreSQL renders the
   * rows, Node only moves bytes (CopyOut pauses the socket while the reader is behind).
   */
  private async *copyOut(sql: string): AsyncIterable<Buffer> {
    const qr = this.ds.createQueryRunner();
    const client = (await qr.connect()) as PoolClient;
    const copy = new CopyOut(sql);
    let clean = false;
    try {
      // one snapshot, read-only; UTC for to_char; no JIT (its compile time is longer than it saves here)
      await client.query(`BEGIN READ ONLY; SET LOCAL TIME ZONE 'UTC'; SET LOCAL jit = off`);
      void client.query(copy as unknown as string);
      for await (const chunk of copy) yield chunk;
      await client.query('COMMIT');
      clean = true;
    } finally {
      // stopped early (the reader went away) or failed: the connection is dropped, which ends the COPY
      if (clean) await qr.release();
      else
        await (qr as unknown as { releasePostgresConnection(e: Error): Promise<void> }).releasePostgresConnection(
          new Error('export stopped'),
        );
    }
  }

  /**
   * Rows of a query through a server-side cursor (DECLARE / FETCH in a read-only transaction on one connection):
   * PostgreSQL keeps the result, the process holds one batch at a time.
   */
  private async *cursor(sql: string, params: unknown[], batchSize: number): AsyncIterable<unknown[][]> {
    const qr = this.ds.createQueryRunner();
    const client = (await qr.connect()) as PoolClient;
    let open = false;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      open = true;
      await client.query({ text: `DECLARE export_cursor NO SCROLL CURSOR FOR ${sql}`, values: params });
      for (;;) {
        const res = await client.query<unknown[]>({ text: `FETCH ${batchSize} FROM export_cursor`, rowMode: 'array' });
        if (!res.rows.length) break;
        yield res.rows;
        if (res.rows.length < batchSize) break;
      }
    } finally {
      if (open) await client.query('COMMIT').catch(() => undefined);
      await qr.release();
    }
  }
}
