// A confirmed finalist's progress reports (攻关进展报告): one per due date the ministry set, written and saved, with
// PDF files, submitted in the attack phase; sent back for more or accepted, with the history of each step.
import { Alert, Button, Empty, Input, Popconfirm, Space, Timeline } from 'antd';
import { useState } from 'react';
import type { ApplicationProgress, ProgressReportView, ProgressStateName } from '../../../shared/schemas/evaluation.js';
import { ApiError } from '../../api/client.js';
import { progressFileUrl, removeProgressFile, saveProgress, submitProgress, uploadProgressFile } from '../../api/evaluation.js';
import { formatBeijing } from '../../format.js';
import { useI18n } from '../../i18n/i18n.js';
import { Card } from '../../components/Card.js';
import { Table } from '../../components/Table.js';
import { Tag, type TagColor } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';
import { FilePicker } from '../../components/FilePicker.js';

export const PROGRESS_COLORS: Record<ProgressStateName | 'none', TagColor> = { none: 'default', draft: 'blue', submitted: 'gold', more_requested: 'orange', accepted: 'green' };

export function ProgressState({ report }: { report: Pick<ProgressReportView, 'state' | 'late'> | null }) {
  const { t } = useI18n();
  return (
    <Space size={4}>
      <Tag color={PROGRESS_COLORS[report?.state ?? 'none']}>{t(`progress.state.${report?.state ?? 'none'}`)}</Tag>
      {report?.late ? <Tag color="red">{t('progress.late')}</Tag> : null}
    </Space>
  );
}

export function ProgressHistory({ report }: { report: ProgressReportView }) {
  const { t, lang } = useI18n();
  if (report.history.length === 0) return null;
  return (
    <Timeline
      items={report.history.map((h, i) => ({
        key: i,
        color: h.action === 'accepted' ? 'green' : h.action === 'more_requested' ? 'orange' : 'blue',
        content: `${formatBeijing(h.at, lang)} ${h.by} ${t(`progress.action.${h.action}`)}${h.comment ? `：${h.comment}` : ''}`,
      }))}
    />
  );
}

export function ProgressReports({ progress, reload }: { progress: ApplicationProgress; reload: () => void }) {
  const { t } = useI18n();
  if (progress.milestones.length === 0) return <Empty description={t('progress.noMilestones')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {!progress.abilities.edit ? <Alert type="info" showIcon title={t('progress.readOnly')} /> : null}
      {progress.milestones.map((m) => (
        <MilestoneReport key={m.id} applicationId={progress.applicationId} milestone={m} editable={progress.abilities.edit} reload={reload} />
      ))}
    </Space>
  );
}

function MilestoneReport({ applicationId, milestone, editable, reload }: { applicationId: string; milestone: ApplicationProgress['milestones'][number]; editable: boolean; reload: () => void }) {
  const { t, lang } = useI18n();
  const message = useMessage();
  const report = milestone.report;
  const [content, setContent] = useState(report?.content ?? '');
  // The version this tab last read or saved: a save from another tab meanwhile is a conflict, not an overwrite.
  const [version, setVersion] = useState(report?.version);
  const [problem, setProblem] = useState<string | null>(null);
  const open = editable && (!report || report.state === 'draft' || report.state === 'more_requested');
  const fail = (error: unknown) => message.error(error instanceof ApiError ? error.message : t('error.generic'));

  async function save(): Promise<boolean> {
    try {
      const saved = await saveProgress(applicationId, milestone.id, content, version);
      setVersion(saved.version);
      setProblem(null);
      return true;
    } catch (error) {
      setProblem(error instanceof ApiError ? (error.details[0]?.message ?? error.message) : t('error.generic'));
      fail(error);
      return false;
    }
  }

  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <span>{milestone.title}</span>
          <Typography.Text type="secondary">{t('progress.due', { at: formatBeijing(milestone.dueAt, lang) })}</Typography.Text>
          <ProgressState report={report} />
        </Space>
      }
      data-testid={`progress-${milestone.id}`}
    >
      {milestone.description ? <Typography.Paragraph type="secondary">{milestone.description}</Typography.Paragraph> : null}
      {report?.state === 'more_requested' && report.reviewComment ? <Alert type="warning" showIcon title={t('progress.moreRequested')} description={report.reviewComment} style={{ marginBottom: 12 }} /> : null}
      {report?.state === 'accepted' ? <Alert type="success" showIcon title={t('progress.acceptedNote')} description={report.reviewComment ?? undefined} style={{ marginBottom: 12 }} /> : null}
      {open ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            aria-label={`${milestone.title} ${t('progress.content')}`}
            rows={6}
            maxLength={20000}
            showCount
            status={problem ? 'error' : undefined}
            value={content}
            onChange={(e) => setContent(e.target.value)}
            placeholder={t('progress.contentHelp')}
          />
          {problem ? <Typography.Text type="danger">{problem}</Typography.Text> : null}
          <Space wrap>
            <Button onClick={() => void save().then((done) => done && (message.success(t('progress.saved')), reload()))}>{t('progress.save')}</Button>
            <FilePicker
              accept="application/pdf,.pdf"
              onFile={(file) =>
                void uploadProgressFile(applicationId, milestone.id, file).then(() => {
                  message.success(t('progress.fileAdded', { name: file.name }));
                  reload();
                }, fail)
              }
            >
              {t('progress.addFile')}
            </FilePicker>
            <Popconfirm
              title={t('progress.submitConfirm')}
              okText={t('progress.submit')}
              cancelText={t('editor.cancel')}
              onConfirm={async () => {
                if (!(await save())) return;
                try {
                  await submitProgress(applicationId, milestone.id);
                  message.success(t('progress.submitted'));
                  reload();
                } catch (error) {
                  fail(error);
                }
              }}
            >
              <Button type="primary">{t('progress.submit')}</Button>
            </Popconfirm>
          </Space>
        </Space>
      ) : report ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{report.content}</Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t('progress.notBegun')}</Typography.Text>
      )}
      {report && report.files.length > 0 ? (
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          style={{ marginTop: 12 }}
          dataSource={report.files}
          columns={[
            { title: t('application.fileName'), render: (_, f) => <a href={progressFileUrl(applicationId, milestone.id, f.id)}>{f.name}</a> },
            { title: 'SHA-256', render: (_, f) => <Typography.Text code>{f.sha256.slice(0, 16)}…</Typography.Text> },
            {
              title: '',
              width: 80,
              render: (_, f) =>
                open ? (
                  <Button size="small" danger aria-label={`${t('editor.delete')} ${f.name}`} onClick={() => void removeProgressFile(applicationId, milestone.id, f.id).then(reload, fail)}>
                    {t('editor.delete')}
                  </Button>
                ) : null,
            },
          ]}
        />
      ) : null}
      {report ? <ProgressHistory report={report} /> : null}
    </Card>
  );
}
