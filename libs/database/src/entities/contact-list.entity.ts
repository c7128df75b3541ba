import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CreatedAt, Jsonb, TimestampColumn, UpdatedAt, Varchar } from './columns';
import { Department } from './department.entity';
import type { ListStatus } from './enums';

@Entity('contact_lists')
@Index('ix_contact_lists_department', ['departmentId'])
export class ContactList {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') departmentId: string;
  @ManyToOne(() => Department) @JoinColumn({ name: 'department_id' }) department?: Relation<Department>;
  @Column('uuid', { nullable: true }) briefId: string | null;
  @Varchar(200) name: string;
  /** ISO 3166 alpha-2 region used to read national numbers, e.g. GB. */
  @Varchar(2, { nullable: true }) region: string | null;
  /** IANA zone for contacts whose zone is neither given nor derivable from the number. */
  @Varchar(64, { nullable: true }) defaultTimeZone: string | null;
  @Varchar(16) status: ListStatus;
  @Varchar(300, { nullable: true }) sourceFileName: string | null;
  @Column('int', { default: 0 }) rowCount: number;
  @Column('int', { default: 0 }) acceptedCount: number;
  @Column('int', { default: 0 }) rejectedCount: number;
  @Column('int', { default: 0 }) duplicateCount: number;
  @Column('int', { default: 0 }) dncCount: number;
  /** Summary of the last import: columns found, mapping used, warnings. Rejected rows live in import_rejections. */
  @Jsonb({ nullable: true }) importSummary: Record<string, unknown> | null;
  @TimestampColumn({ nullable: true }) importedAt: Date | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
