import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { notFound } from '@app/common';
import { AuditService, Department, Notification, NotificationRead } from '@app/database';
import type { Principal } from '@app/auth';

/** What a department's webhook receives (JSON body) on each brief status change. */
export interface BriefWebhookPayload {
  event: 'brief.status-changed';
  briefId: string;
  status: string;
  reason: string | null;
  at: string;
}

/** What a department's webhook receives on each campaign event of one of its briefs. */
export interface CampaignWebhookPayload {
  event: string;
  campaignId: string;
  campaignName: string;
  briefId: string | null;
  state: string;
  at: string;
  [key: string]: unknown;
}

/** A notice as one user sees it: `readAt` is when that user read it, null when not yet. */
export type NotificationView = Notification & { readAt: Date | null };

/** In-app notices to a department; a department with a webhook URL gets each one POSTed too (see WebhookWorker). */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Call inside the status change's transaction so the notice commits with it. Returns true when a webhook is due. */
  async briefStatusChanged(
    m: EntityManager,
    brief: { id: string; departmentId: string; title: string },
    status: string,
    reason: string | null,
  ): Promise<boolean> {
    const dep = await m.findOne(Department, { where: { id: brief.departmentId } });
    const at = new Date();
    const payload: BriefWebhookPayload = {
      event: 'brief.status-changed',
      briefId: brief.id,
      status,
      reason,
      at: at.toISOString(),
    };
    const hasWebhook = !!dep?.webhookUrl;
    await m.insert(Notification, {
      departmentId: brief.departmentId,
      kind: 'brief.status-changed',
      entityType: 'brief',
      entityId: brief.id,
      message: `Brief "${brief.title}" is now ${status}${reason ? `: ${reason}` : ''}`,
      payload: payload as never,
      webhookStatus: hasWebhook ? 'pending' : 'none',
      webhookNextAttemptAt: hasWebhook ? at : null,
    });
    return hasWebhook;
  }

  /**
   * A campaign event for the department that asked for it (pilot finished, launched, paused, deadline at risk,
   * completed ...): an in-app notice, and the same payload to the department's webhook. Call inside the change's
   * transaction; returns true when a webhook is due (then kick the worker after the commit).
   */
  async campaignEvent(
    m: EntityManager,
    campaign: { id: string; name: string; departmentId: string; briefId: string | null; state: string },
    event: string,
    message: string,
    extra: Record<string, unknown> = {},
  ): Promise<boolean> {
    const dep = await m.findOne(Department, { where: { id: campaign.departmentId } });
    const at = new Date();
    const payload: CampaignWebhookPayload = {
      ...extra,
      event,
      campaignId: campaign.id,
      campaignName: campaign.name,
      briefId: campaign.briefId,
      state: campaign.state,
      at: at.toISOString(),
    };
    const hasWebhook = !!dep?.webhookUrl;
    await m.insert(Notification, {
      departmentId: campaign.departmentId,
      kind: event,
      entityType: 'campaign',
      entityId: campaign.id,
      message,
      payload: payload as never,
      webhookStatus: hasWebhook ? 'pending' : 'none',
      webhookNextAttemptAt: hasWebhook ? at : null,
    });
    return hasWebhook;
  }

  /**
   * The caller's own department's notices, newest first (planners too: they see their own department's inbox),
   * each with `readAt`: when this user read it (read state is per user: a colleague reading it does not mark it
   * read for you).
   */
  async list(p: Principal, unreadOnly = false): Promise<NotificationView[]> {
    const qb = this.ds
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.department_id = :d', { d: p.departmentId })
      .orderBy('n.created_at', 'DESC')
      .limit(200);
    if (unreadOnly)
      qb.andWhere('NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.notification_id = n.id AND r.user_id = :u)', {
        u: p.userId,
      });
    const notices = await qb.getMany();
    if (notices.length === 0) return [];
    const reads = await this.ds
      .getRepository(NotificationRead)
      .find({ where: { userId: p.userId, notificationId: In(notices.map((n) => n.id)) } });
    const readAt = new Map(reads.map((r) => [r.notificationId, r.readAt]));
    return notices.map((n) => ({ ...n, readAt: readAt.get(n.id) ?? null }));
  }

  async markRead(p: Principal, id: string): Promise<NotificationView> {
    const n = await this.ds.getRepository(Notification).findOne({ where: { id } });
    if (!n || n.departmentId !== p.departmentId) throw notFound('notification', id);
    const readAt = await this.ds.transaction(async (m) => {
      const result: unknown[] = await m.query(
        `INSERT INTO notification_reads (notification_id, user_id, read_at) VALUES ($1, $2, now())
         ON CONFLICT (notification_id, user_id) DO NOTHING RETURNING read_at`,
        [id, p.userId],
      );
      // TypeORM answers INSERT ... RETURNING with the rows (UPDATE/DELETE with [rows, count]).
      const inserted = (Array.isArray(result[0]) ? result[0] : result) as { read_at: Date }[];
      if (inserted.length === 0) {
        // Already read by this user: answer the first reading, audit nothing new.
        const r = await m.findOneOrFail(NotificationRead, { where: { notificationId: id, userId: p.userId } });
        return r.readAt;
      }
      await this.audit.record(
        { userId: p.userId, role: p.role, departmentId: p.departmentId },
        { action: 'notification.read', entityType: 'notification', entityId: id, departmentId: n.departmentId },
        m,
      );
      return inserted[0].read_at;
    });
    return { ...n, readAt };
  }
}
