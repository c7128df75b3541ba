import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, TimestampColumn, UpdatedAt, Varchar } from './columns';
import type { CallbackStatus } from './enums';

/** A promise to call again at a set time, for one agent (agentId set) or anyone in the campaign. */
@Entity('callbacks')
@Index('ix_callbacks_due', ['campaignId', 'dueAt'], { where: "status = 'pending'" })
@Index('ix_callbacks_agent', ['agentId'], { where: "status = 'pending'" })
export class Callback {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') campaignId: string;
  @Column('uuid') contactId: string;
  @Column('bigint', { nullable: true }) campaignContactId: string | null;
  @Column('uuid', { nullable: true }) phoneNumberId: string | null;
  @Column('uuid', { nullable: true }) agentId: string | null;
  @TimestampColumn() dueAt: Date;
  @Varchar(16) status: CallbackStatus;
  @Column('text', { nullable: true }) note: string | null;
  @Column('uuid', { nullable: true }) createdById: string | null;
  @Column('uuid', { nullable: true }) attemptId: string | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
