import type { FieldProblem } from '@app/common';

/**
 * A call script: sections shown in order, each with its text and questions; after a section, the first branch whose
 * condition holds picks the next section (or `end`), otherwise `next`, otherwise the following section.
 * Text anywhere may use {{field}} placeholders filled from the contact (first_name, last_name, phone, custom fields).
 */
export const QUESTION_TYPES = ['text', 'single', 'multiple', 'number', 'date'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface ChoiceOption {
  value: string;
  label: string;
}

export interface Question {
  id: string;
  type: QuestionType;
  text: string;
  required?: boolean;
  /** single / multiple: the choices (strings are shorthand for { value, label } with the same text). */
  options?: (ChoiceOption | string)[];
  /** number: bounds. */
  min?: number;
  max?: number;
}

export interface Branch {
  when: { question: string; equals?: string | number | boolean; in?: (string | number)[] };
  goto: string;
}

export interface Section {
  id: string;
  title?: string;
  text?: string;
  questions?: Question[];
  branches?: Branch[];
  next?: string;
}

export interface ScriptBody {
  sections: Section[];
}

/** Fields every contact has, as placeholders name them. */
export const STANDARD_FIELDS = [
  'first_name',
  'last_name',
  'name',
  'phone',
  'external_id',
  'time_zone',
  'region',
  'segment',
] as const;

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const FIELD_NAME = /^[a-z0-9_]{1,64}$/;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const optionValue = (o: ChoiceOption | string): string => (typeof o === 'string' ? o : o.value);

/** The {{names}} in a text (trimmed), including malformed ones (reported by the validator). */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1].trim());
}

export interface ScriptCheck {
  problems: FieldProblem[];
  fieldsUsed: string[];
}

/**
 * Checks a script body: shape, unique ids, choice options, number bounds, branch targets and questions, and every
 * {{field}} against `knownFields` (the standard fields plus the lists' custom columns). Problems carry the JSON path.
 */
export function checkScript(body: unknown, knownFields: Iterable<string>): ScriptCheck {
  const problems: FieldProblem[] = [];
  const used = new Set<string>();
  const known = new Set<string>([...STANDARD_FIELDS, ...knownFields]);
  const add = (field: string, reason: string): void => {
    problems.push({ field, reason });
  };
  const scan = (path: string, text: unknown): void => {
    if (typeof text !== 'string') return;
    for (const name of placeholders(text)) {
      if (!FIELD_NAME.test(name)) add(path, `malformed placeholder {{${name}}}: use lower-case letters, digits and _`);
      else if (!known.has(name)) add(path, `unknown field {{${name}}}`);
      else used.add(name);
    }
  };
  if (!isObject(body) || !Array.isArray(body.sections)) {
    add('body.sections', 'must be an array of sections');
    return { problems, fieldsUsed: [] };
  }
  if (!body.sections.length) add('body.sections', 'must have at least one section');
  const sectionIds = new Set<string>();
  const questions = new Map<string, Question>();
  body.sections.forEach((s: unknown, i) => {
    const at = `body.sections[${i}]`;
    if (!isObject(s)) return add(at, 'must be an object');
    if (typeof s.id !== 'string' || !ID.test(s.id)) add(`${at}.id`, 'must be 1-64 letters, digits, - or _');
    else if (s.id === 'end') add(`${at}.id`, '"end" is reserved for the end of the script');
    else if (sectionIds.has(s.id)) add(`${at}.id`, `duplicate section id "${s.id}"`);
    else sectionIds.add(s.id);
    if (s.title !== undefined && typeof s.title !== 'string') add(`${at}.title`, 'must be text');
    if (s.text !== undefined && typeof s.text !== 'string') add(`${at}.text`, 'must be text');
    scan(`${at}.title`, s.title);
    scan(`${at}.text`, s.text);
    if (s.questions !== undefined && !Array.isArray(s.questions)) add(`${at}.questions`, 'must be an array');
    (Array.isArray(s.questions) ? s.questions : []).forEach((q: unknown, j) => {
      const qa = `${at}.questions[${j}]`;
      if (!isObject(q)) return add(qa, 'must be an object');
      if (typeof q.id !== 'string' || !ID.test(q.id)) add(`${qa}.id`, 'must be 1-64 letters, digits, - or _');
      else if (questions.has(q.id)) add(`${qa}.id`, `duplicate question id "${q.id}"`);
      else questions.set(q.id, q as unknown as Question);
      if (!QUESTION_TYPES.includes(q.type as QuestionType))
        add(`${qa}.type`, `must be one of ${QUESTION_TYPES.join(', ')}`);
      if (typeof q.text !== 'string' || !q.text.trim()) add(`${qa}.text`, 'must be non-empty text');
      scan(`${qa}.text`, q.text);
      if (q.required !== undefined && typeof q.required !== 'boolean') add(`${qa}.required`, 'must be true or false');
      if (q.type === 'single' || q.type === 'multiple') {
        if (!Array.isArray(q.options) || !q.options.length) add(`${qa}.options`, 'a choice question needs options');
        else {
          const values = new Set<string>();
          q.options.forEach((o: unknown, k) => {
            const oa = `${qa}.options[${k}]`;
            const ok =
              (typeof o === 'string' && o.trim()) ||
              (isObject(o) && typeof o.value === 'string' && o.value.trim() && typeof o.label === 'string');
            if (!ok) return add(oa, 'must be text or { value, label }');
            const v = optionValue(o as ChoiceOption | string);
            if (values.has(v)) add(oa, `duplicate option "${v}"`);
            values.add(v);
            if (isObject(o)) scan(`${oa}.label`, o.label);
          });
        }
      } else if (q.options !== undefined) add(`${qa}.options`, 'only choice questions (single, multiple) have options');
      if (q.type === 'number') {
        for (const k of ['min', 'max'] as const)
          if (q[k] !== undefined && (typeof q[k] !== 'number' || !Number.isFinite(q[k])))
            add(`${qa}.${k}`, 'must be a number');
        if (typeof q.min === 'number' && typeof q.max === 'number' && q.min > q.max)
          add(`${qa}.min`, 'must not exceed max');
      } else if (q.min !== undefined || q.max !== undefined) add(`${qa}.min`, 'only number questions have min/max');
    });
  });
  // Targets are checked once every id is known (a branch may jump forward).
  body.sections.forEach((s: unknown, i) => {
    if (!isObject(s)) return;
    const at = `body.sections[${i}]`;
    const target = (path: string, goto: unknown): void => {
      if (typeof goto !== 'string' || (goto !== 'end' && !sectionIds.has(goto)))
        add(path, `unknown section "${String(goto)}": use a section id or "end"`);
    };
    if (s.next !== undefined) target(`${at}.next`, s.next);
    if (s.branches === undefined) return;
    if (!Array.isArray(s.branches)) return add(`${at}.branches`, 'must be an array');
    s.branches.forEach((b: unknown, k) => {
      const ba = `${at}.branches[${k}]`;
      if (!isObject(b) || !isObject(b.when)) return add(ba, 'must be { when: { question, equals }, goto }');
      const q = typeof b.when.question === 'string' ? questions.get(b.when.question) : undefined;
      if (!q) add(`${ba}.when.question`, `unknown question "${String(b.when.question)}"`);
      if (b.when.equals === undefined && !Array.isArray(b.when.in)) add(`${ba}.when`, 'needs equals or in');
      if (q && (q.type === 'single' || q.type === 'multiple') && Array.isArray(q.options)) {
        const values = new Set(q.options.map(optionValue));
        const wanted = b.when.equals !== undefined ? [b.when.equals] : Array.isArray(b.when.in) ? b.when.in : [];
        for (const w of wanted)
          if (!values.has(String(w))) add(`${ba}.when`, `"${String(w)}" is not an option of question "${q.id}"`);
      }
      target(`${ba}.goto`, b.goto);
    });
  });
  return { problems, fieldsUsed: [...used].sort() };
}

