import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportingRollups1796013096997 implements MigrationInterface {
  name = 'ReportingRollups1796013096997';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "ix_call_attempts_created" ON "call_attempts"  ("created_at") `);
    await q.query(
      `CREATE TABLE "attempt_rollups" ("campaign_id" uuid NOT NULL, "day" date NOT NULL, "hour" smallint NOT NULL, "outcome" character varying(24) NOT NULL, "disposition_code" character varying(32) NOT NULL, "pilot" boolean NOT NULL, "department_id" uuid NOT NULL, "mode" character varying(16) NOT NULL, "disposition_category" character varying(16) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "answered" integer NOT NULL DEFAULT '0', "bridged" integer NOT NULL DEFAULT '0', "amd" integer NOT NULL DEFAULT '0', "ring_seconds" bigint NOT NULL DEFAULT '0', "talk_seconds" bigint NOT NULL DEFAULT '0', "wrap_seconds" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_b0f04019c2912d04f6ed649884a" PRIMARY KEY ("campaign_id", "day", "hour", "outcome", "disposition_code", "pilot"))`,
    );
    await q.query(`CREATE INDEX "ix_attempt_rollups_day" ON "attempt_rollups"  ("day") `);
    await q.query(`CREATE INDEX "ix_attempt_rollups_department_day" ON "attempt_rollups"  ("department_id", "day") `);
    await q.query(
      `CREATE TABLE "agent_attempt_rollups" ("agent_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "day" date NOT NULL, "department_id" uuid NOT NULL, "calls" integer NOT NULL DEFAULT '0', "successes" integer NOT NULL DEFAULT '0', "talk_seconds" bigint NOT NULL DEFAULT '0', "wrap_seconds" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_b6fce2772614eb097e37cbcbcf6" PRIMARY KEY ("agent_id", "campaign_id", "day"))`,
    );
    await q.query(
      `CREATE INDEX "ix_agent_attempt_rollups_department_day" ON "agent_attempt_rollups"  ("department_id", "day") `,
    );
    // A settled attempt (ended_at set) counts once in each rollup; any later change (disposition, end of wrap-up)
    // takes the old contribution out and puts the new one in, so the sums always equal a full recount.
    await q.query(`CREATE FUNCTION report_rollup_apply(r call_attempts, s integer) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        d date := (r.created_at AT TIME ZONE 'UTC')::date;
        h smallint := extract(hour FROM r.created_at AT TIME ZONE 'UTC')::smallint;
        wrap bigint := CASE WHEN r.wrap_ended_at IS NOT NULL AND r.ended_at IS NOT NULL
                            THEN greatest(0, floor(extract(epoch FROM r.wrap_ended_at - r.ended_at)))::bigint ELSE 0 END;
      BEGIN
        INSERT INTO attempt_rollups AS t (campaign_id, day, hour, outcome, disposition_code, pilot, department_id, mode,
            disposition_category, attempts, answered, bridged, amd, ring_seconds, talk_seconds, wrap_seconds)
        VALUES (r.campaign_id, d, h, coalesce(r.outcome, ''), coalesce(r.disposition_code, ''), r.pilot, r.department_id,
            r.mode, coalesce(r.disposition_category, ''), s, s * (r.answered_at IS NOT NULL)::int,
            s * (r.bridged_at IS NOT NULL)::int, s * (r.amd_result IS NOT NULL)::int, s * coalesce(r.ring_seconds, 0),
            s * coalesce(r.talk_seconds, 0), s * wrap)
        ON CONFLICT (campaign_id, day, hour, outcome, disposition_code, pilot) DO UPDATE SET
          attempts = t.attempts + EXCLUDED.attempts, answered = t.answered + EXCLUDED.answered,
          bridged = t.bridged + EXCLUDED.bridged, amd = t.amd + EXCLUDED.amd,
          ring_seconds = t.ring_seconds + EXCLUDED.ring_seconds, talk_seconds = t.talk_seconds + EXCLUDED.talk_seconds,
          wrap_seconds = t.wrap_seconds + EXCLUDED.wrap_seconds,
          disposition_category = CASE WHEN s > 0 THEN EXCLUDED.disposition_category ELSE t.disposition_category END;
        IF r.agent_id IS NOT NULL THEN
          INSERT INTO agent_attempt_rollups AS t (agent_id, campaign_id, day, department_id, calls, successes,
              talk_seconds, wrap_seconds)
          VALUES (r.agent_id, r.campaign_id, d, r.department_id, s, s * (r.disposition_category = 'success')::int,
              s * coalesce(r.talk_seconds, 0), s * wrap)
          ON CONFLICT (agent_id, campaign_id, day) DO UPDATE SET calls = t.calls + EXCLUDED.calls,
            successes = t.successes + EXCLUDED.successes, talk_seconds = t.talk_seconds + EXCLUDED.talk_seconds,
            wrap_seconds = t.wrap_seconds + EXCLUDED.wrap_seconds;
        END IF;
      END $$`);
    await q.query(`CREATE FUNCTION report_rollup_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- the retention job removes whole months and their rollup rows itself
        IF current_setting('reporting.skip_rollup', true) = 'on' THEN RETURN NULL; END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.ended_at IS NOT NULL THEN PERFORM report_rollup_apply(OLD, -1); END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.ended_at IS NOT NULL THEN PERFORM report_rollup_apply(NEW, 1); END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER call_attempts_rollup_ins AFTER INSERT ON call_attempts FOR EACH ROW
      WHEN (NEW.ended_at IS NOT NULL) EXECUTE FUNCTION report_rollup_trigger()`);
    await q.query(`CREATE TRIGGER call_attempts_rollup_upd AFTER UPDATE ON call_attempts FOR EACH ROW
      WHEN ((OLD.ended_at IS NOT NULL OR NEW.ended_at IS NOT NULL) AND OLD.* IS DISTINCT FROM NEW.*)
      EXECUTE FUNCTION report_rollup_trigger()`);
    await q.query(`CREATE TRIGGER call_attempts_rollup_del AFTER DELETE ON call_attempts FOR EACH ROW
      WHEN (OLD.ended_at IS NOT NULL) EXECUTE FUNCTION report_rollup_trigger()`);
    // attempts settled before this migration
    await q.query(`SELECT report_rollup_apply(a, 1) FROM call_attempts a WHERE a.ended_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."ix_call_attempts_created"`);
    await q.query(`DROP TRIGGER IF EXISTS call_attempts_rollup_del ON call_attempts`);
    await q.query(`DROP TRIGGER IF EXISTS call_attempts_rollup_upd ON call_attempts`);
    await q.query(`DROP TRIGGER IF EXISTS call_attempts_rollup_ins ON call_attempts`);
    await q.query(`DROP FUNCTION IF EXISTS report_rollup_trigger()`);
    await q.query(`DROP FUNCTION IF EXISTS report_rollup_apply(call_attempts, integer)`);
    await q.query(`DROP INDEX "public"."ix_agent_attempt_rollups_department_day"`);
    await q.query(`DROP TABLE "agent_attempt_rollups"`);
    await q.query(`DROP INDEX "public"."ix_attempt_rollups_department_day"`);
    await q.query(`DROP INDEX "public"."ix_attempt_rollups_day"`);
    await q.query(`DROP TABLE "attempt_rollups"`);
  }
}
