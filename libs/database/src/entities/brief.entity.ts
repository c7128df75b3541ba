import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CreatedAt, Jsonb, TimestampColumn, UpdatedAt, Varchar } from './columns';
import { Department } from './department.entity';
import type { BriefStatus } from './enums';
import { User } from './user.entity';

/** A department's outbound-call request, reviewed by planners before it becomes a campaign. */
@Entity('briefs')
@Index('ix_briefs_department_status', ['departmentId', 'status'])
@Index('ix_briefs_status_submitted', ['status', 'submittedAt'])
export class Brief {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') departmentId: string;
  @ManyToOne(() => Department) @JoinColumn({ name: 'department_id' }) department?: Relation<Department>;
  @Column('uuid') createdById: string;
  @ManyToOne(() => User) @JoinColumn({ name: 'created_by_id' }) createdBy?: Relation<User>;
  @Varchar(200) title: string;
  @Column('text') purpose: string;
  /** { name, email, phone } of the person in the department who answers questions about the brief. */
  @Jsonb() contactPerson: Record<string, unknown>;
  @Varchar(16) status: BriefStatus;
  @Column('text', { nullable: true }) scriptDraft: string | null;
  @TimestampColumn() deadline: Date;
  /** Calling windows: per-weekday ranges, evenings/weekends/holidays flags, holiday calendar, default time zone. */
  @Jsonb() windows: Record<string, unknown>;
  /** Per-outcome retry rules and attempt caps. */
  @Jsonb() retryPolicy: Record<string, unknown>;
  /** ISO 3166 region used to read national numbers, e.g. GB. */
  @Varchar(2) region: string;
  @Varchar(64) defaultTimeZone: string;
  @Column('int', { nullable: true }) pilotSize: number | null;
  @Column('int', { default: 0 }) priority: number;
  @Column('uuid', { nullable: true }) contactListId: string | null;
  @Column('text', { nullable: true }) rejectionReason: string | null;
  @TimestampColumn({ nullable: true }) submittedAt: Date | null;
  @TimestampColumn({ nullable: true }) reviewedAt: Date | null;
  @Column('uuid', { nullable: true }) reviewedById: string | null;
  /** Latest deadline forecast (can it finish, staffing needed), refreshed as the campaign runs. */
  @Jsonb({ nullable: true }) forecast: Record<string, unknown> | null;
  @VersionColumn() version: number;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
