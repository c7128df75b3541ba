import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CreatedAt, Jsonb, UpdatedAt, Varchar } from './columns';
import { ContactList } from './contact-list.entity';

@Entity('contacts')
@Index('uq_contacts_list_dedupe', ['listId', 'dedupeKey'], { unique: true })
@Index('ix_contacts_department', ['departmentId'])
export class Contact {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') listId: string;
  @ManyToOne(() => ContactList, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'list_id' }) list?: Relation<ContactList>;
  /** Denormalised for department scoping without a join. */
  @Column('uuid') departmentId: string;
  @Varchar(200, { nullable: true }) externalId: string | null;
  @Varchar(200, { nullable: true }) firstName: string | null;
  @Varchar(200, { nullable: true }) lastName: string | null;
  /** IANA zone, given in the list or derived from the first number. */
  @Varchar(64) timeZone: string;
  @Varchar(2, { nullable: true }) region: string | null;
  /** A list segment used to stratify pilot samples. */
  @Varchar(100, { nullable: true }) segment: string | null;
  @Jsonb({ default: {} }) fields: Record<string, unknown>;
  /** What makes two rows the same person: external id, else the first number. */
  @Varchar(300) dedupeKey: string;
  @Column('int') sourceRow: number;
  @Column({ type: 'boolean', default: false }) dnc: boolean;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
