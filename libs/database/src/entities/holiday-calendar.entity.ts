import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, Jsonb, UpdatedAt, Varchar } from './columns';

/** Named sets of dates on which calling is not allowed (unless a campaign says otherwise). */
@Entity('holiday_calendars')
export class HolidayCalendar {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { nullable: true }) departmentId: string | null;
  @Varchar(100) name: string;
  @Varchar(2, { nullable: true }) region: string | null;
  /** [{ date: 'YYYY-MM-DD', name }] */
  @Jsonb() dates: { date: string; name?: string }[];
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
