import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, Jsonb, Varchar } from './columns';

/** Who changed what, when. Append-only. */
@Entity('audit_log')
@Index('ix_audit_log_entity', ['entityType', 'entityId'])
@Index('ix_audit_log_department_at', ['departmentId', 'at'])
export class AuditLogEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @CreatedAt() at: Date;
  @Column('uuid', { nullable: true }) actorId: string | null;
  @Varchar(16, { nullable: true }) actorRole: string | null;
  @Column('uuid', { nullable: true }) departmentId: string | null;
  @Varchar(64) action: string;
  @Varchar(32) entityType: string;
  @Varchar(64) entityId: string;
  @Jsonb({ nullable: true }) details: Record<string, unknown> | null;
}
