// Shown while a page's code or data loads.
import { Spin } from 'antd';
import { useI18n } from '../i18n/i18n.js';

export function PageLoading() {
  const { t } = useI18n();
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <Spin />
      <span>{t('common.loading')}</span>
    </div>
  );
}
