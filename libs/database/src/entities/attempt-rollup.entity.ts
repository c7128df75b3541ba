import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Varchar } from './columns';

/**
 * Settled call attempts counted per campaign × UTC day × hour × outcome × disposition × pilot. Kept current by a
 * trigger on call_attempts (a row counts once its ended_at is set; later changes such as the disposition or the end
 * of wrap-up move it between keys), so reports read sums here instead of scanning five years of attempts.
 */
@Entity('attempt_rollups')
@Index('ix_attempt_rollups_department_day', ['departmentId', 'day'])
@Index('ix_attempt_rollups_day', ['day'])
export class AttemptRollup {
  @PrimaryColumn('uuid') campaignId: string;
  @PrimaryColumn('date') day: string;
  @PrimaryColumn('smallint') hour: number;
  @PrimaryColumn({ type: 'varchar', length: 24 }) outcome: string;
  /** '' when the attempt has no disposition. */
  @PrimaryColumn({ type: 'varchar', length: 32 }) dispositionCode: string;
  @PrimaryColumn('boolean') pilot: boolean;
  @Column('uuid') departmentId: string;
  @Varchar(16) mode: string;
  /** '' when none. */
  @Varchar(16) dispositionCategory: string;
  @Column('int', { default: 0 }) attempts: number;
  /** answered_at set (a person or a machine picked up). */
  @Column('int', { default: 0 }) answered: number;
  @Column('int', { default: 0 }) bridged: number;
  /** AMD ran and gave a result. */
  @Column('int', { default: 0 }) amd: number;
  @Column('bigint', { default: 0 }) ringSeconds: string;
  @Column('bigint', { default: 0 }) talkSeconds: string;
  @Column('bigint', { default: 0 }) wrapSeconds: string;
}

/** Settled attempts an agent handled, per agent × campaign × UTC day (same trigger as attempt_rollups). */
@Entity('agent_attempt_rollups')
@Index('ix_agent_attempt_rollups_department_day', ['departmentId', 'day'])
export class AgentAttemptRollup {
  @PrimaryColumn('uuid') agentId: string;
  @PrimaryColumn('uuid') campaignId: string;
  @PrimaryColumn('date') day: string;
  @Column('uuid') departmentId: string;
  @Column('int', { default: 0 }) calls: number;
  @Column('int', { default: 0 }) successes: number;
  @Column('bigint', { default: 0 }) talkSeconds: string;
  @Column('bigint', { default: 0 }) wrapSeconds: string;
}
