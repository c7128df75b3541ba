import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logout, onSessionEnd, restore, type SessionUser } from './api';
import { Header } from './Header';
import { navigate, usePath } from './router';
import { SignIn } from './pages/SignIn';
import { Home } from './pages/Home';
import { AgentDesktop } from './pages/AgentDesktop';
import { Wallboard } from './pages/Wallboard';
import { FloorView } from './pages/FloorView';

/** The pages each role may open, the first one being its home. */
export const PAGES: Record<string, string[]> = {
  agent: ['/agent'],
  supervisor: ['/floor', '/wallboard'],
  planner: ['/wallboard', '/floor'],
  admin: ['/floor', '/wallboard'],
  requester: [],
  qa: [],
};

export function App() {
  const { t } = useTranslation();
  const path = usePath();
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);

  useEffect(() => onSessionEnd(() => setUser(null)), []);
  useEffect(() => {
    restore()
      .then(setUser)
      .catch(() => setUser(null));
  }, []);

  useEffect(() => {
    if (user === undefined) return;
    if (user === null) {
      if (path !== '/signin') navigate('/signin');
      return;
    }
    const allowed = PAGES[user.role] ?? [];
    if (path === '/signin' || path === '/' || !allowed.includes(path)) navigate(allowed[0] ?? '/home');
  }, [user, path]);

  if (user === undefined)
    return (
      <main className="centered" aria-busy="true">
        <p>{t('app.loading')}</p>
      </main>
    );
  if (user === null) return <SignIn onSignedIn={setUser} />;

  const signOut = async () => {
    await logout().catch(() => undefined);
    setUser(null);
  };
  const pages = PAGES[user.role] ?? [];
  return (
    <>
      <Header user={user} pages={pages} path={path} onSignOut={signOut} />
      <main id="main">
        {path === '/agent' && pages.includes(path) && <AgentDesktop user={user} />}
        {path === '/wallboard' && pages.includes(path) && <Wallboard />}
        {path === '/floor' && pages.includes(path) && <FloorView />}
        {path === '/home' && <Home user={user} />}
      </main>
    </>
  );
}
