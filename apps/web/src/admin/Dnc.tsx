import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api';
import type { PageProps } from '../routes';
import { FormError } from '../components/FieldError';
import { useFormat } from '../format';
import { wordReason } from '../server-reasons';
import { AdminPage, errorText, Field, type Message } from './common';
import type { AddDnc, DncPage, DncUpload } from './types';
import { numbersOf } from './dnc-file';

type Scope = AddDnc['scope'];
const PAGE = 50;

/** Do-not-call lists: search, add one number, upload a file, remove an entry (each audited). */
export default function Dnc({ user }: PageProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const isAdmin = user.role === 'admin';
  const scopes: Scope[] = isAdmin ? ['department', 'global', 'campaign'] : ['department', 'campaign'];
  const [q, setQ] = useState('');
  const [searched, setSearched] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<DncPage | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [form, setForm] = useState({ e164: '', scope: 'department' as Scope, campaignId: '', reason: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [searchError, setSearchError] = useState<ApiError | null>(null);
  const [upload, setUpload] = useState<{ scope: Scope; campaignId: string; file: File | null }>({
    scope: 'department',
    campaignId: '',
    file: null,
  });
  const [uploadError, setUploadError] = useState<ApiError | null>(null);
  const [report, setReport] = useState<DncUpload | null>(null);

  const load = useCallback(async () => {
    setSearchError(null);
    const params = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
    if (searched) params.set('q', searched);
    try {
      setPage(await api<DncPage>('GET', `/dnc?${params.toString()}`));
    } catch (e) {
      setSearchError(e as ApiError);
    }
  }, [searched, offset]);
  useEffect(() => {
    void load();
  }, [load]);

  const scoped = (s: Scope, campaignId: string) => (s === 'campaign' ? { scope: s, campaignId } : { scope: s });
  const add = async () => {
    setError(null);
    try {
      await api('POST', '/dnc', {
        e164: form.e164,
        ...scoped(form.scope, form.campaignId),
        ...(form.reason ? { reason: form.reason } : {}),
      });
      setMessage({ kind: 'info', text: t('admin.dnc.added', { number: form.e164 }) });
      setForm({ ...form, e164: '', reason: '' });
      await load();
    } catch (e) {
      setError(e as ApiError);
    }
  };
  const send = async () => {
    setUploadError(null);
    setReport(null);
    if (!upload.file) return;
    try {
      const numbers = numbersOf(await upload.file.text());
      const r = await api<DncUpload>('POST', '/dnc/upload', { numbers, ...scoped(upload.scope, upload.campaignId) });
      setReport(r);
      setMessage({
        kind: 'info',
        text: t('admin.dnc.uploaded', {
          added: f.number(r.added),
          already: f.number(r.alreadyListed),
          rejected: f.number(r.rejected.length),
        }),
      });
      await load();
    } catch (e) {
      setUploadError(e as ApiError);
    }
  };
  const remove = async (id: string, number: string) => {
    try {
      await api('DELETE', `/dnc/${id}`);
      setMessage({ kind: 'info', text: t('admin.dnc.removed', { number }) });
      await load();
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e) });
    }
  };

  const scopeSelect = (id: string, value: Scope, on: (s: Scope) => void, e: ApiError | null) => (
    <Field id={id} label={t('admin.dnc.scope')} field="scope" error={e}>
      {(a) => (
        <select {...a} value={value} onChange={(ev) => on(ev.target.value as Scope)}>
          {scopes.map((s) => (
            <option key={s} value={s}>
              {t(`admin.dnc.scopes.${s}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <AdminPage user={user} section="dnc" message={message}>
      <div className="admin-columns">
        <section className="card" aria-labelledby="dnc-add">
          <h2 id="dnc-add">{t('admin.dnc.add')}</h2>
          <form
            className="admin-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void add();
            }}
          >
            <Field id="dnc-number" label={t('admin.dnc.number')} field="e164" error={error}>
              {(a) => (
                <input
                  {...a}
                  value={form.e164}
                  inputMode="tel"
                  placeholder="+8613800138000"
                  onChange={(e) => setForm({ ...form, e164: e.target.value.trim() })}
                  data-testid="dnc-number"
                />
              )}
            </Field>
            {scopeSelect('dnc-scope', form.scope, (s) => setForm({ ...form, scope: s }), error)}
            {form.scope === 'campaign' && (
              <Field id="dnc-campaign" label={t('admin.dnc.campaignId')} field="campaignId" error={error}>
                {(a) => (
                  <input
                    {...a}
                    value={form.campaignId}
                    onChange={(e) => setForm({ ...form, campaignId: e.target.value })}
                  />
                )}
              </Field>
            )}
            <Field id="dnc-reason" label={t('admin.dnc.reason')} field="reason" error={error}>
              {(a) => (
                <input {...a} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
              )}
            </Field>
            <button type="submit" className="primary" data-testid="dnc-add">
              {t('admin.dnc.addButton')}
            </button>
          </form>
          <FormError error={error} shownFields={['e164', 'scope', 'campaignId', 'reason']} />
        </section>
        <section className="card" aria-labelledby="dnc-upload">
          <h2 id="dnc-upload">{t('admin.dnc.upload')}</h2>
          <p className="muted small">{t('admin.dnc.uploadHelp')}</p>
          <form
            className="admin-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void send();
            }}
          >
            <Field id="dnc-file" label={t('admin.dnc.file')} field="numbers" error={uploadError}>
              {(a) => (
                <input
                  {...a}
                  type="file"
                  accept=".csv,.txt,text/csv,text/plain"
                  onChange={(e) => setUpload({ ...upload, file: e.target.files?.[0] ?? null })}
                  data-testid="dnc-file"
                />
              )}
            </Field>
            {scopeSelect('dnc-upload-scope', upload.scope, (s) => setUpload({ ...upload, scope: s }), uploadError)}
            {upload.scope === 'campaign' && (
              <Field id="dnc-upload-campaign" label={t('admin.dnc.campaignId')} field="campaignId" error={uploadError}>
                {(a) => (
                  <input
                    {...a}
                    value={upload.campaignId}
                    onChange={(e) => setUpload({ ...upload, campaignId: e.target.value })}
                  />
                )}
              </Field>
            )}
            <button type="submit" disabled={!upload.file} data-testid="dnc-upload">
              {t('admin.dnc.uploadButton')}
            </button>
          </form>
          <FormError error={uploadError} shownFields={['numbers', 'scope', 'campaignId']} />
          {report && report.rejected.length > 0 && (
            <table className="small" data-testid="dnc-rejected">
              <caption>{t('admin.dnc.rejected')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.dnc.line')}</th>
                  <th scope="col">{t('admin.dnc.value')}</th>
                  <th scope="col">{t('admin.dnc.why')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rejected.map((r) => (
                  <tr key={r.index}>
                    <td>{f.number(r.index + 1)}</td>
                    <td>{r.value}</td>
                    <td>{wordReason(r.reason, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
      <section className="card" aria-labelledby="dnc-list">
        <h2 id="dnc-list">{t('admin.dnc.list')}</h2>
        <form
          className="row"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setOffset(0);
            setSearched(q.trim());
          }}
        >
          <Field id="dnc-q" label={t('admin.dnc.search')} field="q" error={searchError}>
            {(a) => (
              <input {...a} type="search" value={q} onChange={(e) => setQ(e.target.value)} data-testid="dnc-search" />
            )}
          </Field>
          <button type="submit" data-testid="dnc-search-go">
            {t('admin.search')}
          </button>
        </form>
        {page && (
          <p className="muted" data-testid="dnc-total">
            {t('admin.dnc.total', { n: f.number(page.total) })}
          </p>
        )}
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.dnc.number')}</th>
              <th scope="col">{t('admin.dnc.scope')}</th>
              <th scope="col">{t('admin.dnc.reason')}</th>
              <th scope="col">{t('admin.dnc.source')}</th>
              <th scope="col">{t('admin.dnc.since')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {(page?.entries ?? []).map((e) => (
              <tr key={e.id} data-dnc={e.e164}>
                <td>{e.e164}</td>
                <td>{t(`admin.dnc.scopes.${e.scope}`)}</td>
                <td>{e.reason ?? '—'}</td>
                <td>{t(`admin.dnc.sources.${e.source}`, { defaultValue: e.source })}</td>
                <td>{f.dateTime(e.createdAt)}</td>
                <td>
                  {(isAdmin || e.scope !== 'global') && (
                    <button type="button" onClick={() => void remove(e.id, e.e164)} data-testid="dnc-remove">
                      {t('admin.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="row">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('admin.previous')}
          </button>
          <button
            type="button"
            disabled={!page || offset + PAGE >= page.total}
            onClick={() => setOffset(offset + PAGE)}
          >
            {t('admin.next')}
          </button>
        </div>
      </section>
    </AdminPage>
  );
}
