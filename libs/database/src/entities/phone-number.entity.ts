import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Contact } from './contact.entity';
import { TimestampColumn, Varchar } from './columns';
import type { AttemptOutcome, PhoneStatus } from './enums';

@Entity('phone_numbers')
@Index('uq_phone_numbers_contact_e164', ['contactId', 'e164'], { unique: true })
@Index('ix_phone_numbers_e164', ['e164'])
export class PhoneNumber {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') contactId: string;
  @ManyToOne(() => Contact, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'contact_id' }) contact?: Relation<Contact>;
  @Varchar(16) e164: string;
  /** mobile, fixed-line, voip, unknown (from libphonenumber). */
  @Varchar(16) kind: string;
  @Varchar(32, { nullable: true }) label: string | null;
  /** Dial order within the contact: 0 first. */
  @Column('smallint') position: number;
  @Varchar(16) status: PhoneStatus;
  @Column('int', { default: 0 }) attemptCount: number;
  @TimestampColumn({ nullable: true }) lastAttemptAt: Date | null;
  @Varchar(24, { nullable: true }) lastOutcome: AttemptOutcome | null;
}
