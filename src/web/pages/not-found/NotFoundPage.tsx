// 404: an unknown address inside the app.
import { Link } from 'react-router';
import { Result } from '../../components/Result.js';
import { useI18n } from '../../i18n/i18n.js';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('notFound.title')}</h1>}
      subTitle={t('notFound.description')}
      extra={
        <Link to="/" className="link-button">
          {t('notFound.home')}
        </Link>
      }
    />
  );
}
