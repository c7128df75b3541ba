import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, invalid, notFound, type FieldProblem } from '@app/common';
import { actingDepartment, canSeeDepartment, departmentScope, type Principal } from '@app/auth';
import { AuditService, Brief, Contact, Department, PhoneNumber, Script, ScriptVersion } from '@app/database';
import type { AddVersionDto, CreateScriptDto } from './scripts.dto';
import { checkScript, renderScript, type RenderFields, type RenderedScript, type ScriptBody } from './script-body';

export type ScriptWithVersions = Script & { versions: ScriptVersion[] };

/** What render() needs of a contact: its standard fields, first number and custom fields. */
export interface RenderContact {
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  externalId?: string | null;
  timeZone?: string | null;
  region?: string | null;
  segment?: string | null;
  fields?: Record<string, unknown> | null;
}

export interface RenderedVersion extends RenderedScript {
  scriptId: string;
  version: number;
}

/** Who may add versions: planners and admins always; requesters to their department's scripts not used by a campaign. */
const EDITORS_ALWAYS = new Set(['planner', 'admin']);

@Injectable()
export class ScriptsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  private actor = (p: Principal) => ({ userId: p.userId, role: p.role, departmentId: p.departmentId });

  async create(p: Principal, dto: CreateScriptDto): Promise<ScriptWithVersions> {
    const problems: FieldProblem[] = [];
    const departmentId = actingDepartment(p, dto.departmentId) ?? p.departmentId;
    if (dto.departmentId && dto.departmentId !== departmentId)
      problems.push({ field: 'departmentId', reason: 'you can create scripts only in a department you work for' });
    else if (!(await this.ds.getRepository(Department).exists({ where: { id: departmentId } })))
      problems.push({ field: 'departmentId', reason: 'no such department' });
    if (dto.briefId) {
      const brief = await this.ds.getRepository(Brief).findOne({ where: { id: dto.briefId } });
      if (!brief || !canSeeDepartment(p, brief.departmentId) || brief.departmentId !== departmentId)
        problems.push({ field: 'briefId', reason: 'no such brief in this department' });
    }
    if (problems.length) throw invalid(problems);
    const check = dto.body
      ? await this.check(dto.body, { departmentId, briefId: dto.briefId ?? null, knownFields: dto.knownFields })
      : undefined;
    return this.ds.transaction(async (m) => {
      const script = await m.save(
        Script,
        m.create(Script, {
          departmentId,
          briefId: dto.briefId ?? null,
          name: dto.name.trim(),
          latestVersion: 0,
          createdById: p.userId,
        }),
      );
      await this.audit.record(
        this.actor(p),
        {
          action: 'script.create',
          entityType: 'script',
          entityId: script.id,
          departmentId,
          details: { name: script.name },
        },
        m,
      );
      const versions: ScriptVersion[] = [];
      if (dto.body && check)
        versions.push(await this.insertVersion(m, p, script, dto.body, check.fieldsUsed, dto.changeNote));
      // Re-read: the first version moved latestVersion (and updatedAt) after the insert; answer what GET answers.
      return { ...(await m.findOneOrFail(Script, { where: { id: script.id } })), versions };
    });
  }

  async list(p: Principal): Promise<Script[]> {
    const scope = departmentScope(p);
    return this.ds
      .getRepository(Script)
      .find({ where: scope ? { departmentId: scope } : {}, order: { createdAt: 'DESC' } });
  }

  async get(p: Principal, id: string): Promise<ScriptWithVersions> {
    const script = await this.visible(p, id);
    const versions = await this.ds
      .getRepository(ScriptVersion)
      .find({ where: { scriptId: id }, order: { version: 'ASC' } });
    return { ...script, versions };
  }

  async addVersion(p: Principal, id: string, dto: AddVersionDto): Promise<ScriptVersion> {
    const script = await this.visible(p, id);
    if (!EDITORS_ALWAYS.has(p.role)) {
      const [{ n }]: { n: number }[] = await this.ds.query(
        `SELECT count(*)::int AS n FROM campaigns c JOIN script_versions v ON v.id = c.script_version_id
         WHERE v.script_id = $1`,
        [id],
      );
      if (n > 0)
        throw new AppError('forbidden', 'this script is used by a campaign: only planners and admins may change it', [
          { field: 'scriptId', reason: `used by ${n} campaign(s)` },
        ]);
    }
    const check = await this.check(dto.body, {
      departmentId: script.departmentId,
      briefId: script.briefId,
      knownFields: dto.knownFields,
    });
    return this.ds.transaction(async (m) => {
      // Lock the script row so two editors get versions n+1 and n+2, not a unique violation.
      const locked = await m.getRepository(Script).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw notFound('script', id);
      return this.insertVersion(m, p, locked, dto.body, check.fieldsUsed, dto.changeNote);
    });
  }

  async getVersion(p: Principal, id: string, version: number): Promise<ScriptVersion> {
    await this.visible(p, id);
    const v = await this.ds.getRepository(ScriptVersion).findOne({ where: { scriptId: id, version } });
    if (!v) throw notFound(`script ${id} version`, String(version));
    return v;
  }

  /** The version's texts with the contact's values; pure, for the agent screen. */
  render(version: Pick<ScriptVersion, 'scriptId' | 'version' | 'body'>, contact: RenderContact): RenderedVersion {
    const fields: RenderFields = {};
    for (const [k, v] of Object.entries(contact.fields ?? {}))
      fields[k] = v === null || typeof v !== 'object' ? (v as RenderFields[string]) : JSON.stringify(v);
    const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
    Object.assign(fields, {
      first_name: contact.firstName,
      last_name: contact.lastName,
      name: name || undefined,
      phone: contact.phone,
      external_id: contact.externalId,
      time_zone: contact.timeZone,
      region: contact.region,
      segment: contact.segment,
    });
    return {
      scriptId: version.scriptId,
      version: version.version,
      ...renderScript(version.body as unknown as ScriptBody, fields),
    };
  }

  async preview(
    p: Principal,
    id: string,
    version: number,
    input: { contactId?: string; fields?: Record<string, string | number | boolean | null> },
  ): Promise<RenderedVersion> {
    const v = await this.getVersion(p, id, version);
    if (input.contactId) {
      const c = await this.ds.getRepository(Contact).findOne({ where: { id: input.contactId } });
      if (!c || !canSeeDepartment(p, c.departmentId)) throw notFound('contact', input.contactId);
      const first = await this.ds
        .getRepository(PhoneNumber)
        .findOne({ where: { contactId: c.id }, order: { position: 'ASC' } });
      return this.render(v, { ...c, phone: first?.e164 ?? null });
    }
    if (!input.fields)
      throw invalid([{ field: 'contactId', reason: 'give a contactId or fields to fill the placeholders' }]);
    const f = input.fields;
    const str = (k: string): string | null => (f[k] === undefined || f[k] === null ? null : String(f[k]));
    return this.render(v, {
      firstName: str('first_name'),
      lastName: str('last_name'),
      phone: str('phone'),
      externalId: str('external_id'),
      timeZone: str('time_zone'),
      region: str('region'),
      segment: str('segment'),
      fields: f,
    });
  }

  private async visible(p: Principal, id: string): Promise<Script> {
    const s = await this.ds.getRepository(Script).findOne({ where: { id } });
    if (!s || !canSeeDepartment(p, s.departmentId)) throw notFound('script', id);
    return s;
  }

  /**
   * Checks a body; {{fields}} are known when standard, given in `knownFields`, or a custom column of the brief's list
   * (when the script belongs to a brief with a list) or else of any list of the department.
   */
  private async check(
    body: unknown,
    ctx: { departmentId: string; briefId: string | null; knownFields?: string[] },
  ): Promise<{ fieldsUsed: string[] }> {
    const known = new Set(ctx.knownFields ?? []);
    let listFilter = 'l.department_id = $1';
    const params: unknown[] = [ctx.departmentId];
    if (ctx.briefId) {
      const brief = await this.ds.getRepository(Brief).findOne({ where: { id: ctx.briefId } });
      if (brief?.contactListId) {
        listFilter = 'l.id = $1';
        params[0] = brief.contactListId;
      }
    }
    const rows: { key: string }[] = await this.ds.query(
      `SELECT DISTINCT jsonb_array_elements_text(l.import_summary->'customFields') AS key
       FROM contact_lists l WHERE ${listFilter} AND jsonb_typeof(l.import_summary->'customFields') = 'array'`,
      params,
    );
    for (const r of rows) known.add(r.key);
    const { problems, fieldsUsed } = checkScript(body, known);
    if (problems.length) throw invalid(problems, 'the script is not valid');
    return { fieldsUsed };
  }

  private async insertVersion(
    m: EntityManager,
    p: Principal,
    script: Script,
    body: Record<string, unknown>,
    fieldsUsed: string[],
    changeNote?: string,
  ): Promise<ScriptVersion> {
    const version = script.latestVersion + 1;
    const v = await m.save(
      ScriptVersion,
      m.create(ScriptVersion, {
        scriptId: script.id,
        version,
        body,
        fieldsUsed,
        changeNote: changeNote ?? null,
        createdById: p.userId,
      }),
    );
    await m.update(Script, { id: script.id }, { latestVersion: version });
    await this.audit.record(
      this.actor(p),
      {
        action: 'script.version',
        entityType: 'script',
        entityId: script.id,
        departmentId: script.departmentId,
        details: { version, fieldsUsed, changeNote: changeNote ?? null },
      },
      m,
    );
    return v;
  }
}
