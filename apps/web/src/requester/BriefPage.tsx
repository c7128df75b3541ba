import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BriefHistoryEntry, BriefView } from '@app/briefs';
import { api, type ApiError } from '../api';
import { FieldError, FormError, describedBy } from '../components/FieldError';
import { isoToWallTime, useFormat, wallTimeToIso } from '../format';
import { navigate } from '../router';
import type { PageProps } from '../routes';
import { ListUpload } from './ListUpload';
import { DEFAULT_RULES, RetryPolicyEditor, retryInWords, type RetryRules } from './RetryPolicyEditor';
import { WeekGrid } from './WeekGrid';
import { gridFromWindows, hasEvening, hasWeekend, officeHours, weekdaysFromGrid, type HourGrid } from './windows';
import './requester.css';

const EDITABLE = ['draft', 'rejected'];
const FIELDS = [
  'title',
  'purpose',
  'contactPerson.name',
  'contactPerson.email',
  'contactPerson.phone',
  'contactListId',
  'scriptDraft',
  'deadline',
  'windows',
  'retryPolicy',
  'pilotSize',
  'region',
];

interface Draft {
  title: string;
  purpose: string;
  contactName: string;
  email: string;
  phone: string;
  contactListId: string | null;
  scriptDraft: string;
  deadline: string;
  grid: HourGrid;
  holidays: boolean;
  timeZone: string;
  rules: RetryRules;
  pilotSize: string;
  region: string;
}

function blank(lang: string, name: string, email: string): Draft {
  const zh = lang.startsWith('zh');
  const timeZone = zh ? 'Asia/Shanghai' : Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/London';
  return {
    title: '',
    purpose: '',
    contactName: name,
    email,
    phone: '',
    contactListId: null,
    scriptDraft: '',
    deadline: isoToWallTime(Date.now() + 14 * 86400_000, timeZone).slice(0, 11) + '17:00',
    grid: officeHours(),
    holidays: false,
    timeZone,
    rules: DEFAULT_RULES,
    pilotSize: '',
    region: zh ? 'CN' : 'GB',
  };
}

function fromBrief(b: BriefView): Draft {
  const w = b.windows as unknown as { weekdays: never[]; holidays: boolean; timeZone: string };
  const cp = b.contactPerson as { name?: string; email?: string; phone?: string };
  return {
    title: b.title,
    purpose: b.purpose,
    contactName: cp.name ?? '',
    email: cp.email ?? '',
    phone: cp.phone ?? '',
    contactListId: b.contactListId,
    scriptDraft: b.scriptDraft ?? '',
    deadline: isoToWallTime(new Date(b.deadline).getTime(), w.timeZone),
    grid: gridFromWindows(w),
    holidays: w.holidays,
    timeZone: w.timeZone,
    rules: { ...DEFAULT_RULES, ...(b.retryPolicy as Partial<RetryRules>) },
    pilotSize: b.pilotSize ? String(b.pilotSize) : '',
    region: b.region,
  };
}

function payload(d: Draft) {
  return {
    title: d.title,
    purpose: d.purpose,
    contactPerson: {
      name: d.contactName,
      ...(d.email ? { email: d.email } : {}),
      ...(d.phone ? { phone: d.phone } : {}),
    },
    ...(d.contactListId ? { contactListId: d.contactListId } : {}),
    scriptDraft: d.scriptDraft,
    deadline: wallTimeToIso(d.deadline, d.timeZone) ?? d.deadline,
    windows: {
      weekdays: weekdaysFromGrid(d.grid),
      evenings: hasEvening(d.grid),
      weekends: hasWeekend(d.grid),
      holidays: d.holidays,
      holidayDates: [],
      timeZone: d.timeZone,
    },
    retryPolicy: d.rules,
    ...(d.pilotSize ? { pilotSize: Number(d.pilotSize) } : {}),
    region: d.region.toUpperCase(),
  };
}