/** What a contact offers to placeholders: standard fields by their placeholder names, then custom fields. */
export type RenderFields = Record<string, string | number | boolean | null | undefined>;

export interface RenderedScript {
  sections: Section[];
  /** Placeholders with no value for this contact (rendered as empty text). */
  missingFields: string[];
}

/** Fills every {{field}} in the script's texts; values are inserted as plain text (the agent screen escapes HTML). */
export function renderScript(body: ScriptBody, fields: RenderFields): RenderedScript {
  const missing = new Set<string>();
  const fill = (text: string | undefined): string | undefined =>
    text === undefined
      ? undefined
      : text.replace(PLACEHOLDER, (_, raw: string) => {
          const name = raw.trim();
          const v = fields[name];
          if (v === undefined || v === null || v === '') {
            missing.add(name);
            return '';
          }
          return String(v);
        });
  const sections = body.sections.map((s) => ({
    ...s,
    title: fill(s.title),
    text: fill(s.text),
    questions: (s.questions ?? []).map((q) => ({
      ...q,
      text: fill(q.text) ?? '',
      ...(q.options
        ? {
            options: q.options.map((o) =>
              typeof o === 'string' ? { value: o, label: o } : { value: o.value, label: fill(o.label) ?? '' },
            ),
          }
        : {}),
    })),
  }));
  return { sections, missingFields: [...missing].sort() };
}

/** The section after `sectionId` given the answers so far (the agent screen walks the script with this). */
export function nextSection(body: ScriptBody, sectionId: string, answers: Record<string, unknown>): string {
  const i = body.sections.findIndex((s) => s.id === sectionId);
  if (i < 0) return 'end';
  const s = body.sections[i];
  for (const b of s.branches ?? []) {
    const a = answers[b.when.question];
    const values = Array.isArray(a) ? a.map(String) : a === undefined || a === null ? [] : [String(a)];
    const wanted = b.when.equals !== undefined ? [String(b.when.equals)] : (b.when.in ?? []).map(String);
    if (values.some((v) => wanted.includes(v))) return b.goto;
  }
  return s.next ?? body.sections[i + 1]?.id ?? 'end';
}
