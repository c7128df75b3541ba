import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportingScale1796021206653 implements MigrationInterface {
  name = 'ReportingScale1796021206653';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "campaign_hour_rollups" ("campaign_id" uuid NOT NULL, "hour" TIMESTAMP WITH TIME ZONE NOT NULL, "department_id" uuid NOT NULL, "mode" character varying(16) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "dials" integer NOT NULL DEFAULT '0', "answered" integer NOT NULL DEFAULT '0', "human" integer NOT NULL DEFAULT '0', "abandoned" integer NOT NULL DEFAULT '0', "machine" integer NOT NULL DEFAULT '0', "rejected" integer NOT NULL DEFAULT '0', "successes" integer NOT NULL DEFAULT '0', "talk_seconds" bigint NOT NULL DEFAULT '0', "wrap_seconds" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_e8a19ec51dceb955fd39cafb618" PRIMARY KEY ("campaign_id", "hour"))`,
    );
    await q.query(`CREATE INDEX "ix_campaign_hour_rollups_hour" ON "campaign_hour_rollups"  ("hour") `);
    await q.query(
      `CREATE INDEX "ix_campaign_hour_rollups_department_hour" ON "campaign_hour_rollups"  ("department_id", "hour") `,
    );
    await q.query(
      `CREATE TABLE "campaign_day_rollups" ("campaign_id" uuid NOT NULL, "day" date NOT NULL, "department_id" uuid NOT NULL, "mode" character varying(16) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "dials" integer NOT NULL DEFAULT '0', "answered" integer NOT NULL DEFAULT '0', "human" integer NOT NULL DEFAULT '0', "abandoned" integer NOT NULL DEFAULT '0', "machine" integer NOT NULL DEFAULT '0', "rejected" integer NOT NULL DEFAULT '0', "successes" integer NOT NULL DEFAULT '0', "talk_seconds" bigint NOT NULL DEFAULT '0', "wrap_seconds" bigint NOT NULL DEFAULT '0', "active_hours" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_ac707d9ba6cd5ed2a572fd7852a" PRIMARY KEY ("campaign_id", "day"))`,
    );
    await q.query(`CREATE INDEX "ix_campaign_day_rollups_day" ON "campaign_day_rollups"  ("day") `);
    await q.query(
      `CREATE INDEX "ix_campaign_day_rollups_department_day" ON "campaign_day_rollups"  ("department_id", "day") `,
    );
    await q.query(
      `CREATE TABLE "campaign_hour_of_day_rollups" ("campaign_id" uuid NOT NULL, "month" date NOT NULL, "hour" smallint NOT NULL, "department_id" uuid NOT NULL, "mode" character varying(16) NOT NULL, "dials" integer NOT NULL DEFAULT '0', "human" integer NOT NULL DEFAULT '0', "abandoned" integer NOT NULL DEFAULT '0', "successes" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_43c22630cab714e9256914f68da" PRIMARY KEY ("campaign_id", "month", "hour"))`,
    );
    await q.query(`CREATE INDEX "ix_campaign_hour_of_day_rollups_month" ON "campaign_hour_of_day_rollups"  ("month") `);
    await q.query(
      `CREATE TABLE "agent_day_rollups" ("agent_id" uuid NOT NULL, "day" date NOT NULL, "department_id" uuid NOT NULL, "calls" integer NOT NULL DEFAULT '0', "successes" integer NOT NULL DEFAULT '0', "talk_seconds" bigint NOT NULL DEFAULT '0', "wrap_seconds" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_7846fac2758b051e0b0c63b0741" PRIMARY KEY ("agent_id", "day"))`,
    );
    await q.query(
      `CREATE INDEX "ix_agent_day_rollups_department_day" ON "agent_day_rollups"  ("department_id", "day") `,
    );
    await q.query(
      `CREATE TABLE "number_day_rollups" ("campaign_id" uuid NOT NULL, "day" date NOT NULL, "called_number" character varying(16) NOT NULL, "dials" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_6f48054804693ca173bc49640cc" PRIMARY KEY ("campaign_id", "day", "called_number"))`,
    );
    await q.query(
      `CREATE TABLE "number_day_counts" ("campaign_id" uuid NOT NULL, "day" date NOT NULL, "dials" integer NOT NULL, "numbers" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_199d3c2d80e8f7bf7ff37438630" PRIMARY KEY ("campaign_id", "day", "dials"))`,
    );
    await q.query(
      `CREATE TABLE "outside_window_attempts" ("attempt_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "originated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "local_time" character varying(32) NOT NULL, "time_zone" character varying(64) NOT NULL, CONSTRAINT "PK_319d55e89a87e6c58349e203f6b" PRIMARY KEY ("attempt_id"))`,
    );
    await q.query(
      `CREATE INDEX "ix_outside_window_attempts_campaign_created" ON "outside_window_attempts"  ("campaign_id", "created_at") `,
    );
    await q.query(
      `CREATE TABLE "abandon_window_days" ("campaign_id" uuid NOT NULL, "day" date NOT NULL, "hours" integer NOT NULL, "cap_percent" numeric NOT NULL, "windows" integer NOT NULL, "windows_over_cap" integer NOT NULL, "worst_end" TIMESTAMP WITH TIME ZONE NOT NULL, "worst_live" integer NOT NULL, "worst_abandoned" integer NOT NULL, CONSTRAINT "PK_37c065aa7a37648f7d54be37f9b" PRIMARY KEY ("campaign_id", "day", "hours"))`,
    );
    await q.query(
      `CREATE TABLE "abandon_window_dirty" ("campaign_id" uuid NOT NULL, "day" date NOT NULL, "marked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_25050178a2dd6377fae69b83d49" PRIMARY KEY ("campaign_id", "day"))`,
    );
    await q.query(
      `CREATE TABLE "campaign_contact_totals" ("campaign_id" uuid NOT NULL, "contacts_dialled" integer NOT NULL DEFAULT '0', "dnc_before_dial" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_8d38f08aa1f1d09929abcf2de6f" PRIMARY KEY ("campaign_id"))`,
    );
    // One function rebuilds every rollup from the attempts in set-based passes (repair, bulk loads, this migration).
    await q.query(REBUILD_FUNCTION);
    await q.query(APPLY_FUNCTION);
    await q.query(CONTACT_TOTALS_FUNCTION);
    await q.query(`CREATE TRIGGER campaign_contacts_totals_ins AFTER INSERT ON campaign_contacts FOR EACH ROW
      WHEN (NEW.attempts > 0 OR NEW.status = 'dnc') EXECUTE FUNCTION report_contact_totals_trigger()`);
    await q.query(`CREATE TRIGGER campaign_contacts_totals_upd AFTER UPDATE ON campaign_contacts FOR EACH ROW
      WHEN ((OLD.attempts > 0) IS DISTINCT FROM (NEW.attempts > 0)
         OR (OLD.status = 'dnc' AND OLD.attempts = 0) IS DISTINCT FROM (NEW.status = 'dnc' AND NEW.attempts = 0)
         OR OLD.campaign_id IS DISTINCT FROM NEW.campaign_id)
      EXECUTE FUNCTION report_contact_totals_trigger()`);
    await q.query(`CREATE TRIGGER campaign_contacts_totals_del AFTER DELETE ON campaign_contacts FOR EACH ROW
      WHEN (OLD.attempts > 0 OR OLD.status = 'dnc') EXECUTE FUNCTION report_contact_totals_trigger()`);
    await q.query(`SELECT report_rollups_rebuild()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS campaign_contacts_totals_del ON campaign_contacts`);
    await q.query(`DROP TRIGGER IF EXISTS campaign_contacts_totals_upd ON campaign_contacts`);
    await q.query(`DROP TRIGGER IF EXISTS campaign_contacts_totals_ins ON campaign_contacts`);
    await q.query(`DROP FUNCTION IF EXISTS report_contact_totals_trigger()`);
    await q.query(`DROP FUNCTION IF EXISTS report_rollups_rebuild()`);
    await q.query(PREVIOUS_APPLY_FUNCTION);
    await q.query(`DROP TABLE "campaign_contact_totals"`);
    await q.query(`DROP TABLE "abandon_window_dirty"`);
    await q.query(`DROP TABLE "abandon_window_days"`);
    await q.query(`DROP INDEX "public"."ix_outside_window_attempts_campaign_created"`);
    await q.query(`DROP TABLE "outside_window_attempts"`);
    await q.query(`DROP TABLE "number_day_counts"`);
    await q.query(`DROP TABLE "number_day_rollups"`);
    await q.query(`DROP INDEX "public"."ix_agent_day_rollups_department_day"`);
    await q.query(`DROP TABLE "agent_day_rollups"`);
    await q.query(`DROP INDEX "public"."ix_campaign_hour_of_day_rollups_month"`);
    await q.query(`DROP TABLE "campaign_hour_of_day_rollups"`);
    await q.query(`DROP INDEX "public"."ix_campaign_day_rollups_department_day"`);
    await q.query(`DROP INDEX "public"."ix_campaign_day_rollups_day"`);
    await q.query(`DROP TABLE "campaign_day_rollups"`);
    await q.query(`DROP INDEX "public"."ix_campaign_hour_rollups_department_hour"`);
    await q.query(`DROP INDEX "public"."ix_campaign_hour_rollups_hour"`);
    await q.query(`DROP TABLE "campaign_hour_rollups"`);
  }
}

