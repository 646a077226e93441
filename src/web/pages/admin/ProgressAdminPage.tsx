// The attack period for program admins: the due dates of the finalists' progress reports (攻关进展报告), where each
// finalist's report stands, and the review of a submitted report: accept it, or ask for more with what is needed.
import { Button, Drawer, Form, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import type { ProgressMilestone, ProgressOverview } from '../../../shared/schemas/evaluation.js';
import { ApiError } from '../../api/client.js';
import { createMilestone, deleteMilestone, getProgress, progressFileUrl, progressOverview, reviewProgress, updateMilestone } from '../../api/evaluation.js';
import { ErrorView } from '../../components/ErrorView.js';
import { PageLoading } from '../../components/PageLoading.js';
import { ProgramSelect, useAdminProgram } from '../../components/ProgramSelect.js';
import { formatBeijing, fromBeijingInput, toBeijingInput } from '../../format.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';
import { ProgressHistory, ProgressState } from '../applications/ProgressReports.js';
import { Card } from '../../components/Card.js';
import { Modal } from '../../components/Modal.js';
import { Table } from '../../components/Table.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';

type Row = ProgressOverview['items'][number];

export default function ProgressAdminPage() {
  const { t, lang } = useI18n();
  const chosen = useAdminProgram();
  const { program } = chosen;
  const overview = useLoader(() => (program ? progressOverview(program.id) : Promise.resolve({ milestones: [], items: [] })), [program?.id]);
  const [editing, setEditing] = useState<ProgressMilestone | 'new' | null>(null);
  const [open, setOpen] = useState<{ row: Row; milestone: ProgressMilestone } | null>(null);
  if (!program) return null;
  const milestones = overview.data?.milestones ?? [];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('progressAdmin.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('progressAdmin.intro')}</Typography.Paragraph>
      <Card>
        <Form layout="inline" component="div">
          <ProgramSelect {...chosen} />
        </Form>
      </Card>
      {overview.error ? <ErrorView error={overview.error} onRetry={overview.reload} /> : null}
      <Card title={t('progressAdmin.schedule')} extra={<Button onClick={() => setEditing('new')}>{t('progressAdmin.add')}</Button>}>
        <Table<ProgressMilestone>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={milestones}
          locale={{ emptyText: t('progressAdmin.noMilestones') }}
          columns={[
            { title: t('progressAdmin.name'), dataIndex: 'title' },
            { title: t('progressAdmin.dueAt'), render: (_, m) => formatBeijing(m.dueAt, lang), width: 170 },
            { title: t('progressAdmin.description'), dataIndex: 'description' },
            {
              title: '',
              width: 160,
              render: (_, m) => (
                <Space size="small">
                  <Button size="small" onClick={() => setEditing(m)}>
                    {t('progressAdmin.edit')}
                  </Button>
                  <DeleteMilestone milestone={m} onDone={overview.reload} />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('progressAdmin.reports')}>
        <Table<Row>
          rowKey="applicationId"
          size="small"
          pagination={false}
          loading={overview.loading}
          dataSource={overview.data?.items ?? []}
          locale={{ emptyText: t('evaluationAdmin.none') }}
          scroll={{ x: true }}
          columns={[
            { title: t('catalogue.subfields'), dataIndex: 'subfield', width: 180 },
            { title: t('application.title'), render: (_, r) => `${r.title}（${r.applicant}）` },
            ...milestones.map((m) => ({
              title: m.title,
              render: (_: unknown, r: Row) => {
                const report = r.reports.find((x) => x.milestoneId === m.id) ?? null;
                return report ? (
                  // Named for the report it opens, and for the state it shows (its visible text is part of its name).
                  <Button
                    size="small"
                    type="link"
                    aria-label={`${m.title} ${r.title}：${t(`progress.state.${report.state}`)}${report.late ? ` ${t('progress.late')}` : ''}`}
                    onClick={() => setOpen({ row: r, milestone: m })}
                  >
                    <ProgressState report={report} />
                  </Button>
                ) : (
                  <ProgressState report={null} />
                );
              },
            })),
          ]}
        />
      </Card>
      {editing ? (
        <MilestoneDialog
          programId={program.id}
          milestone={editing === 'new' ? null : editing}
          onClose={(changed) => {
            setEditing(null);
            if (changed) overview.reload();
          }}
        />
      ) : null}
      {open ? (
        <ReportDrawer
          applicationId={open.row.applicationId}
          title={open.row.title}
          milestone={open.milestone}
          onClose={(changed) => {
            setOpen(null);
            if (changed) overview.reload();
          }}
        />
      ) : null}
    </Space>
  );
}

function DeleteMilestone({ milestone, onDone }: { milestone: ProgressMilestone; onDone: () => void }) {
  const { t } = useI18n();
  const message = useMessage();
  return (
    <Popconfirm
      title={t('progressAdmin.deleteConfirm')}
      okText={t('editor.delete')}
      cancelText={t('editor.cancel')}
      onConfirm={() => void deleteMilestone(milestone.id).then(onDone, (e: unknown) => message.error(e instanceof ApiError ? e.message : t('error.generic')))}
    >
      <Button size="small" danger>
        {t('editor.delete')}
      </Button>
    </Popconfirm>
  );
}

function MilestoneDialog({ programId, milestone, onClose }: { programId: string; milestone: ProgressMilestone | null; onClose: (changed: boolean) => void }) {
  const { t } = useI18n();
  const message = useMessage();
  const [title, setTitle] = useState(milestone?.title ?? '');
  const [dueAt, setDueAt] = useState(milestone ? toBeijingInput(milestone.dueAt) : '');
  const [description, setDescription] = useState(milestone?.description ?? '');
  const [problems, setProblems] = useState<Record<string, string>>({});

  async function save() {
    if (!dueAt) {
      setProblems({ dueAt: t('form.required') });
      return;
    }
    try {
      const body = { title, description, dueAt: fromBeijingInput(dueAt) };
      if (milestone) await updateMilestone(milestone.id, body);
      else await createMilestone(programId, body);
      message.success(t('progressAdmin.saved'));
      onClose(true);
    } catch (error) {
      if (error instanceof ApiError) setProblems(Object.fromEntries(error.details.map((d) => [d.path, d.message])));
      message.error(error instanceof ApiError ? error.message : t('error.generic'));
    }
  }

  const field = (path: string) => ({ validateStatus: problems[path] ? ('error' as const) : undefined, help: problems[path] });
  return (
    <Modal open title={milestone ? t('progressAdmin.edit') : t('progressAdmin.add')} okText={t('progressAdmin.save')} cancelText={t('editor.cancel')} onOk={() => void save()} onCancel={() => onClose(false)}>
      <Form layout="vertical" component="div">
        <Form.Item label={t('progressAdmin.name')} htmlFor="milestone-title" {...field('title')}>
          <Input id="milestone-title" maxLength={100} value={title} onChange={(e) => setTitle(e.target.value)} placeholder={t('progressAdmin.namePlaceholder')} />
        </Form.Item>
        <Form.Item label={t('progressAdmin.dueAt')} htmlFor="milestone-due" {...field('dueAt')}>
          <Input id="milestone-due" type="datetime-local" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('progressAdmin.description')} htmlFor="milestone-description" {...field('description')}>
          <Input.TextArea id="milestone-description" rows={3} maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReportDrawer({ applicationId, title, milestone, onClose }: { applicationId: string; title: string; milestone: ProgressMilestone; onClose: (changed: boolean) => void }) {
  const { t, lang } = useI18n();
  const message = useMessage();
  const progress = useLoader(() => getProgress(applicationId), [applicationId]);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const report = progress.data?.milestones.find((m) => m.id === milestone.id)?.report ?? null;

  async function decide(decision: 'accept' | 'request_more') {
    try {
      await reviewProgress(report!.id, decision, comment);
      message.success(t(decision === 'accept' ? 'progressAdmin.accepted' : 'progressAdmin.moreRequested'));
      onClose(true);
    } catch (error) {
      setProblem(error instanceof ApiError ? (error.details[0]?.message ?? error.message) : t('error.generic'));
    }
  }

  return (
    <Drawer open size="large" title={`${milestone.title}：${title}`} onClose={() => onClose(false)}>
      {progress.error ? <ErrorView error={progress.error} onRetry={progress.reload} /> : null}
      {!progress.data ? (
        <PageLoading />
      ) : report ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <ProgressState report={report} />
            {report.submittedAt ? <Typography.Text type="secondary">{t('progressAdmin.submittedAt', { at: formatBeijing(report.submittedAt, lang) })}</Typography.Text> : null}
          </Space>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{report.content}</Typography.Paragraph>
          {report.files.map((f) => (
            <a key={f.id} href={progressFileUrl(applicationId, milestone.id, f.id)}>
              {f.name}
            </a>
          ))}
          <ProgressHistory report={report} />
          {report.state === 'submitted' ? (
            <Form layout="vertical" component="div">
              <Form.Item label={t('progressAdmin.comment')} htmlFor="progress-comment" validateStatus={problem ? 'error' : undefined} help={problem ?? t('progressAdmin.commentHelp')}>
                <Input.TextArea id="progress-comment" rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
              </Form.Item>
              <Space>
                <Button type="primary" onClick={() => void decide('accept')}>
                  {t('progressAdmin.accept')}
                </Button>
                <Button danger onClick={() => void decide('request_more')}>
                  {t('progressAdmin.requestMore')}
                </Button>
              </Space>
            </Form>
          ) : null}
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('progress.notBegun')}</Typography.Text>
      )}
    </Drawer>
  );
}
