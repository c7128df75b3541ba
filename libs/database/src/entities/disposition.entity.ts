import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Campaign } from './campaign.entity';
import { Varchar } from './columns';
import type { DispositionCategory } from './enums';

/** A campaign's result codes; the category drives what happens to the contact next. */
@Entity('dispositions')
@Index('uq_dispositions_campaign_code', ['campaignId', 'code'], { unique: true })
export class Disposition {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') campaignId: string;
  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Relation<Campaign>;
  @Varchar(32) code: string;
  @Varchar(100) label: string;
  @Varchar(16) category: DispositionCategory;
  /** Set by the system (e.g. ABANDONED, MACHINE), not offered to agents. */
  @Column({ type: 'boolean', default: false }) system: boolean;
  @Column('smallint', { default: 0 }) position: number;
}
