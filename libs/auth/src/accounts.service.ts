import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, QueryFailedError, type EntityManager } from 'typeorm';
import { AuditService, Department, User, UserDepartment } from '@app/database';
import { AppError, notFound } from '@app/common';
import type { CreateDepartmentDto, CreateUserDto, UpdateDepartmentDto, UpdateUserDto } from './accounts.dto';
import { AuthService, type RevocationReason } from './auth.service';
import { hashPassword } from './password';
import { canSeeDepartment, CENTRE_STAFF, departmentScope, type Principal } from './principal';

/** A user as the API shows it: never the password hash or the token version. */
export type UserView = Omit<User, 'passwordHash' | 'department' | 'tokenVersion'> & {
  /** Further departments a planner, supervisor or QA works for (beside `departmentId`). */
  assignedDepartmentIds: string[];
};

/** A department as the API shows it: whether a webhook secret is set, never the secret. */
export type DepartmentView = Omit<Department, 'webhookSecret'> & { webhookSecretSet: boolean };

const view = ({ passwordHash: _h, department: _d, tokenVersion: _v, ...u }: User, assigned: string[]): UserView => ({
  ...u,
  assignedDepartmentIds: assigned,
});

const departmentView = ({ webhookSecret, ...d }: Department): DepartmentView => ({
  ...d,
  webhookSecretSet: Boolean(webhookSecret),
});

