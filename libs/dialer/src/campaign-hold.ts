import type { DataSource } from 'typeorm';
import type { Campaign } from '@app/database';
import { holdReasons, type DialingStatus, type HoldZone } from '@app/dialer-core';
import { engineSettingsOf } from './campaign-settings';

/**
 * Why a campaign is (not) dialing, from aggregate queries (contacts per time zone, contacts per status, agents per
 * state, the abandon window) read through the campaign_contacts (campaign_id, status) index, and the pure
 * `holdReasons` of @app/dialer-core. REST computes it on demand; pushes reuse a result up to `maxAgeMs` old.
 */
const cache = new Map<string, { at: number; state: string; status: DialingStatus }>();

export async function dialingStatusOf(
  ds: DataSource,
  c: Campaign,
  o: { now?: number; maxAgeMs?: number } = {},
): Promise<DialingStatus> {
  const now = o.now ?? Date.now();
  const hit = cache.get(c.id);
  if (o.maxAgeMs && hit && now - hit.at < o.maxAgeMs && hit.state === c.state) return hit.status;
  const settings = engineSettingsOf(c);
  const pilotOnly = c.state === 'pilot' || c.state === 'pilot_paused';
  const zones: { tz: string; pending: number; due: number; next_retry: Date | null; in_flight: number }[] =
    await ds.query(
      `SELECT time_zone AS tz,
              count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE status = 'pending' AND next_attempt_at <= $2)::int AS due,
              min(next_attempt_at) FILTER (WHERE status = 'pending' AND next_attempt_at > $2) AS next_retry,
              count(*) FILTER (WHERE status IN ('leased', 'dialing'))::int AS in_flight
         FROM campaign_contacts
        WHERE campaign_id = $1 AND status IN ('pending', 'leased', 'dialing') AND (NOT $3 OR pilot)
        GROUP BY time_zone`,
      [c.id, new Date(now), pilotOnly],
    );
  const statuses: { status: string; n: number }[] = await ds.query(
    `SELECT status, count(*)::int AS n FROM campaign_contacts WHERE campaign_id = $1 AND (NOT $2 OR pilot)
      GROUP BY status`,
    [c.id, pilotOnly],
  );
  const agents: { state: string; n: number }[] = await ds.query(
    `SELECT state, count(*)::int AS n FROM agents WHERE campaign_id = $1 AND state <> 'offline' GROUP BY state`,
    [c.id],
  );
  let abandon: { cap: number; rate: number; freesAt: number | null } | null = null;
  if (c.mode === 'predictive') {
    const [w]: { answered: number; abandoned: number; oldest: Date | null }[] = await ds.query(
      `SELECT count(*) FILTER (WHERE outcome IN ('answered-human', 'abandoned'))::int AS answered,
              count(*) FILTER (WHERE outcome = 'abandoned')::int AS abandoned,
              min(ended_at) FILTER (WHERE outcome = 'abandoned') AS oldest
         FROM call_attempts WHERE campaign_id = $1 AND ended_at > $2`,
      [c.id, new Date(now - settings.abandonWindowSeconds * 1000)],
    );
    abandon = {
      cap: settings.abandonCap,
      rate: w.answered === 0 ? 0 : w.abandoned / w.answered,
      freesAt: w.oldest ? new Date(w.oldest).getTime() + settings.abandonWindowSeconds * 1000 : null,
    };
  }
  const status = holdReasons({
    now,
    state: c.state,
    mode: c.mode,
    deadline: c.deadline ? c.deadline.getTime() : null,
    rules: settings.rules,
    ringTimeoutSeconds: settings.config.ringTimeoutSeconds,
    zones: zones.map((z): HoldZone => ({
      timeZone: z.tz,
      pending: z.pending,
      due: z.due,
      nextRetryAt: z.next_retry ? new Date(z.next_retry).getTime() : null,
      inFlight: z.in_flight,
    })),
    statuses: Object.fromEntries(statuses.map((s) => [s.status, s.n])),
    agents: { byState: Object.fromEntries(agents.map((a) => [a.state, a.n])) },
    abandon,
    runnerHeld: !!c.leaseOwner && !!c.leaseExpiresAt && c.leaseExpiresAt.getTime() > now,
  });
  cache.set(c.id, { at: now, state: c.state, status });
  return status;
}
