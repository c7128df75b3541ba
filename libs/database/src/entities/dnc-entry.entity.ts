import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, TimestampColumn, Varchar } from './columns';
import type { DncScope } from './enums';

/** Do-not-call: global (everyone), a department's, or one campaign's; optionally expiring. */
@Entity('dnc_entries')
@Index('ix_dnc_entries_e164', ['e164'])
@Index('uq_dnc_entries_scope', ['e164', 'scope', 'departmentId', 'campaignId'], { unique: true })
export class DncEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Varchar(16) e164: string;
  @Varchar(16) scope: DncScope;
  @Column('uuid', { nullable: true }) departmentId: string | null;
  @Column('uuid', { nullable: true }) campaignId: string | null;
  @Column('text', { nullable: true }) reason: string | null;
  /** agent, import, api, regulator list ... */
  @Varchar(32) source: string;
  @TimestampColumn({ nullable: true }) expiresAt: Date | null;
  @Column('uuid', { nullable: true }) createdById: string | null;
  @CreatedAt() createdAt: Date;
}
