import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Campaign } from './campaign.entity';
import { CreatedAt, Jsonb, TimestampColumn, UpdatedAt, Varchar } from './columns';
import { Contact } from './contact.entity';
import type { CampaignContactStatus } from './enums';

/**
 * A contact's dialing state within one campaign. The dialer's hot query ("the next callable contacts of campaign X
 * now") walks ix_campaign_contacts_next in its order (highest priority, then longest due) and stops after the
 * rows it needs; leases are claimed with FOR UPDATE SKIP LOCKED.
 */
@Entity('campaign_contacts')
@Index('uq_campaign_contacts_campaign_contact', ['campaignId', 'contactId'], { unique: true })
// (campaign_id, priority DESC, next_attempt_at, id) WHERE status = 'pending': mixed sort directions, which the
// decorator cannot express, so the index is written by hand in a migration and TypeORM leaves it alone.
@Index('ix_campaign_contacts_next', { synchronize: false })
@Index('ix_campaign_contacts_lease', ['leaseExpiresAt'], { where: "status = 'leased'" })
@Index('ix_campaign_contacts_campaign_status', ['campaignId', 'status'])
export class CampaignContact {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column('uuid') campaignId: string;
  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Relation<Campaign>;
  @Column('uuid') contactId: string;
  @ManyToOne(() => Contact, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'contact_id' }) contact?: Relation<Contact>;
  @Varchar(16) status: CampaignContactStatus;
  @Column({ type: 'boolean', default: false }) pilot: boolean;
  /** The pilot round (1, 2, ...) that sampled this contact; null: never in a pilot. `pilot` marks the current round. */
  @Column('int', { nullable: true }) pilotRound: number | null;
  /** Higher dials first; due callbacks are lifted above everything else. */
  @Column('int', { default: 0 }) priority: number;
  /** Copied from the contact so the window filter needs no join. */
  @Varchar(64) timeZone: string;
  @TimestampColumn({ default: () => 'now()' }) nextAttemptAt: Date;
  @Column('int', { default: 0 }) attempts: number;
  /** Attempts per outcome, for per-outcome retry caps. */
  @Jsonb({ default: {} }) attemptsByOutcome: Record<string, number>;
  @Varchar(100, { nullable: true }) leaseOwner: string | null;
  @TimestampColumn({ nullable: true }) leaseExpiresAt: Date | null;
  /** A callback owned by an agent goes to that agent only. */
  @Column('uuid', { nullable: true }) ownerAgentId: string | null;
  @Varchar(24, { nullable: true }) lastOutcome: string | null;
  @Varchar(32, { nullable: true }) lastDisposition: string | null;
  @TimestampColumn({ nullable: true }) lastAttemptAt: Date | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
