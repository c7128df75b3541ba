import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api';
import type { PageProps } from '../routes';
import { FormError } from '../components/FieldError';
import { AdminPage, Field, listText, parseList, useList, type Message } from './common';
import type { AllowedDestinations, Department, WebhookSecret } from './types';

/**
 * The number prefixes a department's agents may transfer or conference callers to (the ACD's
 * `/api/departments/:id/allowed-destinations`); nothing is shown while the server has no such route (404).
 */
function Destinations(p: { d: Department; onMessage: (m: Message) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    api<AllowedDestinations>('GET', `/departments/${p.d.id}/allowed-destinations`).then(
      (r) => setText(listText(r.prefixes)),
      () => setText(null),
    );
  }, [p.d.id]);
  if (text === null) return <span className="muted">—</span>;
  const save = async () => {
    setError(null);
    try {
      await api('PUT', `/departments/${p.d.id}/allowed-destinations`, { prefixes: parseList(text) });
      p.onMessage({ kind: 'info', text: t('admin.departments.destinationsSaved', { name: p.d.name }) });
    } catch (e) {
      setError(e as ApiError);
    }
  };
  return (
    <form
      className="row"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field id={`dep-dest-${p.d.id}`} label={t('admin.departments.destinations')} field="prefixes" error={error}>
        {(a) => <input {...a} value={text} placeholder="+86, +852" onChange={(e) => setText(e.target.value)} />}
      </Field>
      <button type="submit">{t('admin.save')}</button>
    </form>
  );
}

/** Departments: create one, set its webhook URL, rotate its webhook secret (shown this once). */
export default function Departments({ user }: PageProps) {
  const { t } = useTranslation();
  const { items, reload } = useList(() => api<Department[]>('GET', '/departments'));
  const [message, setMessage] = useState<Message | null>(null);
  const [form, setForm] = useState({ name: '', code: '', webhookUrl: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [urls, setUrls] = useState<Record<string, string>>({});
  const [rowError, setRowError] = useState<{ id: string; error: ApiError } | null>(null);

  const create = async () => {
    setError(null);
    try {
      const d = await api<Department>('POST', '/departments', {
        name: form.name,
        code: form.code,
        ...(form.webhookUrl ? { webhookUrl: form.webhookUrl } : {}),
      });
      setForm({ name: '', code: '', webhookUrl: '' });
      setMessage({ kind: 'info', text: t('admin.departments.created', { name: d.name }) });
      await reload();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const saveUrl = async (d: Department) => {
    setRowError(null);
    try {
      const url = (urls[d.id] ?? d.webhookUrl ?? '').trim();
      await api('PATCH', `/departments/${d.id}`, { webhookUrl: url || null });
      setMessage({ kind: 'info', text: t('admin.departments.webhookSaved', { name: d.name }) });
      await reload();
    } catch (e) {
      setRowError({ id: d.id, error: e as ApiError });
    }
  };
  const rotate = async (d: Department) => {
    try {
      const r = await api<WebhookSecret>('POST', `/departments/${d.id}/webhook-secret`);
      setSecret({ name: d.name, value: r.webhookSecret });
      await reload();
    } catch (e) {
      setRowError({ id: d.id, error: e as ApiError });
    }
  };

  return (
    <AdminPage user={user} section="departments" message={message}>
      {secret && (
        <div className="card secret" role="alert" data-testid="webhook-secret">
          <p>{t('admin.departments.secretOnce', { name: secret.name })}</p>
          <code data-testid="webhook-secret-value">{secret.value}</code>
          <button type="button" onClick={() => setSecret(null)}>
            {t('admin.departments.secretCopied')}
          </button>
        </div>
      )}
      <section className="card" aria-labelledby="dep-new">
        <h2 id="dep-new">{t('admin.departments.new')}</h2>
        <form
          className="admin-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <Field id="dep-name" label={t('admin.departments.name')} field="name" error={error}>
            {(a) => <input {...a} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
          </Field>
          <Field id="dep-code" label={t('admin.departments.code')} field="code" error={error}>
            {(a) => <input {...a} value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />}
          </Field>
          <Field id="dep-webhook" label={t('admin.departments.webhookUrl')} field="webhookUrl" error={error}>
            {(a) => (
              <input
                {...a}
                type="url"
                value={form.webhookUrl}
                placeholder="https://example.org/hook"
                onChange={(e) => setForm({ ...form, webhookUrl: e.target.value })}
              />
            )}
          </Field>
          <button type="submit" className="primary" data-testid="department-create">
            {t('admin.create')}
          </button>
        </form>
        <FormError error={error} shownFields={['name', 'code', 'webhookUrl']} />
      </section>
      <section className="card" aria-labelledby="dep-list">
        <h2 id="dep-list">{t('admin.departments.list')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.departments.name')}</th>
              <th scope="col">{t('admin.departments.code')}</th>
              <th scope="col">{t('admin.departments.webhookUrl')}</th>
              <th scope="col">{t('admin.departments.secret')}</th>
              <th scope="col">{t('admin.departments.destinations')}</th>
            </tr>
          </thead>
          <tbody>
            {(items ?? []).map((d) => (
              <tr key={d.id} data-department={d.code}>
                <td>{d.name}</td>
                <td>
                  <code>{d.code}</code>
                </td>
                <td>
                  <form
                    className="row"
                    noValidate
                    onSubmit={(e) => {
                      e.preventDefault();
                      void saveUrl(d);
                    }}
                  >
                    <Field
                      id={`dep-url-${d.id}`}
                      label={t('admin.departments.webhookUrl')}
                      field="webhookUrl"
                      error={rowError?.id === d.id ? rowError.error : null}
                    >
                      {(a) => (
                        <input
                          {...a}
                          type="url"
                          className="wide"
                          value={urls[d.id] ?? d.webhookUrl ?? ''}
                          onChange={(e) => setUrls({ ...urls, [d.id]: e.target.value })}
                        />
                      )}
                    </Field>
                    <button type="submit">{t('admin.save')}</button>
                  </form>
                </td>
                <td>
                  <span className="muted">
                    {d.webhookSecretSet ? t('admin.departments.set') : t('admin.departments.notSet')}
                  </span>{' '}
                  <button type="button" onClick={() => void rotate(d)} data-testid="rotate-secret">
                    {d.webhookSecretSet ? t('admin.departments.rotate') : t('admin.departments.setSecret')}
                  </button>
                </td>
                <td>
                  <Destinations d={d} onMessage={setMessage} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </AdminPage>
  );
}
