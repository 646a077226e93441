// A failed save shown above a form: the API's message and every located detail that no form field took.
import { Alert } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../../api/client.js';
import { useI18n } from '../../../i18n/i18n.js';

export function useFailure(): { failure: ReactNode; show(error: unknown): void; clear(): void } {
  const { t } = useI18n();
  const [state, setState] = useState<{ title: string; lines: string[] } | null>(null);
  const failure = state ? (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={state.title}
      description={state.lines.length > 0 ? state.lines.join('；') : undefined}
    />
  ) : null;
  return {
    failure,
    show: (error) =>
      setState(
        error instanceof ApiError
          ? { title: error.message, lines: error.details.map((d) => d.message) }
          : { title: t('error.generic'), lines: [] },
      ),
    clear: () => setState(null),
  };
}
