import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PassThrough, type Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { canSeeDepartment, type Principal } from '@app/auth';
import { notFound } from '@app/common';
import { ArchiveEntry } from '@app/database';
import { ARCHIVE_STORAGE, readArchive, type ArchiveStorage } from './archive-storage';
import { BriefResultsService, type BriefResults } from './brief-results.service';
import { DOWNLOAD_LINKS, type DownloadLinks } from './download-link';
import { writeCsv } from './export-writers';
import { ExportsService } from './exports.service';
import { MAILER, type Mailer } from './mailer';
import { REPORT_CLOCK, type ReportClock } from './report-clock';
import { renderResultsPdf } from './results-pdf';

export const DELIVERY_OPTIONS = Symbol('DELIVERY_OPTIONS');
export interface DeliveryOptions {
  /** 0: no timer (run it through the API or by hand). */
  intervalMs: number;
}

export const RESULTS_DELIVERED = 'results.delivered';
export const RESULTS_MAILED = 'results.mailed';
/** The results so far, once a UTC day while a campaign runs (departments that ask for it). */
export const RESULTS_DAILY = 'results.daily';
export type DeliveryKind = typeof RESULTS_DELIVERED | typeof RESULTS_DAILY;
/** Campaign states in which daily results are delivered. */
const LIVE_STATES = ['pilot', 'pilot_paused', 'pilot_review', 'running', 'paused'];
/** A delivery whose mail failed is tried again on each run for this long. */
const MAIL_RETRY_HOURS = 24;

export interface Delivery {
  /** results.delivered (the campaign completed) or results.daily (the results so far, while it runs) */
  kind: DeliveryKind;
  /** UTC day of a daily delivery, else null */
  day: string | null;
  campaignId: string;
  briefId: string;
  archiveId: string;
  sha256: string;
  bytes: number;
  downloadPath: string;
  /** Signed absolute link (no token needed) valid for DELIVERY_LINK_TTL_DAYS. */
  downloadUrl: string;
  /** Who was mailed in this run (empty: no SMTP, no recipient, or the mail failed and will be tried again). */
  mailedTo: string[];
}

interface DeliveredNotice {
  id: string;
  kind: DeliveryKind;
  department_id: string;
  entity_id: string;
  payload: {
    briefId: string;
    campaignId: string;
    campaignName: string;
    archiveId: string;
    sha256: string;
    bytes: number;
    downloadUrl?: string;
    day?: string | null;
  };
}

