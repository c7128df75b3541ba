import { useTranslation } from 'react-i18next';
import { navigate } from '../router';
import type { PageProps } from '../routes';
import { AdminPage, SECTIONS } from './common';

/** The administration start page: each section the user may open, with what it is for. */
export default function AdminIndex({ user }: PageProps) {
  const { t } = useTranslation();
  return (
    <AdminPage user={user} section="home">
      <ul className="admin-index">
        {SECTIONS.filter((s) => (s.roles as readonly string[]).includes(user.role)).map((s) => (
          <li key={s.key} className="card">
            <a
              href={s.path}
              onClick={(e) => {
                e.preventDefault();
                navigate(s.path);
              }}
            >
              {t(`admin.sections.${s.key}`)}
            </a>
            <p className="muted">{t(`admin.about.${s.key}`)}</p>
          </li>
        ))}
      </ul>
    </AdminPage>
  );
}
