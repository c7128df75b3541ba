// A script as an agent reads it: the sections walked with the answers so far (branches followed), each with its
// text and questions. The agent desktop (outbound and inbound calls) and the planner's preview render it alike.
import type { Question, ScriptBody, Section } from '@app/scripts';
import { nextSection } from '@libs/scripts/src/script-body';

export type Answers = Record<string, unknown>;

/** The sections shown for the answers so far; it stops at a branch still waiting for its answer. */
export function walk(sections: Section[], answers: Answers): Section[] {
  const body: ScriptBody = { sections };
  const out: Section[] = [];
  const seen = new Set<string>();
  let id: string | undefined = sections[0]?.id;
  while (id && id !== 'end' && !seen.has(id)) {
    const s = sections.find((x) => x.id === id);
    if (!s) break;
    seen.add(id);
    out.push(s);
    if ((s.branches ?? []).some((b) => answers[b.when.question] === undefined || answers[b.when.question] === ''))
      break;
    id = nextSection(body, s.id, answers);
  }
  return out;
}

const optionsOf = (q: Question) => (q.options ?? []).map((o) => (typeof o === 'string' ? { value: o, label: o } : o));

/** One question's input; `prefix` keeps ids unique when two scripts are on one page. */
export function QuestionInput(p: { q: Question; value: unknown; onChange: (v: unknown) => void; prefix?: string }) {
  const { q, value } = p;
  const id = p.prefix ? `${p.prefix}-q-${q.id}` : `q-${q.id}`;
  if (q.type === 'single' || q.type === 'multiple') {
    const list = Array.isArray(value) ? (value as string[]) : [];
    return (
      <fieldset className="question" data-question={q.id}>
        <legend>{q.text}</legend>
        {optionsOf(q).map((o) => (
          <label key={o.value} className="choice">
            {q.type === 'single' ? (
              <input
                type="radio"
                name={id}
                value={o.value}
                checked={value === o.value}
                onChange={() => p.onChange(o.value)}
              />
            ) : (
              <input
                type="checkbox"
                value={o.value}
                checked={list.includes(o.value)}
                onChange={(e) => p.onChange(e.target.checked ? [...list, o.value] : list.filter((v) => v !== o.value))}
              />
            )}
            {o.label}
          </label>
        ))}
      </fieldset>
    );
  }
  return (
    <div className="question" data-question={q.id}>
      <label htmlFor={id}>{q.text}</label>
      <input
        id={id}
        type={q.type === 'number' ? 'number' : q.type === 'date' ? 'date' : 'text'}
        min={q.min}
        max={q.max}
        value={value === undefined || value === null ? '' : String(value)}
        onChange={(e) =>
          p.onChange(
            q.type === 'number' ? (e.target.value === '' ? undefined : Number(e.target.value)) : e.target.value,
          )
        }
      />
    </div>
  );
}

/** The walked sections with their questions, answers kept by the caller. */
export function ScriptSections(p: {
  sections: Section[];
  answers: Answers;
  onAnswer: (question: string, value: unknown) => void;
  prefix?: string;
}) {
  return (
    <>
      {walk(p.sections, p.answers).map((s) => (
        <div key={s.id} className="section" data-section={s.id}>
          {s.title && <h4>{s.title}</h4>}
          {s.text && <p className="say">{s.text}</p>}
          {(s.questions ?? []).map((q) => (
            <QuestionInput
              key={q.id}
              q={q}
              prefix={p.prefix}
              value={p.answers[q.id]}
              onChange={(v) => p.onAnswer(q.id, v)}
            />
          ))}
        </div>
      ))}
    </>
  );
}
