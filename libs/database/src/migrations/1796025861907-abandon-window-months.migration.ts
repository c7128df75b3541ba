import { MigrationInterface, QueryRunner } from 'typeorm';

export class AbandonWindowMonths1796025861907 implements MigrationInterface {
  name = 'AbandonWindowMonths1796025861907';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "abandon_window_months" ("campaign_id" uuid NOT NULL, "month" date NOT NULL, "hours" integer NOT NULL, "cap_percent" numeric NOT NULL, "windows" integer NOT NULL, "windows_over_cap" integer NOT NULL, "worst_end" TIMESTAMP WITH TIME ZONE NOT NULL, "worst_live" integer NOT NULL, "worst_abandoned" integer NOT NULL, CONSTRAINT "PK_139ff9ab32a9e295198a136e416" PRIMARY KEY ("campaign_id", "month", "hours"))`,
    );
    await q.query(MONTHS_FROM_DAYS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "abandon_window_months"`);
  }
}

/** The months summed from the day summaries already there (the refresh keeps both from now on). */
const MONTHS_FROM_DAYS = `INSERT INTO abandon_window_months (campaign_id, month, hours, cap_percent, windows,
    windows_over_cap, worst_end, worst_live, worst_abandoned)
  SELECT campaign_id, date_trunc('month', day)::date, hours, min(cap_percent), sum(windows), sum(windows_over_cap),
         (array_agg(worst_end ORDER BY worst_abandoned::numeric / worst_live DESC, worst_end))[1],
         (array_agg(worst_live ORDER BY worst_abandoned::numeric / worst_live DESC, worst_end))[1],
         (array_agg(worst_abandoned ORDER BY worst_abandoned::numeric / worst_live DESC, worst_end))[1]
    FROM abandon_window_days GROUP BY 1, 2, 3`;
