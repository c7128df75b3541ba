/** Pure helpers the reports share: classification of a contact's result, answer summaries, rates. No I/O. */

/** n ÷ d rounded to 4 decimals; null when there is nothing to divide by (a rate of nothing is not 0). */
export const rate = (n: number, d: number): number | null => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);

export const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The p-th percentile (0..100) by nearest rank; null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/**
 * Where a contact of a brief ended up. Reached means a person answered and was put through to an agent
 * (outcome answered-human); successful means one of its attempts carries a disposition of category `success`.
 */
export const CONTACT_RESULTS = [
  'successful',
  'reached',
  'dnc',
  'invalid',
  'excluded',
  'attempts-exhausted',
  'outside-deadline',
  'no-answer',
  'busy',
  'machine',
  'other',
  'in-progress',
] as const;
export type ContactResult = (typeof CONTACT_RESULTS)[number];

/** The reasons a contact was not reached (every result except successful, reached and in-progress). */
export const NOT_REACHED_REASONS = CONTACT_RESULTS.filter(
  (r) => r !== 'successful' && r !== 'reached' && r !== 'in-progress',
);

export interface ContactFacts {
  successful: boolean;
  reached: boolean;
  /** The contact is marked do-not-call, or its campaign row was closed as dnc. */
  dnc: boolean;
  /** campaign_contacts.status of its latest campaign row; null when the contact was never put into a campaign. */
  status: string | null;
  /** The outcome of its latest settled attempt. */
  lastOutcome: string | null;
  /** The brief's deadline has passed. */
  deadlinePassed: boolean;
}

/**
 * One result per contact, first rule that holds: successful, reached, dnc, invalid number, excluded, attempts
 * exhausted, still open after the deadline (outside-deadline), still open before it (in-progress), else closed
 * without reaching anyone: by the last outcome (no-answer, busy, machine, other).
 */
export function contactResult(f: ContactFacts): ContactResult {
  if (f.successful) return 'successful';
  if (f.reached) return 'reached';
  if (f.dnc || f.status === 'dnc') return 'dnc';
  if (f.lastOutcome === 'invalid-number') return 'invalid';
  if (f.status === 'excluded') return 'excluded';
  if (f.status === 'exhausted') return 'attempts-exhausted';
  if (f.status === null || f.status === 'pending' || f.status === 'leased' || f.status === 'dialing')
    return f.deadlinePassed ? 'outside-deadline' : 'in-progress';
  switch (f.lastOutcome) {
    case 'no-answer':
      return 'no-answer';
    case 'busy':
      return 'busy';
    case 'machine':
      return 'machine';
    default:
      return 'other';
  }
}

export interface QuestionDef {
  id: string;
  type: string;
  text: string;
  options?: ({ value: string; label: string } | string)[];
}

export type AnswerSummary =
  | { id: string; text: string; type: 'single' | 'multiple'; answered: number; counts: Record<string, number> }
  | {
      id: string;
      text: string;
      type: 'number';
      answered: number;
      min: number | null;
      max: number | null;
      mean: number | null;
      median: number | null;
    }
  | { id: string; text: string; type: string; answered: number; samples: string[] };

const isBlank = (v: unknown): boolean =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Script answers per question over the contacts' answer sets (one set per contact): choice counts (every option
 * listed, 0 included; values outside the options counted as they are), numeric min/max/mean/median, and up to
 * `sampleSize` distinct free-text (or date) answers in the order given. Questions answered but absent from the
 * script are summarised as free text.
 */
export function summarizeAnswers(
  questions: readonly QuestionDef[],
  answerSets: readonly Record<string, unknown>[],
  sampleSize = 10,
): AnswerSummary[] {
  const known = new Map(questions.map((q) => [q.id, q]));
  const extra = new Set<string>();
  for (const a of answerSets) for (const k of Object.keys(a)) if (!known.has(k)) extra.add(k);
  const all: QuestionDef[] = [...questions, ...[...extra].sort().map((id) => ({ id, type: 'text', text: id }))];
  return all.map((q): AnswerSummary => {
    const values = answerSets.map((a) => a[q.id]).filter((v) => !isBlank(v));
    if (q.type === 'single' || q.type === 'multiple') {
      const counts: Record<string, number> = {};
      for (const o of q.options ?? []) counts[typeof o === 'string' ? o : o.value] = 0;
      for (const v of values)
        for (const x of Array.isArray(v) ? v : [v]) counts[String(x)] = (counts[String(x)] ?? 0) + 1;
      return { id: q.id, text: q.text, type: q.type, answered: values.length, counts };
    }
    if (q.type === 'number') {
      const nums = values.map(Number).filter((n) => Number.isFinite(n));
      const sorted = [...nums].sort((a, b) => a - b);
      const mid = sorted.length >> 1;
      return {
        id: q.id,
        text: q.text,
        type: 'number',
        answered: nums.length,
        min: nums.length ? sorted[0] : null,
        max: nums.length ? sorted[sorted.length - 1] : null,
        mean: nums.length ? round2(nums.reduce((s, n) => s + n, 0) / nums.length) : null,
        median: !nums.length ? null : sorted.length % 2 ? sorted[mid] : round2((sorted[mid - 1] + sorted[mid]) / 2),
      };
    }
    const samples: string[] = [];
    for (const v of values) {
      const s = typeof v === 'string' ? v : JSON.stringify(v);
      if (samples.length < sampleSize && !samples.includes(s)) samples.push(s);
    }
    return { id: q.id, text: q.text, type: q.type, answered: values.length, samples };
  });
}

/** The questions of a script body (sections[].questions[]), tolerant of malformed bodies. */
export function questionsOf(body: unknown): QuestionDef[] {
  const out: QuestionDef[] = [];
  const sections = (body as { sections?: unknown } | null)?.sections;
  if (!Array.isArray(sections)) return out;
  for (const s of sections) {
    const qs = (s as { questions?: unknown } | null)?.questions;
    if (!Array.isArray(qs)) continue;
    for (const q of qs as Partial<QuestionDef>[])
      if (q && typeof q.id === 'string')
        out.push({ id: q.id, type: String(q.type ?? 'text'), text: String(q.text ?? q.id), options: q.options });
  }
  return out;
}

/**
 * A cell a spreadsheet would read as a formula (= + - @, or a leading tab / carriage return) gets a leading
 * apostrophe, so an exported name such as `=HYPERLINK(...)` stays text. Plain signed numbers are left alone.
 */
export function neutraliseCell(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const s = v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : JSON.stringify(v);
  // a plain number such as an E.164 +442071230000 or -5 cannot run anything: kept as it is
  if (/^[+-]?\d+(\.\d+)?$/.test(s)) return s;
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** One CSV line (RFC 4180 quoting, CRLF), cells neutralised. */
export function csvLine(cells: readonly unknown[]): string {
  return (
    cells
      .map((c) => {
        const v = neutraliseCell(c);
        if (v === null) return '';
        const s = String(v);
        return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      })
      .join(',') + '\r\n'
  );
}
