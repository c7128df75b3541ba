import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ContactImport } from './contact-import.entity';
import { ContactList } from './contact-list.entity';
import { Varchar } from './columns';

/** One bad row of an import, kept so the report can be downloaded; the good rows are imported regardless. */
@Entity('import_rejections')
@Index('ix_import_rejections_list', ['listId', 'rowNumber'])
@Index('ix_import_rejections_import', ['importId', 'rowNumber'])
export class ImportRejection {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column('uuid') listId: string;
  @ManyToOne(() => ContactList, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'list_id' }) list?: Relation<ContactList>;
  /** The import that reported it (null for rows reported before imports were recorded). */
  @Column('uuid', { nullable: true }) importId: string | null;
  @ManyToOne(() => ContactImport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id' })
  contactImport?: Relation<ContactImport>;
  @Column('int') rowNumber: number;
  @Varchar(64) field: string;
  @Column('text') reason: string;
  @Column('text', { nullable: true }) raw: string | null;
}
