// The submission receipt (申报回执), printable: number, time, the SHA-256 and SM3 hashes of the submitted version,
// and a QR code that opens the public verification page.
import { Alert, Button, Descriptions, Space } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { getApplication } from '../../api/applications.js';
import { Card } from '../../components/Card.js';
import { ErrorView } from '../../components/ErrorView.js';
import { PageLoading } from '../../components/PageLoading.js';
import { Typography } from '../../components/Typography.js';
import { formatBeijing } from '../../format.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';

export const verifyLink = (number: string, sha256: string) => `${window.location.origin}/verify/${encodeURIComponent(number)}?sha256=${sha256}`;

export function ReceiptQr({ url, size = 132 }: { url: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toDataURL(url, { margin: 1, width: size, errorCorrectionLevel: 'M' }).then(setSrc);
  }, [url, size]);
  return src ? <img src={src} width={size} height={size} alt={url} /> : null;
}

export default function ReceiptPage() {
  const { t, lang } = useI18n();
  const { id = '' } = useParams();
  const app = useLoader(() => getApplication(id), [id]);
  if (app.error) return <ErrorView error={app.error} onRetry={app.reload} />;
  if (!app.data) return <PageLoading />;
  const receipt = app.data.receipt;
  if (!receipt) return <Alert type="info" showIcon title={t('receipt.none')} />;
  const url = verifyLink(receipt.number, receipt.sha256);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space className="no-print">
        <Link to={`/applications/${id}`}>← {t('receipt.back')}</Link>
        <Button onClick={() => window.print()}>{t('receipt.print')}</Button>
        <Link to={`/applications/${id}/print`}>{t('receipt.printCopy')}</Link>
      </Space>
      <Card>
        <Space align="start" size="large" wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <div>
            <Typography.Title level={1} style={{ fontSize: 24 }}>
              {t('receipt.title')}
            </Typography.Title>
            <Typography.Paragraph>{t('receipt.intro')}</Typography.Paragraph>
          </div>
          <ReceiptQr url={url} />
        </Space>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('receipt.number')}>
            <span data-testid="receipt-number">{receipt.number}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('receipt.submittedAt')}>{formatBeijing(receipt.submittedAt, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('application.title')}>{app.data.title}</Descriptions.Item>
          <Descriptions.Item label={t('receipt.organization')}>{app.data.organizationName}</Descriptions.Item>
          <Descriptions.Item label="SHA-256">
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {receipt.sha256}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="SM3">
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {receipt.sm3}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('receipt.verifyHint')} <Link to={`/verify/${encodeURIComponent(receipt.number)}?sha256=${receipt.sha256}`}>{t('receipt.verifyLink')}</Link>
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}
