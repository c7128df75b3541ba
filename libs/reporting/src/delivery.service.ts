import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { canSeeDepartment, type Principal } from '@app/auth';
import { notFound } from '@app/common';
import { ArchiveEntry } from '@app/database';
import { ARCHIVE_STORAGE, type ArchiveStorage } from './archive-storage';
import { writeCsv } from './export-writers';
import { ExportsService } from './exports.service';
import { REPORT_CLOCK, type ReportClock } from './report-clock';

export const DELIVERY_OPTIONS = Symbol('DELIVERY_OPTIONS');
export interface DeliveryOptions {
  /** 0: no timer (run it through the API or by hand). */
  intervalMs: number;
}

export const RESULTS_DELIVERED = 'results.delivered';

export interface Delivery {
  campaignId: string;
  briefId: string;
  archiveId: string;
  sha256: string;
  bytes: number;
  downloadPath: string;
}

/** Reads every department's briefs: the delivery job acts for the centre, not for a user. */
const SYSTEM: Principal = {
  userId: '00000000-0000-0000-0000-000000000000',
  email: 'system',
  role: 'admin',
  departmentId: '00000000-0000-0000-0000-000000000000',
};

/**
 * Results delivery: when a campaign of a brief completes, the brief's per-contact results are written once to the
 * archive (CSV, SHA-256 recorded in `archives`), and the department gets an in-app notice whose payload carries the
 * download path and hash; a department with a webhook URL gets the same payload POSTed and signed by the briefs
 * library's WebhookWorker. One delivery per campaign (checked under an advisory lock).
 */
@Injectable()
export class DeliveryService implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('delivery');
  private timer?: NodeJS.Timeout;
  private running?: Promise<Delivery[]>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly exports: ExportsService,
    @Inject(ARCHIVE_STORAGE) private readonly storage: ArchiveStorage,
    @Inject(REPORT_CLOCK) private readonly clock: ReportClock,
    @Inject(DELIVERY_OPTIONS) private readonly options: DeliveryOptions,
  ) {}

  onModuleInit(): void {
    if (this.options.intervalMs > 0) {
      this.timer = setInterval(
        () => void this.run().catch((e: unknown) => this.log.error(`delivery failed: ${String(e)}`)),
        this.options.intervalMs,
      );
      this.timer.unref();
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  run(): Promise<Delivery[]> {
    this.running ??= this.runOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runOnce(): Promise<Delivery[]> {
    const due = await this.ds.query<
      { id: string; name: string; brief_id: string; department_id: string; webhook_url: string | null }[]
    >(
      `SELECT c.id, c.name, c.brief_id, c.department_id, d.webhook_url FROM campaigns c
         JOIN departments d ON d.id = c.department_id
        WHERE c.brief_id IS NOT NULL AND c.state = 'completed'
          AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.kind = $1 AND n.entity_type = 'campaign'
                            AND n.entity_id = c.id::text)
        ORDER BY c.completed_at NULLS LAST, c.id LIMIT 20`,
      [RESULTS_DELIVERED],
    );
    const out: Delivery[] = [];
    for (const c of due) {
      const d = await this.deliver(c);
      if (d) out.push(d);
    }
    return out;
  }

  private async deliver(c: {
    id: string;
    name: string;
    brief_id: string;
    department_id: string;
    webhook_url: string | null;
  }): Promise<Delivery | null> {
    const table = await this.exports.briefContacts(SYSTEM, c.brief_id);
    const body = new PassThrough();
    const writing = writeCsv(body, table).then(
      () => body.end(),
      (e: unknown) => body.destroy(e instanceof Error ? e : new Error(String(e))),
    );
    const at = this.clock.now();
    const stored = await this.storage.put(`brief-results/${c.brief_id}/${c.id}-${at.getTime()}.csv`, body);
    await writing;
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`delivery:${c.id}`]);
      const [done] = await m.query<unknown[]>(
        `SELECT 1 FROM notifications WHERE kind = $1 AND entity_type = 'campaign' AND entity_id = $2`,
        [RESULTS_DELIVERED, c.id],
      );
      if (done) return null; // another process delivered it meanwhile; our file stays unreferenced
      const archive = await m.save(ArchiveEntry, {
        kind: 'brief-results',
        departmentId: c.department_id,
        briefId: c.brief_id,
        storageKey: stored.key,
        sha256: stored.sha256,
        bytes: String(stored.bytes),
        rows: null,
        periodFrom: null,
        periodTo: at,
        createdById: null,
      });
      const downloadPath = `/api/reports/archives/${archive.id}/download`;
      const hasWebhook = !!c.webhook_url;
      await m.query(
        `INSERT INTO notifications (department_id, kind, entity_type, entity_id, message, payload, webhook_status,
            webhook_next_attempt_at)
         VALUES ($1, $2, 'campaign', $3, $4, $5, $6, $7)`,
        [
          c.department_id,
          RESULTS_DELIVERED,
          c.id,
          `Results of campaign ${c.name} are ready`,
          {
            event: RESULTS_DELIVERED,
            briefId: c.brief_id,
            campaignId: c.id,
            campaignName: c.name,
            archiveId: archive.id,
            sha256: stored.sha256,
            bytes: stored.bytes,
            downloadPath,
            at: at.toISOString(),
          },
          hasWebhook ? 'pending' : 'none',
          hasWebhook ? at : null,
        ],
      );
      this.log.log(`delivered results of campaign ${c.id} (${stored.bytes} bytes, sha256 ${stored.sha256})`);
      return {
        campaignId: c.id,
        briefId: c.brief_id,
        archiveId: archive.id,
        sha256: stored.sha256,
        bytes: stored.bytes,
        downloadPath,
      };
    });
  }

  /** An archived file the caller may read: its department's (call-record archives have none: admins only). */
  async archive(p: Principal, id: string): Promise<ArchiveEntry> {
    const a = await this.ds.getRepository(ArchiveEntry).findOne({ where: { id } });
    if (!a || !(a.departmentId ? canSeeDepartment(p, a.departmentId) : p.role === 'admin'))
      throw notFound('archive', id);
    return a;
  }

  open(a: ArchiveEntry): NodeJS.ReadableStream {
    return this.storage.open(a.storageKey);
  }
}
