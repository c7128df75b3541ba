import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Brief } from './brief.entity';
import { CreatedAt, Jsonb, TimestampColumn, UpdatedAt, Varchar } from './columns';
import { Department } from './department.entity';
import type { CampaignMode, CampaignState, MachineAction } from './enums';
import { ScriptVersion } from './script-version.entity';

@Entity('campaigns')
@Index('ix_campaigns_department_state', ['departmentId', 'state'])
@Index('ix_campaigns_state', ['state'])
export class Campaign {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') departmentId: string;
  @ManyToOne(() => Department) @JoinColumn({ name: 'department_id' }) department?: Relation<Department>;
  @Column('uuid', { nullable: true }) briefId: string | null;
  @ManyToOne(() => Brief, { nullable: true }) @JoinColumn({ name: 'brief_id' }) brief?: Relation<Brief> | null;
  @Column('uuid', { nullable: true }) contactListId: string | null;
  @Varchar(200) name: string;
  @Varchar(16) mode: CampaignMode;
  @Varchar(16) state: CampaignState;
  @Column('uuid', { nullable: true }) scriptVersionId: string | null;
  @ManyToOne(() => ScriptVersion, { nullable: true })
  @JoinColumn({ name: 'script_version_id' })
  scriptVersion?: Relation<ScriptVersion> | null;
  @Varchar(100, { nullable: true }) agentGroup: string | null;
  /** { skill: minimum level } */
  @Jsonb({ default: {} }) requiredSkills: Record<string, number>;
  @Varchar(32, { nullable: true }) callerId: string | null;
  /** abandonCap, abandonWindowHours, maxLinesPerAgent, ringTimeoutSeconds, answerToAgentSeconds, ... */
  @Jsonb() pacing: Record<string, unknown>;
  @Column({ type: 'boolean', default: false }) amdEnabled: boolean;
  @Varchar(16, { default: 'hangup' }) machineAction: MachineAction;
  @Varchar(300, { nullable: true }) machineMessage: string | null;
  /** Media played to an answered person no agent took: who is calling and a number to call back. */
  @Varchar(300, { nullable: true }) abandonMessage: string | null;
  @Jsonb() windows: Record<string, unknown>;
  @Jsonb() retryPolicy: Record<string, unknown>;
  @Column('int', { default: 15 }) wrapUpSeconds: number;
  @Column('int', { nullable: true }) previewAutoDialSeconds: number | null;
  @Column('int', { nullable: true }) pilotSize: number | null;
  @Jsonb({ nullable: true }) pilotSummary: Record<string, unknown> | null;
  @Jsonb({ nullable: true }) forecast: Record<string, unknown> | null;
  @Column('int', { default: 0 }) priority: number;
  @TimestampColumn({ nullable: true }) deadline: Date | null;
  /** The dialer process running this campaign and until when its lease holds (taken over when it lapses). */
  @Varchar(100, { nullable: true }) leaseOwner: string | null;
  @TimestampColumn({ nullable: true }) leaseExpiresAt: Date | null;
  @TimestampColumn({ nullable: true }) startedAt: Date | null;
  @TimestampColumn({ nullable: true }) completedAt: Date | null;
  @VersionColumn() version: number;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
