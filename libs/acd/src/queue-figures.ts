import type { DataSource } from 'typeorm';
import { countsOf, outcomeCountsSql, outcomeFigures, SHORT_ABANDON_SECONDS } from '@app/acd-core';

export interface QueueFigures {
  queueId: string;
  offered: number;
  answered: number;
  answeredWithinTarget: number;
  abandoned: number;
  shortAbandons: number;
  overflowed: number;
  /** Answered within T ÷ offered. */
  serviceLevel: number | null;
  /** Answered within T ÷ (offered − abandons within the short-abandon limit). */
  serviceLevelExcludingShortAbandons: number | null;
  asaSeconds: number | null;
  abandonRate: number | null;
  longestWaitSeconds: number | null;
  /** Seconds member agents talked on this queue's calls (CONNECT to COMPLETECALLER / transfer) in the period. */
  busySeconds: number;
  /** Seconds the queue's member agents were logged in during the period (from agent_state_changes). */
  loggedInSeconds: number;
  /** busySeconds ÷ loggedInSeconds. */
  occupancy: number | null;
}

/**
 * Service level, ASA, abandons and the longest wait of a queue over [from, to), recomputed from queue_events alone
 * (like reports on Asterisk's queue_log), counted by the rules of `@app/acd-core` queue-outcomes (the reporting
 * app's queue report counts with the same).
 */
export async function queueFigures(
  ds: DataSource,
  queueId: string,
  targetSeconds: number,
  from: Date,
  to: Date,
  shortAbandonSeconds = SHORT_ABANDON_SECONDS,
): Promise<QueueFigures> {
  const counts = outcomeCountsSql({
    event: 'event',
    hold: "(data->>'holdtime')::float",
    waited: "(data->>'waited')::float",
    target: '$4',
    shortParam: '$5',
  });
  const [r]: (Record<string, unknown> & { asa: number | null; longest: number | null })[] = await ds.query(
    `SELECT ${counts} FROM queue_events WHERE queue_id = $1 AND at >= $2 AND at < $3`,
    [queueId, from, to, targetSeconds, shortAbandonSeconds],
  );
  // Talk on this queue's calls ends with COMPLETECALLER, a blind TRANSFER or a completed ATTENDEDTRANSFER (each
  // carries the talk time of the agent who let the caller go); logged-in time is every member's time out of
  // `offline`, clipped to the period.
  const [o]: { busy: number | null; logged_in: number | null }[] = await ds.query(
    `WITH ch AS (
       SELECT agent_id, at, to_state, lead(at) OVER (PARTITION BY agent_id ORDER BY at, id) AS next_at
         FROM agent_state_changes
        WHERE agent_id IN (SELECT agent_id FROM queue_memberships WHERE queue_id = $1) AND at < $3)
     SELECT (SELECT sum((data->>'talktime')::float) FROM queue_events
              WHERE queue_id = $1 AND at >= $2 AND at < $3 AND data ? 'talktime'
                AND event IN ('COMPLETECALLER', 'TRANSFER', 'ATTENDEDTRANSFER')) AS busy,
            (SELECT sum(extract(epoch FROM least(coalesce(next_at, $3), $3) - greatest(at, $2)))
               FROM ch WHERE to_state <> 'offline' AND coalesce(next_at, $3) > $2) AS logged_in`,
    [queueId, from, to],
  );
  const busySeconds = Number(o.busy ?? 0);
  const loggedInSeconds = Number(o.logged_in ?? 0);
  return {
    queueId,
    ...outcomeFigures(countsOf(r)),
    asaSeconds: r.asa,
    longestWaitSeconds: r.longest,
    busySeconds,
    loggedInSeconds,
    occupancy: loggedInSeconds > 0 ? Math.min(1, busySeconds / loggedInSeconds) : null,
  };
}