/** Contribution of one settled attempt (s = 1) or its removal (s = -1) to every rollup. */
export const APPLY_FUNCTION = `CREATE OR REPLACE FUNCTION report_rollup_apply(r call_attempts, s integer) RETURNS void
LANGUAGE plpgsql AS $$
  DECLARE
    d date := (r.created_at AT TIME ZONE 'UTC')::date;
    h smallint := extract(hour FROM r.created_at AT TIME ZONE 'UTC')::smallint;
    hr timestamptz := date_trunc('hour', r.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
    mo date := date_trunc('month', (r.created_at AT TIME ZONE 'UTC')::date)::date;
    wrap bigint := CASE WHEN r.wrap_ended_at IS NOT NULL AND r.ended_at IS NOT NULL
                        THEN greatest(0, floor(extract(epoch FROM r.wrap_ended_at - r.ended_at)))::bigint ELSE 0 END;
    rej int := coalesce(r.outcome = 'rejected-by-rule', false)::int;
    dial int := 1 - coalesce(r.outcome = 'rejected-by-rule', false)::int;
    hum int := coalesce(r.outcome = 'answered-human', false)::int;
    ab int := coalesce(r.outcome = 'abandoned', false)::int;
    mach int := coalesce(r.outcome = 'machine', false)::int;
    suc int := (1 - coalesce(r.outcome = 'rejected-by-rule', false)::int)
               * coalesce(r.disposition_category = 'success', false)::int;
    hour_total int;
    n int;
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
      INSERT INTO agent_day_rollups AS t (agent_id, day, department_id, calls, successes, talk_seconds, wrap_seconds)
      VALUES (r.agent_id, d, r.department_id, s, s * coalesce(r.disposition_category = 'success', false)::int,
          s * coalesce(r.talk_seconds, 0), s * wrap)
      ON CONFLICT (agent_id, day) DO UPDATE SET calls = t.calls + EXCLUDED.calls,
        successes = t.successes + EXCLUDED.successes, talk_seconds = t.talk_seconds + EXCLUDED.talk_seconds,
        wrap_seconds = t.wrap_seconds + EXCLUDED.wrap_seconds;
    END IF;

    INSERT INTO campaign_hour_rollups AS t (campaign_id, hour, department_id, mode, attempts, dials, answered, human,
        abandoned, machine, rejected, successes, talk_seconds, wrap_seconds)
    VALUES (r.campaign_id, hr, r.department_id, r.mode, s, s * dial, s * (r.answered_at IS NOT NULL)::int, s * hum,
        s * ab, s * mach, s * rej, s * suc, s * coalesce(r.talk_seconds, 0), s * wrap)
    ON CONFLICT (campaign_id, hour) DO UPDATE SET attempts = t.attempts + EXCLUDED.attempts,
      dials = t.dials + EXCLUDED.dials, answered = t.answered + EXCLUDED.answered, human = t.human + EXCLUDED.human,
      abandoned = t.abandoned + EXCLUDED.abandoned, machine = t.machine + EXCLUDED.machine,
      rejected = t.rejected + EXCLUDED.rejected, successes = t.successes + EXCLUDED.successes,
      talk_seconds = t.talk_seconds + EXCLUDED.talk_seconds, wrap_seconds = t.wrap_seconds + EXCLUDED.wrap_seconds
    RETURNING attempts INTO hour_total;
    -- an hour becomes active when its first attempt arrives and stops being so when its last one leaves
    INSERT INTO campaign_day_rollups AS t (campaign_id, day, department_id, mode, attempts, dials, answered, human,
        abandoned, machine, rejected, successes, talk_seconds, wrap_seconds, active_hours)
    VALUES (r.campaign_id, d, r.department_id, r.mode, s, s * dial, s * (r.answered_at IS NOT NULL)::int, s * hum,
        s * ab, s * mach, s * rej, s * suc, s * coalesce(r.talk_seconds, 0), s * wrap,
        CASE WHEN s > 0 AND hour_total = s THEN 1 WHEN s < 0 AND hour_total = 0 THEN -1 ELSE 0 END)
    ON CONFLICT (campaign_id, day) DO UPDATE SET attempts = t.attempts + EXCLUDED.attempts,
      dials = t.dials + EXCLUDED.dials, answered = t.answered + EXCLUDED.answered, human = t.human + EXCLUDED.human,
      abandoned = t.abandoned + EXCLUDED.abandoned, machine = t.machine + EXCLUDED.machine,
      rejected = t.rejected + EXCLUDED.rejected, successes = t.successes + EXCLUDED.successes,
      talk_seconds = t.talk_seconds + EXCLUDED.talk_seconds, wrap_seconds = t.wrap_seconds + EXCLUDED.wrap_seconds,
      active_hours = t.active_hours + EXCLUDED.active_hours;
    INSERT INTO campaign_hour_of_day_rollups AS t (campaign_id, month, hour, department_id, mode, dials, human,
        abandoned, successes)
    VALUES (r.campaign_id, mo, h, r.department_id, r.mode, s * dial, s * hum, s * ab, s * suc)
    ON CONFLICT (campaign_id, month, hour) DO UPDATE SET dials = t.dials + EXCLUDED.dials,
      human = t.human + EXCLUDED.human, abandoned = t.abandoned + EXCLUDED.abandoned,
      successes = t.successes + EXCLUDED.successes;

    IF dial = 1 THEN
      INSERT INTO number_day_rollups AS t (campaign_id, day, called_number, dials) VALUES (r.campaign_id, d,
          r.called_number, s)
      ON CONFLICT (campaign_id, day, called_number) DO UPDATE SET dials = t.dials + EXCLUDED.dials
      RETURNING dials INTO n;
      -- the number moves from the bucket of n - s dials to the bucket of n (bucket 0 is not kept)
      IF n - s > 0 THEN
        INSERT INTO number_day_counts AS t (campaign_id, day, dials, numbers) VALUES (r.campaign_id, d, n - s, -1)
        ON CONFLICT (campaign_id, day, dials) DO UPDATE SET numbers = t.numbers - 1;
      END IF;
      IF n > 0 THEN
        INSERT INTO number_day_counts AS t (campaign_id, day, dials, numbers) VALUES (r.campaign_id, d, n, 1)
        ON CONFLICT (campaign_id, day, dials) DO UPDATE SET numbers = t.numbers + 1;
      END IF;
    END IF;

    -- every attempt hour is a point of the rolling abandon windows: the day's windows are summarised again
    INSERT INTO abandon_window_dirty AS t (campaign_id, day) VALUES (r.campaign_id, d)
    ON CONFLICT (campaign_id, day) DO UPDATE SET marked_at = now();

    -- the same test as the compliance report's proof query (OUTSIDE_WINDOW_QUERY in libs/reporting)
    IF s < 0 THEN
      DELETE FROM outside_window_attempts WHERE attempt_id = r.id;
    ELSIF r.originated_at IS NOT NULL AND r.campaign_contact_id IS NOT NULL THEN
      INSERT INTO outside_window_attempts (attempt_id, campaign_id, created_at, originated_at, local_time, time_zone)
      SELECT r.id, r.campaign_id, r.created_at, r.originated_at,
             to_char(r.originated_at AT TIME ZONE cc.time_zone, 'Dy YYYY-MM-DD HH24:MI'), cc.time_zone
        FROM campaign_contacts cc JOIN campaigns c ON c.id = r.campaign_id
       WHERE cc.id = r.campaign_contact_id
         AND NOT EXISTS (
           SELECT 1 FROM jsonb_array_elements(coalesce(c.windows -> 'weekdays', '[]'::jsonb)) wd,
                         jsonb_array_elements(coalesce(wd -> 'ranges', '[]'::jsonb)) wr
            WHERE wd ->> 'day' = lower(to_char(r.originated_at AT TIME ZONE cc.time_zone, 'Dy'))
              AND to_char(r.originated_at AT TIME ZONE cc.time_zone, 'HH24:MI') >= wr ->> 'from'
              AND to_char(r.originated_at AT TIME ZONE cc.time_zone, 'HH24:MI') < wr ->> 'to')
      ON CONFLICT (attempt_id) DO NOTHING;
    END IF;
  END $$`;

