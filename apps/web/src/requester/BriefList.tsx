import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BriefView } from '@app/briefs';
import type { BriefResults } from '@app/reporting';
import { api, type ApiError } from '../api';
import { FormError } from '../components/FieldError';
import { useFormat } from '../format';
import { navigate } from '../router';
import './requester.css';

type Progress = Pick<BriefResults, 'contacts' | 'contactsAttempted' | 'inProgress'>;

/** My department's briefs: status, deadline and progress (from the reporting app once a campaign exists). */
export function BriefList() {
  const { t } = useTranslation();
  const f = useFormat();
  const [briefs, setBriefs] = useState<BriefView[] | null>(null);
  const [progress, setProgress] = useState<Record<string, Progress | null>>({});
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    api<BriefView[]>('GET', '/briefs')
      .then((all) => {
        const sorted = [...all].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
        setBriefs(sorted);
        for (const b of sorted.filter((x) => x.campaigns.length > 0))
          api<BriefResults>('GET', `/reports/briefs/${b.id}/results`)
            .then((r) => setProgress((p) => ({ ...p, [b.id]: r })))
            .catch(() => setProgress((p) => ({ ...p, [b.id]: null })));
      })
      .catch((e: unknown) => setError(e as ApiError));
  }, []);

  const go = (path: string) => (e: { preventDefault(): void }) => {
    e.preventDefault();
    navigate(path);
  };

  return (
    <div className="requester">
      <div className="row spread">
        <h1>{t('requester.list.title')}</h1>
        <a className="button primary" href="/requests/new" onClick={go('/requests/new')} data-testid="new-brief">
          {t('requester.new.title')}
        </a>
      </div>
      <FormError error={error} />
      {briefs && briefs.length === 0 && <p className="card">{t('requester.list.empty')}</p>}
      {briefs && briefs.length > 0 && (
        <table className="card briefs" data-testid="briefs">
          <thead>
            <tr>
              <th scope="col">{t('requester.form.title')}</th>
              <th scope="col">{t('requester.list.status')}</th>
              <th scope="col">{t('requester.list.deadline')}</th>
              <th scope="col">{t('requester.list.progress')}</th>
              <th scope="col">
                <span className="sr-only">{t('requester.list.links')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {briefs.map((b) => {
              const pr = progress[b.id];
              const share = pr && pr.contacts > 0 ? pr.contactsAttempted / pr.contacts : null;
              return (
                <tr key={b.id} data-brief={b.id}>
                  <td>
                    <a href={`/requests/${b.id}`} onClick={go(`/requests/${b.id}`)}>
                      {b.title}
                    </a>
                  </td>
                  <td>
                    <span className={`badge brief-${b.status}`}>{t(`requester.status.${b.status}`)}</span>
                    {b.status === 'rejected' && b.rejectionReason && (
                      <div className="small muted">{b.rejectionReason}</div>
                    )}
                  </td>
                  <td>{f.dateTime(b.deadline)}</td>
                  <td>
                    {share === null ? (
                      <span className="muted">{b.campaigns.length ? t('app.loading') : '—'}</span>
                    ) : (
                      <>
                        <progress max={1} value={share} aria-label={t('requester.list.progress')} />{' '}
                        {t('requester.list.attempted', {
                          done: f.number(pr!.contactsAttempted),
                          total: f.number(pr!.contacts),
                        })}
                      </>
                    )}
                  </td>
                  <td>
                    {b.campaigns.length > 0 && (
                      <a href={`/results/${b.id}`} onClick={go(`/results/${b.id}`)}>
                        {t('requester.results')}
                      </a>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
