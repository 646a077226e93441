// Language: both dictionaries complete, Chinese by default, the choice remembered in the browser.
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { I18nProvider, LANG_STORAGE_KEY, translate, useI18n } from './i18n.js';
import { zh } from './zh.js';

function Probe() {
  const { t, setLang, lang } = useI18n();
  return (
    <div>
      <h1>{t('home.title')}</h1>
      <button onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>switch</button>
    </div>
  );
}

describe('i18n', () => {
  it('has the same keys in Chinese and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of Object.entries(en)) expect(text.trim(), key).not.toBe('');
  });

  it('fills placeholders', () => {
    expect(translate('zh', 'home.quotas', { finalists: 5, winners: 3, applications: 3 })).toContain('最多 5 家入围');
  });

  it('shows Chinese by default and remembers a switch to English across a reload', async () => {
    const first = render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading').textContent).toBe('揭榜挂帅平台');
    expect(document.documentElement.lang).toBe('zh-CN');
    act(() => screen.getByText('switch').click());
    // English arrives as its own chunk.
    expect(await screen.findByText('Jiebang Open-Call Platform')).toBeTruthy();
    expect(window.localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    first.unmount();

    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(await screen.findByText('Jiebang Open-Call Platform')).toBeTruthy();
  });
});
