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
import { allowedBriefTransitions, assertBriefTransition, EDITABLE_BRIEF_STATUSES } from './brief-transitions';
import type { CreateBriefDto, UpdateBriefDto } from './brief.dto';
import type { CallingWindows, RetryPolicy } from './calling-windows';
import { normaliseRetryPolicy, normaliseWindows, windowProblems } from './calling-windows.dto';
import { computeForecast, type Forecast } from './forecast';
import { BRIEFS_OPTIONS, type BriefsModuleOptions } from './briefs.options';
import { NotificationsService } from './notifications.service';
import { WebhookWorker } from './webhook.worker';
import { addWorkingDays } from './working-days';

export type BriefView = Omit<Brief, 'department' | 'createdBy'> & { allowedTransitions: readonly BriefStatus[] };
export type ReviewQueueEntry = BriefView & { reviewDueAt: string; overdue: boolean };

const actorOf = (p: Principal) => ({ userId: p.userId, role: p.role, departmentId: p.departmentId });

export const briefView = (b: Brief): BriefView => {
  const { department: _d, createdBy: _c, ...rest } = b;
  return { ...rest, allowedTransitions: allowedBriefTransitions(b.status) };
};

/** Briefs: drafts, submission, the planners' review, history. Every change is audited and notified. */
@Injectable()
export class BriefsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly webhooks: WebhookWorker,
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
    return briefView(await this.findVisible(p, id));
  }

  async list(p: Principal, status?: BriefStatus): Promise<BriefView[]> {
    const scope = departmentScope(p);
    const rows = await this.ds.getRepository(Brief).find({
      where: { ...(scope ? { departmentId: scope } : {}), ...(status ? { status } : {}) },
      order: { createdAt: 'DESC' },
      take: 500,
    });
    return rows.map(briefView);
  }

  async history(p: Principal, id: string): Promise<BriefStatusChange[]> {
    await this.findVisible(p, id);
    return this.ds.getRepository(BriefStatusChange).find({ where: { briefId: id }, order: { at: 'ASC', id: 'ASC' } });
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

  async create(p: Principal, dto: CreateBriefDto): Promise<BriefView> {
    const problems = windowProblems(dto.windows);
    if (problems.length) throw invalid(problems);
    return this.ds.transaction(async (m) => {
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
          details: { title: b.title },
        },
        m,
      );
      return briefView(b);
    });
  }

  async update(p: Principal, id: string, dto: UpdateBriefDto): Promise<BriefView> {
    if (dto.windows) {
      const problems = windowProblems(dto.windows);
      if (problems.length) throw invalid(problems);
    }
    return this.ds.transaction(async (m) => {
      const b = await this.findVisible(p, id, m, true);
      if (!EDITABLE_BRIEF_STATUSES.includes(b.status))
        throw new AppError('conflict', `a ${b.status} brief cannot be edited`, {
          status: b.status,
          editableIn: EDITABLE_BRIEF_STATUSES,
        });
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
          details: { changed: Object.keys(dto) },
        },
        m,
      );
      return briefView(saved);
    });
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

  accept(p: Principal, id: string): Promise<BriefView> {
    return this.changeStatus(p, id, 'accepted', null, (b) => {
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
  async markConverted(m: EntityManager, p: Principal, brief: Brief, campaignId: string): Promise<void> {
    await this.applyStatus(m, p, brief, 'converted', null, { campaignId });
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
      return { view: briefView(b), webhook };
    });
    if (webhook) this.afterCommit();
    return view;
  }

  private async applyStatus(
    m: EntityManager,
    p: Principal,
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
    await m.insert(BriefStatusChange, { briefId: b.id, fromStatus: from, toStatus: to, reason, actorId: p.userId });
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
    const [{ n }]: { n: number }[] = await m.query(
      'SELECT count(*)::int AS n FROM contacts WHERE list_id = $1 AND NOT dnc',
      [b.contactListId],
    );
    const agents = await m.count(Agent, { where: { departmentId: b.departmentId } });
    return computeForecast({
      now: new Date(),
      deadline: b.deadline,
      contactsRemaining: n,
      windows: b.windows as unknown as CallingWindows,
      retryPolicy: b.retryPolicy as unknown as RetryPolicy,
      agents,
    });
  }
}
