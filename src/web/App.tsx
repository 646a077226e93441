// Providers around the router: language, Ant Design locale and theme, platform data.
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { PlatformProvider } from './hooks/platform.js';
import { englishAntdLocale, I18nProvider, useI18n } from './i18n/i18n.js';
import { createRouter } from './routes.js';

const THEME = {
  components: {
    Layout: { headerBg: '#1d4e89' },
    Menu: { darkItemBg: '#1d4e89', darkItemSelectedBg: '#143a68', darkPopupBg: '#1d4e89' },
  },
  token: {
    colorPrimary: '#1d4e89',
    colorLink: '#1d4e89',
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  },
};

function Themed() {
  const { lang } = useI18n();
  const router = useMemo(() => createRouter(), []);
  return (
    <ConfigProvider locale={lang === 'en' ? (englishAntdLocale() ?? zhCN) : zhCN} theme={THEME}>
      <AntApp>
        <PlatformProvider>
          <RouterProvider router={router} />
        </PlatformProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
