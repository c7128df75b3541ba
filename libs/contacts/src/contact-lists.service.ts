import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { invalid, notFound, type FieldProblem } from '@app/common';
import { actingDepartment, canSeeDepartment, departmentScope, type Principal } from '@app/auth';
import {
  AuditService,
  Brief,
  Contact,
  ContactImport,
  ContactList,
  Department,
  ImportRejection,
  PhoneNumber,
} from '@app/database';
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

/** One import into a list, as GET /contact-lists/{id}/imports shows it. */
export interface ImportView {
  id: string;
  listId: string;
  status: string;
  fileName: string | null;
  format: string | null;
  createdById: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  summary: Record<string, unknown> | null;
}

export type RejectionView = Pick<ImportRejection, 'rowNumber' | 'field' | 'reason' | 'raw'>;
export type ImportReport = ImportView & { rejections: RejectionView[] };

const importView = (i: ContactImport): ImportView => ({
  id: i.id,
  listId: i.listId,
  status: i.status,
  fileName: i.fileName,
  format: i.format,
  createdById: i.createdById,
  startedAt: i.startedAt,
  finishedAt: i.finishedAt,
  summary: i.summary,
});

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

  /** The list's imports, newest first. */
  async imports(p: Principal, id: string): Promise<ImportView[]> {
    await this.get(p, id);
    const rows = await this.ds
      .getRepository(ContactImport)
      .find({ where: { listId: id }, order: { startedAt: 'DESC' }, take: 1000 });
    return rows.map(importView);
  }

  /** The newest import of a list (null before the first). */
  async latestImportId(p: Principal, id: string): Promise<string | null> {
    await this.get(p, id);
    const [row] = await this.ds
      .getRepository(ContactImport)
      .find({ where: { listId: id }, order: { startedAt: 'DESC' }, take: 1, select: { id: true, startedAt: true } });
    return row?.id ?? null;
  }

  /**
   * One import's report (each import keeps its own; a later import does not wipe it). `importId` null: rows reported
   * before imports were recorded. `strict`: an unknown import id is a 404.
   */
  async report(
    p: Principal,
    id: string,
    importId: string | null,
    strict = false,
  ): Promise<{ list: ContactList; imp: ImportView | null; rejections: RejectionView[] }> {
    const list = await this.get(p, id);
    const imp = importId
      ? await this.ds.getRepository(ContactImport).findOne({ where: { id: importId, listId: id } })
      : null;
    if (strict && !imp) throw notFound('import', importId ?? undefined);
    const rejections = await this.ds.getRepository(ImportRejection).find({
      where: { listId: id, importId: imp ? imp.id : IsNull() },
      order: { rowNumber: 'ASC', id: 'ASC' },
      select: { rowNumber: true, field: true, reason: true, raw: true, id: true },
      take: 100_000,
    });
    return {
      list,
      imp: imp ? importView(imp) : null,
      rejections: rejections.map(({ rowNumber, field, reason, raw }) => ({ rowNumber, field, reason, raw })),
    };
  }

  /** A report as CSV, every cell neutralised against formula injection, streamed in pages. */
  async *reportCsv(p: Principal, id: string, importId: string | null): AsyncGenerator<string> {
    await this.get(p, id);
    if (importId && !(await this.ds.getRepository(ContactImport).exists({ where: { id: importId, listId: id } })))
      throw notFound('import', importId);
    yield csvLine(['row', 'field', 'reason', 'raw']);
    let after = '0';
    for (;;) {
      const q = this.ds
        .getRepository(ImportRejection)
        .createQueryBuilder('r')
        .where('r.list_id = :id AND r.id > :after', { id, after });
      if (importId) q.andWhere('r.import_id = :importId', { importId });
      else q.andWhere('r.import_id IS NULL');
      const page = await q.orderBy('r.id', 'ASC').take(5000).getMany();
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
