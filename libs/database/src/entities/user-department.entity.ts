import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CreatedAt } from './columns';
import { Department } from './department.entity';
import { User } from './user.entity';

/**
 * A department a member of the centre staff (planner, supervisor, QA) works for, beside their own. Admins work for
 * every department; requesters and agents only for their own, so they have no rows here.
 */
@Entity('user_departments')
export class UserDepartment {
  @PrimaryColumn('uuid') userId: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: Relation<User>;
  @PrimaryColumn('uuid') departmentId: string;
  @ManyToOne(() => Department, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<Department>;
  @CreatedAt() createdAt: Date;
}
