import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { invalid, notFound, type FieldProblem } from '@app/common';
import { actingDepartment, canSeeDepartment, departmentScope, type Principal } from '@app/auth';
import { AuditService, Brief, Contact, ContactList, Department, ImportRejection, PhoneNumber } from '@app/database';
import type { CreateContactListDto } from './contact-lists.dto';
import { csvLine } from './csv-safety';
import { canonicalTimeZone } from './time-zones';

export interface ContactView {
  id: string;
  externalId: string | null;
  firstName: string | null;
  lastName: string | null;
  timeZone: string;
  region: string | null;
  segment: string | null;
  fields: Record<string, unknown>;
  dnc: boolean;
  sourceRow: number;
  phones: { e164: string; kind: string; label: string | null; position: number; status: string }[];
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** Lists: create, read, contacts and the import report. Imports themselves are ContactImportService. */
@Injectable()
export class ContactListsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(p: Principal, dto: CreateContactListDto): Promise<ContactList> {
    const problems: FieldProblem[] = [];
    const departmentId = actingDepartment(p, dto.departmentId) ?? p.departmentId;
    if (dto.departmentId && dto.departmentId !== departmentId)
      problems.push({ field: 'departmentId', reason: 'you can create lists only in a department you work for' });
    // A list serves a brief of its own department only (and one that exists).
    if (dto.briefId) {
      const brief = await this.ds.getRepository(Brief).findOne({ where: { id: dto.briefId } });
      if (!brief || !canSeeDepartment(p, brief.departmentId) || brief.departmentId !== departmentId)
        problems.push({ field: 'briefId', reason: 'no such brief in this department' });
    }
    const zone = dto.defaultTimeZone ? canonicalTimeZone(dto.defaultTimeZone) : undefined;
    if (dto.defaultTimeZone && !zone)
      problems.push({ field: 'defaultTimeZone', reason: 'not an IANA time zone, e.g. Europe/London' });
    if (!problems.length && !(await this.ds.getRepository(Department).exists({ where: { id: departmentId } })))
      problems.push({ field: 'departmentId', reason: 'no such department' });
    if (problems.length) throw invalid(problems);
    return this.ds.transaction(async (m) => {
      const list = await m.save(
        ContactList,
        m.create(ContactList, {
          departmentId,
          briefId: dto.briefId ?? null,
          name: dto.name.trim(),
          region: dto.region?.toUpperCase() ?? null,
          defaultTimeZone: zone ?? null,
          status: 'ready',
          sourceFileName: null,
          importSummary: null,
          importedAt: null,
        }),
      );
      await this.audit.record(
        { userId: p.userId, role: p.role, departmentId: p.departmentId },
        {
          action: 'contact-list.create',
          entityType: 'contact-list',
          entityId: list.id,
          departmentId,
          details: { name: list.name, region: list.region, defaultTimeZone: list.defaultTimeZone },
        },
        m,
      );
      return list;
    });
  }

  list(p: Principal): Promise<ContactList[]> {
    const scope = departmentScope(p);
    return this.ds
      .getRepository(ContactList)
      .find({ where: scope ? { departmentId: scope } : {}, order: { createdAt: 'DESC' } });
  }

  async get(p: Principal, id: string): Promise<ContactList> {
    const list = await this.ds.getRepository(ContactList).findOne({ where: { id } });
    if (!list || !canSeeDepartment(p, list.departmentId)) throw notFound('contact list', id);
    return list;
  }

  async contacts(p: Principal, id: string, page = 1, pageSize = 100): Promise<Page<ContactView>> {
    await this.get(p, id);
    const [rows, total] = await this.ds.getRepository(Contact).findAndCount({
      where: { listId: id },
      order: { sourceRow: 'ASC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const phones = rows.length
      ? await this.ds
          .getRepository(PhoneNumber)
          .createQueryBuilder('p')
          .where('p.contact_id = ANY(:ids)', { ids: rows.map((r) => r.id) })
          .orderBy('p.position', 'ASC')
          .getMany()
      : [];
    const byContact = new Map<string, ContactView['phones']>();
    for (const ph of phones) {
      const l = byContact.get(ph.contactId) ?? [];
      l.push({ e164: ph.e164, kind: ph.kind, label: ph.label, position: ph.position, status: ph.status });
      byContact.set(ph.contactId, l);
    }
    return {
      items: rows.map((c) => ({
        id: c.id,
        externalId: c.externalId,
        firstName: c.firstName,
        lastName: c.lastName,
        timeZone: c.timeZone,
        region: c.region,
        segment: c.segment,
        fields: c.fields,
        dnc: c.dnc,
        sourceRow: c.sourceRow,
        phones: byContact.get(c.id) ?? [],
      })),
      page,
      pageSize,
      total,
    };
  }

  async report(
    p: Principal,
    id: string,
  ): Promise<{ list: ContactList; rejections: Pick<ImportRejection, 'rowNumber' | 'field' | 'reason' | 'raw'>[] }> {
    const list = await this.get(p, id);
    const rejections = await this.ds.getRepository(ImportRejection).find({
      where: { listId: id },
      order: { rowNumber: 'ASC', id: 'ASC' },
      select: { rowNumber: true, field: true, reason: true, raw: true, id: true },
      take: 100_000,
    });
    return {
      list,
      rejections: rejections.map(({ rowNumber, field, reason, raw }) => ({ rowNumber, field, reason, raw })),
    };
  }

  /** The report as CSV, every cell neutralised against formula injection, streamed in pages. */
  async *reportCsv(p: Principal, id: string): AsyncGenerator<string> {
    await this.get(p, id);
    yield csvLine(['row', 'field', 'reason', 'raw']);
    let after = '0';
    for (;;) {
      const page = await this.ds
        .getRepository(ImportRejection)
        .createQueryBuilder('r')
        .where('r.list_id = :id AND r.id > :after', { id, after })
        .orderBy('r.id', 'ASC')
        .take(5000)
        .getMany();
      if (!page.length) return;
      let out = '';
      for (const r of page) out += csvLine([r.rowNumber, r.field, r.reason, r.raw]);
      yield out;
      after = page[page.length - 1].id;
    }
  }

  /** For scripts: the custom field names the contacts of these lists carry. */
  async customFieldNames(listIds: string[]): Promise<string[]> {
    if (!listIds.length) return [];
    const rows: { key: string }[] = await this.ds.query(
      `SELECT DISTINCT jsonb_object_keys(fields) AS key FROM contacts WHERE list_id = ANY($1::uuid[])`,
      [listIds],
    );
    return rows.map((r) => r.key).sort();
  }
}
