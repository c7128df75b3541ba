import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, UpdatedAt, Varchar } from './columns';

/** A dialled number the dialplan hands to the Stasis app (`inbound,<DID>`): it leads to a queue or an IVR menu. */
@Entity('dids')
@Index('uq_dids_number', ['number'], { unique: true })
export class Did {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') departmentId: string;
  @Varchar(32) number: string;
  @Column('uuid', { nullable: true }) queueId: string | null;
  @Column('uuid', { nullable: true }) ivrMenuId: string | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
