import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../api';

/** The landing page when a role has no page of its own to open first: its pages as links, and the API's. */
export function Home(p: { user: SessionUser; links: { path: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <section className="card">
      <h1>{t('home.welcome', { name: p.user.displayName })}</h1>
      <p>{t('home.pages')}</p>
      <ul>
        {p.links.map((l) => (
          <li key={l.path}>
            <a href={l.path}>{l.label}</a>
          </li>
        ))}
        <li>
          <a href="/api/docs">{t('home.apiDocs')}</a>
        </li>
      </ul>
    </section>
  );
}
