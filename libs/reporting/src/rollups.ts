import type { DataSource } from 'typeorm';
import { refreshAbandonWindows } from './abandon-windows';

/** The triggers that keep attempt_rollups and agent_attempt_rollups current (created by the ReportingRollups migration). */
export const ROLLUP_TRIGGERS = ['call_attempts_rollup_ins', 'call_attempts_rollup_upd', 'call_attempts_rollup_del'];
/** The triggers that keep campaign_contact_totals current (ReportingScale migration). */
export const CONTACT_TOTAL_TRIGGERS = [
  'campaign_contacts_totals_ins',
  'campaign_contacts_totals_upd',
  'campaign_contacts_totals_del',
];

/**
 * Recomputes every rollup from call_attempts and campaign_contacts in set-based passes (report_rollups_rebuild, the
 * repair job and the way a bulk load that ran with the triggers disabled catches up), then the abandon windows.
 */
export async function rebuildRollups(ds: DataSource): Promise<void> {
  await ds.transaction(async (m) => {
    await m.query(`SELECT report_rollups_rebuild()`);
    await m.query(`TRUNCATE abandon_window_months`);
  });
  await refreshAbandonWindows(ds, null);
}

/** Turns the rollup triggers off or on (bulk loads only: run rebuildRollups after turning them back on). */
export async function setRollupTriggers(ds: DataSource, enabled: boolean): Promise<void> {
  for (const t of ROLLUP_TRIGGERS)
    await ds.query(`ALTER TABLE call_attempts ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER ${t}`);
  for (const t of CONTACT_TOTAL_TRIGGERS)
    await ds.query(`ALTER TABLE campaign_contacts ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER ${t}`);
}
