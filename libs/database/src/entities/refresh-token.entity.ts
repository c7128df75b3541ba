import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { CreatedAt, TimestampColumn, Varchar } from './columns';
import { User } from './user.entity';

/**
 * One refresh token of the browser app (the `dialer_refresh` cookie). Only its SHA-256 is stored. Each use replaces
 * it with a new one of the same family; presenting a used one again means it leaked, and revokes the whole family.
 */
@Entity('refresh_tokens')
@Index('ix_refresh_tokens_user', ['userId'])
@Index('ix_refresh_tokens_family', ['familyId'])
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') userId: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'user_id' }) user?: Relation<User>;
  /** Every token descended from one login. */
  @Column('uuid') familyId: string;
  @Index('uq_refresh_tokens_hash', { unique: true }) @Varchar(64) tokenHash: string;
  @TimestampColumn() expiresAt: Date;
  /** Set when the token was used (then `replacedBy` names its successor), revoked by logout, or by reuse. */
  @TimestampColumn({ nullable: true }) revokedAt: Date | null;
  @Column('uuid', { nullable: true }) replacedBy: string | null;
  @CreatedAt() createdAt: Date;
}
