// The paper copy of a submitted application (the one units stamp and mail): the submitted version exactly as its
// receipt covers it; every printed page carries the receipt number, the hash and a QR code to the verification page.
import { Button, Descriptions, Space, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { IndicatorValue } from '../../../shared/schemas/applications.js';
import { getSubmitted } from '../../api/applications.js';
import { ErrorView } from '../../components/ErrorView.js';
import { PageLoading } from '../../components/PageLoading.js';
import { formatBeijing } from '../../format.js';
import { usePlatform } from '../../hooks/platform.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';
import { ReceiptQr, verifyLink } from './ReceiptPage.js';

export default function PrintPage() {
  const { t, lang } = useI18n();
  const { id = '' } = useParams();
  const { programs } = usePlatform();
  const version = useLoader(() => getSubmitted(id), [id]);
  if (version.error) return <ErrorView error={version.error} onRetry={version.reload} />;
  if (!version.data) return <PageLoading />;
  const { receipt, content } = version.data;
  const program = programs.find((p) => p.code === content.application.program);
  const sectionOrder = (key: string) => {
    const index = program?.sections.findIndex((s) => s.key === key) ?? -1;
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  const show = (v: IndicatorValue) => (v === null ? '—' : typeof v === 'boolean' ? t(v ? 'application.reached' : 'application.notReached') : String(v));

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
      <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('application.title')}>{content.title}</Descriptions.Item>
        <Descriptions.Item label={t('print.subfield')}>{content.application.subfield}</Descriptions.Item>
        <Descriptions.Item label={t('receipt.organization')}>
          {content.organization.name}（{content.organization.uscc}）
        </Descriptions.Item>
        <Descriptions.Item label={t('application.responsibleUnit')}>{content.responsibleUnit}</Descriptions.Item>
        <Descriptions.Item label={t('application.person.name')}>
          {content.responsiblePerson.name} · {content.responsiblePerson.title} · {content.responsiblePerson.phone} · {content.responsiblePerson.email}
        </Descriptions.Item>
        <Descriptions.Item label={t('application.recommender')}>{content.recommender?.name ?? '—'}</Descriptions.Item>
      </Descriptions>
      {/* In the program's order of sections (the stored copy keeps them in canonical key order). */}
      {Object.entries(content.sections)
        .sort(([a], [b]) => sectionOrder(a) - sectionOrder(b))
        .filter(([, text]) => text.trim() !== '')
        .map(([key, text]) => (
          <section key={key} style={{ marginBottom: 16 }}>
            <Typography.Title level={2} style={{ fontSize: 17 }}>
              {program?.sections.find((s) => s.key === key)?.title ?? key}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{text}</Typography.Paragraph>
          </section>
        ))}
      <Typography.Title level={2} style={{ fontSize: 17 }}>
        {t('application.indicators')}
      </Typography.Title>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={[...content.indicators, ...content.customIndicators.map((c) => ({ code: t('application.custom'), name: c.name, unit: c.unit, current: c.current, target: c.target, note: '' }))].map(
          (row, i) => ({ ...row, code: `${row.code}${i >= content.indicators.length ? ` ${i - content.indicators.length + 1}` : ''}` }),
        )}
        columns={[
          { title: t('indicator.code'), dataIndex: 'code', width: 110 },
          { title: t('indicator.name'), dataIndex: 'name' },
          { title: t('indicator.unit'), render: (_, r) => r.unit || '—', width: 80 },
          { title: t('application.current'), render: (_, r) => show(r.current) },
          { title: t('application.target'), render: (_, r) => show(r.target) },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 16 }}>
        {t('application.attachments')}
      </Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={content.attachments}
        locale={{ emptyText: t('application.noAttachments') }}
        columns={[
          { title: t('application.fileName'), dataIndex: 'name' },
          { title: 'SHA-256', render: (_, a) => <span className="print-hash">{a.sha256}</span> },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 32, whiteSpace: 'pre' }}>{t('print.stamp')}</Typography.Paragraph>
    </div>
  );
}
