import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dialer's hot query takes the next callable contacts of one campaign in the order "highest priority first,
 * then the longest due": with the index in that same order PostgreSQL reads only the rows it returns (plus those it
 * skips) instead of sorting every pending row of the campaign. Due callbacks are lifted by priority.
 */
export class CampaignContactsNextIndex1795746900000 implements MigrationInterface {
  name = 'CampaignContactsNextIndex1795746900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "public"."ix_campaign_contacts_next"`);
    await q.query(
      `CREATE INDEX "ix_campaign_contacts_next" ON "campaign_contacts" ("campaign_id", "priority" DESC, "next_attempt_at", "id") WHERE status = 'pending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "public"."ix_campaign_contacts_next"`);
    await q.query(
      `CREATE INDEX "ix_campaign_contacts_next" ON "campaign_contacts" ("campaign_id", "priority", "next_attempt_at") WHERE status = 'pending'`,
    );
  }
}
