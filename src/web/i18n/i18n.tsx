// Language context: Chinese by default, English on request, the choice remembered in this browser.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from 'antd/es/locale';
import type { Lang } from '../../shared/errors.js';
import { setApiLanguage } from '../api/client.js';
import { zh, type MessageKey } from './zh.js';

export const LANG_STORAGE_KEY = 'jiebang.lang';
/** English is loaded when first asked for, so that the first page load carries one dictionary only. */
let english: Record<MessageKey, string> | null = null;
let englishAntd: Locale | null = null;
export async function loadEnglish(): Promise<void> {
  const [messages, antd] = await Promise.all([import('./en.js'), import('antd/es/locale/en_US')]);
  english = messages.en;
  englishAntd = antd.default;
}
/** Ant Design's English texts once loaded (its Chinese ones until then). */
export const englishAntdLocale = (): Locale | null => englishAntd;

export function storedLanguage(): Lang {
  try {
    return window.localStorage.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** Looks a key up and fills `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey, values?: Record<string, string | number>): string {
  // Until the English dictionary has arrived (a moment after switching), the Chinese text stands in.
  const text = (lang === 'en' && english ? english : zh)[key];
  return values ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole)) : text;
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18nValue {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLanguage);
  const [englishReady, setEnglishReady] = useState(english !== null);
  setApiLanguage(lang);

  useEffect(() => {
    if (lang === 'en' && !englishReady) void loadEnglish().then(() => setEnglishReady(true));
  }, [lang, englishReady]);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    try {
      window.localStorage.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
    setLangState(next);
  }, []);

  const value = useMemo<I18nValue>(
    () => ({ lang, setLang, t: (key, values) => translate(lang, key, values) }),
    // englishReady: a new t once the English texts are there.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [lang, setLang, englishReady],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
