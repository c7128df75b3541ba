import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Jsonb, TimestampColumn, Varchar } from './columns';

/**
 * One line per queue event, as Asterisk's queue_log: ENTERQUEUE, CONNECT, ABANDON, EXITWITHTIMEOUT, EXITEMPTY,
 * EXITWITHKEY (keep my place), CALLBACK, COMPLETECALLER, COMPLETEAGENT, TRANSFER, OVERFLOW, IVR, AFTERHOURS.
 * Service level, ASA and abandons are recomputed from these rows. Partitioned by month of `at` (migration
 * QueueEventsByMonth), so `at` is part of the primary key; retention drops whole months.
 */
@Entity('queue_events')
@Index('ix_queue_events_queue_at', ['queueId', 'at'])
@Index('ix_queue_events_call', ['inboundCallId'])
export class QueueEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @TimestampColumn({ default: () => 'now()', primary: true }) at: Date;
  @Column('uuid') inboundCallId: string;
  @Column('uuid', { nullable: true }) queueId: string | null;
  @Column('uuid', { nullable: true }) agentId: string | null;
  @Varchar(24) event: string;
  @Jsonb({ default: {} }) data: Record<string, unknown>;
}
