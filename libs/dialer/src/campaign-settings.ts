import {
  AbandonLedger,
  defaultCallingRules,
  defaultPredictiveOptions,
  defaultRetryPolicy,
  PredictivePacer,
  ProgressivePacer,
  staffed,
  type CallingRules,
  type DialerEngineConfig,
  type Holiday,
  type Pacer,
  type PacingObservation,
  type PacingSnapshot,
  type RetryPolicy,
  type RetryRule,
  type TimeRange,
  type WeekdayName,
} from '@app/dialer-core';
import type { Campaign } from '@app/database';

// Maps a campaign row (its jsonb settings, in the shapes the briefs/campaigns libraries store) to the pure core's
// engine configuration, calling rules, retry policy and pacer. Unknown or missing keys take the core's defaults.

const num = (v: unknown, dflt: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : dflt);

/** Ring timeout used for dials and the calling-window margin. */
export function ringTimeoutOf(c: Pick<Campaign, 'pacing'>): number {
  return num(c.pacing?.ringTimeoutSeconds, 20);
}

/**
 * Calling rules from `campaigns.windows`. The stored shape (briefs' CallingWindows) is
 * `{ weekdays: [{ day, ranges: [{ from, to }] }], evenings, weekends, holidays, holidayDates, timeZone }`;
 * the core's own shape (`weekly`, `eveningsAllowed` ...) is accepted too. `extraHolidays` come from the campaign's
 * holiday calendar.
 */
export function callingRulesOf(
  windows: Record<string, unknown> | null | undefined,
  extraHolidays: string[] = [],
): CallingRules {
  const w = windows ?? {};
  if ('weekly' in w) {
    const r = { ...defaultCallingRules, ...(w as Partial<CallingRules>) };
    return { ...r, holidays: [...r.holidays, ...extraHolidays.map((date) => ({ date }))] };
  }
  const weekly: Partial<Record<WeekdayName, TimeRange[]>> = {};
  const days = Array.isArray(w.weekdays)
    ? (w.weekdays as { day: WeekdayName; ranges: { from: string; to: string }[] }[])
    : null;
  if (days) {
    for (const d of days) weekly[d.day] = d.ranges.map((r) => ({ start: r.from, end: r.to }));
  }
  const holidayDates = Array.isArray(w.holidayDates) ? (w.holidayDates as string[]) : [];
  const holidays: Holiday[] = [...new Set([...holidayDates, ...extraHolidays])].map((date) => ({ date }));
  return {
    ...defaultCallingRules,
    weekly: days ? weekly : defaultCallingRules.weekly,
    eveningsAllowed: typeof w.evenings === 'boolean' ? w.evenings : defaultCallingRules.eveningsAllowed,
    weekendsAllowed: typeof w.weekends === 'boolean' ? w.weekends : defaultCallingRules.weekendsAllowed,
    holidaysAllowed: typeof w.holidays === 'boolean' ? w.holidays : defaultCallingRules.holidaysAllowed,
    holidays,
    safetyMarginSeconds: num(w.safetyMarginSeconds, defaultCallingRules.safetyMarginSeconds),
  };
}

const rule = (v: unknown, dflt: RetryRule): RetryRule => {
  const r = (v ?? {}) as Partial<RetryRule>;
  return {
    retryAfterMinutes: num(r.retryAfterMinutes, dflt.retryAfterMinutes),
    maxRetries: num(r.maxRetries, dflt.maxRetries),
  };
};

/**
 * Retry policy from `campaigns.retry_policy`: the stored shape is
 * `{ busy, noAnswer, machine, failed, abandoned, congestion: { retryAfterMinutes, maxRetries }, maxAttemptsPerContact }`, plus
 * optional `noContact`, `maxAttemptsPerNumber`, `callbackDefaultMinutes`.
 */
export function retryPolicyOf(p: Record<string, unknown> | null | undefined): RetryPolicy {
  const r = p ?? {};
  if ('perOutcome' in r) {
    // An outcome added later (congestion) takes its default in policies stored before it existed.
    const given = r as Partial<RetryPolicy>;
    return { ...defaultRetryPolicy, ...given, perOutcome: { ...defaultRetryPolicy.perOutcome, ...given.perOutcome } };
  }
  const d = defaultRetryPolicy.perOutcome;
  return {
    perOutcome: {
      busy: rule(r.busy, d.busy),
      'no-answer': rule(r.noAnswer ?? r['no-answer'], d['no-answer']),
      machine: rule(r.machine, d.machine),
      failed: rule(r.failed, d.failed),
      abandoned: rule(r.abandoned, d.abandoned),
      congestion: rule(r.congestion, d.congestion),
    },
    noContact: rule(r.noContact, defaultRetryPolicy.noContact),
    maxAttemptsPerContact: num(r.maxAttemptsPerContact, defaultRetryPolicy.maxAttemptsPerContact),
    maxAttemptsPerNumber: num(r.maxAttemptsPerNumber, defaultRetryPolicy.maxAttemptsPerNumber),
    callbackDefaultMinutes: num(r.callbackDefaultMinutes, defaultRetryPolicy.callbackDefaultMinutes),
  };
}

