// Shown while a page's code or data loads.
import { useI18n } from '../i18n/i18n.js';

export function PageLoading() {
  const { t } = useI18n();
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true">
        <i />
        <i />
        <i />
        <i />
      </span>
      <span>{t('common.loading')}</span>
    </div>
  );
}
