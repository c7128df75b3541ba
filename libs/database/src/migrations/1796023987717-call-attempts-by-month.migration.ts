import { MigrationInterface, QueryRunner } from 'typeorm';
import { APPLY_FUNCTION } from './1796021206653-reporting-scale.migration';

/** Every column of call_attempts, in table order. */
const COLUMNS = `"id", "campaign_id", "department_id", "campaign_contact_id", "contact_id", "phone_number_id",
  "attempt_number", "channel_id", "dialer_instance", "mode", "pilot", "caller_id", "called_number", "agent_id",
  "queued_at", "originated_at", "ringing_at", "answered_at", "amd_at", "amd_result", "bridged_at", "ended_at",
  "wrap_ended_at", "outcome", "dial_status", "hangup_cause", "hangup_cause_text", "hangup_by", "disposition_code",
  "disposition_category", "ring_seconds", "talk_seconds", "duration_seconds", "recording_name", "script_answers",
  "note", "created_at"`;

/**
 * call_attempts partitioned by month of created_at (UTC): partitions call_attempts_pYYYY_MM made ahead by
 * call_attempts_ensure_month (the retention job runs it for the next months), a default partition for rows of a
 * month without one (ensure_month moves them into the new partition before attaching it). The partition key joins
 * the primary key and the channel's unique index. Existing rows are copied; the rollups stay as they are.
 */
export class CallAttemptsByMonth1796023987717 implements MigrationInterface {
  name = 'CallAttemptsByMonth1796023987717';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS call_attempts_rollup_ins ON call_attempts`);
    await q.query(`DROP TRIGGER IF EXISTS call_attempts_rollup_upd ON call_attempts`);
    await q.query(`DROP TRIGGER IF EXISTS call_attempts_rollup_del ON call_attempts`);
    await q.query(`DROP FUNCTION report_rollup_apply(call_attempts, integer)`);
    await q.query(`ALTER TABLE call_attempts RENAME TO call_attempts_unpartitioned`);
    await q.query(
      `CREATE TABLE "call_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "department_id" uuid NOT NULL, "campaign_contact_id" bigint, "contact_id" uuid NOT NULL, "phone_number_id" uuid, "attempt_number" integer NOT NULL, "channel_id" character varying(64) NOT NULL, "dialer_instance" character varying(100) NOT NULL, "mode" character varying(16) NOT NULL, "pilot" boolean NOT NULL DEFAULT false, "caller_id" character varying(32), "called_number" character varying(16) NOT NULL, "agent_id" uuid, "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "originated_at" TIMESTAMP WITH TIME ZONE, "ringing_at" TIMESTAMP WITH TIME ZONE, "answered_at" TIMESTAMP WITH TIME ZONE, "amd_at" TIMESTAMP WITH TIME ZONE, "amd_result" character varying(16), "bridged_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "wrap_ended_at" TIMESTAMP WITH TIME ZONE, "outcome" character varying(24), "dial_status" character varying(16), "hangup_cause" integer, "hangup_cause_text" character varying(100), "hangup_by" character varying(16), "disposition_code" character varying(32), "disposition_category" character varying(16), "ring_seconds" integer, "talk_seconds" integer, "duration_seconds" integer, "recording_name" character varying(200), "script_answers" jsonb, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d0c180a4daf58b37b6775b0b4b4" PRIMARY KEY ("id", "created_at")) PARTITION BY RANGE ("created_at")`,
    );
    await q.query(`CREATE TABLE call_attempts_default PARTITION OF call_attempts DEFAULT`);
    await q.query(ENSURE_MONTH_FUNCTION);
    await q.query(
      `SELECT call_attempts_ensure_month(m::date)
         FROM generate_series(date_trunc('month', coalesce((SELECT min(created_at) FROM call_attempts_unpartitioned),
                                                           now()) AT TIME ZONE 'UTC'),
                              date_trunc('month', now() AT TIME ZONE 'UTC') + interval '3 months', interval '1 month') m`,
    );
    await q.query(`INSERT INTO call_attempts (${COLUMNS}) SELECT ${COLUMNS} FROM call_attempts_unpartitioned`);
    await q.query(`DROP TABLE call_attempts_unpartitioned`);
    await q.query(`CREATE INDEX "ix_call_attempts_open" ON "call_attempts" ("campaign_id") WHERE ended_at IS NULL`);
    await q.query(`CREATE UNIQUE INDEX "uq_call_attempts_channel" ON "call_attempts" ("channel_id", "created_at")`);
    await q.query(`CREATE INDEX "ix_call_attempts_agent_created" ON "call_attempts" ("agent_id", "created_at")`);
    await q.query(`CREATE INDEX "ix_call_attempts_contact" ON "call_attempts" ("contact_id")`);
    await q.query(`CREATE INDEX "ix_call_attempts_campaign_created" ON "call_attempts" ("campaign_id", "created_at")`);
    await q.query(`CREATE INDEX "ix_call_attempts_created" ON "call_attempts" ("created_at")`);
    await q.query(APPLY_FUNCTION);
    await createRollupTriggers(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS call_attempts_rollup_ins ON call_attempts`);
    await q.query(`DROP TRIGGER IF EXISTS call_attempts_rollup_upd ON call_attempts`);
    await q.query(`DROP TRIGGER IF EXISTS call_attempts_rollup_del ON call_attempts`);
    await q.query(`DROP FUNCTION report_rollup_apply(call_attempts, integer)`);
    await q.query(`DROP FUNCTION call_attempts_ensure_month(date)`);
    await q.query(`ALTER TABLE call_attempts RENAME TO call_attempts_partitioned`);
    await q.query(
      `CREATE TABLE "call_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "campaign_id" uuid NOT NULL, "department_id" uuid NOT NULL, "campaign_contact_id" bigint, "contact_id" uuid NOT NULL, "phone_number_id" uuid, "attempt_number" integer NOT NULL, "channel_id" character varying(64) NOT NULL, "dialer_instance" character varying(100) NOT NULL, "mode" character varying(16) NOT NULL, "pilot" boolean NOT NULL DEFAULT false, "caller_id" character varying(32), "called_number" character varying(16) NOT NULL, "agent_id" uuid, "queued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "originated_at" TIMESTAMP WITH TIME ZONE, "ringing_at" TIMESTAMP WITH TIME ZONE, "answered_at" TIMESTAMP WITH TIME ZONE, "amd_at" TIMESTAMP WITH TIME ZONE, "amd_result" character varying(16), "bridged_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "wrap_ended_at" TIMESTAMP WITH TIME ZONE, "outcome" character varying(24), "dial_status" character varying(16), "hangup_cause" integer, "hangup_cause_text" character varying(100), "hangup_by" character varying(16), "disposition_code" character varying(32), "disposition_category" character varying(16), "ring_seconds" integer, "talk_seconds" integer, "duration_seconds" integer, "recording_name" character varying(200), "script_answers" jsonb, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5e2d1f2a06226fdd07c62da8d85" PRIMARY KEY ("id"))`,
    );
    await q.query(`INSERT INTO call_attempts (${COLUMNS}) SELECT ${COLUMNS} FROM call_attempts_partitioned`);
    await q.query(`DROP TABLE call_attempts_partitioned CASCADE`);
    await q.query(`CREATE INDEX "ix_call_attempts_open" ON "call_attempts" ("campaign_id") WHERE ended_at IS NULL`);
    await q.query(`CREATE UNIQUE INDEX "uq_call_attempts_channel" ON "call_attempts" ("channel_id")`);
    await q.query(`CREATE INDEX "ix_call_attempts_agent_created" ON "call_attempts" ("agent_id", "created_at")`);
    await q.query(`CREATE INDEX "ix_call_attempts_contact" ON "call_attempts" ("contact_id")`);
    await q.query(`CREATE INDEX "ix_call_attempts_campaign_created" ON "call_attempts" ("campaign_id", "created_at")`);
    await q.query(`CREATE INDEX "ix_call_attempts_created" ON "call_attempts" ("created_at")`);
    await q.query(APPLY_FUNCTION);
    await createRollupTriggers(q);
  }
}

