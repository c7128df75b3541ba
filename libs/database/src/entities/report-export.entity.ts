import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, Jsonb, TimestampColumn, Varchar } from './columns';

/** A report produced for a department (per brief/campaign), kept and later archived. */
@Entity('report_exports')
@Index('ix_report_exports_department', ['departmentId', 'createdAt'])
export class ReportExport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') departmentId: string;
  @Column('uuid', { nullable: true }) briefId: string | null;
  @Column('uuid', { nullable: true }) campaignId: string | null;
  @Varchar(16) format: string;
  @Varchar(16) status: string;
  @Jsonb({ nullable: true }) parameters: Record<string, unknown> | null;
  @Column('bytea', { nullable: true }) content: Buffer | null;
  @Column('uuid', { nullable: true }) createdById: string | null;
  @TimestampColumn({ nullable: true }) archivedAt: Date | null;
  @CreatedAt() createdAt: Date;
}
