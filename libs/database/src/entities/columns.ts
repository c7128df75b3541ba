import { Column, ColumnOptions, CreateDateColumn, UpdateDateColumn } from 'typeorm';

/** timestamptz everywhere: attempts are compared across time zones and must be exact for regulators. */
export const TimestampColumn = (options: ColumnOptions = {}): PropertyDecorator =>
  Column({ type: 'timestamptz', ...options });
export const CreatedAt = (): PropertyDecorator => CreateDateColumn({ type: 'timestamptz' });
export const UpdatedAt = (): PropertyDecorator => UpdateDateColumn({ type: 'timestamptz' });
export const Varchar = (length: number, options: ColumnOptions = {}): PropertyDecorator =>
  Column({ type: 'varchar', length, ...options });
export const Jsonb = (options: ColumnOptions = {}): PropertyDecorator => Column({ type: 'jsonb', ...options });
