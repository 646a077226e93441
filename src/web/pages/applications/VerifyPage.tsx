// Public verification of a receipt: the number, time and hashes the platform holds, compared with those printed.
import { Alert, Descriptions, Input, Space } from 'antd';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { verifyReceipt } from '../../api/applications.js';
import { ApiError } from '../../api/client.js';
import { Card } from '../../components/Card.js';
import { PageLoading } from '../../components/PageLoading.js';
import { Typography } from '../../components/Typography.js';
import { formatBeijing } from '../../format.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';

export default function VerifyPage() {
  const { t, lang } = useI18n();
  const { number = '' } = useParams();
  const [search] = useSearchParams();
  const [printed, setPrinted] = useState(search.get('sha256') ?? search.get('sm3') ?? '');
  const held = useLoader(() => verifyReceipt(number), [number]);
  if (held.loading) return <PageLoading />;
  const hash = printed.trim().toLowerCase();
  const matches = held.data ? hash === held.data.sha256 || hash === held.data.sm3 : false;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('verify.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('verify.intro')}</Typography.Paragraph>
      {held.error ? (
        <Alert type="error" showIcon title={held.error instanceof ApiError && held.error.code === 'NOT_FOUND' ? t('verify.unknown', { number }) : t('error.generic')} />
      ) : held.data ? (
        <Card>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('receipt.number')}>{held.data.number}</Descriptions.Item>
            <Descriptions.Item label={t('receipt.submittedAt')}>{formatBeijing(held.data.submittedAt, lang)}</Descriptions.Item>
            <Descriptions.Item label="SHA-256">
              <Typography.Text code style={{ wordBreak: 'break-all' }}>
                {held.data.sha256}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="SM3">
              <Typography.Text code style={{ wordBreak: 'break-all' }}>
                {held.data.sm3}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
            <Input aria-label={t('verify.printedHash')} placeholder={t('verify.printedHash')} value={printed} onChange={(e) => setPrinted(e.target.value)} />
            {hash ? (
              <Alert data-testid="verify-result" type={matches ? 'success' : 'error'} showIcon title={matches ? t('verify.match') : t('verify.mismatch')} />
            ) : null}
          </Space>
        </Card>
      ) : null}
    </Space>
  );
}
