import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CreatedAt, Varchar } from './columns';
import { Brief } from './brief.entity';

/** Every status change of a brief, with who did it and why: the brief's history. */
@Entity('brief_status_changes')
@Index('ix_brief_status_changes_brief', ['briefId', 'at'])
export class BriefStatusChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column('uuid') briefId: string;
  @ManyToOne(() => Brief, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'brief_id' }) brief?: Relation<Brief>;
  @Varchar(16, { nullable: true }) fromStatus: string | null;
  @Varchar(16) toStatus: string;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('uuid', { nullable: true }) actorId: string | null;
  @CreatedAt() at: Date;
}
