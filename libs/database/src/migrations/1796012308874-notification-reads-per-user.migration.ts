import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationReadsPerUser1796012308874 implements MigrationInterface {
  name = 'NotificationReadsPerUser1796012308874';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "notification_reads" ("notification_id" uuid NOT NULL, "user_id" uuid NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_5c38c21e1fb176c9f55575cd678" PRIMARY KEY ("notification_id", "user_id"))`,
    );
    await q.query(`CREATE INDEX "ix_notification_reads_user" ON "notification_reads"  ("user_id") `);
    await q.query(
      `ALTER TABLE "notification_reads" ADD CONSTRAINT "FK_30122217fe6ea5e114793efd4d5" FOREIGN KEY ("notification_id") REFERENCES "notifications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "notification_reads" ADD CONSTRAINT "FK_8a89aac7f3083b0fceadc99c404" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Keep what people saw: a notice one of them marked read stays read for each user of that department.
    await q.query(
      `INSERT INTO "notification_reads" ("notification_id", "user_id", "read_at")
       SELECT n."id", u."id", n."read_at" FROM "notifications" n JOIN "users" u ON u."department_id" = n."department_id"
        WHERE n."read_at" IS NOT NULL`,
    );
    await q.query(`ALTER TABLE "notifications" DROP COLUMN "read_at"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notification_reads" DROP CONSTRAINT "FK_8a89aac7f3083b0fceadc99c404"`);
    await q.query(`ALTER TABLE "notification_reads" DROP CONSTRAINT "FK_30122217fe6ea5e114793efd4d5"`);
    await q.query(`ALTER TABLE "notifications" ADD "read_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(
      `UPDATE "notifications" n SET "read_at" = r."first" FROM
        (SELECT "notification_id", min("read_at") AS "first" FROM "notification_reads" GROUP BY "notification_id") r
        WHERE r."notification_id" = n."id"`,
    );
    await q.query(`DROP INDEX "public"."ix_notification_reads_user"`);
    await q.query(`DROP TABLE "notification_reads"`);
  }
}
