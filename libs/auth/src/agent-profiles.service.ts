import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { Agent, AuditService, Department, User, type AgentState } from '@app/database';
import { AppError, invalid, notFound, type FieldProblem } from '@app/common';
import type { AgentProfileFieldsDto, CreateAgentProfileDto, UpdateAgentProfileDto } from './agent-profiles.dto';
import { canSeeDepartment, departmentScope, type Principal } from './principal';

/** An agent profile as the API shows it: who, where they may log in, what they handle; no telephony ids. */
export interface AgentProfileView {
  id: string;
  userId: string;
  email: string;
  displayName: string;
  departmentId: string;
  endpoint: string | null;
  endpoints: string[];
  skills: Record<string, number>;
  groups: string[];
  blended: boolean;
  state: AgentState;
  createdAt: Date;
  updatedAt: Date;
}

const toView = (a: Agent, u: User): AgentProfileView => ({
  id: a.id,
  userId: a.userId,
  email: u.email,
  displayName: u.displayName,
  departmentId: a.departmentId,
  endpoint: a.endpoint,
  endpoints: a.endpoints,
  skills: a.skills,
  groups: a.groups,
  blended: a.blended,
  state: a.state,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

function skillProblems(skills: Record<string, unknown> | undefined): FieldProblem[] {
  if (!skills) return [];
  const out: FieldProblem[] = [];
  for (const [name, level] of Object.entries(skills)) {
    if (!/^[\p{L}\p{N}_ .-]{1,64}$/u.test(name))
      out.push({ field: `skills.${name}`, reason: 'a skill name is 1-64 letters, digits, space, _ . or -' });
    else if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 10)
      out.push({
        field: `skills.${name}`,
        reason: 'level must be an integer from 1 to 10',
        rule: 'levelRange',
        args: [1, 10],
      });
  }
  if (Object.keys(skills).length > 50) out.push({ field: 'skills', reason: 'at most 50 skills' });
  return out;
}

const isUniqueViolation = (e: unknown): boolean =>
  e instanceof QueryFailedError && (e as QueryFailedError & { code?: string }).code === '23505';

/**
 * Agent profiles (created by admins and supervisors for users of role agent) and the departments' endpoint pools.
 * Scoped like everything else: another department's agent answers 404.
 */
@Injectable()
export class AgentProfilesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  private actor = (p: Principal) => ({ userId: p.userId, role: p.role, departmentId: p.departmentId });

  async list(p: Principal): Promise<AgentProfileView[]> {
    const scope = departmentScope(p);
    const agents = await this.ds.getRepository(Agent).find({
      where: scope ? { departmentId: scope } : {},
      relations: { user: true },
      order: { createdAt: 'ASC' },
    });
    return agents.map((a) => toView(a, a.user!));
  }

  async get(p: Principal, id: string, m: EntityManager = this.ds.manager): Promise<AgentProfileView> {
    const a = await m.findOne(Agent, { where: { id }, relations: { user: true } });
    if (!a || !this.visible(p, a)) throw notFound('agent', id);
    return toView(a, a.user!);
  }

  /** Agents see their own profile only; staff the agents of the departments they work for. */
  private visible(p: Principal, a: Agent): boolean {
    return p.role === 'agent' ? a.userId === p.userId : canSeeDepartment(p, a.departmentId);
  }

  async create(p: Principal, dto: CreateAgentProfileDto): Promise<AgentProfileView> {
    const user = await this.ds.getRepository(User).findOne({ where: { id: dto.userId } });
    if (!user || !canSeeDepartment(p, user.departmentId))
      throw invalid([{ field: 'userId', reason: 'no such user in a department you work for' }]);
    const problems = skillProblems(dto.skills);
    if (user.role !== 'agent') problems.push({ field: 'userId', reason: `the user is a ${user.role}, not an agent` });
    if (problems.length) throw invalid(problems);
    try {
      return await this.ds.transaction(async (m) => {
        const a = await m.save(
          Agent,
          m.create(Agent, {
            userId: user.id,
            departmentId: user.departmentId,
            endpoint: dto.endpoint ?? null,
            endpoints: dedupe(dto.endpoints ?? []),
            skills: dto.skills ?? {},
            groups: dedupe(dto.groups ?? []),
            blended: dto.blended ?? false,
          }),
        );
        await this.record(m, p, 'agent.create', a.id, a.departmentId, dto);
        return this.get(p, a.id, m);
      });
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError('conflict', 'this user already has an agent profile', [
          { field: 'userId', reason: 'already has an agent profile' },
        ]);
      throw e;
    }
  }

  async update(p: Principal, id: string, dto: UpdateAgentProfileDto): Promise<AgentProfileView> {
    const problems = skillProblems(dto.skills);
    if (problems.length) throw invalid(problems);
    return this.ds.transaction(async (m) => {
      const a = await m.findOne(Agent, { where: { id } });
      if (!a || !canSeeDepartment(p, a.departmentId)) throw notFound('agent', id);
      const patch: Partial<Agent> = {};
      if (dto.endpoint !== undefined) patch.endpoint = dto.endpoint;
      if (dto.endpoints !== undefined) patch.endpoints = dedupe(dto.endpoints);
      if (dto.skills !== undefined) patch.skills = dto.skills;
      if (dto.groups !== undefined) patch.groups = dedupe(dto.groups);
      if (dto.blended !== undefined) patch.blended = dto.blended;
      if (Object.keys(patch).length) await m.update(Agent, id, patch);
      await this.record(m, p, 'agent.update', id, a.departmentId, dto);
      return this.get(p, id, m);
    });
  }

  async departmentEndpoints(
    p: Principal,
    departmentId: string,
  ): Promise<{ departmentId: string; endpoints: string[] }> {
    const d = await this.ds.getRepository(Department).findOne({ where: { id: departmentId } });
    if (!d || !canSeeDepartment(p, d.id)) throw notFound('department', departmentId);
    return { departmentId, endpoints: d.agentEndpoints };
  }

  async setDepartmentEndpoints(
    p: Principal,
    departmentId: string,
    endpoints: string[],
  ): Promise<{ departmentId: string; endpoints: string[] }> {
    return this.ds.transaction(async (m) => {
      const d = await m.findOne(Department, { where: { id: departmentId } });
      if (!d || !canSeeDepartment(p, d.id)) throw notFound('department', departmentId);
      const list = dedupe(endpoints);
      await m.update(Department, departmentId, { agentEndpoints: list });
      await this.audit.record(
        this.actor(p),
        {
          action: 'department.agent-endpoints',
          entityType: 'department',
          entityId: departmentId,
          departmentId,
          details: { endpoints: list },
        },
        m,
      );
      return { departmentId, endpoints: list };
    });
  }

  private record(
    m: EntityManager,
    p: Principal,
    action: string,
    id: string,
    departmentId: string,
    dto: AgentProfileFieldsDto,
  ): Promise<void> {
    return this.audit.record(
      this.actor(p),
      { action, entityType: 'agent', entityId: id, departmentId, details: { ...dto } },
      m,
    );
  }
}

const dedupe = (xs: string[]): string[] => [...new Set(xs)];
