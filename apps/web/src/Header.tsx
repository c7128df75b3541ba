import { useTranslation } from 'react-i18next';
import type { SessionUser } from './api';
import { LANGUAGES, setLanguage, type Language } from './i18n';
import { navigate } from './router';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="lang">
      <span>{t('header.language')}</span>
      <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)} data-testid="language">
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function Header(p: {
  user: SessionUser;
  links: { path: string; label: string }[];
  path: string;
  onSignOut: () => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <header className="top">
      <span className="brand">{t('app.name')}</span>
      <nav aria-label={t('header.pages')}>
        {p.links.map((l) => (
          <a
            key={l.path}
            href={l.path}
            aria-current={p.path === l.path || p.path.startsWith(l.path + '/') ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate(l.path);
            }}
          >
            {l.label}
          </a>
        ))}
      </nav>
      <span className="who" data-testid="who">
        <strong>{p.user.displayName}</strong> · {t(`roles.${p.user.role}`)}
        {p.user.departmentName ? ` · ${p.user.departmentName}` : ''}
      </span>
      <LanguageSwitch />
      <button type="button" onClick={() => void p.onSignOut()} data-testid="sign-out">
        {t('header.signOut')}
      </button>
    </header>
  );
}
