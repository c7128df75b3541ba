import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, Varchar } from './columns';

/** Agent state history: occupancy and time-in-state reports are computed from it. */
@Entity('agent_state_changes')
@Index('ix_agent_state_changes_agent_at', ['agentId', 'at'])
export class AgentStateChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column('uuid') agentId: string;
  @Varchar(16, { nullable: true }) fromState: string | null;
  @Varchar(16) toState: string;
  @Varchar(64, { nullable: true }) reason: string | null;
  @Column('uuid', { nullable: true }) campaignId: string | null;
  @CreatedAt() at: Date;
}
