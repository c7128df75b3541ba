import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportingArchives1796014743790 implements MigrationInterface {
  name = 'ReportingArchives1796014743790';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "archives" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(32) NOT NULL, "department_id" uuid, "brief_id" uuid, "storage_key" character varying(300) NOT NULL, "sha256" character varying(64) NOT NULL, "bytes" bigint NOT NULL, "rows" integer, "period_from" TIMESTAMP WITH TIME ZONE, "period_to" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c3ec7997b37170870ed028fe0e3" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_archives_storage_key" ON "archives"  ("storage_key") `);
    await q.query(`CREATE INDEX "ix_archives_kind_created" ON "archives"  ("kind", "created_at") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."ix_archives_kind_created"`);
    await q.query(`DROP INDEX "public"."uq_archives_storage_key"`);
    await q.query(`DROP TABLE "archives"`);
  }
}
