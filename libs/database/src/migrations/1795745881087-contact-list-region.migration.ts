import { MigrationInterface, QueryRunner } from 'typeorm';

export class ContactListRegion1795745881087 implements MigrationInterface {
  name = 'ContactListRegion1795745881087';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "contact_lists" ADD "region" character varying(2)`);
    await q.query(`ALTER TABLE "contact_lists" ADD "default_time_zone" character varying(64)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "contact_lists" DROP COLUMN "default_time_zone"`);
    await q.query(`ALTER TABLE "contact_lists" DROP COLUMN "region"`);
  }
}
