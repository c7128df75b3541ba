import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api';
import type { PageProps } from '../routes';
import { FormError } from '../components/FieldError';
import { useFormat } from '../format';
import { AdminPage, Field } from './common';
import type { AuditEntry, AuditPage, User } from './types';

const FILTERS = ['action', 'entityType', 'entityId', 'actorId', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const EMPTY: Filters = { action: '', entityType: '', entityId: '', actorId: '', from: '', to: '' };

/** A day typed as YYYY-MM-DD is sent as that day's start (from) or the next day's start (to), in the browser's zone. */
function dayBound(v: string, end: boolean): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
  if (!m) return v.trim();
  return new Date(+m[1], +m[2] - 1, +m[3] + (end ? 1 : 0)).toISOString();
}

/** The audit log, newest first, with filters and older pages. */
export default function AuditLog({ user }: PageProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [users, setUsers] = useState<User[]>([]);
  useEffect(() => {
    api<User[]>('GET', '/users').then(setUsers, () => setUsers([]));
  }, []);

  const query = useCallback(
    (before?: string) => {
      const p = new URLSearchParams({ limit: '50' });
      for (const k of FILTERS) {
        const v = filters[k].trim();
        if (v) p.set(k, k === 'from' || k === 'to' ? dayBound(v, k === 'to') : v);
      }
      if (before) p.set('before', before);
      return api<AuditPage>('GET', `/audit-log?${p.toString()}`);
    },
    [filters],
  );
  useEffect(() => {
    setError(null);
    query().then(
      (r) => {
        setEntries(r.entries);
        setNext(r.nextBefore);
      },
      (e: ApiError) => setError(e),
    );
  }, [query]);
  const more = async () => {
    if (!next) return;
    const r = await query(next);
    setEntries((x) => [...x, ...r.entries]);
    setNext(r.nextBefore);
  };
  const who = (id: string | null) => (id ? (users.find((u) => u.id === id)?.displayName ?? id.slice(0, 8)) : '—');

  return (
    <AdminPage user={user} section="audit">
      <section className="card" aria-labelledby="audit-filters">
        <h2 id="audit-filters">{t('admin.audit.filters')}</h2>
        <form
          className="admin-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setFilters(draft);
          }}
        >
          {FILTERS.filter((k) => k !== 'actorId').map((k) => (
            <Field key={k} id={`audit-${k}`} label={t(`admin.audit.${k}`)} field={k} error={error}>
              {(a) => (
                <input
                  {...a}
                  value={draft[k]}
                  placeholder={k === 'from' || k === 'to' ? 'YYYY-MM-DD' : k === 'action' ? 'dnc.' : undefined}
                  onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
                  data-testid={`audit-${k}`}
                />
              )}
            </Field>
          ))}
          <Field id="audit-actorId" label={t('admin.audit.actorId')} field="actorId" error={error}>
            {(a) => (
              <select {...a} value={draft.actorId} onChange={(e) => setDraft({ ...draft, actorId: e.target.value })}>
                <option value="">{t('admin.audit.anyone')}</option>
                {users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.displayName} ({u.email})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="primary" data-testid="audit-apply">
            {t('admin.audit.apply')}
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft(EMPTY);
              setFilters(EMPTY);
            }}
          >
            {t('admin.audit.clear')}
          </button>
        </form>
        <FormError error={error} shownFields={[...FILTERS]} />
      </section>
      <section className="card" aria-labelledby="audit-list">
        <h2 id="audit-list">{t('admin.audit.entries')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.audit.at')}</th>
              <th scope="col">{t('admin.audit.actorId')}</th>
              <th scope="col">{t('admin.audit.actionColumn')}</th>
              <th scope="col">{t('admin.audit.entity')}</th>
              <th scope="col">{t('admin.audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-audit={e.action}>
                <td>{f.dateTime(e.at)}</td>
                <td>
                  {who(e.actorId)}
                  {e.actorRole && (
                    <div className="muted small">{t(`roles.${e.actorRole}`, { defaultValue: e.actorRole })}</div>
                  )}
                </td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  <span title={e.entityType}>
                    {t(`admin.audit.entityTypes.${e.entityType}`, { defaultValue: e.entityType })}
                  </span>{' '}
                  <span className="muted small">{e.entityId}</span>
                </td>
                <td>
                  <code className="details">{e.details ? JSON.stringify(e.details) : '—'}</code>
                </td>
              </tr>
            ))}
            {entries.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  {t('admin.audit.none')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {next && (
          <button type="button" onClick={() => void more()}>
            {t('admin.audit.older')}
          </button>
        )}
      </section>
    </AdminPage>
  );
}
