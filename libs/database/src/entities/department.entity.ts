import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, UpdatedAt, Varchar } from './columns';

@Entity('departments')
export class Department {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Varchar(120, { unique: true }) name: string;
  /** Short code used in exports and caller-facing references. */
  @Varchar(32, { unique: true }) code: string;
  /** Optional URL that receives brief status changes (POSTed JSON, retried with backoff). */
  @Varchar(2000, { nullable: true }) webhookUrl: string | null;
  /** Never leaves the server after it is set: responses carry only `webhookSecretSet`. */
  @Varchar(64, { nullable: true, select: false }) webhookSecret?: string | null;
  /** Endpoints any agent of the department may log in on (shared desks), beside each agent's own. */
  @Column('text', { array: true, default: () => "'{}'" }) agentEndpoints: string[];
  /**
   * External numbers agents and queues may send callers to (transfer, conference, overflow): E.164 prefixes, `X`
   * for any one digit (e.g. `+4420`, `+336XXXXXXXX`). Empty: none.
   */
  @Column('text', { array: true, default: () => "'{}'" }) allowedDestinations: string[];
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
