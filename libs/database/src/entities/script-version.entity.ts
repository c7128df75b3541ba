import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CreatedAt, Jsonb } from './columns';
import { Script } from './script.entity';

/** Immutable: every edit makes a new version; campaigns point at the version they run. */
@Entity('script_versions')
@Index('uq_script_versions_script_version', ['scriptId', 'version'], { unique: true })
export class ScriptVersion {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') scriptId: string;
  @ManyToOne(() => Script, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'script_id' }) script?: Relation<Script>;
  @Column('int') version: number;
  /** Sections, questions (free text, single/multiple choice, number, date) and branches. */
  @Jsonb() body: Record<string, unknown>;
  /** The {{fields}} the script uses, checked against the list's columns when saved. */
  @Column('text', { array: true, default: () => "'{}'" }) fieldsUsed: string[];
  @Column('text', { nullable: true }) changeNote: string | null;
  @Column('uuid') createdById: string;
  @CreatedAt() createdAt: Date;
}
