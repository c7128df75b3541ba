import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { UpdatedAt } from './columns';
import { Department } from './department.entity';

/** How a department receives its results (reporting app): extra mail recipients, daily results while campaigns run. */
@Entity('department_delivery_settings')
export class DepartmentDeliverySettings {
  @PrimaryColumn('uuid') departmentId: string;
  @ManyToOne(() => Department, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<Department>;
  /** Mailed with every delivery, beside the brief's contact person and requester. */
  @Column('text', { array: true, default: () => "'{}'" }) recipients: string[];
  /** Deliver the results so far once a UTC day while a campaign of the department's briefs is live. */
  @Column('boolean', { default: false }) dailyWhileRunning: boolean;
  @Column('uuid', { nullable: true }) updatedById: string | null;
  @UpdatedAt() updatedAt: Date;
}
