import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createGzip } from 'node:zlib';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { csvLine } from './aggregate';
import { ARCHIVE_STORAGE, type ArchiveStorage } from './archive-storage';
import { CALL_RECORD_COLUMNS } from './exports.service';
import { REPORT_CLOCK, type ReportClock } from './report-clock';

/** Call records are kept five years; nothing younger may be touched, whatever the caller asks. */
export const MIN_RETENTION_YEARS = 5;
export const RETENTION_OPTIONS = Symbol('RETENTION_OPTIONS');
export interface RetentionOptions {
  years: number;
  /** 0: no timer (run it by hand or through the API). */
  intervalMs: number;
}

export interface RetentionMonth {
  month: string;
  rows: number;
  /** the month's partition was detached and dropped (else its rows were deleted from the default partition) */
  partitionDropped: boolean;
  storageKey: string;
  sha256: string;
  bytes: number;
}

export interface RetentionResult {
  /** rows created before this instant were eligible (the first day of the month, five years back) */
  cutoff: Date;
  months: RetentionMonth[];
  /** the ACD's queue_events months archived and removed, by the same rule */
  queueEventMonths: RetentionMonth[];
  /** the ACD's inbound_calls months archived and removed, by the same rule */
  inboundCallMonths: RetentionMonth[];
}

/** Columns of a queue_events month archive (gzipped CSV, as call_attempts'). */
export const QUEUE_EVENT_COLUMNS = ['id', 'at', 'inbound_call_id', 'queue_id', 'agent_id', 'event', 'data'] as const;
/** Columns of an inbound_calls month archive (gzipped CSV, as call_attempts'). */
export const INBOUND_CALL_COLUMNS = [
  'id',
  'queue_id',
  'department_id',
  'channel_id',
  'caller_number',
  'did',
  'arrived_at',
  'answered_at',
  'abandoned_at',
  'ended_at',
  'agent_id',
  'outcome',
  'wait_seconds',
  'talk_seconds',
  'overflowed_to',
  'status',
  'priority',
  'entered_queue_at',
  'path',
  'created_at',
] as const;

/** A table partitioned by month of `column` through `<table>_ensure_month`, archived under `kind`. */
interface MonthlyTable {
  table: 'queue_events' | 'inbound_calls';
  column: string;
  kind: string;
  columns: readonly string[];
}
const QUEUE_EVENTS: MonthlyTable = {
  table: 'queue_events',
  column: 'at',
  kind: 'queue-events',
  columns: QUEUE_EVENT_COLUMNS,
};
const INBOUND_CALLS: MonthlyTable = {
  table: 'inbound_calls',
  column: 'arrived_at',
  kind: 'inbound-calls',
  columns: INBOUND_CALL_COLUMNS,
};

/** The first instant of the month that starts on or before `now` minus `years` (UTC). */
export function retentionCutoff(now: Date, years: number): Date {
  if (!(years >= MIN_RETENTION_YEARS)) throw new Error(`retention must be at least ${MIN_RETENTION_YEARS} years`);
  const back = new Date(now);
  back.setUTCFullYear(back.getUTCFullYear() - years);
  return new Date(Date.UTC(back.getUTCFullYear(), back.getUTCMonth(), 1));
}

/**
 * The retention job: each whole month of call_attempts older than the cutoff is written to the archive storage as
 * gzipped CSV (call-record columns), recorded with its hash in `archives`, then deleted with its rollup rows, one
 * month per transaction. The month's rows are locked first, so what is deleted is exactly what was archived.
 */
