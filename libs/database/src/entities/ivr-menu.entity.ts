import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, Jsonb, UpdatedAt, Varchar } from './columns';

/** Where a DTMF choice leads: a queue (optionally as a priority caller), a submenu, or replaying this menu. */
export interface IvrChoice {
  queueId?: string;
  menuId?: string;
  priority?: number;
}

/** Outside business hours: a message, a recorded callback request, or another queue. */
export interface IvrAfterHours {
  kind: 'message' | 'callback-request' | 'queue';
  prompt?: string;
  queueId?: string;
}

/** What an inbound caller hears before a queue. */
@Entity('ivr_menus')
@Index('ix_ivr_menus_department', ['departmentId'])
export class IvrMenu {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') departmentId: string;
  @Varchar(100) name: string;
  /** Media to play, e.g. `sound:welcome`. */
  @Varchar(200) prompt: string;
  /** digit → choice */
  @Jsonb({ default: {} }) choices: Record<string, IvrChoice>;
  @Column('int', { default: 5 }) timeoutSeconds: number;
  @Column('int', { default: 2 }) maxRetries: number;
  /** The calling-window shape of @app/dialer-core: { timeZone, days: { mon: [['09:00','17:00']], ... } }; null: always open. */
  @Jsonb({ nullable: true }) businessHours: Record<string, unknown> | null;
  @Column('uuid', { nullable: true }) holidayCalendarId: string | null;
  @Jsonb({ nullable: true }) afterHours: IvrAfterHours | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
