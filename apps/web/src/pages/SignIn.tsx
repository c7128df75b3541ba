import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { login, type ApiError, type SessionUser } from '../api';
import { LanguageSwitch } from '../Header';

export function SignIn(p: { onSignedIn: (u: SessionUser) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      p.onSignedIn(await login(email, password));
    } catch (err) {
      const status = (err as ApiError).status;
      setError(status === 401 ? t('signIn.wrong') : status === 400 ? t('signIn.invalid') : t('signIn.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="centered">
      <form className="card signin" onSubmit={(e) => void submit(e)} aria-labelledby="signin-title">
        <h1 id="signin-title">{t('signIn.title')}</h1>
        <label>
          {t('signIn.email')}
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            name="email"
          />
        </label>
        <label>
          {t('signIn.password')}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            name="password"
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('signIn.submit')}
        </button>
        <LanguageSwitch />
      </form>
    </main>
  );
}
