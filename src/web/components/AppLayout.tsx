// The frame of every page: platform and program name, navigation by role, language switch, sign-in area.
import { Button, Space } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { logout } from '../api/accounts.js';
import { usePlatform } from '../hooks/platform.js';
import { useTextSize } from '../hooks/text-size.js';
import { useI18n } from '../i18n/i18n.js';
import { navigationFor } from '../navigation.js';
import { hasRoute } from '../pages.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { PageLoading } from './PageLoading.js';
import { Tag } from './Tag.js';

export function AppLayout() {
  const { t, lang } = useI18n();
  const { session, programs, reload } = usePlatform();
  const textSize = useTextSize();
  const location = useLocation();
  const user = session.user;
  const program = programs[0];
  const navigate = useNavigate();
  const signOut = async () => {
    await logout().catch(() => undefined);
    reload();
    navigate('/');
  };
  const items = navigationFor(user?.roles ?? null);
  // Public pages on the first row; a signed-in role's own pages on a row of their own, all visible (no overflow menu
  // that hides where things are).
  const publicItems = items.filter((i) => i.roles === 'everyone' || i.roles === 'signed_out');
  const ownItems = items.filter((i) => !publicItems.includes(i));
  const current = (path: string) => (path === '/' ? location.pathname === '/' : location.pathname === path || location.pathname.startsWith(`${path}/`));
  const links = (list: typeof items) => (
    <ul>
      {list.map((item) => (
        <li key={item.path}>
          <Link to={item.path} aria-current={current(item.path) ? 'page' : undefined}>
            {t(item.label)}
          </Link>
        </li>
      ))}
    </ul>
  );

  return (
    <div className="app-layout">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link to="/" className="app-brand">
          <span className="app-brand-name">{t('app.name')}</span>
          {program ? <span className="app-brand-program">{lang === 'zh' ? program.title : program.titleEn}</span> : null}
        </Link>
        <nav aria-label={t('nav.label')} className="app-nav">
          {links(publicItems)}
        </nav>
        <Space size="middle" className="app-tools">
          <Button size="small" aria-pressed={textSize.size === 'large'} onClick={textSize.toggle}>
            {t('textSize.large')}
          </Button>
          <LanguageSwitch />
          {user ? (
            <span className="app-user" aria-label={t('auth.signedInAs')}>
              <span className="app-user-name">{user.name}</span>
              {user.roles.map((role) => (
                <Tag key={role}>{t(`role.${role}`)}</Tag>
              ))}
              <Button size="small" onClick={() => void signOut()}>
                {t('auth.signOut')}
              </Button>
            </span>
          ) : hasRoute('/login') ? (
            <Link to={`/login?next=${encodeURIComponent(location.pathname)}`} className="link-button">
              {t('auth.signIn')}
            </Link>
          ) : null}
        </Space>
      </header>
      {ownItems.length > 0 ? (
        <nav aria-label={t('nav.workspace')} className="app-nav app-nav-own">
          {links(ownItems)}
        </nav>
      ) : null}
      <main id="main" className="app-content" tabIndex={-1}>
        <ErrorBoundary key={location.pathname}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="app-footer">{t('app.footer')}</footer>
    </div>
  );
}
