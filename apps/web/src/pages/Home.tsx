import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../api';

/** Roles whose pages come later (requester, QA): a welcome and where to go meanwhile. */
export function Home(p: { user: SessionUser }) {
  const { t } = useTranslation();
  return (
    <section className="card">
      <h1>{t('home.welcome', { name: p.user.displayName })}</h1>
      <p>{t('home.noPages')}</p>
      <p>
        <a href="/api/docs">{t('home.apiDocs')}</a>
      </p>
    </section>
  );
}
