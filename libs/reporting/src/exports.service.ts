import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { REPORT_READER } from './report-reader';
import type { Principal } from '@app/auth';
import { invalid } from '@app/common';
import { BriefResultsService } from './brief-results.service';
import type { ExportTable } from './export-writers';
import { departmentFilter } from './report-scope';

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

/** A text column as a CSV cell: neutralised as neutraliseCell does it, quoted as csvLine does it. */
const csvText = (col: string): string => `CASE WHEN ${col} IS NULL THEN ''
  ELSE (SELECT CASE WHEN strpos(v, '"') > 0 OR strpos(v, ',') > 0 OR strpos(v, chr(13)) > 0 OR strpos(v, chr(10)) > 0
                    THEN '"' || replace(v, '"', '""') || '"' ELSE v END
          FROM (SELECT CASE WHEN ${col} ~ '^[+-]?[0-9]+([.][0-9]+)?$' THEN ${col}::text
                            WHEN ${col} ~ ('^[=+@' || chr(9) || chr(13) || '-]') THEN '''' || ${col}
                            ELSE ${col}::text END AS v) x) END`;
const plain = (col: string): string => `coalesce(${col}::text, '')`;

/** CALL_RECORD_SELECT with each row rendered as one CSV line (same cells as csvLine would write). */
const CALL_RECORD_CSV = `SELECT concat_ws(',', a.id, a.department_id, a.campaign_id, a.contact_id, ${csvText('a.caller_id')},
       ${csvText('a.called_number')}, ${csvText('a.mode')}, CASE WHEN a.pilot THEN 'true' ELSE 'false' END, ${plain(ISO('a.queued_at'))},
       ${plain(ISO('a.originated_at'))}, ${plain(ISO('a.answered_at'))}, ${plain(ISO('a.bridged_at'))},
       ${plain(ISO('a.ended_at'))}, ${csvText('a.outcome')}, ${plain('a.hangup_cause')},
       ${csvText('a.hangup_cause_text')}, ${csvText('a.hangup_by')}, ${plain('a.agent_id')},
       ${csvText('a.disposition_code')}, ${plain('a.ring_seconds')}, ${plain('a.talk_seconds')},
       ${plain('a.duration_seconds')}) || chr(13) || chr(10)
  FROM call_attempts a
 WHERE a.created_at >= $1 AND a.created_at < $2
   AND ($3::uuid[] IS NULL OR a.department_id = ANY($3::uuid[])) AND ($4::uuid IS NULL OR a.campaign_id = $4)
 ORDER BY a.created_at, a.id`;

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
    const cursor = this.cursor.bind(this);
    return {
      name: 'call records',
      columns: CALL_RECORD_COLUMNS,
      batches: this.cursor(CALL_RECORD_SELECT, params, batchSize),
      csvText: (async function* () {
        for await (const rows of cursor(CALL_RECORD_CSV, params, batchSize * 2)) {
          let text = '';
          for (const r of rows) text += r[0] as string;
          yield text;
        }
      })(),
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
