// Small pieces every planner page uses: loading a resource, a labelled field with the API's reason next to it, links.
import { messageText } from '../errors';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api';
import { describedBy, FieldError, FormError } from '../components/FieldError';
import { navigate } from '../router';
import './planner.css';

/** GETs `path` (again when `path` or `reload()` changes it); `null` while loading, the error when it failed. */
export function useResource<T>(path: string | null): {
  data: T | null;
  error: ApiError | null;
  reload: () => Promise<void>;
  set: (v: T) => void;
} {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(async () => {
    if (!path) return;
    try {
      setData(await api<T>('GET', path));
      setError(null);
    } catch (e) {
      setError(e as ApiError);
    }
  }, [path]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload, set: setData };
}

/** Calls `fn` every `ms` while mounted (and once at once). */
export function usePoll(fn: () => Promise<unknown>, ms: number, active = true): void {
  useEffect(() => {
    if (!active) return;
    let stop = false;
    const tick = () => {
      if (!stop) fn().catch(() => undefined);
    };
    tick();
    const id = setInterval(tick, ms);
    return () => {
      stop = true;
      clearInterval(id);
    };
  }, [fn, ms, active]);
}

export function Link(p: { to: string; children: ReactNode; className?: string; testId?: string }) {
  return (
    <a
      href={p.to}
      className={p.className}
      data-testid={p.testId}
      onClick={(e) => {
        e.preventDefault();
        navigate(p.to);
      }}
    >
      {p.children}
    </a>
  );
}

/** A label, the control (given the id/aria props) and the API's reason for `field` right after it. */
export function Field(p: {
  id: string;
  label: string;
  field: string;
  error: ApiError | null | undefined;
  hint?: string;
  children: (props: ReturnType<typeof describedBy>) => ReactNode;
}) {
  return (
    <div className="pl-field">
      <label htmlFor={p.id}>{p.label}</label>
      {p.children(describedBy(p.id, p.error, p.field))}
      {p.hint && <span className="muted small">{p.hint}</span>}
      <FieldError id={p.id} error={p.error} field={p.field} />
    </div>
  );
}

export function LoadError(p: { error: ApiError | null }) {
  const { t } = useTranslation();
  if (!p.error) return null;
  return (
    <p className="error" role="alert">
      {t('planner.loadFailed', { message: messageText(p.error) })}
    </p>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" aria-busy="true">
      {t('app.loading')}
    </p>
  );
}

/** A status or state as a translated badge (unknown values shown as they are). */
export function StateBadge(p: { kind: 'brief' | 'campaign'; value: string }) {
  const { t } = useTranslation();
  const key = p.kind === 'brief' ? `planner.briefStatus.${p.value}` : `planner.campaignState.${p.value}`;
  return (
    <span className={`badge pl-state pl-state-${p.value}`} data-testid={`${p.kind}-state`}>
      {t(key, { defaultValue: p.value })}
    </span>
  );
}

const covers = (fields: string[], f: string) =>
  fields.some((x) => f === x || f.startsWith(x + '.') || f.startsWith(x + '['));

/**
 * The form's error when something is left to say beyond the reasons already shown next to their fields (a refusal
 * without details, or details no field shows); nothing when every reason sits next to its field.
 */
export function OtherErrors(p: { error: ApiError | null | undefined; shownFields?: string[] }) {
  const shown = p.shownFields ?? [];
  const details = p.error?.details ?? [];
  if (!p.error || (details.length > 0 && details.every((d) => covers(shown, d.field)))) return null;
  return <FormError error={p.error} shownFields={shown} />;
}