export interface EngineSettings {
  config: Omit<DialerEngineConfig, 'tickMs'>;
  rules: CallingRules;
  abandonCap: number;
  abandonWindowSeconds: number;
  maxLinesPerAgent: number;
}

export function engineSettingsOf(c: Campaign, extraHolidays: string[] = []): EngineSettings {
  const rules = callingRulesOf(c.windows, extraHolidays);
  const pacing = c.pacing ?? {};
  return {
    rules,
    abandonCap: num(pacing.abandonCapPercent, 3) / 100,
    abandonWindowSeconds: num(pacing.abandonWindowHours, 24) * 3600,
    maxLinesPerAgent: num(pacing.maxLinesPerAgent, 3),
    config: {
      campaignId: c.id,
      ...(c.callerId ? { callerId: c.callerId } : {}),
      ringTimeoutSeconds: ringTimeoutOf(c),
      abandonAfterMs: num(pacing.answerToAgentSeconds, 2) * 1000,
      machineRule: c.machineAction === 'message' ? 'leave-message' : 'hangup',
      unknownAmdAs: 'human',
      amd: c.amdEnabled,
      wrapUpSeconds: c.wrapUpSeconds,
      wrapUpTimeoutDisposition: { code: 'WRAP_TIMEOUT', category: 'contact' },
      retryPolicy: retryPolicyOf(c.retryPolicy),
      callingRules: rules,
    },
  };
}

/** Preview: the engine never dials on its own; agents dial the contact they were offered (`DialerEngine.dialFor`). */
export class ManualPacer implements Pacer {
  readonly mode = 'preview' as const;
  decide(): number {
    return 0;
  }
  observe(): void {}
}

/** Caps another pacer so that calls being dialed never exceed `maxLinesPerAgent` × staffed agents. */
export class LineCapPacer implements Pacer {
  constructor(
    readonly inner: Pacer,
    /** Mutable: a supervisor may turn the dial ratio limit while the campaign runs (`retunePacer`). */
    public maxLinesPerAgent: number,
  ) {}
  get mode(): Pacer['mode'] {
    return this.inner.mode;
  }
  decide(s: PacingSnapshot): number {
    const n = this.inner.decide(s);
    const room = Math.floor(this.maxLinesPerAgent * staffed(s)) - s.dialingElapsed.length;
    return Math.max(0, Math.min(n, room));
  }
  observe(o: PacingObservation): void {
    this.inner.observe(o);
  }
}

/**
 * Applies a running campaign's changed limits (abandon target, dial ratio limit) to the pacer it already has, so
 * the change takes effect without losing what the pacer has learnt (answer rate, durations, the abandon ledger).
 */
export function retunePacer(pacer: Pacer, s: EngineSettings): void {
  if (!(pacer instanceof LineCapPacer)) return;
  pacer.maxLinesPerAgent = s.maxLinesPerAgent;
  if (pacer.inner instanceof PredictivePacer) pacer.inner.opts.abandonCap = s.abandonCap;
}

/** The pacer for a campaign's mode; predictive pacers start from the abandon counts already in the database. */
export function pacerFor(
  c: Campaign,
  s: EngineSettings,
  seed?: { answered: number; abandoned: number; at: number },
): Pacer {
  switch (c.mode) {
    case 'preview':
      return new ManualPacer();
    case 'progressive':
      return new ProgressivePacer();
    case 'predictive': {
      const ledger = new AbandonLedger(s.abandonWindowSeconds);
      if (seed && seed.answered > 0) ledger.seed(seed.answered, seed.abandoned, seed.at);
      const inner = new PredictivePacer(
        { ...defaultPredictiveOptions, abandonCap: s.abandonCap, windowSeconds: s.abandonWindowSeconds },
        ledger,
      );
      return new LineCapPacer(inner, s.maxLinesPerAgent);
    }
  }
}
