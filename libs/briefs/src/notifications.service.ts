import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { notFound } from '@app/common';
import { AuditService, Department, Notification } from '@app/database';
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

  /** The caller's own department's notices, newest first (planners too: they see their own department's inbox). */
  list(p: Principal, unreadOnly = false): Promise<Notification[]> {
    const qb = this.ds
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.department_id = :d', { d: p.departmentId })
      .orderBy('n.created_at', 'DESC')
      .limit(200);
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    return qb.getMany();
  }

  async markRead(p: Principal, id: string): Promise<Notification> {
    const repo = this.ds.getRepository(Notification);
    const n = await repo.findOne({ where: { id } });
    if (!n || n.departmentId !== p.departmentId) throw notFound('notification', id);
    if (!n.readAt) {
      n.readAt = new Date();
      await this.ds.transaction(async (m) => {
        await m.update(Notification, id, { readAt: n.readAt });
        await this.audit.record(
          { userId: p.userId, role: p.role, departmentId: p.departmentId },
          { action: 'notification.read', entityType: 'notification', entityId: id, departmentId: n.departmentId },
          m,
        );
      });
    }
    return n;
  }
}
