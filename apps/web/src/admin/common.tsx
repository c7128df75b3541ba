import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, SessionUser } from '../api';
import { describedBy, FieldError } from '../components/FieldError';
import { messageText, reasonText } from '../errors';
import { navigate } from '../router';
import './admin.css';

/** The administration sections and who may open each (the API answers 403 to the others anyway). */
export const SECTIONS = [
  { path: '/admin/departments', key: 'departments', roles: ['admin'] },
  { path: '/admin/users', key: 'users', roles: ['admin', 'supervisor'] },
  { path: '/admin/agents', key: 'agents', roles: ['admin', 'supervisor'] },
  { path: '/admin/calendars', key: 'calendars', roles: ['admin'] },
  { path: '/admin/dnc', key: 'dnc', roles: ['admin', 'supervisor'] },
  { path: '/admin/queues', key: 'queues', roles: ['admin', 'supervisor'] },
  { path: '/admin/audit', key: 'audit', roles: ['admin'] },
] as const;

/** The section tabs above every admin page. */
export function AdminNav(p: { user: SessionUser; current: string }) {
  const { t } = useTranslation();
  return (
    <nav className="admin-nav" aria-label={t('admin.title')}>
      {SECTIONS.filter((s) => (s.roles as readonly string[]).includes(p.user.role)).map((s) => (
        <a
          key={s.key}
          href={s.path}
          aria-current={p.current === s.key ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault();
            navigate(s.path);
          }}
        >
          {t(`admin.sections.${s.key}`)}
        </a>
      ))}
    </nav>
  );
}

/** An admin page: the tabs, its title, the last message. */
export function AdminPage(p: { user: SessionUser; section: string; children: ReactNode; message?: Message | null }) {
  const { t } = useTranslation();
  return (
    <div className="admin">
      <AdminNav user={p.user} current={p.section} />
      <h1>{t(`admin.sections.${p.section}`)}</h1>
      {p.message && (
        <p role={p.message.kind === 'error' ? 'alert' : 'status'} className={`${p.message.kind} admin-message`}>
          {p.message.text}
        </p>
      )}
      {p.children}
    </div>
  );
}

export interface Message {
  kind: 'info' | 'error';
  text: string;
}

/** Loads a list and reloads it on demand; an error is kept to show. */
export function useList<T>(load: () => Promise<T[]>, deps: unknown[] = []) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(() => load().then(setItems, (e: ApiError) => setError(e)), deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { items, error, reload };
}

/** A labelled input with the API's reason for its field right after it. */
export function Field(p: {
  id: string;
  label: string;
  field: string;
  error: ApiError | null;
  children: (props: ReturnType<typeof describedBy>) => ReactNode;
}) {
  return (
    <label className="admin-field">
      {p.label}
      {p.children(describedBy(p.id, p.error, p.field))}
      <FieldError id={p.id} error={p.error} field={p.field} />
    </label>
  );
}

/** `{ skill: level }` as "french:5, english:3" and back (a bad entry is kept for the API to name). */
export const skillsText = (s: Record<string, number>): string =>
  Object.entries(s)
    .map(([k, v]) => `${k}:${v}`)
    .join(', ');
export function parseSkills(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(/[,，\n]/)) {
    const [k, v] = part.split(/[:：=]/).map((x) => x.trim());
    if (k) out[k] = v === undefined || v === '' ? NaN : Number(v);
  }
  return out;
}
export const listText = (l: readonly string[]): string => l.join(', ');
export const parseList = (text: string): string[] =>
  text
    .split(/[,，\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** The error's fields shown on the form, so FormError lists only the others. */
export function errorText(e: unknown): string {
  const err = e as ApiError;
  return err.details?.length
    ? `${messageText(err)} ${err.details.map((d) => `${d.field}: ${reasonText(d)}`).join('; ')}`
    : messageText(err);
}
