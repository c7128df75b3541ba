import { MigrationInterface, QueryRunner } from 'typeorm';

export class DepartmentAllowedDestinations1796016000210 implements MigrationInterface {
  name = 'DepartmentAllowedDestinations1796016000210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "departments" ADD "allowed_destinations" text array NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "departments" DROP COLUMN "allowed_destinations"`);
  }
}
