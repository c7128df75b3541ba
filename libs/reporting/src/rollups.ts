import type { DataSource } from 'typeorm';

/** The triggers that keep attempt_rollups and agent_attempt_rollups current (created by the ReportingRollups migration). */
export const ROLLUP_TRIGGERS = ['call_attempts_rollup_ins', 'call_attempts_rollup_upd', 'call_attempts_rollup_del'];

/**
 * Recomputes both rollups from call_attempts in one set-based pass (a repair job, and the way a bulk load that ran
 * with the triggers disabled catches up). Same formulas as the trigger function report_rollup_apply.
 */
export async function rebuildRollups(ds: DataSource): Promise<void> {
  await ds.transaction(async (m) => {
    await m.query(`LOCK TABLE attempt_rollups, agent_attempt_rollups IN EXCLUSIVE MODE`);
    await m.query(`DELETE FROM attempt_rollups`);
    await m.query(`DELETE FROM agent_attempt_rollups`);
    const wrap = `CASE WHEN a.wrap_ended_at IS NOT NULL
                       THEN greatest(0, floor(extract(epoch FROM a.wrap_ended_at - a.ended_at)))::bigint ELSE 0 END`;
    await m.query(
      `INSERT INTO attempt_rollups (campaign_id, day, hour, outcome, disposition_code, pilot, department_id, mode,
          disposition_category, attempts, answered, bridged, amd, ring_seconds, talk_seconds, wrap_seconds)
       SELECT a.campaign_id, (a.created_at AT TIME ZONE 'UTC')::date, extract(hour FROM a.created_at AT TIME ZONE 'UTC'),
              coalesce(a.outcome, ''), coalesce(a.disposition_code, ''), a.pilot, min(a.department_id::text)::uuid,
              min(a.mode), coalesce(max(a.disposition_category), ''), count(*),
              count(*) FILTER (WHERE a.answered_at IS NOT NULL), count(*) FILTER (WHERE a.bridged_at IS NOT NULL),
              count(*) FILTER (WHERE a.amd_result IS NOT NULL), coalesce(sum(a.ring_seconds), 0),
              coalesce(sum(a.talk_seconds), 0), coalesce(sum(${wrap}), 0)
         FROM call_attempts a WHERE a.ended_at IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5, 6`,
    );
    await m.query(
      `INSERT INTO agent_attempt_rollups (agent_id, campaign_id, day, department_id, calls, successes, talk_seconds,
          wrap_seconds)
       SELECT a.agent_id, a.campaign_id, (a.created_at AT TIME ZONE 'UTC')::date, min(a.department_id::text)::uuid,
              count(*), count(*) FILTER (WHERE a.disposition_category = 'success'), coalesce(sum(a.talk_seconds), 0),
              coalesce(sum(${wrap}), 0)
         FROM call_attempts a WHERE a.ended_at IS NOT NULL AND a.agent_id IS NOT NULL
        GROUP BY 1, 2, 3`,
    );
  });
}

/** Turns the rollup triggers off or on (bulk loads only: run rebuildRollups after turning them back on). */
export async function setRollupTriggers(ds: DataSource, enabled: boolean): Promise<void> {
  for (const t of ROLLUP_TRIGGERS)
    await ds.query(`ALTER TABLE call_attempts ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER ${t}`);
}
