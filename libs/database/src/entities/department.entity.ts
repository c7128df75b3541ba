import { Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, UpdatedAt, Varchar } from './columns';

@Entity('departments')
export class Department {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Varchar(120, { unique: true }) name: string;
  /** Short code used in exports and caller-facing references. */
  @Varchar(32, { unique: true }) code: string;
  /** Optional URL that receives brief status changes (POSTed JSON, retried with backoff). */
  @Varchar(2000, { nullable: true }) webhookUrl: string | null;
  @Varchar(64, { nullable: true }) webhookSecret: string | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
