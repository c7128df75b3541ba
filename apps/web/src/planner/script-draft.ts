// The script editor's draft: one option per line while typing, cleaned into the body the API takes; versions as lines.
import type { Branch, Question, ScriptBody, Section } from '@app/scripts';

/** One option per line while editing; blank lines are dropped when checked and saved. */
export type EditQuestion = Omit<Question, 'options'> & { options?: string[] };
export type EditSection = Omit<Section, 'questions'> & { questions: EditQuestion[]; branches: Branch[] };

export const toEdit = (body: ScriptBody): EditSection[] =>
  body.sections.map((s) => ({
    ...s,
    questions: (s.questions ?? []).map((q) => ({
      ...q,
      options: q.options?.map((o) => (typeof o === 'string' ? o : o.value)),
    })),
    branches: s.branches ?? [],
  }));

/** The body as the server takes it: empty parts left out, options without blank lines. */
export function clean(sections: EditSection[]): ScriptBody {
  return {
    sections: sections.map((s) => {
      const out: Section = { id: s.id };
      if (s.title) out.title = s.title;
      if (s.text) out.text = s.text;
      if (s.questions.length)
        out.questions = s.questions.map((q) => {
          const x: Question = { id: q.id, type: q.type, text: q.text };
          if (q.required) x.required = true;
          if (q.type === 'single' || q.type === 'multiple')
            x.options = (q.options ?? []).map((o) => o.trim()).filter(Boolean);
          if (q.type === 'number') {
            if (q.min !== undefined) x.min = q.min;
            if (q.max !== undefined) x.max = q.max;
          }
          return x;
        });
      if (s.branches.length) out.branches = s.branches;
      if (s.next) out.next = s.next;
      return out;
    }),
  };
}

/** The script as lines, for the side-by-side comparison of two versions. */
export function outline(body: ScriptBody): string[] {
  const lines: string[] = [];
  for (const s of body.sections ?? []) {
    lines.push(`§ ${s.id}${s.title ? ` — ${s.title}` : ''}`);
    if (s.text) lines.push(`   ${s.text}`);
    for (const q of s.questions ?? []) {
      const opts = (q.options ?? []).map((o) => (typeof o === 'string' ? o : o.value)).join(' | ');
      lines.push(`   ? ${q.id} [${q.type}${q.required ? ', *' : ''}] ${q.text}${opts ? ` (${opts})` : ''}`);
    }
    for (const b of s.branches ?? [])
      lines.push(
        `   → ${b.when.question} ${b.when.equals !== undefined ? `= ${String(b.when.equals)}` : `∈ ${(b.when.in ?? []).join(', ')}`} ⇒ ${b.goto}`,
      );
    if (s.next) lines.push(`   ⇒ ${s.next}`);
  }
  return lines;
}

export const newSection = (n: number): EditSection => ({
  id: `section_${n}`,
  title: '',
  text: '',
  questions: [],
  branches: [],
});
