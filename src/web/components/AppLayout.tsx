// The frame of every page: platform and program name, navigation by role, language switch, sign-in area.
import { Layout, Menu, Segmented, Space, Tag, Typography, Button } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { logout } from '../api/accounts.js';
import type { Lang } from '../../shared/errors.js';
import { usePlatform } from '../hooks/platform.js';
import { useI18n } from '../i18n/i18n.js';
import { navigationFor } from '../navigation.js';
import { hasRoute } from '../pages.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { PageLoading } from './PageLoading.js';

export function AppLayout() {
  const { t, lang, setLang } = useI18n();
  const { session, programs, reload } = usePlatform();
  const location = useLocation();
  const user = session.user;
  const program = programs[0];
  const navigate = useNavigate();
  const signOut = async () => {
    await logout().catch(() => undefined);
    reload();
    navigate('/');
  };
  const items = navigationFor(user?.roles ?? null).map((item) => ({
    key: item.path,
    label: <Link to={item.path}>{t(item.label)}</Link>,
  }));

  return (
    <Layout className="app-layout">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="app-header">
        <Link to="/" className="app-brand">
          <span className="app-brand-name">{t('app.name')}</span>
          {program ? <span className="app-brand-program">{lang === 'zh' ? program.title : program.titleEn}</span> : null}
        </Link>
        <nav aria-label={t('nav.label')} className="app-nav">
          <Menu mode="horizontal" theme="dark" selectedKeys={[location.pathname]} items={items} />
        </nav>
        <Space size="middle" className="app-tools">
          <Segmented<Lang>
            aria-label={t('lang.switch')}
            size="small"
            value={lang}
            onChange={setLang}
            options={[
              { label: t('lang.zh'), value: 'zh' },
              { label: t('lang.en'), value: 'en' },
            ]}
          />
          {user ? (
            <span className="app-user" aria-label={t('auth.signedInAs')}>
              <Typography.Text className="app-user-name">{user.name}</Typography.Text>
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
      </Layout.Header>
      <Layout.Content id="main" className="app-content" tabIndex={-1}>
        <ErrorBoundary key={location.pathname}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </Layout.Content>
      <Layout.Footer className="app-footer">{t('app.footer')}</Layout.Footer>
    </Layout>
  );
}
