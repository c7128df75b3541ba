import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampColumn, Varchar } from './columns';

/*
 * Coarse rollups for reports over many campaigns and long ranges (migration ReportingScale): one row per key with
 * the outcomes as columns, kept current by the same trigger on call_attempts as attempt_rollups, so a report over
 * five years reads thousands of rows, not millions. Counts are of settled attempts (ended_at set).
 */

/** Settled attempts per campaign × UTC hour (the edges of a range, rolling abandon windows). */
@Entity('campaign_hour_rollups')
@Index('ix_campaign_hour_rollups_department_hour', ['departmentId', 'hour'])
@Index('ix_campaign_hour_rollups_hour', ['hour'])
export class CampaignHourRollup {
  @PrimaryColumn('uuid') campaignId: string;
  @PrimaryColumn({ type: 'timestamptz' }) hour: Date;
  @Column('uuid') departmentId: string;
  @Varchar(16) mode: string;
  /** every settled attempt, refused ones included */
  @Column('int', { default: 0 }) attempts: number;
  /** settled attempts not refused by a rule */
  @Column('int', { default: 0 }) dials: number;
  @Column('int', { default: 0 }) answered: number;
  @Column('int', { default: 0 }) human: number;
  @Column('int', { default: 0 }) abandoned: number;
  @Column('int', { default: 0 }) machine: number;
  @Column('int', { default: 0 }) rejected: number;
  /** dials whose disposition category (as recorded on the attempt) is success */
  @Column('int', { default: 0 }) successes: number;
  @Column('bigint', { default: 0 }) talkSeconds: string;
  @Column('bigint', { default: 0 }) wrapSeconds: string;
}

/** The same per campaign × UTC day, with the hours of the day that had any attempt. */
@Entity('campaign_day_rollups')
@Index('ix_campaign_day_rollups_department_day', ['departmentId', 'day'])
@Index('ix_campaign_day_rollups_day', ['day'])
export class CampaignDayRollup {
  @PrimaryColumn('uuid') campaignId: string;
  @PrimaryColumn('date') day: string;
  @Column('uuid') departmentId: string;
  @Varchar(16) mode: string;
  @Column('int', { default: 0 }) attempts: number;
  @Column('int', { default: 0 }) dials: number;
  @Column('int', { default: 0 }) answered: number;
  @Column('int', { default: 0 }) human: number;
  @Column('int', { default: 0 }) abandoned: number;
  @Column('int', { default: 0 }) machine: number;
  @Column('int', { default: 0 }) rejected: number;
  @Column('int', { default: 0 }) successes: number;
  @Column('bigint', { default: 0 }) talkSeconds: string;
  @Column('bigint', { default: 0 }) wrapSeconds: string;
  /** hours of this day with at least one settled attempt */
  @Column('int', { default: 0 }) activeHours: number;
}

/** Per campaign × UTC month × hour of day: the "by hour of day" figures over whole months. */
@Entity('campaign_hour_of_day_rollups')
@Index('ix_campaign_hour_of_day_rollups_month', ['month'])
export class CampaignHourOfDayRollup {
  @PrimaryColumn('uuid') campaignId: string;
  /** the first day of the month */
  @PrimaryColumn('date') month: string;
  @PrimaryColumn('smallint') hour: number;
  @Column('uuid') departmentId: string;
  @Varchar(16) mode: string;
  @Column('int', { default: 0 }) dials: number;
  @Column('int', { default: 0 }) human: number;
  @Column('int', { default: 0 }) abandoned: number;
  @Column('int', { default: 0 }) successes: number;
}

/** Calls an agent handled per agent × UTC day, over every campaign. */
@Entity('agent_day_rollups')
@Index('ix_agent_day_rollups_department_day', ['departmentId', 'day'])
export class AgentDayRollup {
  @PrimaryColumn('uuid') agentId: string;
  @PrimaryColumn('date') day: string;
  @Column('uuid') departmentId: string;
  @Column('int', { default: 0 }) calls: number;
  @Column('int', { default: 0 }) successes: number;
  @Column('bigint', { default: 0 }) talkSeconds: string;
  @Column('bigint', { default: 0 }) wrapSeconds: string;
}

/** Dials per campaign × called number × UTC day (the per-number daily cap). */
@Entity('number_day_rollups')
export class NumberDayRollup {
  @PrimaryColumn('uuid') campaignId: string;
  @PrimaryColumn('date') day: string;
  @PrimaryColumn({ type: 'varchar', length: 16 }) calledNumber: string;
  @Column('int', { default: 0 }) dials: number;
}

/** How many numbers a campaign dialled exactly `dials` times on a UTC day (a histogram of number_day_rollups). */
@Entity('number_day_counts')
export class NumberDayCount {
  @PrimaryColumn('uuid') campaignId: string;
  @PrimaryColumn('date') day: string;
  @PrimaryColumn('int') dials: number;
  @Column('int', { default: 0 }) numbers: number;
}

/** Settled attempts originated outside their campaign's calling window (contact's time zone); normally empty. */
@Entity('outside_window_attempts')
@Index('ix_outside_window_attempts_campaign_created', ['campaignId', 'createdAt'])
export class OutsideWindowAttempt {
  @PrimaryColumn('uuid') attemptId: string;
  @Column('uuid') campaignId: string;
  @TimestampColumn() createdAt: Date;
  @TimestampColumn() originatedAt: Date;
  @Varchar(32) localTime: string;
  @Varchar(64) timeZone: string;
}

/**
 * The rolling abandon windows (24 h, 720 h) ending in (day, day + 1 day] per campaign, summarised: how many had a
 * live-answered call, how many were over the cap, the worst one. Refreshed from campaign_hour_rollups for the days
 * marked in abandon_window_dirty (the trigger marks the day of a settled attempt; a refresh covers the 30 days after).
 */
@Entity('abandon_window_days')
export class AbandonWindowDay {
  @PrimaryColumn('uuid') campaignId: string;
  @PrimaryColumn('date') day: string;
  @PrimaryColumn('int') hours: number;
  @Column('numeric') capPercent: string;
  @Column('int') windows: number;
  @Column('int') windowsOverCap: number;
  @TimestampColumn() worstEnd: Date;
  @Column('int') worstLive: number;
  @Column('int') worstAbandoned: number;
}

/** abandon_window_days summed per calendar month (UTC), so a report over years reads a few rows per campaign. */
@Entity('abandon_window_months')
export class AbandonWindowMonth {
  @PrimaryColumn('uuid') campaignId: string;
  /** the first day of the month */
  @PrimaryColumn('date') month: string;
  @PrimaryColumn('int') hours: number;
  @Column('numeric') capPercent: string;
  @Column('int') windows: number;
  @Column('int') windowsOverCap: number;
  @TimestampColumn() worstEnd: Date;
  @Column('int') worstLive: number;
  @Column('int') worstAbandoned: number;
}

/** Campaign days whose abandon windows must be recomputed (with the 30 days after them). */
@Entity('abandon_window_dirty')
export class AbandonWindowDirty {
  @PrimaryColumn('uuid') campaignId: string;
  @PrimaryColumn('date') day: string;
  @TimestampColumn({ default: () => 'now()' }) markedAt: Date;
}

/** Contacts each campaign has dialled at least once (campaign_contacts.attempts > 0), kept by a trigger. */
@Entity('campaign_contact_totals')
export class CampaignContactTotal {
  @PrimaryColumn('uuid') campaignId: string;
  @Column('int', { default: 0 }) contactsDialled: number;
  @Column('int', { default: 0 }) dncBeforeDial: number;
}