/** A brief: the new-brief form, the same form to edit a draft or a returned brief, and its state and history. */
export function BriefPage(p: PageProps) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const id = p.params.id;
  const [brief, setBrief] = useState<BriefView | null>(null);
  const [history, setHistory] = useState<BriefHistoryEntry[]>([]);
  const [d, setD] = useState<Draft>(() => blank(i18n.language, p.user.displayName, p.user.email));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');

  const load = async (briefId: string) => {
    const b = await api<BriefView>('GET', `/briefs/${briefId}`);
    setBrief(b);
    setD(fromBrief(b));
    setHistory(await api<BriefHistoryEntry[]>('GET', `/briefs/${briefId}/history`).catch(() => []));
  };
  useEffect(() => {
    if (id) load(id).catch((e: unknown) => setError(e as ApiError));
  }, [id]);

  const editable = !brief || EDITABLE.includes(brief.status);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));

  const save = async (): Promise<string> => {
    const body = payload(d);
    const b = brief
      ? await api<BriefView>('PATCH', `/briefs/${brief.id}`, body)
      : await api<BriefView>('POST', '/briefs', body);
    setBrief(b);
    return b.id;
  };

  const act = async (what: 'save' | 'submit' | 'withdraw') => {
    setBusy(true);
    setError(null);
    setSaved('');
    try {
      let briefId = brief?.id;
      if (what !== 'withdraw' && editable) briefId = await save();
      if (what === 'submit') await api('POST', `/briefs/${briefId}/submit`);
      if (what === 'withdraw') await api('POST', `/briefs/${briefId}/withdraw`);
      setSaved(t(`requester.done.${what}`));
      if (!id && briefId) navigate(`/requests/${briefId}`);
      else if (briefId) await load(briefId);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void act('submit');
  };
  const input = (field: keyof Draft & string, apiField: string = field) =>
    describedBy(`brief-${field}`, error, apiField);
  const lastRejection = [...history].reverse().find((h) => h.toStatus === 'rejected');

  return (
    <div className="requester">
      <p>
        <a href="/requests" onClick={(e) => (e.preventDefault(), navigate('/requests'))}>
          {t('requester.back')}
        </a>
      </p>
      <h1>{brief ? brief.title : t('requester.new.title')}</h1>
      {brief && (
        <p>
          <span className={`badge brief-${brief.status}`} data-testid="brief-status">
            {t(`requester.status.${brief.status}`)}
          </span>{' '}
          {brief.campaigns.length > 0 && (
            <a
              href={`/results/${brief.id}`}
              onClick={(e) => (e.preventDefault(), navigate(`/results/${brief.id}`))}
              data-testid="results-link"
            >
              {t('requester.results')}
            </a>
          )}
        </p>
      )}
      {brief?.status === 'rejected' && (
        <section className="card rejection" data-testid="rejection">
          <h2>{t('requester.rejected.title')}</h2>
          <blockquote>{brief.rejectionReason ?? lastRejection?.reason}</blockquote>
          {lastRejection && (
            <p className="muted small">
              {t('requester.rejected.by', {
                who: lastRejection.actorName ?? lastRejection.actorEmail ?? '—',
                at: f.dateTime(lastRejection.at),
              })}
            </p>
          )}
          <p>{t('requester.rejected.hint')}</p>
        </section>
      )}
      {saved && (
        <p className="info" role="status">
          {saved}
        </p>
      )}
      <form className="card brief-form" onSubmit={onSubmit} noValidate aria-labelledby="brief-form-title">
        <h2 id="brief-form-title" className="sr-only">
          {t('requester.new.title')}
        </h2>
        <fieldset disabled={!editable || busy}>
          <label>
            {t('requester.form.title')}
            <input name="title" value={d.title} onChange={(e) => set('title', e.target.value)} {...input('title')} />
            <FieldError id="brief-title" error={error} field="title" />
          </label>
          <label>
            {t('requester.form.purpose')}
            <textarea
              name="purpose"
              rows={3}
              value={d.purpose}
              onChange={(e) => set('purpose', e.target.value)}
              {...input('purpose')}
            />
            <FieldError id="brief-purpose" error={error} field="purpose" />
          </label>
          <div className="row">
            <label>
              {t('requester.form.contactName')}
              <input
                name="contactName"
                value={d.contactName}
                onChange={(e) => set('contactName', e.target.value)}
                {...input('contactName', 'contactPerson.name')}
              />
              <FieldError id="brief-contactName" error={error} field="contactPerson.name" />
            </label>
            <label>
              {t('requester.form.email')}
              <input
                type="email"
                name="email"
                value={d.email}
                onChange={(e) => set('email', e.target.value)}
                {...input('email', 'contactPerson.email')}
              />
              <FieldError id="brief-email" error={error} field="contactPerson.email" />
            </label>
            <label>
              {t('requester.form.phone')}
              <input
                name="phone"
                value={d.phone}
                onChange={(e) => set('phone', e.target.value)}
                {...input('phone', 'contactPerson.phone')}
              />
              <FieldError id="brief-phone" error={error} field="contactPerson.phone" />
            </label>
            <label>
              {t('requester.form.region')}
              <input
                name="region"
                size={3}
                value={d.region}
                onChange={(e) => set('region', e.target.value)}
                {...input('region')}
              />
              <FieldError id="brief-region" error={error} field="region" />
            </label>
          </div>
          {editable && (
            <ListUpload
              title={d.title}
              region={d.region}
              timeZone={d.timeZone}
              listId={d.contactListId}
              onImported={(listId) => set('contactListId', listId)}
              briefError={error}
            />
          )}
          <label>
            {t('requester.form.script', { placeholder: '{{field}}' })}
            <textarea
              name="scriptDraft"
              rows={5}
              value={d.scriptDraft}
              onChange={(e) => set('scriptDraft', e.target.value)}
              {...input('scriptDraft')}
            />
            <FieldError id="brief-scriptDraft" error={error} field="scriptDraft" />
          </label>
          <div className="row">
            <label>
              {t('requester.form.deadline', { zone: d.timeZone })}
              <input
                type="datetime-local"
                name="deadline"
                value={d.deadline}
                onChange={(e) => set('deadline', e.target.value)}
                {...input('deadline')}
              />
              <FieldError id="brief-deadline" error={error} field="deadline" />
            </label>
            <label>
              {t('requester.form.pilot')}
              <input
                type="number"
                min={1}
                name="pilotSize"
                value={d.pilotSize}
                onChange={(e) => set('pilotSize', e.target.value)}
                {...input('pilotSize')}
              />
              <FieldError id="brief-pilotSize" error={error} field="pilotSize" />
            </label>
          </div>
          <WeekGrid
            grid={d.grid}
            onGrid={(g) => set('grid', g)}
            holidays={d.holidays}
            onHolidays={(v) => set('holidays', v)}
            timeZone={d.timeZone}
            onTimeZone={(z) => set('timeZone', z)}
            invalid={Boolean(error?.details?.some((x) => x.field.startsWith('windows')))}
          />
          <FieldError id="brief-windows" error={error} field="windows" />
          {editable ? (
            <RetryPolicyEditor rules={d.rules} onChange={(r) => set('rules', r)} error={error} />
          ) : (
            <ul className="small">
              {retryInWords(t, d.rules).map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          )}
        </fieldset>
        <FormError error={error} shownFields={FIELDS} />
        <div className="row actions">
          {editable && (
            <>
              <button type="button" onClick={() => void act('save')} disabled={busy} data-testid="save-brief">
                {t('requester.actions.save')}
              </button>
              <button type="submit" className="primary" disabled={busy} data-testid="submit-brief">
                {brief?.status === 'rejected' ? t('requester.actions.resubmit') : t('requester.actions.submit')}
              </button>
            </>
          )}
          {brief?.allowedTransitions.includes('withdrawn') && (
            <button type="button" className="danger" onClick={() => void act('withdraw')} disabled={busy}>
              {t('requester.actions.withdraw')}
            </button>
          )}
        </div>
      </form>
      {history.length > 0 && (
        <section className="card">
          <h2>{t('requester.history')}</h2>
          <ol className="history">
            {history.map((h) => (
              <li key={h.id}>
                {f.dateTime(h.at)} · {t(`requester.status.${h.toStatus}`)}
                {h.reason ? ` — ${h.reason}` : ''}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