/** Every rollup recomputed from call_attempts and campaign_contacts (same formulas as report_rollup_apply). */
const REBUILD_FUNCTION = `CREATE OR REPLACE FUNCTION report_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    LOCK TABLE attempt_rollups, agent_attempt_rollups, agent_day_rollups, campaign_hour_rollups, campaign_day_rollups,
      campaign_hour_of_day_rollups, number_day_rollups, number_day_counts, outside_window_attempts,
      campaign_contact_totals, abandon_window_days, abandon_window_dirty IN EXCLUSIVE MODE;
    TRUNCATE attempt_rollups, agent_attempt_rollups, agent_day_rollups, campaign_hour_rollups, campaign_day_rollups,
      campaign_hour_of_day_rollups, number_day_rollups, number_day_counts, outside_window_attempts,
      campaign_contact_totals, abandon_window_days, abandon_window_dirty;
    CREATE TEMP TABLE report_settled ON COMMIT DROP AS
      SELECT a.id, a.campaign_id, a.department_id, a.mode, a.pilot, a.agent_id, a.called_number, a.created_at,
             a.originated_at, a.campaign_contact_id,
             (a.created_at AT TIME ZONE 'UTC')::date AS d,
             extract(hour FROM a.created_at AT TIME ZONE 'UTC')::smallint AS h,
             date_trunc('hour', a.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hr,
             coalesce(a.outcome, '') AS outcome, coalesce(a.disposition_code, '') AS disposition_code,
             coalesce(a.disposition_category, '') AS disposition_category,
             (a.answered_at IS NOT NULL)::int AS answered, (a.bridged_at IS NOT NULL)::int AS bridged,
             (a.amd_result IS NOT NULL)::int AS amd, coalesce(a.ring_seconds, 0) AS ring,
             coalesce(a.talk_seconds, 0) AS talk,
             CASE WHEN a.wrap_ended_at IS NOT NULL
                  THEN greatest(0, floor(extract(epoch FROM a.wrap_ended_at - a.ended_at)))::bigint ELSE 0 END AS wrap,
             coalesce(a.outcome = 'rejected-by-rule', false)::int AS rej,
             1 - coalesce(a.outcome = 'rejected-by-rule', false)::int AS dial,
             coalesce(a.outcome = 'answered-human', false)::int AS hum,
             coalesce(a.outcome = 'abandoned', false)::int AS ab,
             coalesce(a.outcome = 'machine', false)::int AS mach,
             (1 - coalesce(a.outcome = 'rejected-by-rule', false)::int)
               * coalesce(a.disposition_category = 'success', false)::int AS suc
        FROM call_attempts a WHERE a.ended_at IS NOT NULL;
    INSERT INTO attempt_rollups (campaign_id, day, hour, outcome, disposition_code, pilot, department_id, mode,
        disposition_category, attempts, answered, bridged, amd, ring_seconds, talk_seconds, wrap_seconds)
      SELECT campaign_id, d, h, outcome, disposition_code, pilot, min(department_id::text)::uuid, min(mode),
             max(disposition_category), count(*), sum(answered), sum(bridged), sum(amd), sum(ring), sum(talk), sum(wrap)
        FROM report_settled GROUP BY campaign_id, d, h, outcome, disposition_code, pilot;
    INSERT INTO agent_attempt_rollups (agent_id, campaign_id, day, department_id, calls, successes, talk_seconds,
        wrap_seconds)
      SELECT agent_id, campaign_id, d, min(department_id::text)::uuid, count(*),
             count(*) FILTER (WHERE disposition_category = 'success'), sum(talk), sum(wrap)
        FROM report_settled WHERE agent_id IS NOT NULL GROUP BY agent_id, campaign_id, d;
    INSERT INTO agent_day_rollups (agent_id, day, department_id, calls, successes, talk_seconds, wrap_seconds)
      SELECT agent_id, d, min(department_id::text)::uuid, count(*),
             count(*) FILTER (WHERE disposition_category = 'success'), sum(talk), sum(wrap)
        FROM report_settled WHERE agent_id IS NOT NULL GROUP BY agent_id, d;
    INSERT INTO campaign_hour_rollups (campaign_id, hour, department_id, mode, attempts, dials, answered, human,
        abandoned, machine, rejected, successes, talk_seconds, wrap_seconds)
      SELECT campaign_id, hr, min(department_id::text)::uuid, min(mode), count(*), sum(dial), sum(answered), sum(hum),
             sum(ab), sum(mach), sum(rej), sum(suc), sum(talk), sum(wrap)
        FROM report_settled GROUP BY campaign_id, hr;
    INSERT INTO campaign_day_rollups (campaign_id, day, department_id, mode, attempts, dials, answered, human,
        abandoned, machine, rejected, successes, talk_seconds, wrap_seconds, active_hours)
      SELECT campaign_id, (hour AT TIME ZONE 'UTC')::date, min(department_id::text)::uuid, min(mode), sum(attempts),
             sum(dials), sum(answered), sum(human), sum(abandoned), sum(machine), sum(rejected), sum(successes),
             sum(talk_seconds), sum(wrap_seconds), count(*) FILTER (WHERE attempts <> 0)
        FROM campaign_hour_rollups GROUP BY campaign_id, (hour AT TIME ZONE 'UTC')::date;
    INSERT INTO campaign_hour_of_day_rollups (campaign_id, month, hour, department_id, mode, dials, human, abandoned,
        successes)
      SELECT campaign_id, date_trunc('month', hour AT TIME ZONE 'UTC')::date,
             extract(hour FROM hour AT TIME ZONE 'UTC')::smallint, min(department_id::text)::uuid, min(mode),
             sum(dials), sum(human), sum(abandoned), sum(successes)
        FROM campaign_hour_rollups GROUP BY 1, 2, 3;
    INSERT INTO number_day_rollups (campaign_id, day, called_number, dials)
      SELECT campaign_id, d, called_number, count(*) FROM report_settled WHERE dial = 1 GROUP BY 1, 2, 3;
    INSERT INTO number_day_counts (campaign_id, day, dials, numbers)
      SELECT campaign_id, day, dials, count(*) FROM number_day_rollups GROUP BY 1, 2, 3;
    INSERT INTO outside_window_attempts (attempt_id, campaign_id, created_at, originated_at, local_time, time_zone)
      SELECT a.id, a.campaign_id, a.created_at, a.originated_at,
             to_char(a.originated_at AT TIME ZONE cc.time_zone, 'Dy YYYY-MM-DD HH24:MI'), cc.time_zone
        FROM report_settled a JOIN campaign_contacts cc ON cc.id = a.campaign_contact_id
        JOIN campaigns c ON c.id = a.campaign_id
       WHERE a.originated_at IS NOT NULL
         AND NOT EXISTS (
           SELECT 1 FROM jsonb_array_elements(coalesce(c.windows -> 'weekdays', '[]'::jsonb)) wd,
                         jsonb_array_elements(coalesce(wd -> 'ranges', '[]'::jsonb)) wr
            WHERE wd ->> 'day' = lower(to_char(a.originated_at AT TIME ZONE cc.time_zone, 'Dy'))
              AND to_char(a.originated_at AT TIME ZONE cc.time_zone, 'HH24:MI') >= wr ->> 'from'
              AND to_char(a.originated_at AT TIME ZONE cc.time_zone, 'HH24:MI') < wr ->> 'to');
    INSERT INTO abandon_window_dirty (campaign_id, day)
      SELECT DISTINCT campaign_id, d FROM report_settled;
    INSERT INTO campaign_contact_totals (campaign_id, contacts_dialled, dnc_before_dial)
      SELECT campaign_id, count(*) FILTER (WHERE attempts > 0), count(*) FILTER (WHERE status = 'dnc' AND attempts = 0)
        FROM campaign_contacts GROUP BY campaign_id;
  END $$`;

