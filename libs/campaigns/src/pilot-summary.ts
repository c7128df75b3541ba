/** The columns of call_attempts the pilot summary reads. */
export interface PilotAttemptRow {
  contactId: string;
  outcome: string | null;
  dispositionCode: string | null;
  dispositionCategory: string | null;
  talkSeconds: number | null;
  /** Seconds from hang-up to the end of wrap-up, when the agent's wrap-up was recorded. */
  wrapSeconds: number | null;
  scriptAnswers: Record<string, unknown> | null;
}

export interface QuestionSummary {
  answered: number;
  /** How often each answer was given (multiple-choice answers count each choice). */
  values: Record<string, number>;
  /** Mean of numeric answers, when there are any. */
  average?: number;
}

export interface PilotSummary {
  computedAt: string;
  pilotContacts: number;
  contactsAttempted: number;
  contactsReached: number;
  attempts: number;
  outcomes: Record<string, number>;
  /** Dials answered by a person (agent connected) ÷ dials. The forecast uses this. */
  contactRate: number;
  /** Contacts reached at least once ÷ contacts dialled. */
  reachRate: number;
  answeredByPerson: number;
  abandoned: number;
  /** Abandoned ÷ answered by a person (abandoned calls were answered by a person no agent took). */
  abandonRate: number;
  dispositions: { byCode: Record<string, number>; byCategory: Record<string, number> };
  averageTalkSeconds: number | null;
  /** Talk + wrap-up of the calls that reached an agent (the campaign's wrap-up setting when none was recorded). */
  averageHandleSeconds: number | null;
  scriptAnswers: Record<string, QuestionSummary>;
}

const ratio = (a: number, b: number): number => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : 0);
const mean = (xs: number[]): number | null =>
  xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10 : null;
const bump = (o: Record<string, number>, k: string): void => {
  o[k] = (o[k] ?? 0) + 1;
};

export function summarisePilot(
  rows: readonly PilotAttemptRow[],
  pilotContacts: number,
  defaultWrapUpSeconds: number,
  now = new Date(),
): PilotSummary {
  const outcomes: Record<string, number> = {};
  const byCode: Record<string, number> = {};
  const byCategory: Record<string, number> = {};
  const attempted = new Set<string>();
  const reached = new Set<string>();
  const talks: number[] = [];
  const handles: number[] = [];
  const questions: Record<string, QuestionSummary & { numbers: number[] }> = {};
  for (const r of rows) {
    attempted.add(r.contactId);
    bump(outcomes, r.outcome ?? 'unknown');
    if (r.outcome === 'answered-human') {
      reached.add(r.contactId);
      if (r.talkSeconds != null) {
        talks.push(r.talkSeconds);
        handles.push(r.talkSeconds + (r.wrapSeconds ?? defaultWrapUpSeconds));
      }
    }
    if (r.dispositionCode) bump(byCode, r.dispositionCode);
    if (r.dispositionCategory) bump(byCategory, r.dispositionCategory);
    for (const [q, v] of Object.entries(r.scriptAnswers ?? {})) {
      if (v === null || v === undefined || v === '') continue;
      const s = (questions[q] ??= { answered: 0, values: {}, numbers: [] });
      s.answered++;
      for (const one of Array.isArray(v) ? v : [v]) {
        if (typeof one === 'number') s.numbers.push(one);
        bump(s.values, typeof one === 'object' ? JSON.stringify(one) : String(one));
      }
    }
  }
  const human = outcomes['answered-human'] ?? 0;
  const abandoned = outcomes['abandoned'] ?? 0;
  const scriptAnswers: Record<string, QuestionSummary> = {};
  for (const [q, { numbers, ...s }] of Object.entries(questions)) {
    const avg = mean(numbers);
    scriptAnswers[q] = avg === null ? s : { ...s, average: avg };
  }
  return {
    computedAt: now.toISOString(),
    pilotContacts,
    contactsAttempted: attempted.size,
    contactsReached: reached.size,
    attempts: rows.length,
    outcomes,
    contactRate: ratio(human, rows.length),
    reachRate: ratio(reached.size, attempted.size),
    answeredByPerson: human + abandoned,
    abandoned,
    abandonRate: ratio(abandoned, human + abandoned),
    dispositions: { byCode, byCategory },
    averageTalkSeconds: mean(talks),
    averageHandleSeconds: mean(handles),
    scriptAnswers,
  };
}
