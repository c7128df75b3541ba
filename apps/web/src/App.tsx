import { lazy, Suspense, useEffect, useState, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import { logout, onSessionEnd, restore, type SessionUser } from './api';
import { Header } from './Header';
import { navigate, usePath } from './router';
import { matchPath, type PageProps, type PageRoute, type Role } from './routes';
import { SignIn } from './pages/SignIn';
import { Home } from './pages/Home';
import { liveRoutes } from './areas/live';
import { requesterRoutes } from './areas/requester';
import { plannerRoutes } from './areas/planner';
import { adminRoutes } from './areas/admin';
import { reportsRoutes } from './areas/reports';

/** Every page, in the order of the header's links. */
export const ROUTES: PageRoute[] = [
  ...requesterRoutes,
  ...plannerRoutes,
  ...liveRoutes,
  ...reportsRoutes,
  ...adminRoutes,
];

/** Where each role starts: the first linked page of its own area, else its first linked page, else a welcome. */
const OWN_AREA: Record<Role, PageRoute[]> = {
  agent: liveRoutes,
  supervisor: liveRoutes.filter((r) => r.path !== '/agent'),
  planner: plannerRoutes,
  admin: adminRoutes,
  requester: requesterRoutes,
  qa: reportsRoutes,
};

const allowed = (role: Role) => ROUTES.filter((r) => r.roles.includes(role));

export function homeOf(role: Role): string {
  const own = (OWN_AREA[role] ?? []).find((r) => r.nav && r.roles.includes(role));
  return own?.path ?? allowed(role).find((r) => r.nav)?.path ?? '/home';
}

const pages = new Map<PageRoute, LazyExoticComponent<ComponentType<PageProps>>>();
const pageOf = (r: PageRoute) => {
  let p = pages.get(r);
  if (!p) pages.set(r, (p = lazy(r.load)));
  return p;
};

function resolve(role: Role, path: string): { route: PageRoute; params: Record<string, string> } | null {
  for (const route of allowed(role)) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

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
    if (path === '/home' && homeOf(user.role) === '/home') return;
    if (path === '/signin' || path === '/' || !resolve(user.role, path)) navigate(homeOf(user.role));
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
  const links = allowed(user.role)
    .filter((r) => r.nav)
    .map((r) => ({ path: r.path, label: t(r.nav as string) }));
  const found = resolve(user.role, path);
  const Page = found ? pageOf(found.route) : null;
  return (
    <>
      <Header user={user} links={links} path={path} onSignOut={signOut} />
      <main id="main">
        {Page && found ? (
          <Suspense
            fallback={
              <p className="centered" aria-busy="true">
                {t('app.loading')}
              </p>
            }
          >
            <Page user={user} params={found.params} />
          </Suspense>
        ) : (
          path === '/home' && <Home user={user} links={links} />
        )}
      </main>
    </>
  );
}
