import { useTranslation } from 'react-i18next';
import type { BriefView, ReviewQueueEntry } from '@app/briefs';
import type { PageProps } from '../routes';
import { useFormat } from '../format';
import { Notices } from './Notices';
import { Link, LoadError, Loading, StateBadge, useResource } from './shared';

/** The planner's home: submitted briefs waiting for review (overdue ones marked), and accepted briefs to plan. */
export function ReviewQueue(_p: PageProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const queue = useResource<ReviewQueueEntry[]>('/briefs/review-queue');
  const accepted = useResource<BriefView[]>('/briefs?status=accepted');
  return (
    <div className="planner">
      <h1>{t('planner.queue.title')}</h1>
      <Notices />
      <section className="card" aria-labelledby="pl-queue">
        <h2 id="pl-queue">{t('planner.queue.waiting')}</h2>
        <LoadError error={queue.error} />
        {!queue.data && !queue.error && <Loading />}
        {queue.data && queue.data.length === 0 && <p className="muted">{t('planner.queue.empty')}</p>}
        {queue.data && queue.data.length > 0 && (
          <table data-testid="review-queue">
            <thead>
              <tr>
                <th scope="col">{t('planner.brief.title')}</th>
                <th scope="col">{t('planner.brief.submitted')}</th>
                <th scope="col">{t('planner.queue.reviewDue')}</th>
                <th scope="col">{t('planner.brief.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.data.map((b) => (
                <tr key={b.id} data-brief={b.id} className={b.overdue ? 'pl-overdue' : undefined}>
                  <td>
                    <Link to={`/planner/briefs/${b.id}`}>{b.title}</Link>
                  </td>
                  <td>{b.submittedAt ? f.dateTime(b.submittedAt) : '—'}</td>
                  <td>
                    {f.dateTime(b.reviewDueAt)}{' '}
                    {b.overdue && (
                      <span className="badge pl-bad" data-testid="overdue">
                        {t('planner.queue.overdue')}
                      </span>
                    )}
                  </td>
                  <td>{f.dateTime(b.deadline)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="pl-accepted">
        <h2 id="pl-accepted">{t('planner.queue.accepted')}</h2>
        <LoadError error={accepted.error} />
        {accepted.data && accepted.data.length === 0 && <p className="muted">{t('planner.queue.noneAccepted')}</p>}
        {accepted.data && accepted.data.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('planner.brief.title')}</th>
                <th scope="col">{t('planner.brief.status')}</th>
                <th scope="col">{t('planner.brief.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {accepted.data.map((b) => (
                <tr key={b.id} data-brief={b.id}>
                  <td>
                    <Link to={`/planner/briefs/${b.id}`}>{b.title}</Link>
                  </td>
                  <td>
                    <StateBadge kind="brief" value={b.status} />
                  </td>
                  <td>{f.dateTime(b.deadline)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

export default ReviewQueue;