/** campaign_contact_totals follows campaign_contacts: dialled at least once, closed as do-not-call before a dial. */
const CONTACT_TOTALS_FUNCTION = `CREATE OR REPLACE FUNCTION report_contact_totals_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      INSERT INTO campaign_contact_totals AS t (campaign_id, contacts_dialled, dnc_before_dial)
      VALUES (OLD.campaign_id, -(OLD.attempts > 0)::int, -(OLD.status = 'dnc' AND OLD.attempts = 0)::int)
      ON CONFLICT (campaign_id) DO UPDATE SET contacts_dialled = t.contacts_dialled + EXCLUDED.contacts_dialled,
        dnc_before_dial = t.dnc_before_dial + EXCLUDED.dnc_before_dial;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
      INSERT INTO campaign_contact_totals AS t (campaign_id, contacts_dialled, dnc_before_dial)
      VALUES (NEW.campaign_id, (NEW.attempts > 0)::int, (NEW.status = 'dnc' AND NEW.attempts = 0)::int)
      ON CONFLICT (campaign_id) DO UPDATE SET contacts_dialled = t.contacts_dialled + EXCLUDED.contacts_dialled,
        dnc_before_dial = t.dnc_before_dial + EXCLUDED.dnc_before_dial;
    END IF;
    RETURN NULL;
  END $$`;

/** report_rollup_apply as the ReportingRollups migration made it (for down). */
const PREVIOUS_APPLY_FUNCTION = `CREATE OR REPLACE FUNCTION report_rollup_apply(r call_attempts, s integer) RETURNS void LANGUAGE plpgsql AS $$
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
      END $$`;
