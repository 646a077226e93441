// The paper copy of a submitted application (the one units stamp and mail): the submitted version exactly as its
// receipt covers it; every printed page carries the receipt number, the hash and a QR code to the verification page.
import { Button, Space } from 'antd';
import { Link, useParams } from 'react-router';
import { getSubmitted } from '../../api/applications.js';
import { ErrorView } from '../../components/ErrorView.js';
import { PageLoading } from '../../components/PageLoading.js';
import { Typography } from '../../components/Typography.js';
import { formatBeijing } from '../../format.js';
import { usePlatform } from '../../hooks/platform.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';
import { ReceiptQr, verifyLink } from './ReceiptPage.js';
import { SubmittedContent } from './SubmittedContent.js';

export default function PrintPage() {
  const { t, lang } = useI18n();
  const { id = '' } = useParams();
  const { programs } = usePlatform();
  const version = useLoader(() => getSubmitted(id), [id]);
  if (version.error) return <ErrorView error={version.error} onRetry={version.reload} />;
  if (!version.data) return <PageLoading />;
  const { receipt, content } = version.data;
  const program = programs.find((p) => p.code === content.application.program);

  return (
    <div className="print-copy">
      <div className="print-band" data-testid="print-band">
        <div>
          <div>
            {t('receipt.number')}：<strong>{receipt.number}</strong> · {formatBeijing(receipt.submittedAt, lang)}
          </div>
          <div className="print-hash">SHA-256 {receipt.sha256}</div>
          <div className="print-hash">SM3 {receipt.sm3}</div>
        </div>
        <ReceiptQr url={verifyLink(receipt.number, receipt.sha256)} size={72} />
      </div>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Link to={`/applications/${id}`}>← {t('receipt.back')}</Link>
        <Button onClick={() => window.print()}>{t('print.print')}</Button>
      </Space>
      <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>
        {program ? (lang === 'zh' ? program.title : program.titleEn || program.title) : content.application.program}
        <br />
        {t('print.heading')}
      </Typography.Title>
      <SubmittedContent content={content} />
      <Typography.Paragraph style={{ marginTop: 32, whiteSpace: 'pre' }}>{t('print.stamp')}</Typography.Paragraph>
    </div>
  );
}
