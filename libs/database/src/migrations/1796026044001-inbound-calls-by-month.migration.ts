import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every column of inbound_calls, in table order. */
const COLUMNS = `"id", "queue_id", "department_id", "channel_id", "caller_number", "did", "arrived_at", "answered_at",
  "abandoned_at", "ended_at", "agent_id", "outcome", "wait_seconds", "talk_seconds", "overflowed_to", "created_at",
  "status", "priority", "entered_queue_at", "path"`;

const TABLE = (pk: string, partitioned: boolean): string =>
  `CREATE TABLE "inbound_calls" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "queue_id" uuid, "department_id" uuid, "channel_id" character varying(64) NOT NULL, "caller_number" character varying(32), "did" character varying(32), "arrived_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE, "abandoned_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "agent_id" uuid, "outcome" character varying(16), "wait_seconds" integer, "talk_seconds" integer, "overflowed_to" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" character varying(16), "priority" integer NOT NULL DEFAULT '0', "entered_queue_at" TIMESTAMP WITH TIME ZONE, "path" jsonb NOT NULL DEFAULT '[]', CONSTRAINT ${pk})` +
  (partitioned ? ` PARTITION BY RANGE ("arrived_at")` : '');

/**
 * inbound_calls (one row per inbound call) partitioned by month of arrived_at (UTC), as call_attempts and
 * queue_events: partitions inbound_calls_pYYYY_MM made ahead by inbound_calls_ensure_month (the retention job runs it
 * for the next months), a default partition for rows of a month without one. The partition key joins the primary key
 * and the channel's unique index. Nothing references inbound_calls by foreign key; `UPDATE ... WHERE id = $1` looks
 * the row up in every partition through the primary key's index. Existing rows are copied.
 */
export class InboundCallsByMonth1796026044001 implements MigrationInterface {
  name = 'InboundCallsByMonth1796026044001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inbound_calls RENAME TO inbound_calls_unpartitioned`);
    await q.query(TABLE(`"PK_28ac3c2612303c80f9d740147ad" PRIMARY KEY ("id", "arrived_at")`, true));
    await q.query(`CREATE TABLE inbound_calls_default PARTITION OF inbound_calls DEFAULT`);
    await q.query(ENSURE_MONTH_FUNCTION);
    await q.query(
      `SELECT inbound_calls_ensure_month(m::date)
         FROM generate_series(date_trunc('month', coalesce((SELECT min(arrived_at) FROM inbound_calls_unpartitioned),
                                                           now()) AT TIME ZONE 'UTC'),
                              date_trunc('month', now() AT TIME ZONE 'UTC') + interval '3 months', interval '1 month') m`,
    );
    await q.query(`INSERT INTO inbound_calls (${COLUMNS}) SELECT ${COLUMNS} FROM inbound_calls_unpartitioned`);
    await q.query(`DROP TABLE inbound_calls_unpartitioned`);
    await q.query(`CREATE UNIQUE INDEX "uq_inbound_calls_channel" ON "inbound_calls" ("channel_id", "arrived_at")`);
    await q.query(`CREATE INDEX "ix_inbound_calls_queue_arrived" ON "inbound_calls" ("queue_id", "arrived_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION inbound_calls_ensure_month(date)`);
    await q.query(`ALTER TABLE inbound_calls RENAME TO inbound_calls_partitioned`);
    await q.query(TABLE(`"PK_345b5dd6e75f65fbdb4ab7e3805" PRIMARY KEY ("id")`, false));
    await q.query(`INSERT INTO inbound_calls (${COLUMNS}) SELECT ${COLUMNS} FROM inbound_calls_partitioned`);
    await q.query(`DROP TABLE inbound_calls_partitioned CASCADE`);
    await q.query(`CREATE UNIQUE INDEX "uq_inbound_calls_channel" ON "inbound_calls" ("channel_id")`);
    await q.query(`CREATE INDEX "ix_inbound_calls_queue_arrived" ON "inbound_calls" ("queue_id", "arrived_at")`);
  }
}

/**
 * Makes the partition of the month of m (UTC) unless it exists: rows of that month waiting in the default partition
 * move into it first, then it is attached. Returns whether it made one.
 */
const ENSURE_MONTH_FUNCTION = `CREATE OR REPLACE FUNCTION inbound_calls_ensure_month(m date) RETURNS boolean
LANGUAGE plpgsql AS $$
  DECLARE
    lo timestamptz := date_trunc('month', m::timestamp) AT TIME ZONE 'UTC';
    hi timestamptz := (date_trunc('month', m::timestamp) + interval '1 month') AT TIME ZONE 'UTC';
    part text := 'inbound_calls_p' || to_char(m, 'YYYY_MM');
  BEGIN
    IF to_regclass(part) IS NOT NULL THEN RETURN false; END IF;
    PERFORM pg_advisory_xact_lock(hashtext('inbound_calls.partitions'));
    IF to_regclass(part) IS NOT NULL THEN RETURN false; END IF;
    EXECUTE format('CREATE TABLE %I (LIKE inbound_calls INCLUDING DEFAULTS)', part);
    EXECUTE format('WITH moved AS (DELETE FROM inbound_calls_default WHERE arrived_at >= $1 AND arrived_at < $2
                    RETURNING *) INSERT INTO %I SELECT * FROM moved', part) USING lo, hi;
    EXECUTE format('ALTER TABLE inbound_calls ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
    RETURN true;
  END $$`;
