import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { TimestampColumn } from './columns';
import { Notification } from './notification.entity';
import { User } from './user.entity';

/** That one user has read one notification: read state is per user, the notice itself is the department's. */
@Entity('notification_reads')
@Index('ix_notification_reads_user', ['userId'])
export class NotificationRead {
  @PrimaryColumn('uuid') notificationId: string;
  @PrimaryColumn('uuid') userId: string;
  @ManyToOne(() => Notification, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id' })
  notification?: Relation<Notification>;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
  @TimestampColumn() readAt: Date;
}
