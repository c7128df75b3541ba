import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { canSeeDepartment, departmentsOf, seesAllDepartments, type Principal } from '@app/auth';
import { AppError, invalid, notFound, type FieldProblem } from '@app/common';
import {
  AuditLogEntry,
  AuditService,
  Campaign,
  DncEntry,
  Department,
  HolidayCalendar,
  type DncScope,
} from '@app/database';
import {
  E164,
  type AddDncDto,
  type AuditQueryDto,
  type CreateHolidayCalendarDto,
  type DncQueryDto,
  type HolidayDateDto,
  type UpdateHolidayCalendarDto,
  type UploadDncDto,
} from './admin.dto';

export interface DncPage {
  total: number;
  entries: DncEntry[];
}
export interface AuditPage {
  entries: AuditLogEntry[];
  nextBefore: string | null;
}

const actorOf = (p: Principal) => ({ userId: p.userId, role: p.role, departmentId: p.departmentId });

/** Dates once each, in order; a date that is no calendar day (2026-02-30) is named. */
function normaliseDates(dates: HolidayDateDto[]): { date: string; name?: string }[] {
  const problems: FieldProblem[] = [];
  const seen = new Map<string, { date: string; name?: string }>();
  dates.forEach((d, i) => {
    const [y, m, day] = d.date.split('-').map(Number);
    const t = new Date(Date.UTC(y, m - 1, day));
    if (t.getUTCMonth() !== m - 1)
      problems.push({
        field: `dates[${i}].date`,
        reason: `${d.date} is no calendar day`,
        rule: 'noCalendarDay',
        args: [d.date],
      });
    else if (seen.has(d.date)) problems.push({ field: `dates[${i}].date`, reason: `${d.date} is listed twice` });
    else seen.set(d.date, d.name ? { date: d.date, name: d.name } : { date: d.date });
  });
  if (problems.length) throw invalid(problems);
  return [...seen.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** Holiday calendars, do-not-call entries and the audit log, scoped by department and audited. */
@Injectable()
export class AdminService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  // ---- holiday calendars ------------------------------------------------------------------------------------------

  /** The shared calendars and those of the caller's departments (admins: all). */
  async calendars(p: Principal): Promise<HolidayCalendar[]> {
    const repo = this.ds.getRepository(HolidayCalendar);
    const where = seesAllDepartments(p) ? {} : [{ departmentId: IsNull() }, { departmentId: In(departmentsOf(p)) }];
    return repo.find({ where, order: { name: 'ASC' } });
  }

  async createCalendar(p: Principal, dto: CreateHolidayCalendarDto): Promise<HolidayCalendar> {
    if (dto.departmentId && !(await this.ds.getRepository(Department).exists({ where: { id: dto.departmentId } })))
      throw invalid([{ field: 'departmentId', reason: 'no such department' }]);
    const dates = normaliseDates(dto.dates);
    return this.ds.transaction(async (m) => {
      const cal = await m.save(HolidayCalendar, {
        name: dto.name,
        region: dto.region ?? null,
        departmentId: dto.departmentId ?? null,
        dates,
      });
      await this.audit.record(
        actorOf(p),
        {
          action: 'holiday-calendar.create',
          entityType: 'holiday-calendar',
          entityId: cal.id,
          departmentId: cal.departmentId,
          details: { name: cal.name, dates: dates.length },
        },
        m,
      );
      return cal;
    });
  }

  async updateCalendar(p: Principal, id: string, dto: UpdateHolidayCalendarDto): Promise<HolidayCalendar> {
    return this.ds.transaction(async (m) => {
      const cal = await m.findOne(HolidayCalendar, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!cal || (cal.departmentId && !canSeeDepartment(p, cal.departmentId))) throw notFound('holiday calendar', id);
      const details: Record<string, unknown> = {};
      if (dto.name !== undefined && dto.name !== cal.name) {
        details.name = { from: cal.name, to: dto.name };
        cal.name = dto.name;
      }
      if (dto.dates) {
        const next = normaliseDates(dto.dates);
        const before = new Set(cal.dates.map((d) => d.date));
        const after = new Set(next.map((d) => d.date));
        details.added = [...after].filter((d) => !before.has(d));
        details.removed = [...before].filter((d) => !after.has(d));
        cal.dates = next;
      }
      const saved = await m.save(cal);
      await this.audit.record(
        actorOf(p),
        {
          action: 'holiday-calendar.update',
          entityType: 'holiday-calendar',
          entityId: cal.id,
          departmentId: cal.departmentId,
          details,
        },
        m,
      );
      return saved;
    });
  }

  // ---- do-not-call ------------------------------------------------------------------------------------------------

  /** Where an entry goes: global (admins), a department the caller sees, or a campaign the caller sees. */
  private async scopeOf(
    p: Principal,
    dto: { scope: DncScope; departmentId?: string; campaignId?: string },
  ): Promise<{ scope: DncScope; departmentId: string | null; campaignId: string | null }> {
    if (dto.scope === 'global') {
      if (p.role !== 'admin') throw new AppError('forbidden', 'only admins keep the global do-not-call list');
      return { scope: 'global', departmentId: null, campaignId: null };
    }
    if (dto.scope === 'campaign') {
      if (!dto.campaignId) throw invalid([{ field: 'campaignId', reason: 'required for the campaign scope' }]);
      const c = await this.ds.getRepository(Campaign).findOne({ where: { id: dto.campaignId } });
      if (!c || !canSeeDepartment(p, c.departmentId)) throw notFound('campaign', dto.campaignId);
      return { scope: 'campaign', departmentId: c.departmentId, campaignId: c.id };
    }
    const departmentId = dto.departmentId ?? p.departmentId;
    if (!canSeeDepartment(p, departmentId)) throw notFound('department', departmentId);
    return { scope: 'department', departmentId, campaignId: null };
  }

  private async listed(
    e164s: string[],
    where: { scope: DncScope; departmentId: string | null; campaignId: string | null },
  ) {
    const rows: { e164: string }[] = await this.ds.query(
      `SELECT e164 FROM dnc_entries WHERE e164 = ANY($1) AND scope = $2
          AND department_id IS NOT DISTINCT FROM $3 AND campaign_id IS NOT DISTINCT FROM $4`,
      [e164s, where.scope, where.departmentId, where.campaignId],
    );
    return new Set(rows.map((r) => r.e164));
  }

  /** Entries the caller may see: global ones, and those of their departments (admins: all). */
  async dnc(p: Principal, q: DncQueryDto): Promise<DncPage> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (!seesAllDepartments(p)) {
      params.push(departmentsOf(p));
      where.push(`(scope = 'global' OR department_id = ANY($${params.length}))`);
    }
    if (q.q) {
      params.push(`%${q.q.replace(/^\+/, '')}%`);
      where.push(`e164 LIKE $${params.length}`);
    }
    if (q.scope) {
      params.push(q.scope);
      where.push(`scope = $${params.length}`);
    }
    const sql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }]: { n: number }[] = await this.ds.query(`SELECT count(*)::int AS n FROM dnc_entries ${sql}`, params);
    const ids: { id: string }[] = await this.ds.query(
      `SELECT id FROM dnc_entries ${sql} ORDER BY created_at DESC, id LIMIT ${q.limit ?? 50} OFFSET ${q.offset ?? 0}`,
      params,
    );
    const rows = await this.ds.getRepository(DncEntry).find({ where: { id: In(ids.map((r) => r.id)) } });
    const order = new Map(ids.map((r, i) => [r.id, i]));
    rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return { total: n, entries: rows };
  }

  async addDnc(p: Principal, dto: AddDncDto): Promise<DncEntry> {
    const where = await this.scopeOf(p, dto);
    if ((await this.listed([dto.e164], where)).size)
      throw new AppError('conflict', `${dto.e164} is already on this do-not-call list`, [
        { field: 'e164', reason: 'already listed' },
      ]);
    return this.ds.transaction(async (m) => {
      const e = await m.save(DncEntry, {
        e164: dto.e164,
        ...where,
        reason: dto.reason ?? null,
        source: 'admin',
        expiresAt: dto.expiresAt ? new Date(dto.expiresAt) : null,
        createdById: p.userId,
      });
      await this.audit.record(
        actorOf(p),
        {
          action: 'dnc.add',
          entityType: 'dnc-entry',
          entityId: e.id,
          departmentId: e.departmentId,
          details: { e164: e.e164, scope: e.scope, campaignId: e.campaignId, reason: e.reason },
        },
        m,
      );
      return e;
    });
  }

  async uploadDnc(
    p: Principal,
    dto: UploadDncDto,
  ): Promise<{ added: number; alreadyListed: number; rejected: { index: number; value: string; reason: string }[] }> {
    const where = await this.scopeOf(p, dto);
    const rejected: { index: number; value: string; reason: string }[] = [];
    const good = new Set<string>();
    dto.numbers.forEach((raw, index) => {
      const v = raw.trim().replace(/[\s().-]/g, '');
      if (!E164.test(v)) rejected.push({ index, value: raw, reason: 'not an E.164 number such as +8613800138000' });
      else good.add(v);
    });
    const known = await this.listed([...good], where);
    const fresh = [...good].filter((n) => !known.has(n));
    await this.ds.transaction(async (m) => {
      if (fresh.length)
        await m.insert(
          DncEntry,
          fresh.map((e164) => ({
            e164,
            ...where,
            reason: dto.reason ?? null,
            source: 'upload',
            createdById: p.userId,
          })),
        );
      await this.audit.record(
        actorOf(p),
        {
          action: 'dnc.upload',
          entityType: 'dnc-list',
          entityId: where.campaignId ?? where.departmentId ?? 'global',
          departmentId: where.departmentId,
          details: { scope: where.scope, added: fresh.length, alreadyListed: known.size, rejected: rejected.length },
        },
        m,
      );
    });
    return { added: fresh.length, alreadyListed: known.size, rejected };
  }

  async removeDnc(p: Principal, id: string): Promise<void> {
    const e = await this.ds.getRepository(DncEntry).findOne({ where: { id } });
    if (!e || (e.departmentId ? !canSeeDepartment(p, e.departmentId) : false)) throw notFound('do-not-call entry', id);
    if (e.scope === 'global' && p.role !== 'admin')
      throw new AppError('forbidden', 'only admins keep the global do-not-call list');
    await this.ds.transaction(async (m) => {
      await m.delete(DncEntry, { id });
      await this.audit.record(
        actorOf(p),
        {
          action: 'dnc.remove',
          entityType: 'dnc-entry',
          entityId: e.id,
          departmentId: e.departmentId,
          details: { e164: e.e164, scope: e.scope, campaignId: e.campaignId, reason: e.reason, source: e.source },
        },
        m,
      );
    });
  }

  // ---- audit log --------------------------------------------------------------------------------------------------

  async auditLog(q: AuditQueryDto): Promise<AuditPage> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.action) {
      if (q.action.endsWith('.')) add('action LIKE ?', `${q.action}%`);
      else add('action = ?', q.action);
    }
    if (q.entityType) add('entity_type = ?', q.entityType);
    if (q.entityId) add('entity_id = ?', q.entityId);
    if (q.actorId) add('actor_id = ?', q.actorId);
    if (q.departmentId) add('department_id = ?', q.departmentId);
    if (q.from) add('at >= ?', new Date(q.from));
    if (q.to) add('at < ?', new Date(q.to));
    if (q.before) add('id < ?', q.before);
    const limit = q.limit ?? 100;
    const ids: { id: string }[] = await this.ds.query(
      `SELECT id FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${limit}`,
      params,
    );
    const rows = await this.ds.getRepository(AuditLogEntry).find({ where: { id: In(ids.map((r) => r.id)) } });
    rows.sort((a, b) => Number(b.id) - Number(a.id));
    return { entries: rows, nextBefore: rows.length === limit ? rows[rows.length - 1].id : null };
  }
}
