// The recommending unit's workspace: the applications that chose it, its decisions (recommend with a rank per
// direction, return for revision, decline), and its batch to the ministry with the 推荐汇总表.
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ApplicationListItem } from '../../../shared/schemas/applications.js';
import { listMyApplications } from '../../api/applications.js';
import { getCatalogue } from '../../api/catalogue.js';
import { ApiError } from '../../api/client.js';
import { decide, getBatch, submitBatch, summaryUrl } from '../../api/recommendations.js';
import { ErrorView } from '../../components/ErrorView.js';
import { PageLoading } from '../../components/PageLoading.js';
import { ProgramSelect, useAdminProgram } from '../../components/ProgramSelect.js';
import { entryName, formatBeijing, subfieldLabels } from '../../format.js';
import { usePlatform } from '../../hooks/platform.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';

type Decision = 'recommend' | 'return' | 'decline';

export default function RecommenderPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { session } = usePlatform();
  // A unit recommends in every program: the one in the address (`?program=`, as its to-do list links), else the first.
  const choice = useAdminProgram();
  const { program } = choice;
  const recommenderId = session.user?.recommenderId ?? '';
  const [directionId, setDirectionId] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [subfieldId, setSubfieldId] = useState<string | undefined>();
  const [deciding, setDeciding] = useState<{ app: ApplicationListItem; decision: Decision } | null>(null);
  const [problems, setProblems] = useState<string[] | null>(null);
  const catalogue = useLoader(() => (program ? getCatalogue(program.id) : Promise.resolve(null)), [program?.id]);
  const list = useLoader(() => (program ? listMyApplications({ programId: program.id, directionId, subfieldId, status, limit: 200 }) : Promise.resolve(null)), [program?.id, directionId, subfieldId, status]);
  const batch = useLoader(() => (program && recommenderId ? getBatch(recommenderId, program.id) : Promise.resolve(null)), [program?.id, recommenderId]);
  if (!program || !recommenderId) return <Alert type="info" showIcon title={t('recommender.noUnit')} />;
  if (list.error) return <ErrorView error={list.error} onRetry={list.reload} />;
  if (!list.data || !catalogue.data) return <PageLoading />;
  const subfieldName = subfieldLabels(catalogue.data, lang);
  const locked = Boolean(batch.data?.batch);
  const phase = program.phases.find((p) => p.key === 'recommendation');
  const refresh = () => {
    list.reload();
    batch.reload();
  };

  async function act(work: () => Promise<unknown>, done: string) {
    try {
      await work();
      message.success(done);
      refresh();
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0) setProblems(error.details.map((d) => d.message));
      else message.error(error instanceof ApiError ? error.message : t('error.generic'));
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('recommender.title')} · {batch.data?.recommender.name}
      </Typography.Title>
      <ProgramSelect {...choice} />
      <Typography.Paragraph type="secondary">
        {t('recommender.intro')} {phase ? t('recommender.deadline', { at: formatBeijing(phase.closesAt, lang) }) : null}
      </Typography.Paragraph>
      {batch.data?.reopenReason ? <Alert type="warning" showIcon title={t('recommender.reopened')} description={batch.data.reopenReason} /> : null}
      {problems ? <Alert type="error" showIcon closable onClose={() => setProblems(null)} title={t('recommender.cannotSubmit')} description={<ul data-testid="batch-problems">{problems.map((p, i) => <li key={i}>{p}</li>)}</ul>} /> : null}

      <Card title={t('recommender.batch')}>
        {batch.data?.batch ? (
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('recommender.submittedAt')}>
              <span data-testid="batch-submitted">{formatBeijing(batch.data.batch.submittedAt, lang)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="SHA-256">
              <Typography.Text code style={{ wordBreak: 'break-all' }}>
                {batch.data.batch.sha256}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Paragraph>{t('recommender.notSubmitted', { n: batch.data?.rows.length ?? 0 })}</Typography.Paragraph>
        )}
        <Space wrap>
          {!locked ? (
            <Popconfirm title={t('recommender.submitConfirm')} okText={t('recommender.submit')} cancelText={t('editor.cancel')} onConfirm={() => act(() => submitBatch(recommenderId, program.id), t('recommender.submitted'))}>
              <Button type="primary">{t('recommender.submit')}</Button>
            </Popconfirm>
          ) : null}
          <a href={summaryUrl(recommenderId, program.id)} download>
            {t('recommender.downloadSummary')}
          </a>
          <Link to={`/recommender/letter?program=${encodeURIComponent(program.code)}`}>{t('recommender.letter')}</Link>
        </Space>
      </Card>

      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            aria-label={t('recommender.filterDirection')}
            placeholder={t('recommender.filterDirection')}
            style={{ width: 260 }}
            value={directionId}
            onChange={(v?: string) => {
              setDirectionId(v);
              setSubfieldId(undefined);
            }}
            options={catalogue.data.directions.map((d) => ({ value: d.id, label: `${d.code} ${entryName(d, lang)}` }))}
          />
          <Select
            allowClear
            aria-label={t('recommender.filterSubfield')}
            placeholder={t('recommender.filterSubfield')}
            style={{ width: 300 }}
            value={subfieldId}
            onChange={setSubfieldId}
            options={catalogue.data.directions
              .filter((d) => !directionId || d.id === directionId)
              .flatMap((d) => d.subfields.map((s) => ({ value: s.id, label: subfieldName.get(s.id) })))}
          />
          <Select
            allowClear
            aria-label={t('recommender.filterStatus')}
            placeholder={t('recommender.filterStatus')}
            style={{ width: 180 }}
            value={status}
            onChange={setStatus}
            options={(['submitted', 'returned', 'recommended', 'not_recommended', 'eligible', 'ineligible'] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
        </Space>
        <Table<ApplicationListItem>
          rowKey="id"
          pagination={false}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('recommender.empty') }}
          columns={[
            { title: t('application.receiptNumber'), render: (_, a) => a.receiptNumber ?? '—', width: 190 },
            { title: t('application.title'), render: (_, a) => <Link to={`/applications/${a.id}`}>{a.title}</Link> },
            { title: t('receipt.organization'), dataIndex: 'organizationName' },
            { title: t('catalogue.subfields'), render: (_, a) => subfieldName.get(a.subfieldId) ?? '' },
            { title: t('application.status'), render: (_, a) => <Tag>{t(`status.${a.status}`)}</Tag>, width: 110 },
            { title: t('recommender.rank'), render: (_, a) => a.recommenderRank ?? '—', width: 70 },
            {
              title: '',
              render: (_, a) =>
                locked ? null : (
                  <Space wrap size="small">
                    {a.status === 'submitted' || a.status === 'not_recommended' ? (
                      <Button size="small" type="primary" onClick={() => setDeciding({ app: a, decision: 'recommend' })} aria-label={`${t('recommender.recommend')} ${a.title}`}>
                        {t('recommender.recommend')}
                      </Button>
                    ) : null}
                    {a.status === 'submitted' ? (
                      <Button size="small" onClick={() => setDeciding({ app: a, decision: 'return' })} aria-label={`${t('recommender.return')} ${a.title}`}>
                        {t('recommender.return')}
                      </Button>
                    ) : null}
                    {a.status === 'submitted' || a.status === 'recommended' ? (
                      <Button size="small" danger onClick={() => setDeciding({ app: a, decision: 'decline' })} aria-label={`${t('recommender.decline')} ${a.title}`}>
                        {t('recommender.decline')}
                      </Button>
                    ) : null}
                    {a.status === 'recommended' && a.recommenderRank && a.recommenderRank > 1 ? (
                      <Button size="small" aria-label={`${t('recommender.up')} ${a.title}`} onClick={() => act(() => decide(a.id, { decision: 'recommend', comment: commentOf(batch.data?.rows, a.id), rank: a.recommenderRank! - 1 }), t('editor.saved'))}>
                        ↑
                      </Button>
                    ) : null}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      {deciding ? (
        <DecisionDialog
          key={`${deciding.app.id}-${deciding.decision}`}
          title={deciding.app.title}
          decision={deciding.decision}
          onCancel={() => setDeciding(null)}
          onSubmit={async (values) => {
            await act(() => decide(deciding.app.id, values), t('editor.saved'));
            setDeciding(null);
          }}
        />
      ) : null}
    </Space>
  );
}

const commentOf = (rows: Array<{ applicationId: string; comment: string }> | undefined, id: string) => rows?.find((r) => r.applicationId === id)?.comment ?? '';

function DecisionDialog({
  title,
  decision: initial,
  onCancel,
  onSubmit,
}: {
  title: string;
  decision: Decision;
  onCancel(): void;
  onSubmit(values: { decision: Decision; comment: string; rank?: number }): Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ decision: Decision; comment: string; rank?: number }>();
  const decision = Form.useWatch('decision', form) ?? initial;
  return (
    <Modal open title={title} okText={t('recommender.confirm')} cancelText={t('editor.cancel')} onCancel={onCancel} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} name="decision" layout="vertical" initialValues={{ decision: initial, comment: '' }} onFinish={(v) => void onSubmit({ ...v, comment: v.comment ?? '' })}>
        <Form.Item name="decision" label={t('recommender.decision')}>
          <Radio.Group
            options={(['recommend', 'return', 'decline'] as const).map((d) => ({ value: d, label: t(`recommender.${d}`) }))}
            optionType="button"
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={decision === 'recommend' ? t('recommender.opinion') : t('recommender.reason')}
          rules={decision === 'recommend' ? [] : [{ required: true, whitespace: true, message: t('recommender.reasonRequired') }]}
          extra={decision === 'return' ? t('recommender.returnHelp') : undefined}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {decision === 'recommend' ? (
          <Form.Item name="rank" label={t('recommender.rank')} extra={t('recommender.rankHelp')}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
