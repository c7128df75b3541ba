import type { CallingWindows, RetryPolicy } from '@app/briefs';
import { defaultRetryPolicy, type CallingRules, type RetryPolicy as EngineRetryPolicy } from '@app/dialer-core';
import { EVENING_STARTS } from '@app/briefs';

/** A campaign's calling windows in the shape of @app/dialer-core's window filter. */
export function toCallingRules(w: CallingWindows): CallingRules {
  const weekly: CallingRules['weekly'] = {};
  for (const d of w.weekdays) weekly[d.day] = d.ranges.map((r) => ({ start: r.from, end: r.to }));
  return {
    weekly,
    eveningsAllowed: w.evenings,
    eveningStart: EVENING_STARTS,
    weekendsAllowed: w.weekends,
    weekendDays: ['sat', 'sun'],
    holidaysAllowed: w.holidays,
    holidays: (w.holidayDates ?? []).map((date) => ({ date })),
    safetyMarginSeconds: 60,
  };
}

/** A campaign's retry policy in the shape of @app/dialer-core's decideNextStep. */
export function toEngineRetryPolicy(p: RetryPolicy): EngineRetryPolicy {
  return {
    perOutcome: {
      busy: { ...p.busy },
      'no-answer': { ...p.noAnswer },
      machine: { ...p.machine },
      failed: { ...p.failed },
      abandoned: { ...p.abandoned },
    },
    noContact: { ...defaultRetryPolicy.noContact },
    maxAttemptsPerContact: p.maxAttemptsPerContact,
    maxAttemptsPerNumber: Math.min(defaultRetryPolicy.maxAttemptsPerNumber, p.maxAttemptsPerContact),
    callbackDefaultMinutes: defaultRetryPolicy.callbackDefaultMinutes,
  };
}
