import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CreatedAt, Jsonb, TimestampColumn, UpdatedAt, Varchar } from './columns';
import type { AgentState } from './enums';
import { User } from './user.entity';

/** An agent's profile and live session state (the state machine's persisted side). */
@Entity('agents')
@Index('ix_agents_department_state', ['departmentId', 'state'])
export class Agent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { unique: true }) userId: string;
  @OneToOne(() => User, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: Relation<User>;
  @Column('uuid') departmentId: string;
  /** Default telephone endpoint, e.g. PJSIP/agent-1001. */
  @Varchar(200, { nullable: true }) endpoint: string | null;
  /**
   * Further endpoints an admin or supervisor assigned to this agent. An agent may log in only on its default
   * endpoint, one of these, or its department's pool: a free-form endpoint would let it make the dialer call any number.
   */
  @Column('text', { array: true, default: () => "'{}'" }) endpoints: string[];
  @Column('text', { array: true, default: () => "'{}'" }) groups: string[];
  /** { skill: level 1..10 } */
  @Jsonb({ default: {} }) skills: Record<string, number>;
  /** Takes inbound ACD calls between outbound ones. */
  @Column({ type: 'boolean', default: false }) blended: boolean;
  @Varchar(16, { default: 'offline' }) state: AgentState;
  @Varchar(64, { nullable: true }) stateReason: string | null;
  @TimestampColumn({ default: () => 'now()' }) stateSince: Date;
  /** The session: the endpoint dialled at login, the channel held for the shift, and the agent's own bridge. */
  @Varchar(200, { nullable: true }) sessionEndpoint: string | null;
  @Varchar(64, { nullable: true }) sessionChannelId: string | null;
  @Varchar(64, { nullable: true }) sessionBridgeId: string | null;
  @Varchar(100, { nullable: true }) sessionOwner: string | null;
  @Column('uuid', { nullable: true }) campaignId: string | null;
  @Column('uuid', { nullable: true }) currentAttemptId: string | null;
  @Column('uuid', { nullable: true }) currentInboundCallId: string | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
