import type { DataSource } from 'typeorm';

export const DEMO_INBOUND = { did: '1000', queueName: 'Demo inbound', callsPerMinute: 0.5 };

/** callsPerMinute is in simulated time: at the demo's 10× time scale, about five callers a real minute. */
/** The demo's inbound queue (idempotent): DID 1000 → "Demo inbound", every demo agent a member. */
export async function seedDemoInbound(
  ds: DataSource,
  departmentId: string,
  agentIds: string[],
): Promise<{ queueId: string }> {
  return ds.transaction(async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('dialer-demo-inbound'))`);
    let [q]: { id: string }[] = await m.query(`SELECT id FROM queues WHERE name = $1`, [DEMO_INBOUND.queueName]);
    if (!q) {
      [q] = await m.query(
        `INSERT INTO queues (department_id, name, strategy, wrap_up_seconds, max_wait_seconds, overflow_target, service_level_seconds)
         VALUES ($1, $2, 'longest-idle', 5, 180, 'callback', 20) RETURNING id`,
        [departmentId, DEMO_INBOUND.queueName],
      );
    }
    await m.query(
      `INSERT INTO dids (department_id, number, queue_id) VALUES ($1, $2, $3) ON CONFLICT (number) DO NOTHING`,
      [departmentId, DEMO_INBOUND.did, q.id],
    );
    for (const a of agentIds)
      await m.query(`INSERT INTO queue_memberships (queue_id, agent_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        q.id,
        a,
      ]);
    return { queueId: q.id };
  });
}
