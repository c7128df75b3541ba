import { MigrationInterface, QueryRunner } from 'typeorm';

export class ContactImports1796010695667 implements MigrationInterface {
  name = 'ContactImports1796010695667';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "contact_imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "list_id" uuid NOT NULL, "department_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "owner" character varying(100) NOT NULL, "heartbeat_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by_id" uuid, "file_name" character varying(300), "format" character varying(8), "summary" jsonb, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4297d9cdb758eea151bbb09dddb" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_contact_imports_running" ON "contact_imports"  ("list_id") WHERE status = 'importing'`,
    );
    await q.query(`CREATE INDEX "ix_contact_imports_list" ON "contact_imports"  ("list_id", "started_at") `);
    await q.query(
      `CREATE TABLE "contact_import_rows" ("import_id" uuid NOT NULL, "dedupe_key" character varying(300) NOT NULL, "external_id" character varying(200), "first_name" character varying(200), "last_name" character varying(200), "time_zone" character varying(64) NOT NULL, "region" character varying(2), "segment" character varying(100), "fields" jsonb NOT NULL, "source_row" integer NOT NULL, "dnc" boolean NOT NULL DEFAULT false, "phones" jsonb NOT NULL, CONSTRAINT "PK_02c9c35bac6e1cea29dc7b66634" PRIMARY KEY ("import_id", "dedupe_key"))`,
    );
    // Staged rows are worth nothing after a crash (the import is failed at the next start): skip the WAL.
    await q.query(`ALTER TABLE "contact_import_rows" SET UNLOGGED`);
    await q.query(`ALTER TABLE "import_rejections" ADD "import_id" uuid`);
    await q.query(`CREATE INDEX "ix_import_rejections_import" ON "import_rejections"  ("import_id", "row_number") `);
    await q.query(
      `ALTER TABLE "contact_imports" ADD CONSTRAINT "FK_7dc8fe29b83752b32d44e0ad413" FOREIGN KEY ("list_id") REFERENCES "contact_lists"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "import_rejections" ADD CONSTRAINT "FK_91b0879e933bce03366b0e50ece" FOREIGN KEY ("import_id") REFERENCES "contact_imports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "import_rejections" DROP CONSTRAINT "FK_91b0879e933bce03366b0e50ece"`);
    await q.query(`ALTER TABLE "contact_imports" DROP CONSTRAINT "FK_7dc8fe29b83752b32d44e0ad413"`);
    await q.query(`DROP INDEX "public"."ix_import_rejections_import"`);
    await q.query(`ALTER TABLE "import_rejections" DROP COLUMN "import_id"`);
    await q.query(`DROP TABLE "contact_import_rows"`);
    await q.query(`DROP INDEX "public"."ix_contact_imports_list"`);
    await q.query(`DROP INDEX "public"."uq_contact_imports_running"`);
    await q.query(`DROP TABLE "contact_imports"`);
  }
}
