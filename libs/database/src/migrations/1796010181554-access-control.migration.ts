import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccessControl1796010181554 implements MigrationInterface {
  name = 'AccessControl1796010181554';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "user_departments" ("user_id" uuid NOT NULL, "department_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2a5bce7bdcf687fe73fb534c0ee" PRIMARY KEY ("user_id", "department_id"))`,
    );
    await q.query(
      `CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "replaced_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_refresh_tokens_hash" ON "refresh_tokens"  ("token_hash") `);
    await q.query(`CREATE INDEX "ix_refresh_tokens_family" ON "refresh_tokens"  ("family_id") `);
    await q.query(`CREATE INDEX "ix_refresh_tokens_user" ON "refresh_tokens"  ("user_id") `);
    await q.query(`ALTER TABLE "departments" ADD "agent_endpoints" text array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "users" ADD "token_version" integer NOT NULL DEFAULT '0'`);
    await q.query(`ALTER TABLE "agents" ADD "endpoints" text array NOT NULL DEFAULT '{}'`);
    await q.query(
      `ALTER TABLE "user_departments" ADD CONSTRAINT "FK_78098f9a7c51985e96b5326bca9" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "user_departments" ADD CONSTRAINT "FK_f10514cebc5e624f08c1b558081" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "refresh_tokens" ADD CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4"`);
    await q.query(`ALTER TABLE "user_departments" DROP CONSTRAINT "FK_f10514cebc5e624f08c1b558081"`);
    await q.query(`ALTER TABLE "user_departments" DROP CONSTRAINT "FK_78098f9a7c51985e96b5326bca9"`);
    await q.query(`ALTER TABLE "agents" DROP COLUMN "endpoints"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
    await q.query(`ALTER TABLE "departments" DROP COLUMN "agent_endpoints"`);
    await q.query(`DROP INDEX "public"."ix_refresh_tokens_user"`);
    await q.query(`DROP INDEX "public"."ix_refresh_tokens_family"`);
    await q.query(`DROP INDEX "public"."uq_refresh_tokens_hash"`);
    await q.query(`DROP TABLE "refresh_tokens"`);
    await q.query(`DROP TABLE "user_departments"`);
  }
}
