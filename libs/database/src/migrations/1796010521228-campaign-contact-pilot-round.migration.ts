import { MigrationInterface, QueryRunner } from 'typeorm';

export class CampaignContactPilotRound1796010521228 implements MigrationInterface {
  name = 'CampaignContactPilotRound1796010521228';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "campaign_contacts" ADD "pilot_round" integer`);
    // pilots from before rounds existed were round 1
    await q.query(`UPDATE "campaign_contacts" SET "pilot_round" = 1 WHERE "pilot"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "campaign_contacts" DROP COLUMN "pilot_round"`);
  }
}
