// The ministry's view of the recommending tier: every unit's progress, applications by province, reopening a batch
// with a reason, and the formal check (形式审查) of recommended applications.
import { Alert, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { regionByCode } from '../../../shared/regions.js';
import type { ApplicationListItem } from '../../../shared/schemas/applications.js';
import { listMyApplications } from '../../api/applications.js';
import { ApiError } from '../../api/client.js';
import { formalCheck, getProgress, reopenBatch, type UnitProgress } from '../../api/recommendations.js';
import { Card } from '../../components/Card.js';
import { ErrorView } from '../../components/ErrorView.js';
import { Modal } from '../../components/Modal.js';
import { PageLoading } from '../../components/PageLoading.js';
import { Table } from '../../components/Table.js';
import { Tag } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';
import { formatBeijing } from '../../format.js';
import { ProgramSelect, useAdminProgram } from '../../components/ProgramSelect.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';

export default function RecommendationsAdminPage() {
  const { t, lang } = useI18n();
  const message = useMessage();
  const choice = useAdminProgram();
  const { program } = choice;
  const progress = useLoader(() => (program ? getProgress(program.id) : Promise.resolve(null)), [program?.id]);
  const recommended = useLoader(() => (program ? listMyApplications({ programId: program.id, status: 'recommended', limit: 200 }) : Promise.resolve(null)), [program?.id]);
  const [asking, setAsking] = useState<{ title: string; run(reason: string): Promise<unknown> } | null>(null);
  const [reason, setReason] = useState('');
  if (!program) return null;
  if (progress.error) return <ErrorView error={progress.error} onRetry={progress.reload} />;
  if (!progress.data) return <PageLoading />;
  const active = progress.data.items.filter((u) => u.received > 0 || u.batchSubmittedAt);

  async function act(work: () => Promise<unknown>) {
    try {
      await work();
      message.success(t('editor.saved'));
      progress.reload();
      recommended.reload();
    } catch (error) {
      message.error(error instanceof ApiError ? [error.message, ...error.details.map((d) => d.message)].join('：') : t('error.generic'));
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('recommendations.title')}
      </Typography.Title>
      <ProgramSelect {...choice} />
      <Card title={t('recommendations.units')}>
        <Table<UnitProgress>
          rowKey="recommenderId"
          size="small"
          pagination={false}
          dataSource={active}
          locale={{ emptyText: t('recommendations.noneYet') }}
          columns={[
            { title: t('recommendations.unit'), dataIndex: 'name' },
            { title: t('recommendations.received'), dataIndex: 'received', width: 80 },
            { title: t('recommendations.decided'), dataIndex: 'decided', width: 80 },
            { title: t('status.recommended'), dataIndex: 'recommended', width: 80 },
            { title: t('status.returned'), dataIndex: 'returned', width: 80 },
            { title: t('status.not_recommended'), dataIndex: 'declined', width: 80 },
            {
              title: t('recommendations.batch'),
              render: (_, u) =>
                u.batchSubmittedAt ? (
                  <Space>
                    <Tag color="green">{formatBeijing(u.batchSubmittedAt, lang)}</Tag>
                    <Button
                      size="small"
                      onClick={() => {
                        setReason('');
                        setAsking({ title: `${t('recommendations.reopen')} · ${u.name}`, run: (r) => reopenBatch(u.recommenderId, program.id, r) });
                      }}
                    >
                      {t('recommendations.reopen')}
                    </Button>
                  </Space>
                ) : (
                  <Tag>{t('recommendations.notSubmitted')}</Tag>
                ),
            },
          ]}
        />
      </Card>
      <Card title={t('recommendations.byProvince')}>
        <Table
          rowKey="regionCode"
          size="small"
          pagination={false}
          dataSource={progress.data.provinces}
          columns={[
            { title: t('recommendations.province'), render: (_, p) => regionByCode(p.regionCode)?.[lang === 'zh' ? 'name' : 'nameEn'] ?? p.regionCode },
            { title: t('recommendations.applications'), dataIndex: 'applications' },
            { title: t('status.recommended'), dataIndex: 'recommended' },
          ]}
        />
      </Card>
      <Card title={t('recommendations.formalCheck')}>
        <Typography.Paragraph type="secondary">{t('recommendations.formalHelp')}</Typography.Paragraph>
        <Table<ApplicationListItem>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={recommended.data?.items ?? []}
          locale={{ emptyText: t('recommendations.nothingToCheck') }}
          columns={[
            { title: t('application.receiptNumber'), render: (_, a) => a.receiptNumber },
            { title: t('application.title'), render: (_, a) => <Link to={`/applications/${a.id}`}>{a.title}</Link> },
            { title: t('receipt.organization'), dataIndex: 'organizationName' },
            {
              title: '',
              render: (_, a) => (
                <Space>
                  <Button size="small" type="primary" onClick={() => void act(() => formalCheck(a.id, true))} aria-label={`${t('recommendations.eligible')} ${a.title}`}>
                    {t('recommendations.eligible')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    aria-label={`${t('recommendations.ineligible')} ${a.title}`}
                    onClick={() => {
                      setReason('');
                      setAsking({ title: `${t('recommendations.ineligible')} · ${a.title}`, run: (r) => formalCheck(a.id, false, r) });
                    }}
                  >
                    {t('recommendations.ineligible')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {asking ? (
        <Modal
          open
          title={asking.title}
          okText={t('recommender.confirm')}
          cancelText={t('editor.cancel')}
          okButtonProps={{ disabled: reason.trim() === '' }}
          onCancel={() => setAsking(null)}
          onOk={async () => {
            await act(() => asking.run(reason.trim()));
            setAsking(null);
          }}
        >
          <Alert type="info" showIcon title={t('recommendations.reasonVisible')} style={{ marginBottom: 12 }} />
          <Input.TextArea aria-label={t('recommender.reason')} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
        </Modal>
      ) : null}
    </Space>
  );
}
