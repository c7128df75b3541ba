import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { AuditService, Department, User } from '@app/database';
import { AppError, notFound } from '@app/common';
import type { CreateDepartmentDto, CreateUserDto, UpdateDepartmentDto, UpdateUserDto } from './accounts.dto';
import { hashPassword } from './password';
import { canSeeDepartment, departmentScope, type Principal } from './principal';

export type UserView = Omit<User, 'passwordHash' | 'department'>;
const view = ({ passwordHash: _h, department: _d, ...u }: User): UserView => u;

const definedOnly = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

const isUniqueViolation = (e: unknown): boolean =>
  e instanceof QueryFailedError && (e as QueryFailedError & { code?: string }).code === '23505';

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  private actor = (p: Principal) => ({ userId: p.userId, role: p.role, departmentId: p.departmentId });

  listDepartments(p: Principal): Promise<Department[]> {
    const scope = departmentScope(p);
    return this.ds.getRepository(Department).find({ where: scope ? { id: scope } : {}, order: { name: 'ASC' } });
  }

  async getDepartment(p: Principal, id: string): Promise<Department> {
    const d = await this.ds.getRepository(Department).findOne({ where: { id } });
    if (!d || !canSeeDepartment(p, d.id)) throw notFound('department', id);
    return d;
  }

  async createDepartment(p: Principal, dto: CreateDepartmentDto): Promise<Department> {
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
            details: { name: d.name, code: d.code },
          },
          m,
        );
        return d;
      });
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError('conflict', 'a department with this name or code exists', [
          { field: 'name', reason: 'must be unique' },
        ]);
      throw e;
    }
  }

  async updateDepartment(p: Principal, id: string, dto: UpdateDepartmentDto): Promise<Department> {
    return this.ds.transaction(async (m) => {
      const d = await m.findOne(Department, { where: { id } });
      if (!d) throw notFound('department', id);
      Object.assign(d, definedOnly(dto));
      await m.save(d);
      const saved = await m.findOneOrFail(Department, { where: { id } });
      await this.audit.record(
        this.actor(p),
        {
          action: 'department.update',
          entityType: 'department',
          entityId: id,
          departmentId: id,
          details: { changed: Object.keys(dto) },
        },
        m,
      );
      return saved;
    });
  }

  async listUsers(p: Principal): Promise<UserView[]> {
    const scope = departmentScope(p);
    const users = await this.ds
      .getRepository(User)
      .find({ where: scope ? { departmentId: scope } : {}, order: { email: 'ASC' } });
    return users.map(view);
  }

  async getUser(p: Principal, id: string): Promise<UserView> {
    const u = await this.ds.getRepository(User).findOne({ where: { id } });
    // Everyone may read their own profile; other people's (email, last login) only those who manage people:
    // admins, and supervisors for the departments they see (as GET /users). An agent does not read colleagues'.
    const mayRead =
      !!u &&
      (u.id === p.userId || p.role === 'admin' || (p.role === 'supervisor' && canSeeDepartment(p, u.departmentId)));
    if (!u || !mayRead) throw notFound('user', id);
    return view(u);
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
        await this.audit.record(
          this.actor(p),
          {
            action: 'user.create',
            entityType: 'user',
            entityId: u.id,
            departmentId: u.departmentId,
            details: { email: u.email, role: u.role },
          },
          m,
        );
        return view(u);
      });
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError('conflict', 'a user with this email exists', [{ field: 'email', reason: 'must be unique' }]);
      throw e;
    }
  }

  async updateUser(p: Principal, id: string, dto: UpdateUserDto): Promise<UserView> {
    return this.ds.transaction(async (m) => {
      const u = await m.findOne(User, { where: { id } });
      if (!u) throw notFound('user', id);
      if (dto.departmentId && !(await m.findOne(Department, { where: { id: dto.departmentId } })))
        throw new AppError('validation-failed', 'unknown department', [
          { field: 'departmentId', reason: 'no such department' },
        ]);
      const { password, ...rest } = dto;
      // Only the fields sent: a DTO instance may carry its other declared fields as undefined, and assigning those
      // made the answer lose role, departmentId and active.
      Object.assign(u, definedOnly(rest));
      if (password) u.passwordHash = await hashPassword(password);
      await m.save(u);
      const saved = await m.findOneOrFail(User, { where: { id } });
      await this.audit.record(
        this.actor(p),
        {
          action: 'user.update',
          entityType: 'user',
          entityId: id,
          departmentId: u.departmentId,
          details: { changed: Object.keys(dto) },
        },
        m,
      );
      return view(saved);
    });
  }
}