interface DueCampaign {
  id: string;
  name: string;
  brief_id: string;
  department_id: string;
  webhook_url: string | null;
}

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
const pct = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

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
    private readonly results: BriefResultsService,
    @Inject(ARCHIVE_STORAGE) private readonly storage: ArchiveStorage,
    @Inject(REPORT_CLOCK) private readonly clock: ReportClock,
    @Inject(DELIVERY_OPTIONS) private readonly options: DeliveryOptions,
    @Inject(DOWNLOAD_LINKS) private readonly links: DownloadLinks,
    @Inject(MAILER) private readonly mailer: Mailer | null,
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
    this.mailer?.close();
  }

  run(): Promise<Delivery[]> {
    this.running ??= this.runOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async runOnce(): Promise<Delivery[]> {
    const due = await this.ds.query<DueCampaign[]>(
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
      const d = await this.deliver(c, RESULTS_DELIVERED, null);
      if (d) out.push(d);
    }
    const day = this.clock.now().toISOString().slice(0, 10);
    const daily = await this.ds.query<DueCampaign[]>(
      `SELECT c.id, c.name, c.brief_id, c.department_id, d.webhook_url FROM campaigns c
         JOIN departments d ON d.id = c.department_id
         JOIN department_delivery_settings s ON s.department_id = c.department_id AND s.daily_while_running
        WHERE c.brief_id IS NOT NULL AND c.state = ANY($3)
          AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.kind = $1 AND n.entity_type = 'campaign'
                            AND n.entity_id = c.id::text AND n.payload->>'day' = $2)
        ORDER BY c.id LIMIT 20`,
      [RESULTS_DAILY, day, LIVE_STATES],
    );
    for (const c of daily) {
      const d = await this.deliver(c, RESULTS_DAILY, day);
      if (d) out.push(d);
    }
    if (this.mailer) await this.mailDue(this.mailer, out);
    return out;
  }

  /**
   * Mails every delivery of the last day not mailed yet (this run's and earlier ones whose mail failed). One mail
   * per delivery, checked under an advisory lock and recorded as a `results.mailed` notice for the department.
   */
  private async mailDue(mailer: Mailer, delivered: Delivery[]): Promise<void> {
    const since = new Date(this.clock.now().getTime() - MAIL_RETRY_HOURS * 3600_000);
    const due = await this.ds.query<DeliveredNotice[]>(
      `SELECT n.id, n.kind, n.department_id, n.entity_id, n.payload FROM notifications n
        WHERE n.kind = ANY($1) AND n.entity_type = 'campaign' AND n.created_at >= $3
          AND NOT EXISTS (SELECT 1 FROM notifications m WHERE m.kind = $2 AND m.entity_type = 'campaign'
                            AND m.entity_id = n.entity_id AND m.payload->>'noticeId' = n.id::text)
        ORDER BY n.created_at LIMIT 20`,
      [[RESULTS_DELIVERED, RESULTS_DAILY], RESULTS_MAILED, since],
    );
    for (const n of due) {
      try {
        const to = await this.mail(mailer, n);
        const d = delivered.find((x) => x.archiveId === n.payload.archiveId);
        if (d) d.mailedTo = to;
      } catch (e) {
        this.log.error(`mail of the results of campaign ${n.entity_id} failed (tried again next run): ${String(e)}`);
      }
    }
  }

  /**
   * Who gets a brief's results by mail: the brief's contact person, the requester who filed it, and the
   * department's own recipients (delivery settings).
   */
  async recipients(briefId: string): Promise<{ title: string; to: string[] }> {
    const [b] = await this.ds.query<
      { title: string; contact: string | null; requester: string | null; extra: string[] | null }[]
    >(
      `SELECT b.title, b.contact_person->>'email' AS contact, u.email AS requester, s.recipients AS extra
         FROM briefs b LEFT JOIN users u ON u.id = b.created_by_id
         LEFT JOIN department_delivery_settings s ON s.department_id = b.department_id
        WHERE b.id = $1`,
      [briefId],
    );
    if (!b) return { title: '', to: [] };
    const to = [
      ...new Set([b.contact, b.requester, ...(b.extra ?? [])].map((e) => e?.trim().toLowerCase() ?? '')),
    ].filter((e) => EMAIL.test(e));
    return { title: b.title, to };
  }

  private async mail(mailer: Mailer, n: DeliveredNotice): Promise<string[]> {
    const p = n.payload;
    const { title, to } = await this.recipients(p.briefId);
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`delivery-mail:${n.id}`]);
      const [done] = await m.query<unknown[]>(
        `SELECT 1 FROM notifications WHERE kind = $1 AND entity_type = 'campaign' AND entity_id = $2
            AND payload->>'noticeId' = $3`,
        [RESULTS_MAILED, n.entity_id, n.id],
      );
      if (done) return [];
      const now = this.clock.now();
      let sent: { messageId: string; accepted: string[] } | null = null;
      if (to.length) {
        const archive = await this.ds.getRepository(ArchiveEntry).findOneByOrFail({ id: p.archiveId });
        const csv = await readArchive(this.storage, archive.storageKey, archive.sha256); // hash checked
        const r = await this.results.results(SYSTEM, p.briefId);
        const [en, zh] = await Promise.all([renderResultsPdf(r, 'en'), renderResultsPdf(r, 'zh-CN')]);
        const url = p.downloadUrl ?? this.links.link(p.archiveId, now);
        const msg = this.message(title, p.campaignName, r, url, p.sha256, n.kind === RESULTS_DAILY ? p.day : null);
        sent = await mailer.send({
          to,
          subject: msg.subject,
          text: msg.text,
          html: msg.html,
          attachments: [
            { filename: archive.storageKey.split('/').pop() ?? 'results.csv', content: csv, contentType: 'text/csv' },
            { filename: 'results-summary.en.pdf', content: en.pdf, contentType: 'application/pdf' },
            {
              filename: `results-summary.${zh.lang}.pdf`,
              content: zh.pdf,
              contentType: 'application/pdf',
            },
          ],
        });
      }
      await m.query(
        `INSERT INTO notifications (department_id, kind, entity_type, entity_id, message, payload, webhook_status)
         VALUES ($1, $2, 'campaign', $3, $4, $5, 'none')`,
        [
          n.department_id,
          RESULTS_MAILED,
          n.entity_id,
          to.length
            ? `Results of campaign ${p.campaignName} mailed to ${to.join(', ')}`
            : `Results of campaign ${p.campaignName} not mailed: the brief names no e-mail address`,
          {
            event: RESULTS_MAILED,
            noticeId: n.id,
            delivery: n.kind,
            briefId: p.briefId,
            campaignId: p.campaignId,
            archiveId: p.archiveId,
            sha256: p.sha256,
            to,
            messageId: sent?.messageId ?? null,
            at: now.toISOString(),
          },
        ],
      );
      if (sent) this.log.log(`mailed the results of campaign ${n.entity_id} to ${to.join(', ')}`);
      return sent ? to : [];
    });
  }

  private message(
    title: string,
    campaignName: string,
    r: BriefResults,
    url: string,
    sha256: string,
    day: string | null | undefined,
  ): { subject: string; text: string; html: string } {
    const deadline = r.deadline.met === null ? 'open' : r.deadline.met ? 'met' : 'missed';
    const rows: [string, string][] = [
      ['Contacts / 联系人', String(r.contacts)],
      ['Attempted / 已拨打', String(r.contactsAttempted)],
      ['Reached / 已接通', `${r.reached} (${pct(r.reachRate)})`],
      ['Successful / 成功', `${r.successful} (${pct(r.successRate)})`],
      ['Not reached / 未接通', String(r.notReached.total)],
      ['Attempts / 拨打次数', String(r.attempts)],
      ['Deadline / 截止日期', `${r.deadline.deadline.toISOString().slice(0, 10)} (${deadline})`],
    ];
    const intro = day
      ? `The results so far (${day}) of campaign ${campaignName}, still running, for your brief "${title}".`
      : `The results of campaign ${campaignName} for your brief "${title}" are ready.`;
    const zh = day
      ? `您的外呼需求「${title}」的活动 ${campaignName} 仍在进行，截至 ${day} 的结果如下。`
      : `您的外呼需求「${title}」的活动 ${campaignName} 结果已就绪。`;
    const text = [
      intro,
      zh,
      '',
      ...rows.map(([k, v]) => `${k}: ${v}`),
      '',
      `Download the per-contact results / 下载明细: ${url}`,
      `SHA-256: ${sha256}`,
      '',
      'Attached: the per-contact results (CSV) and the summary with charts (PDF, English and Chinese).',
    ].join('\n');
    const html =
      `<p>${esc(intro)}<br>${esc(zh)}</p><table>` +
      rows.map(([k, v]) => `<tr><td>${esc(k)}</td><td><b>${esc(v)}</b></td></tr>`).join('') +
      `</table><p><a href="${esc(url)}">Download the per-contact results / 下载明细</a><br>` +
      `SHA-256: <code>${esc(sha256)}</code></p>` +
      '<p>Attached: the per-contact results (CSV) and the summary with charts (PDF, English and Chinese).</p>';
    const subject = day
      ? `Results so far (${day}): ${title} (${campaignName}) / 当日结果`
      : `Results ready: ${title} (${campaignName}) / 结果已就绪`;
    return { subject, text, html };
  }

  private async deliver(c: DueCampaign, kind: DeliveryKind, day: string | null): Promise<Delivery | null> {
    const table = await this.exports.briefContacts(SYSTEM, c.brief_id);
    const body = new PassThrough();
    const writing = writeCsv(body, table).then(
      () => body.end(),
      (e: unknown) => body.destroy(e instanceof Error ? e : new Error(String(e))),
    );
    const at = this.clock.now();
    const stored = await this.storage.put(
      `brief-results/${c.brief_id}/${c.id}-${day ? `daily-${day}-` : ''}${at.getTime()}.csv`,
      body,
    );
    await writing;
    return this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`delivery:${kind}:${c.id}`]);
      const [done] = await m.query<unknown[]>(
        `SELECT 1 FROM notifications WHERE kind = $1 AND entity_type = 'campaign' AND entity_id = $2
            AND ($3::text IS NULL OR payload->>'day' = $3)`,
        [kind, c.id, day],
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
      const downloadUrl = this.links.link(archive.id, at);
      const hasWebhook = !!c.webhook_url;
      await m.query(
        `INSERT INTO notifications (department_id, kind, entity_type, entity_id, message, payload, webhook_status,
            webhook_next_attempt_at)
         VALUES ($1, $2, 'campaign', $3, $4, $5, $6, $7)`,
        [
          c.department_id,
          kind,
          c.id,
          day ? `Results so far (${day}) of campaign ${c.name}` : `Results of campaign ${c.name} are ready`,
          {
            event: kind,
            day,
            briefId: c.brief_id,
            campaignId: c.id,
            campaignName: c.name,
            archiveId: archive.id,
            sha256: stored.sha256,
            bytes: stored.bytes,
            downloadPath,
            downloadUrl,
            at: at.toISOString(),
          },
          hasWebhook ? 'pending' : 'none',
          hasWebhook ? at : null,
        ],
      );
      this.log.log(`${kind} of campaign ${c.id}: ${stored.bytes} bytes, sha256 ${stored.sha256}`);
      return {
        kind,
        day,
        campaignId: c.id,
        briefId: c.brief_id,
        archiveId: archive.id,
        sha256: stored.sha256,
        bytes: stored.bytes,
        downloadPath,
        downloadUrl,
        mailedTo: [],
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

  /** The archived bytes, checked against the recorded hash as they stream (a mismatch ends the stream in error). */
  open(a: ArchiveEntry): Readable {
    return this.storage.open(a.storageKey, a.sha256);
  }

  /** An archived file named by a signed link (no token): 404 for a bad, expired or foreign link. */
  async archiveByLink(id: string, expires: number, signature: string): Promise<ArchiveEntry> {
    const a = this.links.verify(id, expires, signature, this.clock.now())
      ? await this.ds.getRepository(ArchiveEntry).findOne({ where: { id } })
      : null;
    if (!a || !a.departmentId) throw notFound('archive', id);
    return a;
  }
}
