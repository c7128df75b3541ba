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
  /** Callers allowed to wait at once (null: no limit); a caller beyond it overflows at once. */
  @Column('int', { nullable: true }) maxLength: number | null;
  /** [{ afterSeconds, lowerBy?, drop? }]: required skills relaxed step by step as the caller waits. */
  @Jsonb({ default: [] }) skillRelaxation: { afterSeconds: number; lowerBy?: number; drop?: string[] }[];
  /** Caller numbers that jump the line (priority 10). */
  @Column('text', { array: true, default: () => "'{}'" }) vipNumbers: string[];
  /** When nobody is logged in: same forms as overflowTarget (`queue:<id>`, `number:<e164>`, `callback`); null: overflowTarget. */
  @Varchar(200, { nullable: true }) noAgentsTarget: string | null;
  /** Offer "press 1 to keep your place and be called back". */
  @Column({ type: 'boolean', default: true }) keepPlace: boolean;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
