import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { countsOf, OUTCOME_EVENTS, outcomeCountsSql, outcomeFigures, SHORT_ABANDON_SECONDS } from '@app/acd-core';
import type { Principal } from '@app/auth';
import { REPORT_CLOCK, type ReportClock } from './report-clock';
import { REPORT_READER } from './report-reader';
import { departmentFilter, reportRange } from './report-scope';

export interface QueueReportFilter {
  departmentId?: string;
  queueId?: string;
  from?: string;
  to?: string;
}

/** Abandons by how long the caller waited: [from, to) seconds, `to` null = no upper bound. */
export const WAIT_BANDS: readonly { band: string; from: number; to: number | null }[] = [
  { band: '0-5s', from: 0, to: 5 },
  { band: '5-15s', from: 5, to: 15 },
  { band: '15-30s', from: 15, to: 30 },
  { band: '30-60s', from: 30, to: 60 },
  { band: '60-120s', from: 60, to: 120 },
  { band: '120s+', from: 120, to: null },
];

export interface QueueBucket {
  offered: number;
  answered: number;
  answeredWithinTarget: number;
  abandoned: number;
  shortAbandons: number;
  overflowed: number;
  /** answered within the queue's target ÷ offered */
  serviceLevel: number | null;
  /** answered within the target ÷ (offered − abandons under 5 s) */
  serviceLevelExcludingShortAbandons: number | null;
  asaSeconds: number | null;
  abandonRate: number | null;
  longestWaitSeconds: number | null;
  abandonsByWait: Record<string, number>;
}

export interface QueueReport {
  from: Date;
  to: Date;
  shortAbandonSeconds: number;
  queues: ({ queueId: string; name: string; departmentId: string; targetSeconds: number } & QueueBucket)[];
  byDay: ({ day: string } & QueueBucket)[];
  byHour: ({ hour: number } & QueueBucket)[];
}

type Row = Record<string, unknown> & { g_queue: number; g_day: number; g_hour: number };

/**
 * Per-queue operations from queue_events (the queue_log), counted by the rules of `@app/acd-core` queue-outcomes
 * (as the ACD's live queueFigures() counts), abandons banded by how long they waited.
 * Read through the (queue_id, at) index; totals per queue, per UTC day and per UTC hour of day.
 */
@Injectable()
export class QueueReportsService {
  constructor(
    @Inject(REPORT_READER) private readonly ds: DataSource,
    @Inject(REPORT_CLOCK) private readonly clock: ReportClock,
  ) {}

  async report(p: Principal, f: QueueReportFilter): Promise<QueueReport> {
    const { from, to } = reportRange(this.clock.now(), f.from, f.to);
    const deps = departmentFilter(p, f.departmentId);
    const bands = WAIT_BANDS.map(
      (b, i) =>
        `count(*) FILTER (WHERE e.event = 'ABANDON' AND e.waited >= ${b.from}${b.to === null ? '' : ` AND e.waited < ${b.to}`}) AS band_${i}`,
    ).join(',\n              ');
    const rows = await this.ds.query<Row[]>(
      `WITH q AS (SELECT id, name, department_id, service_level_seconds FROM queues
                   WHERE ($3::uuid[] IS NULL OR department_id = ANY($3::uuid[])) AND ($4::uuid IS NULL OR id = $4)),
            e AS (SELECT qe.queue_id, qe.event, (qe.data ->> 'holdtime')::float AS hold,
                         (qe.data ->> 'waited')::float AS waited, q.service_level_seconds AS target,
                         to_char(qe.at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
                         extract(hour FROM qe.at AT TIME ZONE 'UTC')::int AS hour
                    FROM queue_events qe JOIN q ON q.id = qe.queue_id
                   WHERE qe.at >= $1 AND qe.at < $2
                     AND qe.event IN (${OUTCOME_EVENTS.map((e) => `'${e}'`).join(', ')}))
       SELECT e.queue_id, e.day, e.hour,
              GROUPING(e.queue_id) AS g_queue, GROUPING(e.day) AS g_day, GROUPING(e.hour) AS g_hour,
              ${outcomeCountsSql({ event: 'e.event', hold: 'e.hold', waited: 'e.waited', target: 'e.target', shortParam: '$5' })},
              ${bands}
         FROM e GROUP BY GROUPING SETS ((e.queue_id), (e.day), (e.hour))`,
      [from, to, deps, f.queueId ?? null, SHORT_ABANDON_SECONDS],
    );
    const queues = await this.ds.query<{ id: string; name: string; department_id: string; target: number }[]>(
      `SELECT id, name, department_id, service_level_seconds AS target FROM queues
        WHERE id = ANY($1::uuid[]) ORDER BY name, id`,
      [rows.filter((r) => Number(r.g_queue) === 0).map((r) => r.queue_id)],
    );
    const perQueue = new Map(rows.filter((r) => Number(r.g_queue) === 0).map((r) => [String(r.queue_id), bucket(r)]));
    return {
      from,
      to,
      shortAbandonSeconds: SHORT_ABANDON_SECONDS,
      queues: queues.map((q) => ({
        queueId: q.id,
        name: q.name,
        departmentId: q.department_id,
        targetSeconds: q.target,
        ...perQueue.get(q.id)!,
      })),
      byDay: rows
        .filter((r) => Number(r.g_day) === 0)
        .map((r) => ({ day: String(r.day), ...bucket(r) }))
        .sort((a, b) => a.day.localeCompare(b.day)),
      byHour: rows
        .filter((r) => Number(r.g_hour) === 0)
        .map((r) => ({ hour: Number(r.hour), ...bucket(r) }))
        .sort((a, b) => a.hour - b.hour),
    };
  }
}

const round4 = (x: number | null): number | null => (x === null ? null : Math.round(x * 10_000) / 10_000);

function bucket(r: Row): QueueBucket {
  const f = outcomeFigures(countsOf(r));
  return {
    ...f,
    serviceLevel: round4(f.serviceLevel),
    serviceLevelExcludingShortAbandons: round4(f.serviceLevelExcludingShortAbandons),
    asaSeconds: r.asa === null ? null : Math.round(Number(r.asa) * 100) / 100,
    abandonRate: round4(f.abandonRate),
    longestWaitSeconds: r.longest === null ? null : Number(r.longest),
    abandonsByWait: Object.fromEntries(WAIT_BANDS.map((b, i) => [b.band, Number(r[`band_${i}`])])),
  };
}
