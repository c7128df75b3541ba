import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CreatedAt, UpdatedAt, Varchar } from './columns';
import { Department } from './department.entity';

@Entity('scripts')
@Index('ix_scripts_department', ['departmentId'])
export class Script {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') departmentId: string;
  @ManyToOne(() => Department) @JoinColumn({ name: 'department_id' }) department?: Relation<Department>;
  @Column('uuid', { nullable: true }) briefId: string | null;
  @Varchar(200) name: string;
  @Column('int', { default: 0 }) latestVersion: number;
  @Column('uuid') createdById: string;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
