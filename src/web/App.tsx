// Providers around the router: language, Ant Design locale and theme, messages, platform data.
import { ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { MessageProvider } from './components/feedback.js';
import { PlatformProvider } from './hooks/platform.js';
import { TextSizeProvider, useTextSize } from './hooks/text-size.js';
import { englishAntdLocale, I18nProvider, useI18n } from './i18n/i18n.js';
import { createRouter } from './routes.js';

const THEME = {
  components: {
    Layout: { headerBg: '#1d4e89' },
  },
  token: {
    colorPrimary: '#1d4e89',
    colorLink: '#1d4e89',
    // Secondary and tertiary text dark enough for WCAG 2.1 AA contrast (4.5:1) on white and on light fills.
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    // Placeholders that name a filter (按方向筛选) are read as its label: 4.5:1 as well.
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    // Danger buttons and error text: antd's #ff4d4f is 3.3:1 on white; this red is 5.6:1.
    colorError: '#cf1322',
    borderRadius: 4,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
  },
};

/** The larger-text mode: Ant Design's sizes follow its base font size and control height. */
const LARGE_THEME = { ...THEME, token: { ...THEME.token, fontSize: 18, controlHeight: 40 } };

function Themed() {
  const { lang } = useI18n();
  const { size } = useTextSize();
  const router = useMemo(() => createRouter(), []);
  return (
    // No space put between the two characters of a button's label (删 除): a button named for what it acts on
    // (“删除 技术方案.pdf”) then carries its visible text in its accessible name (WCAG 2.5.3).
    <ConfigProvider locale={lang === 'en' ? (englishAntdLocale() ?? zhCN) : zhCN} theme={size === 'large' ? LARGE_THEME : THEME} button={{ autoInsertSpace: false }}>
      {/* The base text style antd's <App> would give: the theme's font in the chosen size. */}
      <div className="app-root" style={{ fontFamily: THEME.token.fontFamily, fontSize: size === 'large' ? LARGE_THEME.token.fontSize : 14 }}>
        <MessageProvider>
          <PlatformProvider>
            <RouterProvider router={router} />
          </PlatformProvider>
        </MessageProvider>
      </div>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <TextSizeProvider>
        <Themed />
      </TextSizeProvider>
    </I18nProvider>
  );
}