async function createRollupTriggers(q: QueryRunner): Promise<void> {
  await q.query(`CREATE TRIGGER call_attempts_rollup_ins AFTER INSERT ON call_attempts FOR EACH ROW
    WHEN (NEW.ended_at IS NOT NULL) EXECUTE FUNCTION report_rollup_trigger()`);
  await q.query(`CREATE TRIGGER call_attempts_rollup_upd AFTER UPDATE ON call_attempts FOR EACH ROW
    WHEN ((OLD.ended_at IS NOT NULL OR NEW.ended_at IS NOT NULL) AND OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION report_rollup_trigger()`);
  await q.query(`CREATE TRIGGER call_attempts_rollup_del AFTER DELETE ON call_attempts FOR EACH ROW
    WHEN (OLD.ended_at IS NOT NULL) EXECUTE FUNCTION report_rollup_trigger()`);
}

/**
 * Makes the partition of the month of m (UTC) unless it exists: rows of that month waiting in the default partition
 * move into it first (the rollups already count them: the trigger stands aside), then it is attached. Returns
 * whether it made one.
 */
const ENSURE_MONTH_FUNCTION = `CREATE OR REPLACE FUNCTION call_attempts_ensure_month(m date) RETURNS boolean
LANGUAGE plpgsql AS $$
  DECLARE
    lo timestamptz := date_trunc('month', m::timestamp) AT TIME ZONE 'UTC';
    hi timestamptz := (date_trunc('month', m::timestamp) + interval '1 month') AT TIME ZONE 'UTC';
    part text := 'call_attempts_p' || to_char(m, 'YYYY_MM');
    skip text := current_setting('reporting.skip_rollup', true);
  BEGIN
    IF to_regclass(part) IS NOT NULL THEN RETURN false; END IF;
    PERFORM pg_advisory_xact_lock(hashtext('call_attempts.partitions'));
    IF to_regclass(part) IS NOT NULL THEN RETURN false; END IF;
    EXECUTE format('CREATE TABLE %I (LIKE call_attempts INCLUDING DEFAULTS)', part);
    PERFORM set_config('reporting.skip_rollup', 'on', true);
    EXECUTE format('WITH moved AS (DELETE FROM call_attempts_default WHERE created_at >= $1 AND created_at < $2
                    RETURNING *) INSERT INTO %I SELECT * FROM moved', part) USING lo, hi;
    PERFORM set_config('reporting.skip_rollup', coalesce(skip, ''), true);
    EXECUTE format('ALTER TABLE call_attempts ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
    RETURN true;
  END $$`;
