// 中文 | English in the header: two native radio buttons (arrow keys move between them), drawn as one segmented control.
import type { Lang } from '../../shared/errors.js';
import { useI18n } from '../i18n/i18n.js';

const LANGS: readonly Lang[] = ['zh', 'en'];

export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <div className="segmented" role="radiogroup" aria-label={t('lang.switch')}>
      {LANGS.map((l) => (
        <label key={l} className={l === lang ? 'segmented-item segmented-item-selected' : 'segmented-item'}>
          <input type="radio" name="app-language" value={l} checked={l === lang} onChange={() => setLang(l)} />
          <span>{t(`lang.${l}`)}</span>
        </label>
      ))}
    </div>
  );
}
