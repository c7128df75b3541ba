import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CreatedAt, Jsonb, TimestampColumn, Varchar } from './columns';
import { ContactList } from './contact-list.entity';

export const IMPORT_STATUSES = ['importing', 'ready', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * One import into a list: who ran it, which process owns it while it runs (`owner`, `heartbeatAt`: a restart or a
 * dead process releases it), and its summary. Its rejected rows are in import_rejections (import_id); its rows are
 * staged in contact_import_rows and published into contacts in one transaction when it succeeds.
 */
@Entity('contact_imports')
@Index('ix_contact_imports_list', ['listId', 'startedAt'])
@Index('uq_contact_imports_running', ['listId'], { unique: true, where: `status = 'importing'` })
export class ContactImport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') listId: string;
  @ManyToOne(() => ContactList, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'list_id' }) list?: Relation<ContactList>;
  @Column('uuid') departmentId: string;
  @Varchar(16) status: ImportStatus;
  /** DIALER_INSTANCE_ID of the process running it. */
  @Varchar(100) owner: string;
  @TimestampColumn() heartbeatAt: Date;
  @Column('uuid', { nullable: true }) createdById: string | null;
  @Varchar(300, { nullable: true }) fileName: string | null;
  @Varchar(8, { nullable: true }) format: string | null;
  @Jsonb({ nullable: true }) summary: Record<string, unknown> | null;
  @CreatedAt() startedAt: Date;
  @TimestampColumn({ nullable: true }) finishedAt: Date | null;
}

/** A contact read by a running import, not yet visible in the list (published, or dropped, as a whole). */
@Entity('contact_import_rows')
export class StagedContact {
  @PrimaryColumn('uuid') importId: string;
  @PrimaryColumn('varchar', { length: 300 }) dedupeKey: string;
  @Varchar(200, { nullable: true }) externalId: string | null;
  @Varchar(200, { nullable: true }) firstName: string | null;
  @Varchar(200, { nullable: true }) lastName: string | null;
  @Varchar(64) timeZone: string;
  @Varchar(2, { nullable: true }) region: string | null;
  @Varchar(100, { nullable: true }) segment: string | null;
  @Jsonb() fields: Record<string, unknown>;
  @Column('int') sourceRow: number;
  @Column({ type: 'boolean', default: false }) dnc: boolean;
  /** [{ e: E.164, k: kind, l: label, s: status }] in dialing order. */
  @Jsonb() phones: { e: string; k: string; l: string; s: string }[];
}
