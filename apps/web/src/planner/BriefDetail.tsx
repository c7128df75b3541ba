import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BriefView, CallingWindows, RetryPolicy } from '@app/briefs';
import type { ContactList } from '@app/database';
import type { ScriptWithVersions } from '@app/scripts';
import { api, type ApiError } from '../api';
import { FormError } from '../components/FieldError';
import { useFormat } from '../format';
import { navigate } from '../router';
import type { PageProps } from '../routes';
import { Field, Link, LoadError, Loading, OtherErrors, StateBadge, useResource } from './shared';
import { RetryWords, WindowsTable } from './windows';

type Script = Omit<ScriptWithVersions, 'versions'>;
const PLANNABLE = new Set(['accepted', 'converted', 'completed']);

/** A brief as the planner reviews it: purpose, list, windows, retries, script draft, deadline; accept or reject. */
export function BriefDetail(p: PageProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = p.params.id;
  const brief = useResource<BriefView>(`/briefs/${id}`);
  const b = brief.data;
  const list = useResource<ContactList>(b?.contactListId ? `/contact-lists/${b.contactListId}` : null);
  const scripts = useResource<Script[]>('/scripts');
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [acceptError, setAcceptError] = useState<ApiError | null>(null);
  const [rejectError, setRejectError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  if (brief.error) return <LoadError error={brief.error} />;
  if (!b) return <Loading />;
  const mine = (scripts.data ?? []).filter((s) => s.briefId === b.id);

  const decide = async (what: 'accept' | 'reject') => {
    setBusy(true);
    setAcceptError(null);
    setRejectError(null);
    try {
      const body = what === 'accept' ? (comment.trim() ? { comment: comment.trim() } : {}) : { reason };
      const next = await api<BriefView>('POST', `/briefs/${b.id}/${what}`, body);
      brief.set(next);
      setMessage(t(what === 'accept' ? 'planner.brief.accepted' : 'planner.brief.rejected'));
    } catch (e) {
      (what === 'accept' ? setAcceptError : setRejectError)(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const newScript = async () => {
    try {
      const s = await api<ScriptWithVersions>('POST', '/scripts', { name: b.title, briefId: b.id });
      navigate(`/planner/scripts/${s.id}`);
    } catch (e) {
      setAcceptError(e as ApiError);
    }
  };
  const imported = list.data;

  return (
    <div className="planner">
      <p>
        <Link to="/planner/review">{t('planner.back')}</Link>
      </p>
      <h1>
        {b.title} <StateBadge kind="brief" value={b.status} />
      </h1>
      {message && (
        <p className="info" role="status" data-testid="brief-message">
          {message}
        </p>
      )}
      <div className="pl-grid">
        <section className="card" aria-labelledby="pl-purpose">
          <h2 id="pl-purpose">{t('planner.brief.purpose')}</h2>
          <p className="pl-pre">{b.purpose}</p>
          <dl className="pl-facts">
            <dt>{t('planner.brief.deadline')}</dt>
            <dd data-testid="brief-deadline">{f.dateTime(b.deadline)}</dd>
            <dt>{t('planner.brief.pilotSize')}</dt>
            <dd>{b.pilotSize !== null ? f.number(b.pilotSize) : '—'}</dd>
            <dt>{t('planner.brief.region')}</dt>
            <dd>{b.region}</dd>
            {b.rejectionReason && (
              <>
                <dt>{t('planner.brief.rejectionReason')}</dt>
                <dd>{b.rejectionReason}</dd>
              </>
            )}
          </dl>
        </section>
        <section className="card" aria-labelledby="pl-list">
          <h2 id="pl-list">{t('planner.brief.list')}</h2>
          {!b.contactListId && <p className="muted">{t('planner.brief.noList')}</p>}
          {imported && (
            <dl className="pl-facts" data-testid="list-summary">
              <dt>{t('planner.brief.listName')}</dt>
              <dd>{imported.name}</dd>
              <dt>{t('planner.brief.rows')}</dt>
              <dd>{f.number(imported.rowCount)}</dd>
              <dt>{t('planner.brief.acceptedRows')}</dt>
              <dd data-testid="list-accepted">{f.number(imported.acceptedCount)}</dd>
              <dt>{t('planner.brief.rejectedRows')}</dt>
              <dd>{f.number(imported.rejectedCount)}</dd>
              <dt>{t('planner.brief.duplicates')}</dt>
              <dd>{f.number(imported.duplicateCount)}</dd>
              <dt>{t('planner.brief.dnc')}</dt>
              <dd>{f.number(imported.dncCount)}</dd>
            </dl>
          )}
        </section>
        <section className="card" aria-labelledby="pl-windows">
          <h2 id="pl-windows">{t('planner.brief.windows')}</h2>
          <WindowsTable windows={b.windows as unknown as CallingWindows} />
        </section>
        <section className="card" aria-labelledby="pl-retry">
          <h2 id="pl-retry">{t('planner.brief.retry')}</h2>
          <RetryWords policy={b.retryPolicy as unknown as RetryPolicy} />
        </section>
      </div>
      <section className="card" aria-labelledby="pl-draft">
        <h2 id="pl-draft">{t('planner.brief.scriptDraft')}</h2>
        {b.scriptDraft ? (
          <p className="pl-pre" data-testid="script-draft">
            {b.scriptDraft}
          </p>
        ) : (
          <p className="muted">{t('planner.brief.noDraft')}</p>
        )}
      </section>

      {b.status === 'submitted' && (
        <section className="card pl-decide" aria-labelledby="pl-review">
          <h2 id="pl-review">{t('planner.brief.review')}</h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void decide('accept');
            }}
          >
            <Field id="accept-comment" label={t('planner.brief.comment')} field="comment" error={acceptError}>
              {(a) => <textarea {...a} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />}
            </Field>
            <OtherErrors error={acceptError} shownFields={['comment']} />
            <button type="submit" className="primary" disabled={busy} data-testid="accept">
              {t('planner.brief.accept')}
            </button>
          </form>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void decide('reject');
            }}
          >
            <Field id="reject-reason" label={t('planner.brief.reason')} field="reason" error={rejectError}>
              {(a) => <textarea {...a} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
            </Field>
            <OtherErrors error={rejectError} shownFields={['reason']} />
            <button type="submit" className="danger" disabled={busy} data-testid="reject">
              {t('planner.brief.reject')}
            </button>
          </form>
        </section>
      )}

      {PLANNABLE.has(b.status) && (
        <section className="card" aria-labelledby="pl-plan">
          <h2 id="pl-plan">{t('planner.brief.plan')}</h2>
          <h3>{t('planner.brief.scripts')}</h3>
          {mine.length === 0 && <p className="muted">{t('planner.brief.noScripts')}</p>}
          <ul>
            {mine.map((s) => (
              <li key={s.id}>
                <Link to={`/planner/scripts/${s.id}`}>{s.name}</Link>{' '}
                <span className="muted">{t('planner.script.versionCount', { n: s.latestVersion })}</span>
              </li>
            ))}
          </ul>
          <div className="row">
            <button type="button" onClick={() => void newScript()} data-testid="new-script">
              {t('planner.brief.newScript')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => navigate(`/planner/briefs/${b.id}/campaign`)}
              data-testid="setup-campaign"
            >
              {b.campaigns.length ? t('planner.brief.anotherCampaign') : t('planner.brief.setupCampaign')}
            </button>
          </div>
          {b.campaigns.length > 0 && (
            <>
              <h3>{t('planner.brief.campaigns')}</h3>
              <ul>
                {b.campaigns.map((c) => (
                  <li key={c.id}>
                    <Link to={`/planner/campaigns/${c.id}`}>{c.name}</Link>{' '}
                    <StateBadge kind="campaign" value={c.state} />
                  </li>
                ))}
              </ul>
            </>
          )}
          <FormError error={acceptError} />
        </section>
      )}
    </div>
  );
}

export default BriefDetail;
