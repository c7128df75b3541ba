import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, Jsonb, TimestampColumn, Varchar } from './columns';

/**
 * One inbound call: its path, queue, agent and outcome. Partitioned by month of arrived_at (migration
 * InboundCallsByMonth), so arrived_at is part of the primary key and of the channel's unique index; retention drops
 * whole months.
 */
@Entity('inbound_calls')
@Index('ix_inbound_calls_queue_arrived', ['queueId', 'arrivedAt'])
@Index('uq_inbound_calls_channel', ['channelId', 'arrivedAt'], { unique: true })
export class InboundCall {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { nullable: true }) queueId: string | null;
  @Column('uuid', { nullable: true }) departmentId: string | null;
  @Varchar(64) channelId: string;
  @Varchar(32, { nullable: true }) callerNumber: string | null;
  @Varchar(32, { nullable: true }) did: string | null;
  @TimestampColumn({ primary: true }) arrivedAt: Date;
  @TimestampColumn({ nullable: true }) answeredAt: Date | null;
  @TimestampColumn({ nullable: true }) abandonedAt: Date | null;
  @TimestampColumn({ nullable: true }) endedAt: Date | null;
  @Column('uuid', { nullable: true }) agentId: string | null;
  /** answered, abandoned, overflowed, timeout, lost */
  @Varchar(16, { nullable: true }) outcome: string | null;
  @Column('int', { nullable: true }) waitSeconds: number | null;
  @Column('int', { nullable: true }) talkSeconds: number | null;
  @Varchar(200, { nullable: true }) overflowedTo: string | null;
  /** ivr, waiting, callback (place kept, caller hung up), connected, ended */
  @Varchar(16, { nullable: true }) status: string | null;
  @Column('int', { default: 0 }) priority: number;
  /** When the caller entered its current queue: the order in line, kept across a restart. */
  @TimestampColumn({ nullable: true }) enteredQueueAt: Date | null;
  /** [{ at, step, ... }]: IVR choices, queues, overflow, agent, transfer. */
  @Jsonb({ default: [] }) path: Record<string, unknown>[];
  @CreatedAt() createdAt: Date;
}
