import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, invalid, notFound, type FieldProblem } from '@app/common';
import {
  Agent,
  AuditService,
  Brief,
  BriefStatusChange,
  ContactList,
  HolidayCalendar,
  type BriefStatus,
} from '@app/database';
import { canSeeDepartment, departmentScope, type Principal } from '@app/auth';
import { ContactImportService, ContactListsService, type ImportSummary } from '@app/contacts';
import { allowedBriefTransitions, assertBriefTransition, EDITABLE_BRIEF_STATUSES } from './brief-transitions';
import type { CreateBriefDto, UpdateBriefDto } from './brief.dto';
import type { CallingWindows, RetryPolicy } from './calling-windows';
import { normaliseRetryPolicy, normaliseWindows, windowProblems } from './calling-windows.dto';
import { computeForecast, type Forecast } from './forecast';
import { BRIEFS_OPTIONS, type BriefsModuleOptions } from './briefs.options';
import { NotificationsService } from './notifications.service';
import { WebhookWorker } from './webhook.worker';
import { addWorkingDays } from './working-days';

/** A campaign made from a brief, as the brief's response links it. */
export interface BriefCampaignLink {
  id: string;
  name: string;
  state: string;
  createdAt: Date;
}

export type BriefView = Omit<Brief, 'department' | 'createdBy'> & {
  allowedTransitions: readonly BriefStatus[];
  /** The campaigns made from the brief (a brief may yield several: a pilot re-plan, a second wave), oldest first. */
  campaigns: BriefCampaignLink[];
};

/** One entry of a brief's history, with the name of who made the change. */
export type BriefHistoryEntry = BriefStatusChange & {
  actorName: string | null;
  actorEmail: string | null;
  actorRole: string | null;
};
export type ReviewQueueEntry = BriefView & { reviewDueAt: string; overdue: boolean };
/** A brief saved with inline `rows`: the import's summary (accepted, rejected, duplicates, dnc ...) comes back too. */
export type BriefWithImport = BriefView & { import?: ImportSummary };

const actorOf = (p: Principal | null) => (p ? { userId: p.userId, role: p.role, departmentId: p.departmentId } : null);

/** Statuses from which a planner may make a (further) campaign of the brief. */
export const PLANNABLE_BRIEF_STATUSES: readonly BriefStatus[] = ['accepted', 'converted', 'completed'];

export const briefView = (b: Brief, campaigns: BriefCampaignLink[] = []): BriefView => {
  const { department: _d, createdBy: _c, ...rest } = b;
  return { ...rest, allowedTransitions: allowedBriefTransitions(b.status), campaigns };
};