@Injectable()
export class RetentionService implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('retention');
  private timer?: NodeJS.Timeout;
  private running?: Promise<RetentionResult>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(REPORT_CLOCK) private readonly clock: ReportClock,
    @Inject(ARCHIVE_STORAGE) private readonly storage: ArchiveStorage,
    @Inject(RETENTION_OPTIONS) private readonly options: RetentionOptions,
  ) {}

  onModuleInit(): void {
    if (this.options.intervalMs > 0) {
      this.timer = setInterval(
        () => void this.run().catch((e: unknown) => this.log.error(`retention failed: ${String(e)}`)),
        this.options.intervalMs,
      );
      this.timer.unref();
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One run at a time in this process; an advisory lock keeps two processes apart. */
  run(): Promise<RetentionResult> {
    this.running ??= this.runOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * Makes the monthly partitions of call_attempts, queue_events and inbound_calls from this month to `ahead` months on (rows of a
   * month without one wait in the default partition and move into it when it is made). Returns call_attempts' months
   * made.
   */
  async ensurePartitions(ahead = 3): Promise<string[]> {
    const rows = await this.ds.query<{ month: string; made: boolean }[]>(
      `SELECT to_char(m, 'YYYY-MM') AS month, call_attempts_ensure_month(m::date) AS made
         FROM generate_series(date_trunc('month', $1::timestamptz AT TIME ZONE 'UTC'),
                              date_trunc('month', $1::timestamptz AT TIME ZONE 'UTC') + $2 * interval '1 month',
                              interval '1 month') m`,
      [this.clock.now(), ahead],
    );
    for (const { table } of [QUEUE_EVENTS, INBOUND_CALLS])
      await this.ds.query(
        `SELECT ${table}_ensure_month(m::date)
           FROM generate_series(date_trunc('month', $1::timestamptz AT TIME ZONE 'UTC'),
                                date_trunc('month', $1::timestamptz AT TIME ZONE 'UTC') + $2 * interval '1 month',
                                interval '1 month') m`,
        [this.clock.now(), ahead],
      );
    return rows.filter((r) => r.made).map((r) => r.month);
  }

  private async runOnce(): Promise<RetentionResult> {
    await this.ensurePartitions();
    const cutoff = retentionCutoff(this.clock.now(), this.options.years);
    const months: RetentionMonth[] = [];
    for (;;) {
      const [{ first }] = await this.ds.query<{ first: Date | null }[]>(
        `SELECT min(created_at) AS first FROM call_attempts WHERE created_at < $1`,
        [cutoff],
      );
      if (!first) break;
      const from = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1));
      const to = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
      if (to.getTime() > cutoff.getTime()) break; // never part of a month that reaches into the retention
      months.push(await this.archiveMonth(from, to));
    }
    const queueEventMonths = await this.archiveMonthsOf(QUEUE_EVENTS, cutoff);
    const inboundCallMonths = await this.archiveMonthsOf(INBOUND_CALLS, cutoff);
    return { cutoff, months, queueEventMonths, inboundCallMonths };
  }

  /** Every whole month of `t` before the cutoff, oldest first; never part of a month that reaches into it. */
  private async archiveMonthsOf(t: MonthlyTable, cutoff: Date): Promise<RetentionMonth[]> {
    const out: RetentionMonth[] = [];
    for (;;) {
      const [{ first }] = await this.ds.query<{ first: Date | null }[]>(
        `SELECT min(${t.column}) AS first FROM ${t.table} WHERE ${t.column} < $1`,
        [cutoff],
      );
      if (!first) break;
      const from = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1));
      const to = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
      if (to.getTime() > cutoff.getTime()) break;
      out.push(await this.archiveTableMonth(t, from, to));
    }
    return out;
  }

  /**
   * Whether `table` has its own partition `<table>_pYYYY_MM` with bounds exactly [from, to) (made by
   * `<table>_ensure_month`); the caller's transaction then locks it whole.
   */
  private async monthPartition(client: PoolClient, table: string, from: Date, to: Date): Promise<string | null> {
    const partition = `${table}_p${from.toISOString().slice(0, 7).replace('-', '_')}`;
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = $4::regclass AND c.relname = $1
          AND pg_get_expr(c.relpartbound, c.oid) = format('FOR VALUES FROM (%L) TO (%L)', $2::timestamptz, $3::timestamptz)`,
      [partition, from, to, table],
    );
    return Number(rows[0].n) === 1 ? partition : null;
  }

  /** Writes the open cursor `retention_cursor` to the storage as gzipped CSV under `key`, headed by `columns`. */
  private async storeCursor(client: PoolClient, key: string, columns: readonly string[]) {
    let rows = 0;
    async function* csv(): AsyncIterable<string> {
      yield csvLine(columns);
      for (;;) {
        const res = await client.query<unknown[]>({ text: 'FETCH 5000 FROM retention_cursor', rowMode: 'array' });
        if (!res.rows.length) return;
        rows += res.rows.length;
        yield res.rows
          .map((r) =>
            csvLine(
              r.map((v) =>
                v instanceof Date ? v.toISOString() : v !== null && typeof v === 'object' ? JSON.stringify(v) : v,
              ),
            ),
          )
          .join('');
      }
    }
    const gz = createGzip();
    const feed = (async () => {
      try {
        for await (const chunk of csv())
          if (!gz.write(chunk)) await new Promise<void>((r) => gz.once('drain', () => r()));
        gz.end();
      } catch (e) {
        gz.destroy(e instanceof Error ? e : new Error(String(e)));
      }
    })();
    const stored = await this.storage.put(key, gz as AsyncIterable<Buffer>);
    await feed;
    await client.query('CLOSE retention_cursor');
    return { ...stored, rows };
  }

  /**
   * One month of an ACD table (queue_events, inbound_calls), as a month of call_attempts: locked, written to the
   * storage as gzipped CSV, recorded in `archives` (kind `queue-events`, `inbound-calls`), then its partition
   * detached and dropped (or its rows deleted from the default partition), in one transaction.
   */
  private async archiveTableMonth(t: MonthlyTable, from: Date, to: Date): Promise<RetentionMonth> {
    const month = from.toISOString().slice(0, 7);
    const qr = this.ds.createQueryRunner();
    const client = (await qr.connect()) as PoolClient;
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('reporting.retention'))`);
      const partition = await this.monthPartition(client, t.table, from, to);
      await client.query(`SET LOCAL lock_timeout = '30s'`);
      if (partition) await client.query(`LOCK TABLE ${partition} IN SHARE MODE`);
      await client.query(`SELECT 1 FROM ${t.table} WHERE ${t.column} >= $1 AND ${t.column} < $2 FOR UPDATE`, [
        from,
        to,
      ]);
      await client.query({
        text: `DECLARE retention_cursor NO SCROLL CURSOR FOR
               SELECT ${t.columns.join(', ')} FROM ${t.table}
                WHERE ${t.column} >= $1 AND ${t.column} < $2 ORDER BY ${t.column}, id`,
        values: [from, to],
      });
      const stored = await this.storeCursor(client, `${t.kind}/${month}-${Date.now()}.csv.gz`, t.columns);
      await client.query(
        `INSERT INTO archives (kind, storage_key, sha256, bytes, rows, period_from, period_to)
         VALUES ($7, $1, $2, $3, $4, $5, $6)`,
        [stored.key, stored.sha256, stored.bytes, stored.rows, from, to, t.kind],
      );
      if (partition) {
        await client.query(`ALTER TABLE ${t.table} DETACH PARTITION ${partition}`);
        await client.query(`DROP TABLE ${partition}`);
      }
      await client.query(`DELETE FROM ${t.table} WHERE ${t.column} >= $1 AND ${t.column} < $2`, [from, to]);
      await client.query('COMMIT');
      this.log.log(`archived ${stored.rows} rows of ${t.table} of ${month} to ${stored.key}`);
      return {
        month,
        rows: stored.rows,
        partitionDropped: partition !== null,
        storageKey: stored.key,
        sha256: stored.sha256,
        bytes: stored.bytes,
      };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      await qr.release();
    }
  }

  private async archiveMonth(from: Date, to: Date): Promise<RetentionMonth> {
    const month = from.toISOString().slice(0, 7);
    const qr = this.ds.createQueryRunner();
    const client = (await qr.connect()) as PoolClient;
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('reporting.retention'))`);
      // the month's own partition (made by call_attempts_ensure_month, bounds [from, to)), if it has one
      const partition = await this.monthPartition(client, 'call_attempts', from, to);
      const whole = partition !== null;
      // nothing changes under the archive: the partition is locked whole, rows in the default partition one by one
      await client.query(`SET LOCAL lock_timeout = '30s'`);
      if (partition) await client.query(`LOCK TABLE ${partition} IN SHARE MODE`);
      await client.query(`SELECT 1 FROM call_attempts WHERE created_at >= $1 AND created_at < $2 FOR UPDATE`, [
        from,
        to,
      ]);
      await client.query({
        text: `DECLARE retention_cursor NO SCROLL CURSOR FOR
               SELECT a.id, a.department_id, a.campaign_id, a.contact_id, a.caller_id, a.called_number, a.mode, a.pilot,
                      a.queued_at, a.originated_at, a.answered_at, a.bridged_at, a.ended_at, a.outcome, a.hangup_cause,
                      a.hangup_cause_text, a.hangup_by, a.agent_id, a.disposition_code, a.ring_seconds, a.talk_seconds,
                      a.duration_seconds
                 FROM call_attempts a WHERE a.created_at >= $1 AND a.created_at < $2 ORDER BY a.created_at, a.id`,
        values: [from, to],
      });
      const stored = await this.storeCursor(client, `call-attempts/${month}-${Date.now()}.csv.gz`, CALL_RECORD_COLUMNS);
      const rows = stored.rows;
      await client.query(
        `INSERT INTO archives (kind, storage_key, sha256, bytes, rows, period_from, period_to)
         VALUES ('call-attempts', $1, $2, $3, $4, $5, $6)`,
        [stored.key, stored.sha256, stored.bytes, rows, from, to],
      );
      // the rows go with their rollup rows (whole UTC days of whole months); the trigger is told to stand aside
      await client.query(`SET LOCAL reporting.skip_rollup = 'on'`);
      if (partition) {
        // the month goes as a whole: detached and dropped (its bounds were checked above to be [from, to))
        await client.query(`ALTER TABLE call_attempts DETACH PARTITION ${partition}`);
        await client.query(`DROP TABLE ${partition}`);
      }
      await client.query(`DELETE FROM call_attempts WHERE created_at >= $1 AND created_at < $2`, [from, to]);
      const days = [from.toISOString().slice(0, 10), to.toISOString().slice(0, 10)];
      await client.query(`DELETE FROM attempt_rollups WHERE day >= $1::date AND day < $2::date`, days);
      await client.query(`DELETE FROM agent_attempt_rollups WHERE day >= $1::date AND day < $2::date`, days);
      for (const table of ['agent_day_rollups', 'campaign_day_rollups', 'number_day_rollups', 'number_day_counts'])
        await client.query(`DELETE FROM ${table} WHERE day >= $1::date AND day < $2::date`, days);
      await client.query(`DELETE FROM campaign_hour_of_day_rollups WHERE month >= $1::date AND month < $2::date`, days);
      await client.query(`DELETE FROM campaign_hour_rollups WHERE hour >= $1 AND hour < $2`, [from, to]);
      await client.query(`DELETE FROM outside_window_attempts WHERE created_at >= $1 AND created_at < $2`, [from, to]);
      await client.query(`DELETE FROM abandon_window_months WHERE month >= $1::date AND month < $2::date`, days);
      // windows ending in the month or the 30 days after it no longer see the month's calls
      await client.query(
        `INSERT INTO abandon_window_dirty (campaign_id, day)
         SELECT DISTINCT campaign_id, $1::date FROM abandon_window_days WHERE day >= $1::date AND day < $2::date + 31
         ON CONFLICT (campaign_id, day) DO NOTHING`,
        days,
      );
      await client.query('COMMIT');
      this.log.log(`archived ${rows} call attempts of ${month} to ${stored.key}`);
      return {
        month,
        rows,
        partitionDropped: whole,
        storageKey: stored.key,
        sha256: stored.sha256,
        bytes: stored.bytes,
      };
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      await qr.release();
    }
  }
}
