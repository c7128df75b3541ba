import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, Jsonb, UpdatedAt, Varchar } from './columns';
import type { QueueStrategy } from './enums';

/** An inbound ACD queue. */
@Entity('queues')
@Index('ix_queues_department', ['departmentId'])
export class Queue {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') departmentId: string;
  @Varchar(100, { unique: true }) name: string;
  @Varchar(32, { nullable: true }) did: string | null;
  @Varchar(16) strategy: QueueStrategy;
  @Jsonb({ default: {} }) requiredSkills: Record<string, number>;
  @Column('int', { default: 0 }) priority: number;
  @Column('int', { default: 10 }) wrapUpSeconds: number;
  @Column('int', { default: 300 }) maxWaitSeconds: number;
  /** Queue name or endpoint calls go to when max wait passes. */
  @Varchar(200, { nullable: true }) overflowTarget: string | null;
  /** { greeting, periodic, periodicEverySeconds, positionAnnouncements } */
  @Jsonb({ default: {} }) announcements: Record<string, unknown>;
  @Varchar(100, { default: 'default' }) musicOnHold: string;
  @Column('int', { default: 20 }) serviceLevelSeconds: number;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
