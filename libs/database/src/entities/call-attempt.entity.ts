import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Jsonb, TimestampColumn, Varchar } from './columns';
import type { AttemptOutcome, CampaignMode, DispositionCategory } from './enums';

/**
 * One dial of one number, kept for five years: calling and called number, every timestamp, outcome, cause,
 * agent and disposition. No foreign keys on purpose: the record must outlive deleted contacts and campaigns.
 * Partitioned by month of created_at (migration CallAttemptsByMonth), so the partition key is part of the primary
 * key and of the channel's unique index; retention drops whole months.
 */
@Entity('call_attempts')
@Index('ix_call_attempts_campaign_created', ['campaignId', 'createdAt'])
@Index('ix_call_attempts_contact', ['contactId'])
@Index('ix_call_attempts_agent_created', ['agentId', 'createdAt'])
@Index('uq_call_attempts_channel', ['channelId', 'createdAt'], { unique: true })
@Index('ix_call_attempts_open', ['campaignId'], { where: 'ended_at IS NULL' })
// date-range reads across campaigns: the regulator's call-record export, retention
@Index('ix_call_attempts_created', ['createdAt'])
export class CallAttempt {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') campaignId: string;
  @Column('uuid') departmentId: string;
  @Column('bigint', { nullable: true }) campaignContactId: string | null;
  @Column('uuid') contactId: string;
  @Column('uuid', { nullable: true }) phoneNumberId: string | null;
  @Column('int') attemptNumber: number;
  @Varchar(64) channelId: string;
  @Varchar(100) dialerInstance: string;
  @Varchar(16) mode: CampaignMode;
  @Column({ type: 'boolean', default: false }) pilot: boolean;
  @Varchar(32, { nullable: true }) callerId: string | null;
  @Varchar(16) calledNumber: string;
  @Column('uuid', { nullable: true }) agentId: string | null;
  @TimestampColumn() queuedAt: Date;
  @TimestampColumn({ nullable: true }) originatedAt: Date | null;
  @TimestampColumn({ nullable: true }) ringingAt: Date | null;
  @TimestampColumn({ nullable: true }) answeredAt: Date | null;
  @TimestampColumn({ nullable: true }) amdAt: Date | null;
  @Varchar(16, { nullable: true }) amdResult: string | null;
  @TimestampColumn({ nullable: true }) bridgedAt: Date | null;
  @TimestampColumn({ nullable: true }) endedAt: Date | null;
  @TimestampColumn({ nullable: true }) wrapEndedAt: Date | null;
  @Varchar(24, { nullable: true }) outcome: AttemptOutcome | null;
  @Varchar(16, { nullable: true }) dialStatus: string | null;
  @Column('int', { nullable: true }) hangupCause: number | null;
  @Varchar(100, { nullable: true }) hangupCauseText: string | null;
  /** us, remote, agent, system */
  @Varchar(16, { nullable: true }) hangupBy: string | null;
  @Varchar(32, { nullable: true }) dispositionCode: string | null;
  @Varchar(16, { nullable: true }) dispositionCategory: DispositionCategory | null;
  @Column('int', { nullable: true }) ringSeconds: number | null;
  @Column('int', { nullable: true }) talkSeconds: number | null;
  @Column('int', { nullable: true }) durationSeconds: number | null;
  @Varchar(200, { nullable: true }) recordingName: string | null;
  /** Answers to the script's questions captured by the agent. */
  @Jsonb({ nullable: true }) scriptAnswers: Record<string, unknown> | null;
  @Column('text', { nullable: true }) note: string | null;
  @CreateDateColumn({ type: 'timestamptz', primary: true }) createdAt: Date;
}
