// A confirmed finalist's attack period and final evaluation (攻关与测评): its progress reports by due date, and what the
// test lab measured against what it committed, where the applicant may comment on each measurement.
import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AttainmentItem } from '../../../shared/schemas/evaluation.js';
import { ApiError } from '../../api/client.js';
import { commentMeasurement, getAttainment, getProgress } from '../../api/evaluation.js';
import { ErrorView } from '../../components/ErrorView.js';
import { PageLoading } from '../../components/PageLoading.js';
import { formatBeijing } from '../../format.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';
import { AttainmentTable, itemCode } from '../evaluation/AttainmentTable.js';
import { ProgressReports } from './ProgressReports.js';
import { Card } from '../../components/Card.js';
import { Modal } from '../../components/Modal.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';

export default function EvaluationRecordPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const message = useMessage();
  const progress = useLoader(() => getProgress(id), [id]);
  const attainment = useLoader(() => getAttainment(id), [id]);
  const [commenting, setCommenting] = useState<AttainmentItem | null>(null);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (progress.error) return <ErrorView error={progress.error} onRetry={progress.reload} />;
  if (!progress.data) return <PageLoading />;

  async function sendComment() {
    try {
      await commentMeasurement(id, commenting!.measurement!.id, comment);
      message.success(t('attainment.commented'));
      setCommenting(null);
      attainment.reload();
    } catch (error) {
      setProblem(error instanceof ApiError ? (error.details[0]?.message ?? error.message) : t('error.generic'));
    }
  }

  const canComment = attainment.data?.abilities.comment ?? false;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to={`/applications/${id}`}>← {t('evaluation.backToApplication')}</Link>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('evaluation.heading', { title: progress.data.title })}
      </Typography.Title>
      {progress.data.attack ? (
        <Alert type="info" showIcon title={t('evaluation.attackPeriod', { from: formatBeijing(progress.data.attack.opensAt, lang), to: formatBeijing(progress.data.attack.closesAt, lang) })} />
      ) : null}
      <Card title={t('progress.title')}>
        <ProgressReports progress={progress.data} reload={progress.reload} />
      </Card>
      <Card title={t('attainment.title')}>
        {attainment.error ? <ErrorView error={attainment.error} onRetry={attainment.reload} /> : null}
        {attainment.data ? (
          <>
            {attainment.data.lab ? <Typography.Paragraph>{t('evaluation.lab', { lab: attainment.data.lab.name })}</Typography.Paragraph> : <Typography.Paragraph type="secondary">{t('evaluation.noLab')}</Typography.Paragraph>}
            <AttainmentTable
              attainment={attainment.data}
              extra={{
                title: t('attainment.comment'),
                render: (i) => (
                  <Space orientation="vertical" size={4}>
                    {i.measurement?.comment ? <Typography.Text>{i.measurement.comment}</Typography.Text> : null}
                    {canComment && i.measurement ? (
                      <Button
                        size="small"
                        aria-label={`${t('attainment.addComment')} ${itemCode(t, i)}`}
                        onClick={() => {
                          setCommenting(i);
                          setComment(i.measurement?.comment ?? '');
                          setProblem(null);
                        }}
                      >
                        {t('attainment.addComment')}
                      </Button>
                    ) : null}
                  </Space>
                ),
              }}
            />
          </>
        ) : null}
      </Card>
      {commenting ? (
        <Modal open title={t('attainment.commentTitle', { code: itemCode(t, commenting), name: commenting.name })} okText={t('attainment.sendComment')} cancelText={t('editor.cancel')} onOk={() => void sendComment()} onCancel={() => setCommenting(null)}>
          <Form layout="vertical" component="div">
            <Form.Item label={t('attainment.comment')} htmlFor="measurement-comment" validateStatus={problem ? 'error' : undefined} help={problem ?? t('attainment.commentHelp')}>
              <Input.TextArea id="measurement-comment" rows={4} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
            </Form.Item>
          </Form>
        </Modal>
      ) : null}
    </Space>
  );
}
