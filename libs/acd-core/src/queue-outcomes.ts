/**
 * How a queue's calls are counted, shared by the ACD's live figures and the reporting app, both reading
 * `queue_events` (the queue_log). A call is offered once per queue it ends in: answered (`CONNECT`, its `holdtime`
 * against the queue's service-level target), abandoned (`ABANDON`, with how long it `waited`) or overflowed (an
 * `EXIT*` event); a kept place ends later with its callback's CONNECT. Abandons shorter than `SHORT_ABANDON_SECONDS`
 * are the callers who hung up before anyone could answer: the second service level leaves them out.
 */
export const SHORT_ABANDON_SECONDS = 5;
export const OVERFLOW_EVENTS = ['EXITWITHTIMEOUT', 'EXITEMPTY', 'EXITFULL'] as const;
export const OUTCOME_EVENTS = ['CONNECT', 'ABANDON', ...OVERFLOW_EVENTS] as const;

/** Column expressions the counting SQL reads; `shortParam` is the bind parameter holding the short-abandon limit. */
export interface OutcomeColumns {
  event: string;
  hold: string;
  waited: string;
  target: string;
  shortParam: string;
}

/**
 * The aggregate columns `answered, within, abandoned, short, overflowed, asa, longest` for a SELECT over
 * queue_events: the counting rules in one place, whatever the grouping around them.
 */
export function outcomeCountsSql(c: OutcomeColumns): string {
  const overflow = OVERFLOW_EVENTS.map((e) => `'${e}'`).join(', ');
  return `count(*) FILTER (WHERE ${c.event} = 'CONNECT') AS answered,
          count(*) FILTER (WHERE ${c.event} = 'CONNECT' AND ${c.hold} <= ${c.target}) AS within,
          count(*) FILTER (WHERE ${c.event} = 'ABANDON') AS abandoned,
          count(*) FILTER (WHERE ${c.event} = 'ABANDON' AND ${c.waited} < ${c.shortParam}) AS short,
          count(*) FILTER (WHERE ${c.event} IN (${overflow})) AS overflowed,
          avg(${c.hold}) FILTER (WHERE ${c.event} = 'CONNECT') AS asa,
          max(coalesce(${c.hold}, ${c.waited})) FILTER (WHERE ${c.event} IN ('CONNECT', 'ABANDON')) AS longest`;
}

export interface OutcomeCounts {
  answered: number;
  within: number;
  abandoned: number;
  short: number;
  overflowed: number;
}

export interface OutcomeFigures {
  offered: number;
  answered: number;
  answeredWithinTarget: number;
  abandoned: number;
  shortAbandons: number;
  overflowed: number;
  /** Answered within the target ÷ offered. */
  serviceLevel: number | null;
  /** Answered within the target ÷ (offered − short abandons). */
  serviceLevelExcludingShortAbandons: number | null;
  abandonRate: number | null;
}

/** Offered, service levels and abandon rate from the counts (null where nothing was offered). */
export function outcomeFigures(c: OutcomeCounts): OutcomeFigures {
  const offered = c.answered + c.abandoned + c.overflowed;
  const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
  return {
    offered,
    answered: c.answered,
    answeredWithinTarget: c.within,
    abandoned: c.abandoned,
    shortAbandons: c.short,
    overflowed: c.overflowed,
    serviceLevel: ratio(c.within, offered),
    serviceLevelExcludingShortAbandons: ratio(c.within, offered - c.short),
    abandonRate: ratio(c.abandoned, offered),
  };
}

/** The counts of one SQL row of `outcomeCountsSql` (pg answers counts as strings). */
export const countsOf = (r: Record<string, unknown>): OutcomeCounts => ({
  answered: Number(r.answered),
  within: Number(r.within),
  abandoned: Number(r.abandoned),
  short: Number(r.short),
  overflowed: Number(r.overflowed),
});
