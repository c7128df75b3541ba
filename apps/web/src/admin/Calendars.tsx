import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api';
import type { PageProps } from '../routes';
import { FormError } from '../components/FieldError';
import { AdminPage, Field, useList, type Message } from './common';
import type { Department, HolidayCalendar } from './types';

/** A YYYY-MM-DD day named in the page's language. */
function dayName(date: string, lang: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

function CalendarCard(p: { c: HolidayCalendar; departments: Department[]; onChange: (m: Message) => void }) {
  const { t, i18n } = useTranslation();
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const id = `cal-${p.c.id}`;
  const put = async (dates: HolidayCalendar['dates'], text: string) => {
    setError(null);
    try {
      await api('PATCH', `/holiday-calendars/${p.c.id}`, { dates });
      p.onChange({ kind: 'info', text });
      setDate('');
      setName('');
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const dep = p.c.departmentId ? (p.departments.find((d) => d.id === p.c.departmentId)?.name ?? '') : null;
  // The index the API names (dates[i]) is that of the new date, the last one sent.
  const added = p.c.dates.length;
  return (
    <section className="card" aria-labelledby={id} data-calendar={p.c.name}>
      <h2 id={id}>
        {p.c.name} <span className="muted small">{dep ?? t('admin.calendars.shared')}</span>
      </h2>
      <ul className="dates">
        {p.c.dates.map((d) => (
          <li key={d.date} data-date={d.date}>
            <time dateTime={d.date}>{dayName(d.date, i18n.language)}</time>
            {d.name && <span className="muted"> · {d.name}</span>}{' '}
            <button
              type="button"
              className="link"
              aria-label={t('admin.calendars.removeDate', { date: d.date })}
              onClick={() =>
                void put(
                  p.c.dates.filter((x) => x.date !== d.date),
                  t('admin.calendars.dateRemoved', { date: dayName(d.date, i18n.language) }),
                )
              }
            >
              {t('admin.remove')}
            </button>
          </li>
        ))}
        {p.c.dates.length === 0 && <li className="muted">{t('admin.calendars.noDates')}</li>}
      </ul>
      <form
        className="admin-form inline"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void put(
            [...p.c.dates, name ? { date, name } : { date }],
            t('admin.calendars.dateAdded', {
              date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? dayName(date, i18n.language) : date,
            }),
          );
        }}
      >
        <Field id={`${id}-date`} label={t('admin.calendars.date')} field={`dates[${added}].date`} error={error}>
          {(a) => (
            <input
              {...a}
              value={date}
              placeholder={t('admin.calendars.datePlaceholder')}
              inputMode="numeric"
              onChange={(e) => setDate(e.target.value.trim())}
              data-testid="holiday-date"
            />
          )}
        </Field>
        <Field id={`${id}-name`} label={t('admin.calendars.dateName')} field={`dates[${added}].name`} error={error}>
          {(a) => <input {...a} value={name} onChange={(e) => setName(e.target.value)} data-testid="holiday-name" />}
        </Field>
        <button type="submit" data-testid="holiday-add">
          {t('admin.calendars.addDate')}
        </button>
      </form>
      <FormError error={error} shownFields={[`dates[${added}]`]} />
    </section>
  );
}

/** Holiday calendars: the shared ones and the departments'; add and remove dates. */
export default function Calendars({ user }: PageProps) {
  const { t } = useTranslation();
  const { items, reload } = useList(() => api<HolidayCalendar[]>('GET', '/holiday-calendars'));
  const departments = useList(() => api<Department[]>('GET', '/departments')).items ?? [];
  const [message, setMessage] = useState<Message | null>(null);
  const [form, setForm] = useState({ name: '', region: '', departmentId: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const create = async () => {
    setError(null);
    try {
      await api('POST', '/holiday-calendars', {
        name: form.name,
        ...(form.region ? { region: form.region } : {}),
        ...(form.departmentId ? { departmentId: form.departmentId } : {}),
        dates: [],
      });
      setMessage({ kind: 'info', text: t('admin.calendars.created', { name: form.name }) });
      setForm({ name: '', region: '', departmentId: '' });
      await reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <AdminPage user={user} section="calendars" message={message}>
      <section className="card" aria-labelledby="cal-new">
        <h2 id="cal-new">{t('admin.calendars.new')}</h2>
        <form
          className="admin-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <Field id="cal-name" label={t('admin.calendars.name')} field="name" error={error}>
            {(a) => (
              <input
                {...a}
                value={form.name}
                onChange={(e) => setForm({ ...form, name: e.target.value })}
                data-testid="calendar-name"
              />
            )}
          </Field>
          <Field id="cal-region" label={t('admin.calendars.region')} field="region" error={error}>
            {(a) => (
              <input
                {...a}
                value={form.region}
                placeholder="CN"
                maxLength={2}
                onChange={(e) => setForm({ ...form, region: e.target.value.toUpperCase() })}
              />
            )}
          </Field>
          <Field id="cal-dep" label={t('admin.calendars.department')} field="departmentId" error={error}>
            {(a) => (
              <select
                {...a}
                value={form.departmentId}
                onChange={(e) => setForm({ ...form, departmentId: e.target.value })}
              >
                <option value="">{t('admin.calendars.shared')}</option>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="primary" data-testid="calendar-create">
            {t('admin.create')}
          </button>
        </form>
        <FormError error={error} shownFields={['name', 'region', 'departmentId']} />
      </section>
      {(items ?? []).map((c) => (
        <CalendarCard
          key={`${c.id}-${c.updatedAt}`}
          c={c}
          departments={departments}
          onChange={(m) => {
            setMessage(m);
            void reload();
          }}
        />
      ))}
    </AdminPage>
  );
}
