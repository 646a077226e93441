// Shows an error to a person: the API's own message and field details when it is an ApiError, else a plain sentence.
import { Alert, Button } from 'antd';
import { ApiError } from '../api/client.js';
import { useI18n } from '../i18n/i18n.js';
import { Result } from './Result.js';

export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const apiError = error instanceof ApiError ? error : null;
  const message = apiError ? apiError.message : t('error.generic');
  return (
    <Result
      status={apiError?.status === 404 ? '404' : 'error'}
      title={t('error.title')}
      subTitle={<span role="alert">{message}</span>}
      extra={onRetry ? <Button type="primary" onClick={onRetry}>{t('error.retry')}</Button> : undefined}
    >
      {apiError && apiError.details.length > 0 ? (
        <Alert
          type="warning"
          title={t('error.details')}
          description={
            <ul>
              {apiError.details.map((d) => (
                <li key={`${d.path}:${d.message}`}>{d.path ? <code>{d.path}</code> : null} {d.message}</li>
              ))}
            </ul>
          }
        />
      ) : null}
    </Result>
  );
}
