import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CreatedAt, TimestampColumn, UpdatedAt, Varchar } from './columns';
import { Department } from './department.entity';
import type { Role } from './enums';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_users_email', { unique: true }) @Varchar(254) email: string;
  @Varchar(200) displayName: string;
  /** scrypt$N$r$p$salt$hash, never the password. */
  @Varchar(300) passwordHash: string;
  @Varchar(16) role: Role;
  @Column('uuid') departmentId: string;
  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<Department>;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @TimestampColumn({ nullable: true }) lastLoginAt: Date | null;
  /**
   * Bumped whenever the account's access must end at once (deactivated, role or department changed, password
   * changed, logout): every access token carries the version it was issued at and is refused once it differs.
   */
  @Column('int', { default: 0 }) tokenVersion: number;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
