import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationView } from '@app/briefs';
import { api } from '../api';
import { useFormat } from '../format';
import { Link, usePoll } from './shared';

/** The department's unread notices (pilot finished, deadline at risk, ...), each with a link and "mark read". */
export function Notices() {
  const { t } = useTranslation();
  const f = useFormat();
  const [items, setItems] = useState<NotificationView[] | null>(null);
  const load = useCallback(
    async () => setItems(await api<NotificationView[]>('GET', '/notifications?unread=true')),
    [],
  );
  usePoll(load, 30_000);
  if (!items || items.length === 0) return null;
  const linkOf = (n: NotificationView) =>
    n.entityType === 'campaign' && n.entityId
      ? `/planner/campaigns/${n.entityId}`
      : n.entityType === 'brief' && n.entityId
        ? `/planner/briefs/${n.entityId}`
        : null;
  return (
    <section className="card" aria-labelledby="pl-notices">
      <h2 id="pl-notices">{t('planner.notices.title')}</h2>
      <ul className="pl-notices" data-testid="notices">
        {items.map((n) => {
          const to = linkOf(n);
          return (
            <li key={n.id} data-kind={n.kind}>
              <strong>{t(`planner.notices.kinds.${n.kind}`, { defaultValue: n.kind })}</strong>{' '}
              <span className="muted small">{f.dateTime(n.createdAt)}</span>
              <br />
              {to ? (
                <Link to={to}>
                  <span lang="en">{n.message}</span>
                </Link>
              ) : (
                <span lang="en">{n.message}</span>
              )}{' '}
              <button
                type="button"
                className="small"
                onClick={() =>
                  void api('POST', `/notifications/${n.id}/read`)
                    .then(load)
                    .catch(() => undefined)
                }
              >
                {t('planner.notices.read')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