const isUniqueViolation = (e: unknown): boolean =>
  e instanceof QueryFailedError && (e as QueryFailedError & { code?: string }).code === '23505';

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
  ) {}

  private actor = (p: Principal) => ({ userId: p.userId, role: p.role, departmentId: p.departmentId });

  /** Departments with the secret column selected (it is `select: false`), only to say whether one is set. */
  private departments(m: EntityManager = this.ds.manager) {
    return m.getRepository(Department).createQueryBuilder('d').addSelect('d.webhookSecret');
  }

  async listDepartments(p: Principal): Promise<DepartmentView[]> {
    const scope = departmentScope(p);
    const q = this.departments().orderBy('d.name', 'ASC');
    if (scope) q.where({ id: scope });
    return (await q.getMany()).map(departmentView);
  }

  async getDepartment(p: Principal, id: string): Promise<DepartmentView> {
    const d = await this.departments().where({ id }).getOne();
    if (!d || !canSeeDepartment(p, d.id)) throw notFound('department', id);
    return departmentView(d);
  }

  async createDepartment(p: Principal, dto: CreateDepartmentDto): Promise<DepartmentView> {
    try {
      return await this.ds.transaction(async (m) => {
        const d = await m.save(
          Department,
          m.create(Department, {
            ...dto,
            webhookUrl: dto.webhookUrl ?? null,
            webhookSecret: dto.webhookSecret ?? null,
          }),
        );
        await this.audit.record(
          this.actor(p),
          {
            action: 'department.create',
            entityType: 'department',
            entityId: d.id,
            departmentId: d.id,
            details: { name: d.name, code: d.code, webhookSecretSet: Boolean(dto.webhookSecret) },
          },
          m,
        );
        return departmentView(d);
      });
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError('conflict', 'a department with this name or code exists', [
          { field: 'name', reason: 'must be unique' },
        ]);
      throw e;
    }
  }

  async updateDepartment(p: Principal, id: string, dto: UpdateDepartmentDto): Promise<DepartmentView> {
    try {
      return await this.updateDepartmentRow(p, id, dto);
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError('conflict', 'a department with this name exists', [
          { field: 'name', reason: 'must be unique' },
        ]);
      throw e;
    }
  }

  private updateDepartmentRow(p: Principal, id: string, dto: UpdateDepartmentDto): Promise<DepartmentView> {
    return this.ds.transaction(async (m) => {
      const d = await this.departments(m).where({ id }).getOne();
      if (!d) throw notFound('department', id);
      const sent = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
      if (Object.keys(sent).length) await m.update(Department, id, sent);
      const saved = (await this.departments(m).where({ id }).getOne())!;
      await this.audit.record(
        this.actor(p),
        {
          action: 'department.update',
          entityType: 'department',
          entityId: id,
          departmentId: id,
          details: { changed: Object.keys(sent) },
        },
        m,
      );
      return departmentView(saved);
    });
  }

  /** A new random webhook secret: answered this once, never again (responses carry only `webhookSecretSet`). */
  async rotateWebhookSecret(p: Principal, id: string): Promise<{ departmentId: string; webhookSecret: string }> {
    const secret = randomBytes(32).toString('base64url');
    return this.ds.transaction(async (m) => {
      const r = await m.update(Department, { id }, { webhookSecret: secret });
      if (!r.affected) throw notFound('department', id);
      await this.audit.record(
        this.actor(p),
        { action: 'department.webhook-secret.rotate', entityType: 'department', entityId: id, departmentId: id },
        m,
      );
      return { departmentId: id, webhookSecret: secret };
    });
  }

  private async assignedOf(userIds: string[], m: EntityManager = this.ds.manager): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!userIds.length) return out;
    const rows = await m.find(UserDepartment, { where: { userId: In(userIds) }, order: { departmentId: 'ASC' } });
    for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), r.departmentId]);
    return out;
  }

  async listUsers(p: Principal): Promise<UserView[]> {
    const scope = departmentScope(p);
    const users = await this.ds
      .getRepository(User)
      .find({ where: scope ? { departmentId: scope } : {}, order: { email: 'ASC' } });
    const assigned = await this.assignedOf(users.map((u) => u.id));
    return users.map((u) => view(u, assigned.get(u.id) ?? []));
  }

  async getUser(p: Principal, id: string): Promise<UserView> {
    const u = await this.ds.getRepository(User).findOne({ where: { id } });
    // Everyone may read their own profile; other people's (email, last login) only those who manage people:
    // admins, and supervisors for the departments they see (as GET /users). An agent does not read colleagues'.
    const mayRead =
      !!u &&
      (u.id === p.userId || p.role === 'admin' || (p.role === 'supervisor' && canSeeDepartment(p, u.departmentId)));
    if (!u || !mayRead) throw notFound('user', id);
    return view(u, (await this.assignedOf([u.id])).get(u.id) ?? []);
  }

  /** Checks and writes a staff member's further departments; refuses them for roles that have none. */
  private async setAssigned(m: EntityManager, user: User, ids: string[]): Promise<boolean> {
    const wanted = [...new Set(ids)].filter((d) => d !== user.departmentId).sort();
    if (wanted.length && !CENTRE_STAFF.includes(user.role))
      throw new AppError('validation-failed', 'only planners, supervisors and QA are assigned departments', [
        {
          field: 'assignedDepartmentIds',
          reason: `a ${user.role} works for ${user.role === 'admin' ? 'every department' : 'their own department'} only`,
        },
      ]);
    if (wanted.length) {
      const found = await m.count(Department, { where: { id: In(wanted) } });
      if (found !== wanted.length)
        throw new AppError('validation-failed', 'unknown department', [
          { field: 'assignedDepartmentIds', reason: 'no such department' },
        ]);
    }
    const before = ((await this.assignedOf([user.id], m)).get(user.id) ?? []).sort();
    if (before.join() === wanted.join()) return false;
    await m.delete(UserDepartment, { userId: user.id });
    if (wanted.length)
      await m.insert(
        UserDepartment,
        wanted.map((departmentId) => ({ userId: user.id, departmentId })),
      );
    return before.some((d) => !wanted.includes(d));
  }

  async createUser(p: Principal, dto: CreateUserDto): Promise<UserView> {
    const dep = await this.ds.getRepository(Department).findOne({ where: { id: dto.departmentId } });
    if (!dep)
      throw new AppError('validation-failed', 'unknown department', [
        { field: 'departmentId', reason: 'no such department' },
      ]);
    try {
      return await this.ds.transaction(async (m) => {
        const u = await m.save(
          User,
          m.create(User, {
            email: dto.email.trim().toLowerCase(),
            displayName: dto.displayName,
            role: dto.role,
            departmentId: dto.departmentId,
            passwordHash: await hashPassword(dto.password),
          }),
        );
        await this.setAssigned(m, u, dto.assignedDepartmentIds ?? []);
        await this.audit.record(
          this.actor(p),
          {
            action: 'user.create',
            entityType: 'user',
            entityId: u.id,
            departmentId: u.departmentId,
            details: { email: u.email, role: u.role, assignedDepartmentIds: dto.assignedDepartmentIds ?? [] },
          },
          m,
        );
        return view(u, (await this.assignedOf([u.id], m)).get(u.id) ?? []);
      });
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError('conflict', 'a user with this email exists', [{ field: 'email', reason: 'must be unique' }]);
      throw e;
    }
  }

  /**
   * Deactivating, changing the role or department, narrowing the assigned departments or setting the password
   * revokes the user's tokens at once: REST refuses the old token on its next request and live sockets are closed.
   */
  async updateUser(p: Principal, id: string, dto: UpdateUserDto): Promise<UserView> {
    const { result, revoked } = await this.ds.transaction(async (m) => {
      const u = await m.findOne(User, { where: { id } });
      if (!u) throw notFound('user', id);
      if (dto.departmentId && !(await m.findOne(Department, { where: { id: dto.departmentId } })))
        throw new AppError('validation-failed', 'unknown department', [
          { field: 'departmentId', reason: 'no such department' },
        ]);
      const reasons: RevocationReason[] = [];
      if (dto.active === false && u.active) reasons.push('deactivated');
      if (dto.role !== undefined && dto.role !== u.role) reasons.push('role-changed');
      if (dto.departmentId !== undefined && dto.departmentId !== u.departmentId) reasons.push('department-changed');
      if (dto.password) reasons.push('password-changed');
      const { password, assignedDepartmentIds, ...fields } = dto;
      // The DTO instance carries every declared field, unset ones as undefined: copy only those sent.
      const rest = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      Object.assign(u, rest);
      if (password) u.passwordHash = await hashPassword(password);
      const saved = await m.save(u);
      if (reasons.includes('department-changed'))
        await m.query(`UPDATE agents SET department_id = $2, updated_at = now() WHERE user_id = $1`, [
          id,
          u.departmentId,
        ]);
      // The given list replaces the assignments (refused for roles without any); a role without them loses them.
      const narrowed = await this.setAssigned(
        m,
        saved,
        assignedDepartmentIds ??
          (CENTRE_STAFF.includes(saved.role)
            ? ((await this.assignedOf([id], m)).get(id) ?? []).filter((d) => d !== saved.departmentId)
            : []),
      );
      if (narrowed && !reasons.length) reasons.push('departments-changed');
      for (const reason of reasons.slice(0, 1)) await this.auth.revokeUser(m, id, reason);
      await this.audit.record(
        this.actor(p),
        {
          action: 'user.update',
          entityType: 'user',
          entityId: id,
          departmentId: u.departmentId,
          details: {
            changed: Object.keys(dto).filter((k) => dto[k as keyof UpdateUserDto] !== undefined),
            ...(reasons.length ? { revoked: reasons } : {}),
          },
        },
        m,
      );
      return {
        result: view(saved, (await this.assignedOf([id], m)).get(id) ?? []),
        revoked: reasons[0],
      };
    });
    if (revoked) this.auth.publishRevocation(id, revoked);
    return result;
  }
}
