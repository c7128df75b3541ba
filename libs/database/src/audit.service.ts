import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLogEntry } from './entities/audit-log-entry.entity';

export interface AuditActor {
  userId: string | null;
  role: string | null;
  departmentId: string | null;
}

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  departmentId?: string | null;
  details?: Record<string, unknown>;
}

/** Appends to the audit log; pass the transaction's manager so the entry commits (or not) with the change. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async record(actor: AuditActor | null, rec: AuditRecord, manager: EntityManager = this.ds.manager): Promise<void> {
    await manager.insert(AuditLogEntry, {
      actorId: actor?.userId ?? null,
      actorRole: actor?.role ?? null,
      departmentId: rec.departmentId ?? actor?.departmentId ?? null,
      action: rec.action,
      entityType: rec.entityType,
      entityId: rec.entityId,
      details: (rec.details ?? null) as never,
    });
  }
}
