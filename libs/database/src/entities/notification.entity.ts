import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAt, Jsonb, TimestampColumn, Varchar } from './columns';

/**
 * In-app notice to a department (brief status changes, reports ready); webhook delivery is tracked beside it.
 * Who has read it is per user (NotificationRead).
 */
@Entity('notifications')
@Index('ix_notifications_department_created', ['departmentId', 'createdAt'])
@Index('ix_notifications_webhook_due', ['webhookNextAttemptAt'], { where: "webhook_status = 'pending'" })
export class Notification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') departmentId: string;
  @Varchar(64) kind: string;
  @Varchar(32, { nullable: true }) entityType: string | null;
  @Varchar(64, { nullable: true }) entityId: string | null;
  @Column('text') message: string;
  @Jsonb({ nullable: true }) payload: Record<string, unknown> | null;
  /** none (no webhook), pending, delivered, failed */
  @Varchar(16, { default: 'none' }) webhookStatus: string;
  @Column('int', { default: 0 }) webhookAttempts: number;
  @TimestampColumn({ nullable: true }) webhookNextAttemptAt: Date | null;
  @Column('text', { nullable: true }) webhookLastError: string | null;
  @CreatedAt() createdAt: Date;
}
