import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, TimestampColumn, Varchar } from './columns';

/**
 * A file written once to the archive storage (local folder or object storage): retained call records moved out of
 * the database, delivered results. The hash is of the stored bytes, so a download can be checked against it.
 */
@Entity('archives')
@Index('ix_archives_kind_created', ['kind', 'createdAt'])
@Index('uq_archives_storage_key', ['storageKey'], { unique: true })
export class ArchiveEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** call-attempts (retention), brief-results (delivery) */
  @Varchar(32) kind: string;
  @Column('uuid', { nullable: true }) departmentId: string | null;
  @Column('uuid', { nullable: true }) briefId: string | null;
  @Varchar(300) storageKey: string;
  @Varchar(64) sha256: string;
  @Column('bigint') bytes: string;
  @Column('int', { nullable: true }) rows: number | null;
  @TimestampColumn({ nullable: true }) periodFrom: Date | null;
  @TimestampColumn({ nullable: true }) periodTo: Date | null;
  /** null: a job */
  @Column('uuid', { nullable: true }) createdById: string | null;
  @CreatedAt() createdAt: Date;
}
