import { MigrationInterface, QueryRunner } from 'typeorm';

export class DepartmentDeliverySettings1796023284834 implements MigrationInterface {
  name = 'DepartmentDeliverySettings1796023284834';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "department_delivery_settings" ("department_id" uuid NOT NULL, "recipients" text array NOT NULL DEFAULT '{}', "daily_while_running" boolean NOT NULL DEFAULT false, "updated_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c07b21e312ede9701bceac1c43a" PRIMARY KEY ("department_id"))`,
    );
    await q.query(
      `ALTER TABLE "department_delivery_settings" ADD CONSTRAINT "FK_c07b21e312ede9701bceac1c43a" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "department_delivery_settings" DROP CONSTRAINT "FK_c07b21e312ede9701bceac1c43a"`);
    await q.query(`DROP TABLE "department_delivery_settings"`);
  }
}
