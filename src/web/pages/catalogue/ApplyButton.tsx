// On a subfield's page: start an application for it (applicants, while the application phase is open).
import { Button } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { createApplication } from '../../api/applications.js';
import { ApiError } from '../../api/client.js';
import { useMessage } from '../../components/feedback.js';
import { usePlatform } from '../../hooks/platform.js';
import { useI18n } from '../../i18n/i18n.js';

export function ApplyButton({ programId, subfieldId, retired }: { programId: string; subfieldId: string; retired: boolean }) {
  const { t } = useI18n();
  const message = useMessage();
  const { session } = usePlatform();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  if (retired) return null;
  const roles = session.user?.roles ?? [];
  if (!session.user) return <Link to="/login">{t('application.signInToApply')}</Link>;
  if (!roles.includes('applicant') && !roles.includes('org_admin')) return null;
  return (
    <Button
      type="primary"
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const created = await createApplication(programId, subfieldId);
          navigate(`/applications/${created.id}`);
        } catch (error) {
          message.error(error instanceof ApiError ? error.message : t('error.generic'));
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('application.apply')}
    </Button>
  );
}
