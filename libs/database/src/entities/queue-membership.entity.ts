import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Agent } from './agent.entity';
import { Queue } from './queue.entity';

@Entity('queue_memberships')
export class QueueMembership {
  @PrimaryColumn('uuid') queueId: string;
  @ManyToOne(() => Queue, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'queue_id' }) queue?: Relation<Queue>;
  @PrimaryColumn('uuid') agentId: string;
  @ManyToOne(() => Agent, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'agent_id' }) agent?: Relation<Agent>;
  /** Lower is offered first, as app_queue's penalty. */
  @Column('int', { default: 0 }) penalty: number;
  @Column({ type: 'boolean', default: false }) paused: boolean;
}