/** Briefs: drafts, submission, the planners' review, history. Every change is audited and notified. */
@Injectable()
export class BriefsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly webhooks: WebhookWorker,
    private readonly lists: ContactListsService,
    private readonly importer: ContactImportService,
    @Inject(BRIEFS_OPTIONS) private readonly options: BriefsModuleOptions,
  ) {}

  /** Loads a brief the caller may see, else 404 (another department's brief does not exist for a requester). */
  async findVisible(p: Principal, id: string, m: EntityManager = this.ds.manager, lock = false): Promise<Brief> {
    const b = await m.findOne(Brief, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!b || !canSeeDepartment(p, b.departmentId)) throw notFound('brief', id);
    return b;
  }

  async get(p: Principal, id: string): Promise<BriefView> {
    const [v] = await this.linkCampaigns([briefView(await this.findVisible(p, id))]);
    return v;
  }

  /** Fills `campaigns` of each view with one query. */
  async linkCampaigns<T extends BriefView>(views: T[], m: EntityManager = this.ds.manager): Promise<T[]> {
    if (views.length === 0) return views;
    const rows: (BriefCampaignLink & { briefId: string })[] = await m.query(
      `SELECT id, name, state, created_at AS "createdAt", brief_id AS "briefId" FROM campaigns
        WHERE brief_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [views.map((v) => v.id)],
    );
    const by = new Map<string, BriefCampaignLink[]>();
    for (const { briefId, ...r } of rows) by.set(briefId, [...(by.get(briefId) ?? []), r]);
    return views.map((v) => ({ ...v, campaigns: by.get(v.id) ?? [] }));
  }

  async list(p: Principal, status?: BriefStatus): Promise<BriefView[]> {
    const scope = departmentScope(p);
    const rows = await this.ds.getRepository(Brief).find({
      where: { ...(scope ? { departmentId: scope } : {}), ...(status ? { status } : {}) },
      order: { createdAt: 'DESC' },
      take: 500,
    });
    return this.linkCampaigns(rows.map((b) => briefView(b)));
  }

  /** Every status change, oldest first, with the name (and e-mail, role) of who made it; null for the system. */
  async history(p: Principal, id: string): Promise<BriefHistoryEntry[]> {
    await this.findVisible(p, id);
    const rows = await this.ds
      .getRepository(BriefStatusChange)
      .find({ where: { briefId: id }, order: { at: 'ASC', id: 'ASC' } });
    const ids = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
    const users: { id: string; display_name: string; email: string; role: string }[] = ids.length
      ? await this.ds.query('SELECT id, display_name, email, role FROM users WHERE id = ANY($1::uuid[])', [ids])
      : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    return rows.map((r) => {
      const u = r.actorId ? byId.get(r.actorId) : undefined;
      return { ...r, actorName: u?.display_name ?? null, actorEmail: u?.email ?? null, actorRole: u?.role ?? null };
    });
  }

  /** Submitted briefs, oldest first, each flagged `overdue` once the review SLA (working days) has passed. */
  async reviewQueue(_p: Principal, now = new Date()): Promise<ReviewQueueEntry[]> {
    const rows = await this.ds
      .getRepository(Brief)
      .find({ where: { status: 'submitted' }, order: { submittedAt: 'ASC', createdAt: 'ASC' } });
    return rows.map((b) => {
      const holidays = new Set(((b.windows as unknown as CallingWindows).holidayDates ?? []) as string[]);
      const due = addWorkingDays(b.submittedAt ?? b.createdAt, this.options.reviewSlaWorkingDays, holidays);
      return { ...briefView(b), reviewDueAt: due.toISOString(), overdue: now.getTime() > due.getTime() };
    });
  }

  async create(p: Principal, dto: CreateBriefDto): Promise<BriefWithImport> {
    const problems = [...windowProblems(dto.windows), ...this.rowsProblems(dto)];
    if (problems.length) throw invalid(problems);
    const imported = dto.rows
      ? await this.importRows(p, p.departmentId, dto.rows, dto.title, dto.region, dto.windows.timeZone)
      : undefined;
    if (imported) dto.contactListId = imported.listId;
    const view = await this.ds.transaction(async (m) => {
      const fields = await this.resolveFields(m, p.departmentId, dto);
      const b = await m.save(
        Brief,
        m.create(Brief, {
          departmentId: p.departmentId,
          createdById: p.userId,
          status: 'draft',
          title: dto.title,
          purpose: dto.purpose,
          contactPerson: { ...dto.contactPerson },
          scriptDraft: dto.scriptDraft ?? null,
          deadline: new Date(dto.deadline),
          region: dto.region.toUpperCase(),
          pilotSize: dto.pilotSize ?? null,
          priority: dto.priority ?? 0,
          contactListId: dto.contactListId ?? null,
          ...fields,
        } as Partial<Brief>),
      );
      await m.insert(BriefStatusChange, { briefId: b.id, fromStatus: null, toStatus: 'draft', actorId: p.userId });
      b.forecast = (await this.forecastFor(m, b)) as never;
      await m.update(Brief, b.id, { forecast: b.forecast as never });
      await this.audit.record(
        actorOf(p),
        {
          action: 'brief.create',
          entityType: 'brief',
          entityId: b.id,
          departmentId: b.departmentId,
          details: { title: b.title, ...(imported ? { importedList: imported.listId } : {}) },
        },
        m,
      );
      if (imported) await m.query('UPDATE contact_lists SET brief_id = $2 WHERE id = $1', [imported.listId, b.id]);
      return briefView(b);
    });
    return imported ? { ...view, import: imported.summary } : view;
  }

  async update(p: Principal, id: string, dto: UpdateBriefDto): Promise<BriefWithImport> {
    const problems = [...(dto.windows ? windowProblems(dto.windows) : []), ...this.rowsProblems(dto)];
    if (problems.length) throw invalid(problems);
    let imported: { listId: string; summary: ImportSummary } | undefined;
    if (dto.rows) {
      // checked before the (slow) import, and again under the lock below
      const current = await this.findVisible(p, id);
      this.assertEditable(current);
      imported = await this.importRows(
        p,
        current.departmentId,
        dto.rows,
        dto.title ?? current.title,
        dto.region ?? current.region,
        dto.windows?.timeZone ?? current.defaultTimeZone,
        current.id,
      );
      dto.contactListId = imported.listId;
    }
    const view = await this.ds.transaction(async (m) => {
      const b = await this.findVisible(p, id, m, true);
      this.assertEditable(b);
      const fields = await this.resolveFields(m, b.departmentId, dto);
      if (dto.title !== undefined) b.title = dto.title;
      if (dto.purpose !== undefined) b.purpose = dto.purpose;
      if (dto.contactPerson !== undefined) b.contactPerson = { ...dto.contactPerson };
      if (dto.scriptDraft !== undefined) b.scriptDraft = dto.scriptDraft;
      if (dto.deadline !== undefined) b.deadline = new Date(dto.deadline);
      if (dto.region !== undefined) b.region = dto.region.toUpperCase();
      if (dto.pilotSize !== undefined) b.pilotSize = dto.pilotSize;
      if (dto.priority !== undefined) b.priority = dto.priority;
      if (dto.contactListId !== undefined) b.contactListId = dto.contactListId;
      Object.assign(b, fields);
      b.forecast = (await this.forecastFor(m, b)) as never;
      const saved = await m.save(b);
      await this.audit.record(
        actorOf(p),
        {
          action: 'brief.update',
          entityType: 'brief',
          entityId: id,
          departmentId: b.departmentId,
          details: {
            changed: Object.keys(dto).filter((k) => k !== 'rows'),
            ...(imported ? { importedList: imported.listId } : {}),
          },
        },
        m,
      );
      return briefView(saved);
    });
    return imported ? { ...view, import: imported.summary } : view;
  }

  private assertEditable(b: Brief): void {
    if (!EDITABLE_BRIEF_STATUSES.includes(b.status))
      throw new AppError('conflict', `a ${b.status} brief cannot be edited`, {
        status: b.status,
        editableIn: EDITABLE_BRIEF_STATUSES,
      });
  }

  private rowsProblems(dto: UpdateBriefDto): FieldProblem[] {
    return dto.rows && dto.contactListId
      ? [{ field: 'rows', reason: 'give either contactListId or rows, not both' }]
      : [];
  }

  /**
   * Imports inline rows into a new list of the department (via @app/contacts). A refused import (no phone column,
   * a bad mapping) deletes the empty list and answers with the importer's per-field problems.
   */
  private async importRows(
    p: Principal,
    departmentId: string,
    rows: unknown[],
    title: string,
    region: string,
    timeZone: string,
    briefId?: string,
  ): Promise<{ listId: string; summary: ImportSummary }> {
    const list = await this.lists.create(p, {
      name: `${title} (brief list)`.slice(0, 200),
      region,
      defaultTimeZone: timeZone,
      departmentId,
      ...(briefId ? { briefId } : {}),
    });
    try {
      return { listId: list.id, summary: await this.importer.importRows(p, list.id, rows) };
    } catch (e) {
      await this.ds.query('DELETE FROM contact_lists WHERE id = $1', [list.id]);
      if (e instanceof AppError && e.code === 'validation-failed' && Array.isArray(e.details))
        throw new AppError(
          e.code,
          e.message,
          (e.details as FieldProblem[]).map((d) => ({ ...d, field: d.field ? `rows.${d.field}` : 'rows' })),
        );
      throw e;
    }
  }

  submit(p: Principal, id: string): Promise<BriefView> {
    return this.changeStatus(p, id, 'submitted', null, (b) => {
      const problems: FieldProblem[] = [];
      if (!b.contactListId) problems.push({ field: 'contactListId', reason: 'a target list is needed to submit' });
      if (b.deadline.getTime() <= Date.now())
        problems.push({ field: 'deadline', reason: 'the deadline has passed; set a new one before submitting' });
      if (problems.length) throw invalid(problems, 'the brief is not ready to submit');
      b.submittedAt = new Date();
      b.rejectionReason = null;
      b.reviewedAt = null;
      b.reviewedById = null;
    });
  }

  /** `comment`: the planner's optional note to the department (kept in the history and sent with the notice). */
  accept(p: Principal, id: string, comment?: string): Promise<BriefView> {
    return this.changeStatus(p, id, 'accepted', comment?.trim() || null, (b) => {
      b.reviewedAt = new Date();
      b.reviewedById = p.userId;
    });
  }

  reject(p: Principal, id: string, reason: string): Promise<BriefView> {
    return this.changeStatus(p, id, 'rejected', reason, (b) => {
      b.reviewedAt = new Date();
      b.reviewedById = p.userId;
      b.rejectionReason = reason;
    });
  }

  withdraw(p: Principal, id: string): Promise<BriefView> {
    return this.changeStatus(p, id, 'withdrawn', null, () => undefined);
  }

  /**
   * For the campaigns library: marks an accepted brief converted inside the caller's transaction (history, audit,
   * notification). Call `afterCommit()` once the transaction has committed.
   */
  async markConverted(m: EntityManager, p: Principal, brief: Brief, campaignId: string): Promise<boolean> {
    if (!PLANNABLE_BRIEF_STATUSES.includes(brief.status)) assertBriefTransition(brief.status, 'converted');
    // a further campaign (second wave, re-plan) of a converted brief changes nothing; of a completed one reopens it
    if (brief.status === 'converted') return false;
    return this.applyStatus(m, p, brief, 'converted', null, { campaignId });
  }

  /**
   * For the campaigns library, inside the transaction that ended a campaign: when every campaign of the brief is
   * over and at least one completed, the brief becomes `completed`. Returns true when a webhook is due.
   */
  async completeIfDone(
    m: EntityManager,
    actor: Principal | null,
    briefId: string,
    campaignId: string,
  ): Promise<boolean> {
    const b = await m.findOne(Brief, { where: { id: briefId }, lock: { mode: 'pessimistic_write' } });
    if (!b || b.status !== 'converted') return false;
    const [r]: { open: number; completed: number }[] = await m.query(
      `SELECT count(*) FILTER (WHERE state NOT IN ('completed', 'cancelled'))::int AS open,
              count(*) FILTER (WHERE state = 'completed')::int AS completed
         FROM campaigns WHERE brief_id = $1`,
      [briefId],
    );
    if (r.open > 0 || r.completed === 0) return false;
    return this.applyStatus(m, actor, b, 'completed', null, { campaignId });
  }

  /** Sends any webhook a just-committed status change queued, without waiting for the next poll. */
  afterCommit(): void {
    this.webhooks.kick();
  }

  /** Stores a forecast computed elsewhere (the campaign's, which knows staffing and the pilot's figures). */
  async setForecast(m: EntityManager, briefId: string, forecast: Forecast): Promise<void> {
    await m.update(Brief, briefId, { forecast: forecast as never });
  }

  private async changeStatus(
    p: Principal,
    id: string,
    to: BriefStatus,
    reason: string | null,
    mutate: (b: Brief) => void,
  ): Promise<BriefView> {
    const { view, webhook } = await this.ds.transaction(async (m) => {
      const b = await this.findVisible(p, id, m, true);
      assertBriefTransition(b.status, to);
      mutate(b);
      const webhook = await this.applyStatus(m, p, b, to, reason);
      const [view] = await this.linkCampaigns([briefView(b)], m);
      return { view, webhook };
    });
    if (webhook) this.afterCommit();
    return view;
  }

  private async applyStatus(
    m: EntityManager,
    p: Principal | null,
    b: Brief,
    to: BriefStatus,
    reason: string | null,
    details: Record<string, unknown> = {},
  ): Promise<boolean> {
    const from = b.status;
    assertBriefTransition(from, to);
    b.status = to;
    if (to === 'submitted' || to === 'accepted') b.forecast = (await this.forecastFor(m, b)) as never;
    await m.save(b);
    await m.insert(BriefStatusChange, {
      briefId: b.id,
      fromStatus: from,
      toStatus: to,
      reason,
      actorId: p?.userId ?? null,
    });
    await this.audit.record(
      actorOf(p),
      {
        action: `brief.${to}`,
        entityType: 'brief',
        entityId: b.id,
        departmentId: b.departmentId,
        details: { from, to, ...(reason ? { reason } : {}), ...details },
      },
      m,
    );
    return this.notifications.briefStatusChanged(m, b, to, reason);
  }

  /** Windows, retry policy and time zone in their stored shape; the list and holiday calendar checked. */
  private async resolveFields(
    m: EntityManager,
    departmentId: string,
    dto: UpdateBriefDto,
  ): Promise<Partial<Pick<Brief, 'windows' | 'retryPolicy' | 'defaultTimeZone'>>> {
    if (dto.contactListId) {
      const list = await m.findOne(ContactList, { where: { id: dto.contactListId } });
      if (!list || list.departmentId !== departmentId) throw notFound('contact list', dto.contactListId);
    }
    const out: Partial<Pick<Brief, 'windows' | 'retryPolicy' | 'defaultTimeZone'>> = {};
    if (dto.windows) {
      let extra: string[] = [];
      if (dto.windows.holidayCalendarId) {
        const cal = await m.findOne(HolidayCalendar, { where: { id: dto.windows.holidayCalendarId } });
        if (!cal || (cal.departmentId && cal.departmentId !== departmentId))
          throw notFound('holiday calendar', dto.windows.holidayCalendarId);
        extra = cal.dates.map((d) => d.date);
      }
      const w = normaliseWindows(dto.windows, extra);
      out.windows = w as unknown as Record<string, unknown>;
      out.defaultTimeZone = w.timeZone;
    }
    if (dto.retryPolicy) out.retryPolicy = normaliseRetryPolicy(dto.retryPolicy) as unknown as Record<string, unknown>;
    return out;
  }

  /** A first forecast from the list size, the department's agents and default rates (the campaign refines it). */
  private async forecastFor(m: EntityManager, b: Brief): Promise<Forecast | null> {
    if (!b.contactListId) return null;
    const zones: { timeZone: string; contacts: number }[] = await m.query(
      `SELECT time_zone AS "timeZone", count(*)::int AS contacts FROM contacts WHERE list_id = $1 AND NOT dnc
        GROUP BY time_zone ORDER BY count(*) DESC, time_zone`,
      [b.contactListId],
    );
    const n = zones.reduce((s, z) => s + z.contacts, 0);
    const agents = await m.count(Agent, { where: { departmentId: b.departmentId } });
    return computeForecast({
      now: new Date(),
      deadline: b.deadline,
      contactsRemaining: n,
      zones,
      windows: b.windows as unknown as CallingWindows,
      retryPolicy: b.retryPolicy as unknown as RetryPolicy,
      agents,
    });
  }
}
