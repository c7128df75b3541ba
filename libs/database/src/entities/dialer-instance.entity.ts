import { Entity, PrimaryColumn } from 'typeorm';
import { CreatedAt, TimestampColumn, Varchar } from './columns';

/** Live dialer processes; a stale heartbeat means its campaign and agent leases may be taken over. */
@Entity('dialer_instances')
export class DialerInstance {
  @PrimaryColumn('varchar', { length: 100 }) id: string;
  @Varchar(200) host: string;
  @TimestampColumn() heartbeatAt: Date;
  @CreatedAt() startedAt: Date;
}
