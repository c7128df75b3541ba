import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BriefView } from '@app/briefs';
import type { ContactView, Page } from '@app/contacts';
import type { ContactList, ScriptVersion } from '@app/database';
import type { QuestionType, RenderedVersion, ScriptBody, ScriptWithVersions } from '@app/scripts';
import { checkScript, QUESTION_TYPES, STANDARD_FIELDS } from '@libs/scripts/src/script-body';
import { api, type ApiError } from '../api';
import { describedBy, FieldError, FormError } from '../components/FieldError';
import { useFormat } from '../format';
import type { PageProps } from '../routes';
import { clean, newSection, outline, toEdit, type EditSection } from './script-draft';
import { ScriptView } from './ScriptView';
import { Link, LoadError, Loading, OtherErrors, useResource } from './shared';

/** The script editor: sections, questions, branches, {{field}} insertion, checked as typed; preview; versions. */
export function ScriptEditor(p: PageProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const script = useResource<ScriptWithVersions>(`/scripts/${p.params.id}`);
  const s = script.data;
  const brief = useResource<BriefView>(s?.briefId ? `/briefs/${s.briefId}` : null);
  const listId = brief.data?.contactListId ?? null;
  const list = useResource<ContactList>(listId ? `/contact-lists/${listId}` : null);
  const contacts = useResource<Page<ContactView>>(listId ? `/contact-lists/${listId}/contacts?pageSize=50` : null);
  const [sections, setSections] = useState<EditSection[] | null>(null);
  const [changeNote, setChangeNote] = useState('');
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [field, setField] = useState<string>('first_name');
  const focused = useRef<{ el: HTMLInputElement | HTMLTextAreaElement; set: (v: string) => void } | null>(null);

  const customFields = useMemo(() => {
    const c = (list.data?.importSummary as { customFields?: unknown } | null)?.customFields;
    return Array.isArray(c) ? c.filter((x): x is string => typeof x === 'string') : [];
  }, [list.data]);
  const fields = useMemo(() => [...new Set([...STANDARD_FIELDS, ...customFields])], [customFields]);

  // The draft: the latest version, else one section holding the brief's script draft.
  const latest = s?.versions.at(-1);
  const draft: EditSection[] | null =
    sections ??
    (s
      ? latest
        ? toEdit(latest.body as unknown as ScriptBody)
        : s.briefId && !brief.data && !brief.error
          ? null
          : [{ ...newSection(1), id: 'opening', text: brief.data?.scriptDraft ?? '' }]
      : null);

  const body = draft ? clean(draft) : null;
  const local = body ? checkScript(body, customFields).problems : [];
  // The API's reasons after a save, else the same rules checked here as the planner types.
  const problems: ApiError | null =
    saveError?.details?.length || local.length
      ? {
          status: saveError?.status ?? 422,
          error: saveError?.error ?? 'validation-failed',
          message: saveError?.message ?? t('planner.script.problems', { n: local.length }),
          details: saveError?.details?.length ? saveError.details : local,
        }
      : null;

  if (script.error) return <LoadError error={script.error} />;
  if (!s || !draft) return <Loading />;

  const edit = (fn: (x: EditSection[]) => void) => {
    const next = structuredClone(draft);
    fn(next);
    setSections(next);
    setSaveError(null);
    setSaved(null);
  };
  const sectionIds = draft.map((x) => x.id);
  const questionsAll = draft.flatMap((x) => x.questions);
  const track = (el: HTMLInputElement | HTMLTextAreaElement, set: (v: string) => void) => {
    focused.current = { el, set };
  };
  const insertField = () => {
    const cur = focused.current;
    if (!cur) return;
    const { el } = cur;
    const at = el.selectionStart ?? el.value.length;
    const end = el.selectionEnd ?? at;
    const token = `{{${field}}}`;
    cur.set(el.value.slice(0, at) + token + el.value.slice(end));
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(at + token.length, at + token.length);
    });
  };
  const save = async () => {
    setSaved(null);
    try {
      const v = await api<ScriptVersion>('POST', `/scripts/${s.id}/versions`, {
        body,
        ...(changeNote.trim() ? { changeNote: changeNote.trim() } : {}),
      });
      setSaveError(null);
      setChangeNote('');
      setSaved(t('planner.script.saved', { version: v.version }));
      await script.reload();
      setSections(null);
    } catch (e) {
      setSaveError(e as ApiError);
    }
  };

  const P = (i: number) => `body.sections[${i}]`;
  const input = (
    id: string,
    path: string,
    value: string,
    set: (v: string) => void,
    label: string,
    opts: { area?: boolean; insertable?: boolean } = {},
  ) => {
    const a = describedBy(id, problems, path);
    const common = {
      ...a,
      value,
      onFocus: opts.insertable
        ? (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => track(e.currentTarget, set)
        : undefined,
    };
    return (
      <div className="pl-field">
        <label htmlFor={id}>{label}</label>
        {opts.area ? (
          <textarea {...common} rows={3} onChange={(e) => set(e.target.value)} />
        ) : (
          <input {...common} onChange={(e) => set(e.target.value)} />
        )}
        <FieldError id={id} error={problems} field={path} />
      </div>
    );
  };
  const shownPaths = draft.flatMap((sec, i) => [
    `${P(i)}.id`,
    `${P(i)}.title`,
    `${P(i)}.text`,
    `${P(i)}.next`,
    ...sec.questions.flatMap((_, j) => [
      `${P(i)}.questions[${j}].id`,
      `${P(i)}.questions[${j}].type`,
      `${P(i)}.questions[${j}].text`,
      `${P(i)}.questions[${j}].options`,
      `${P(i)}.questions[${j}].min`,
    ]),
    ...sec.branches.flatMap((_, k) => [
      `${P(i)}.branches[${k}].when.question`,
      `${P(i)}.branches[${k}].when`,
      `${P(i)}.branches[${k}].goto`,
    ]),
  ]);

  return (
    <div className="planner">
      <p>{s.briefId && <Link to={`/planner/briefs/${s.briefId}`}>{t('planner.backToBrief')}</Link>}</p>
      <h1>{t('planner.script.title', { name: s.name })}</h1>
      <section className="card" aria-labelledby="pl-edit">
        <h2 id="pl-edit">{t('planner.script.edit')}</h2>
        <div className="row pl-insert" role="group" aria-label={t('planner.script.insertField')}>
          <label>
            {t('planner.script.field')}
            <select value={field} onChange={(e) => setField(e.target.value)} data-testid="insert-field-name">
              {fields.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onMouseDown={(e) => e.preventDefault()}
            onClick={insertField}
            data-testid="insert-field"
          >
            {t('planner.script.insert')}
          </button>
          <span className="muted small">{t('planner.script.insertHint')}</span>
        </div>
        {draft.map((sec, i) => (
          <fieldset key={i} className="pl-section" data-section-index={i}>
            <legend>{t('planner.script.section', { n: i + 1, id: sec.id })}</legend>
            <div className="pl-cols">
              {input(`s${i}-id`, `${P(i)}.id`, sec.id, (v) => edit((x) => void (x[i].id = v)), t('planner.script.id'))}
              {input(
                `s${i}-title`,
                `${P(i)}.title`,
                sec.title ?? '',
                (v) => edit((x) => void (x[i].title = v)),
                t('planner.script.sectionTitle'),
                { insertable: true },
              )}
            </div>
            {input(
              `s${i}-text`,
              `${P(i)}.text`,
              sec.text ?? '',
              (v) => edit((x) => void (x[i].text = v)),
              t('planner.script.text'),
              { area: true, insertable: true },
            )}
            {sec.questions.map((q, j) => {
              const Q = `${P(i)}.questions[${j}]`;
              const id = `s${i}-q${j}`;
              return (
                <div key={j} className="pl-question" data-question-index={j}>
                  <div className="pl-cols">
                    {input(
                      `${id}-id`,
                      `${Q}.id`,
                      q.id,
                      (v) => edit((x) => void (x[i].questions[j].id = v)),
                      t('planner.script.questionId'),
                    )}
                    <div className="pl-field">
                      <label htmlFor={`${id}-type`}>{t('planner.script.type')}</label>
                      <select
                        {...describedBy(`${id}-type`, problems, `${Q}.type`)}
                        value={q.type}
                        onChange={(e) => edit((x) => void (x[i].questions[j].type = e.target.value as QuestionType))}
                      >
                        {QUESTION_TYPES.map((ty) => (
                          <option key={ty} value={ty}>
                            {t(`planner.script.types.${ty}`)}
                          </option>
                        ))}
                      </select>
                      <FieldError id={`${id}-type`} error={problems} field={`${Q}.type`} />
                    </div>
                    <label className="choice">
                      <input
                        type="checkbox"
                        checked={!!q.required}
                        onChange={(e) => edit((x) => void (x[i].questions[j].required = e.target.checked))}
                      />
                      {t('planner.script.required')}
                    </label>
                  </div>
                  {input(
                    `${id}-text`,
                    `${Q}.text`,
                    q.text,
                    (v) => edit((x) => void (x[i].questions[j].text = v)),
                    t('planner.script.questionText'),
                    { insertable: true },
                  )}
                  {(q.type === 'single' || q.type === 'multiple') && (
                    <div className="pl-field">
                      <label htmlFor={`${id}-options`}>{t('planner.script.options')}</label>
                      <textarea
                        {...describedBy(`${id}-options`, problems, `${Q}.options`)}
                        rows={3}
                        value={(q.options ?? []).join('\n')}
                        onChange={(e) => edit((x) => void (x[i].questions[j].options = e.target.value.split('\n')))}
                      />
                      <FieldError id={`${id}-options`} error={problems} field={`${Q}.options`} />
                    </div>
                  )}
                  {q.type === 'number' && (
                    <div className="pl-cols">
                      {(['min', 'max'] as const).map((k) => (
                        <div className="pl-field" key={k}>
                          <label htmlFor={`${id}-${k}`}>{t(`planner.script.${k}`)}</label>
                          <input
                            {...describedBy(`${id}-${k}`, problems, `${Q}.${k}`)}
                            type="number"
                            value={q[k] ?? ''}
                            onChange={(e) =>
                              edit(
                                (x) =>
                                  void (x[i].questions[j][k] =
                                    e.target.value === '' ? undefined : Number(e.target.value)),
                              )
                            }
                          />
                          <FieldError id={`${id}-${k}`} error={problems} field={`${Q}.${k}`} />
                        </div>
                      ))}
                    </div>
                  )}
                  <button type="button" className="small" onClick={() => edit((x) => void x[i].questions.splice(j, 1))}>
                    {t('planner.script.removeQuestion')}
                  </button>
                </div>
              );
            })}
            <button
              type="button"
              onClick={() =>
                edit(
                  (x) =>
                    void x[i].questions.push({
                      id: `q${questionsAll.length + 1}`,
                      type: 'single',
                      text: '',
                      options: [],
                    }),
                )
              }
              data-testid="add-question"
            >
              {t('planner.script.addQuestion')}
            </button>
            {sec.branches.map((b, k) => {
              const B = `${P(i)}.branches[${k}]`;
              const id = `s${i}-b${k}`;
              const q = questionsAll.find((x) => x.id === b.when.question);
              const choices =
                q && (q.type === 'single' || q.type === 'multiple') ? (q.options ?? []).filter(Boolean) : null;
              const equals = b.when.equals === undefined ? '' : String(b.when.equals);
              return (
                <div key={k} className="pl-branch pl-cols" data-branch-index={k}>
                  <div className="pl-field">
                    <label htmlFor={`${id}-q`}>{t('planner.script.when')}</label>
                    <select
                      {...describedBy(`${id}-q`, problems, `${B}.when.question`)}
                      value={b.when.question}
                      onChange={(e) =>
                        edit((x) => void (x[i].branches[k].when = { question: e.target.value, equals: '' }))
                      }
                    >
                      {!q && <option value={b.when.question}>{b.when.question || '—'}</option>}
                      {questionsAll.map((x) => (
                        <option key={x.id} value={x.id}>
                          {x.id}
                        </option>
                      ))}
                    </select>
                    <FieldError id={`${id}-q`} error={problems} field={`${B}.when.question`} />
                  </div>
                  <div className="pl-field">
                    <label htmlFor={`${id}-eq`}>{t('planner.script.equals')}</label>
                    {choices ? (
                      <select
                        {...describedBy(`${id}-eq`, problems, `${B}.when`)}
                        value={equals}
                        onChange={(e) => edit((x) => void (x[i].branches[k].when.equals = e.target.value))}
                      >
                        {!choices.includes(equals) && <option value={equals}>{equals || '—'}</option>}
                        {choices.map((o) => (
                          <option key={o} value={o}>
                            {o}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <input
                        {...describedBy(`${id}-eq`, problems, `${B}.when`)}
                        value={equals}
                        onChange={(e) => edit((x) => void (x[i].branches[k].when.equals = e.target.value))}
                      />
                    )}
                    <FieldError id={`${id}-eq`} error={problems} field={`${B}.when`} />
                  </div>
                  <div className="pl-field">
                    <label htmlFor={`${id}-goto`}>{t('planner.script.goto')}</label>
                    <select
                      {...describedBy(`${id}-goto`, problems, `${B}.goto`)}
                      value={b.goto}
                      onChange={(e) => edit((x) => void (x[i].branches[k].goto = e.target.value))}
                    >
                      {b.goto !== 'end' && !sectionIds.includes(b.goto) && (
                        <option value={b.goto}>{b.goto || '—'}</option>
                      )}
                      {sectionIds.map((x) => (
                        <option key={x} value={x}>
                          {x}
                        </option>
                      ))}
                      <option value="end">{t('planner.script.end')}</option>
                    </select>
                    <FieldError id={`${id}-goto`} error={problems} field={`${B}.goto`} />
                  </div>
                  <button type="button" className="small" onClick={() => edit((x) => void x[i].branches.splice(k, 1))}>
                    {t('planner.script.removeBranch')}
                  </button>
                </div>
              );
            })}
            <div className="row">
              <button
                type="button"
                disabled={questionsAll.length === 0}
                onClick={() => {
                  const first = questionsAll[0];
                  edit(
                    (x) =>
                      void x[i].branches.push({
                        when: { question: first.id, equals: first.options?.find(Boolean) ?? '' },
                        goto: sectionIds.find((id) => id !== sec.id) ?? 'end',
                      }),
                  );
                }}
                data-testid="add-branch"
              >
                {t('planner.script.addBranch')}
              </button>
              <div className="pl-field">
                <label htmlFor={`s${i}-next`}>{t('planner.script.next')}</label>
                <select
                  {...describedBy(`s${i}-next`, problems, `${P(i)}.next`)}
                  value={sec.next ?? ''}
                  onChange={(e) => edit((x) => void (x[i].next = e.target.value || undefined))}
                >
                  <option value="">{t('planner.script.following')}</option>
                  {sec.next && sec.next !== 'end' && !sectionIds.includes(sec.next) && (
                    <option value={sec.next}>{sec.next}</option>
                  )}
                  {sectionIds.map((x) => (
                    <option key={x} value={x}>
                      {x}
                    </option>
                  ))}
                  <option value="end">{t('planner.script.end')}</option>
                </select>
                <FieldError id={`s${i}-next`} error={problems} field={`${P(i)}.next`} />
              </div>
              <button type="button" className="small danger" onClick={() => edit((x) => void x.splice(i, 1))}>
                {t('planner.script.removeSection')}
              </button>
            </div>
          </fieldset>
        ))}
        <button
          type="button"
          onClick={() => edit((x) => void x.push(newSection(x.length + 1)))}
          data-testid="add-section"
        >
          {t('planner.script.addSection')}
        </button>
        <form
          className="pl-save"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="pl-field">
            <label htmlFor="change-note">{t('planner.script.changeNote')}</label>
            <input id="change-note" value={changeNote} onChange={(e) => setChangeNote(e.target.value)} />
          </div>
          <p className={local.length ? 'error' : 'info'} role="status" data-testid="script-check">
            {local.length ? t('planner.script.problems', { n: local.length }) : t('planner.script.valid')}
          </p>
          <OtherErrors error={saveError} shownFields={shownPaths} />
          <button type="submit" className="primary" data-testid="save-script">
            {t('planner.script.save')}
          </button>
          {saved && (
            <span className="info" role="status" data-testid="script-saved">
              {saved}
            </span>
          )}
        </form>
      </section>
      <Preview scriptId={s.id} versions={s.versions} contacts={contacts.data?.items ?? []} />
      <Compare versions={s.versions} dateOf={(v) => f.dateTime(v.createdAt)} />
    </div>
  );
}

/** A saved version rendered by the server for a real contact of the list, walked as the agent desktop walks it. */
function Preview(p: { scriptId: string; versions: ScriptVersion[]; contacts: ContactView[] }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState<number | null>(null);
  const [contactId, setContactId] = useState('');
  const [rendered, setRendered] = useState<RenderedVersion | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const v = version ?? p.versions.at(-1)?.version ?? null;
  const cid = contactId || p.contacts[0]?.id || '';
  const contact = p.contacts.find((c) => c.id === cid);
  const run = async () => {
    if (v === null) return;
    try {
      setRendered(
        await api<RenderedVersion>('POST', `/scripts/${p.scriptId}/versions/${v}/preview`, { contactId: cid }),
      );
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <section className="card" aria-labelledby="pl-preview">
      <h2 id="pl-preview">{t('planner.script.preview')}</h2>
      {p.versions.length === 0 ? (
        <p className="muted">{t('planner.script.saveFirst')}</p>
      ) : (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <label>
            {t('planner.script.version')}
            <select value={v ?? ''} onChange={(e) => setVersion(Number(e.target.value))}>
              {p.versions.map((x) => (
                <option key={x.version} value={x.version}>
                  {x.version}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('planner.script.contact')}
            <select value={cid} onChange={(e) => setContactId(e.target.value)} data-testid="preview-contact">
              {p.contacts.map((c) => (
                <option key={c.id} value={c.id}>
                  {[c.firstName, c.lastName].filter(Boolean).join(' ') || c.phones[0]?.e164 || c.id}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={!cid} data-testid="run-preview">
            {t('planner.script.runPreview')}
          </button>
        </form>
      )}
      <FormError error={error} />
      {rendered && (
        <div className="desktop pl-preview">
          {contact && (
            <dl className="contact card" data-testid="preview-card">
              <dt>{t('planner.script.name')}</dt>
              <dd>{[contact.firstName, contact.lastName].filter(Boolean).join(' ') || '—'}</dd>
              <dt>{t('planner.script.phone')}</dt>
              <dd>{contact.phones[0]?.e164 ?? '—'}</dd>
              {Object.entries(contact.fields ?? {}).map(([k, val]) => (
                <div key={k} className="field">
                  <dt>{k}</dt>
                  <dd>{String(val)}</dd>
                </div>
              ))}
            </dl>
          )}
          <div>
            {rendered.missingFields.length > 0 && (
              <p className="error" role="status">
                {t('planner.script.missing', { fields: rendered.missingFields.join(', ') })}
              </p>
            )}
            <ScriptView key={`${rendered.version}-${cid}`} sections={rendered.sections} prefix="pv" />
          </div>
        </div>
      )}
    </section>
  );
}

/** Two versions side by side; lines only one of them has are marked. */
function Compare(p: { versions: ScriptVersion[]; dateOf: (v: ScriptVersion) => string }) {
  const { t } = useTranslation();
  const n = p.versions.length;
  const [a, setA] = useState<number | null>(null);
  const [b, setB] = useState<number | null>(null);
  if (n < 2)
    return (
      <section className="card" aria-labelledby="pl-compare">
        <h2 id="pl-compare">{t('planner.script.compare')}</h2>
        <p className="muted">{t('planner.script.compareNeedsTwo')}</p>
      </section>
    );
  const va = p.versions.find((x) => x.version === (a ?? p.versions[n - 2].version))!;
  const vb = p.versions.find((x) => x.version === (b ?? p.versions[n - 1].version))!;
  const la = outline(va.body as unknown as ScriptBody);
  const lb = outline(vb.body as unknown as ScriptBody);
  const column = (v: ScriptVersion, lines: string[], other: string[], set: (n: number) => void, side: string) => (
    <div className="pl-compare-col" data-testid={`compare-${side}`}>
      <label>
        {t('planner.script.version')}
        <select value={v.version} onChange={(e) => set(Number(e.target.value))}>
          {p.versions.map((x) => (
            <option key={x.version} value={x.version}>
              {x.version}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small">
        {p.dateOf(v)}
        {v.changeNote ? ` · ${v.changeNote}` : ''}
      </p>
      <pre>
        {lines.map((l, i) => (
          <span key={i} className={other.includes(l) ? undefined : 'pl-diff'}>
            {l + '\n'}
          </span>
        ))}
      </pre>
    </div>
  );
  return (
    <section className="card" aria-labelledby="pl-compare">
      <h2 id="pl-compare">{t('planner.script.compare')}</h2>
      <div className="pl-compare">
        {column(va, la, lb, setA, 'a')}
        {column(vb, lb, la, setB, 'b')}
      </div>
    </section>
  );
}

export default ScriptEditor;
