// One review: first the declaration (no conflict, or a conflict with its reason, which gives the place back);
// then the application as submitted beside the review form, saved as the expert types, and the submission. After
// submitting, the other experts' reviews where the round shows them.
import { Alert, Button, Col, Descriptions, Form, Input, InputNumber, Popconfirm, Row, Space } from 'antd';
import { metShareScore } from '../../../shared/attainment.js';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { getSubmitted } from '../../api/applications.js';
import { ApiError } from '../../api/client.js';
import { getAttainment, getProgress } from '../../api/evaluation.js';
import { getReviewAssignment, putReview, type ReviewAssignment } from '../../api/reviews.js';
import { Card } from '../../components/Card.js';
import { ErrorView } from '../../components/ErrorView.js';
import { Modal } from '../../components/Modal.js';
import { PageLoading } from '../../components/PageLoading.js';
import { Table } from '../../components/Table.js';
import { Tag } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';
import { formatBeijing } from '../../format.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';
import { ProgressReports } from '../applications/ProgressReports.js';
import { SubmittedContent } from '../applications/SubmittedContent.js';
import { AttainmentTable } from '../evaluation/AttainmentTable.js';
import { useReviewAutosave } from './use-review-autosave.js';

export default function ReviewPage() {
  const { id = '' } = useParams();
  const assignment = useLoader(() => getReviewAssignment(id), [id]);
  if (assignment.error) return <ErrorView error={assignment.error} onRetry={assignment.reload} />;
  if (!assignment.data) return <PageLoading />;
  return <Review key={id} assignment={assignment.data} reload={assignment.reload} />;
}

function Review({ assignment, reload }: { assignment: ReviewAssignment; reload: () => void }) {
  const { t, lang } = useI18n();
  const message = useMessage();
  const navigate = useNavigate();
  const [declaring, setDeclaring] = useState(false);
  const [conflictOpen, setConflictOpen] = useState(false);
  const [conflictReason, setConflictReason] = useState('');
  const [conflictError, setConflictError] = useState<string | null>(null);
  const { round, application } = assignment;

  async function declareNoConflict() {
    setDeclaring(true);
    try {
      await putReview(assignment.id, { conflict: false, submit: false });
      reload();
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : t('error.generic'));
    } finally {
      setDeclaring(false);
    }
  }

  async function declareConflict() {
    try {
      await putReview(assignment.id, { conflict: true, conflictReason, submit: false });
      message.success(t('review.conflictDeclared'));
      navigate('/expert');
    } catch (error) {
      setConflictError(error instanceof ApiError ? (error.details[0]?.message ?? error.message) : t('error.generic'));
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/expert">← {t('review.back')}</Link>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('review.heading', { title: application.title })}
      </Typography.Title>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('catalogue.subfields')}>{application.subfield}</Descriptions.Item>
        <Descriptions.Item label={t('receipt.organization')}>{application.applicant}</Descriptions.Item>
        <Descriptions.Item label={t('assignment.round')}>{lang === 'zh' ? round.name : round.nameEn || round.name}</Descriptions.Item>
        <Descriptions.Item label={t('review.due')}>{round.dueAt ? formatBeijing(round.dueAt, lang) : '—'}</Descriptions.Item>
      </Descriptions>
      {!assignment.declared ? (
        <Card>
          <Alert type="warning" showIcon title={t('review.declareFirst')} description={t('review.declareHelp')} style={{ marginBottom: 16 }} />
          <Space wrap>
            <Button type="primary" loading={declaring} onClick={() => void declareNoConflict()}>
              {t('review.noConflict')}
            </Button>
            <Button danger onClick={() => setConflictOpen(true)}>
              {t('review.haveConflict')}
            </Button>
          </Space>
          <Modal
            open={conflictOpen}
            title={t('review.haveConflict')}
            okText={t('review.confirmConflict')}
            cancelText={t('editor.cancel')}
            onOk={() => void declareConflict()}
            onCancel={() => setConflictOpen(false)}
          >
            <Form layout="vertical" component="div">
              <Form.Item label={t('review.conflictReason')} htmlFor="conflict-reason" validateStatus={conflictError ? 'error' : undefined} help={conflictError ?? t('review.conflictHelp')}>
                <Input.TextArea id="conflict-reason" rows={3} maxLength={500} showCount value={conflictReason} onChange={(e) => setConflictReason(e.target.value)} />
              </Form.Item>
            </Form>
          </Modal>
        </Card>
      ) : (
        <Row gutter={[24, 24]}>
          <Col xs={24} xl={14}>
            <Space orientation="vertical" size="large" style={{ width: '100%' }}>
              {round.phase === 'evaluation' ? <Measured applicationId={application.id} /> : null}
              <Card title={t('review.application')}>
                <SubmittedApplication applicationId={application.id} />
              </Card>
            </Space>
          </Col>
          <Col xs={24} xl={10}>
            <ReviewForm assignment={assignment} reload={reload} />
          </Col>
        </Row>
      )}
    </Space>
  );
}

/** In the final evaluation: what the lab measured against what was committed (the metShare criterion comes from it),
 * and the progress reports of the attack period. */
function Measured({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  const attainment = useLoader(() => getAttainment(applicationId), [applicationId]);
  const progress = useLoader(() => getProgress(applicationId), [applicationId]);
  return (
    <>
      <Card title={t('attainment.title')}>
        {attainment.error ? <ErrorView error={attainment.error} onRetry={attainment.reload} /> : null}
        {attainment.data ? <AttainmentTable attainment={attainment.data} /> : null}
      </Card>
      <Card title={t('progress.title')}>
        {progress.error ? <ErrorView error={progress.error} onRetry={progress.reload} /> : null}
        {progress.data ? <ProgressReports progress={progress.data} reload={progress.reload} /> : null}
      </Card>
    </>
  );
}

function SubmittedApplication({ applicationId }: { applicationId: string }) {
  const version = useLoader(() => getSubmitted(applicationId), [applicationId]);
  if (version.error) return <ErrorView error={version.error} onRetry={version.reload} />;
  if (!version.data) return <PageLoading />;
  return <SubmittedContent content={version.data.content} />;
}

function ReviewForm({ assignment, reload }: { assignment: ReviewAssignment; reload: () => void }) {
  const { t, lang } = useI18n();
  const message = useMessage();
  const automatic = assignment.round.automatic;
  const { draft, state, error, change, submit } = useReviewAutosave(assignment.id, assignment.review, automatic);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const criteria = assignment.round.criteria;
  const submitted = assignment.review?.state === 'submitted';
  // The automatic criteria as the server computes them now, from the measured attainment.
  const attainment = useLoader(() => (automatic.length > 0 ? getAttainment(assignment.applicationId) : Promise.resolve(null)), [assignment.applicationId, automatic.length]);
  const share = attainment.data?.metShare ?? null;
  const scoreOf = (key: string) => {
    if (!automatic.includes(key)) return draft.scores[key];
    const c = criteria.find((x) => x.key === key)!;
    return share === null ? undefined : metShareScore(share, c.maxScore);
  };
  const preview = criteria.reduce((sum, c) => sum + (c.weight * (scoreOf(c.key) ?? 0)) / c.maxScore, 0);

  async function send() {
    try {
      await submit();
      message.success(t('review.submitted'));
      reload();
    } catch (e) {
      if (e instanceof ApiError && e.details.length > 0) setProblems(Object.fromEntries(e.details.map((d) => [d.path, d.message])));
      message.error(e instanceof ApiError ? e.message : t('error.generic'));
    }
  }

  if (submitted) {
    const review = assignment.review!;
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Card title={t('review.form')} extra={<Tag color="green">{t('review.state.submitted')}</Tag>}>
          <Typography.Paragraph data-testid="review-total">{t('review.total', { total: review.total ?? 0 })}</Typography.Paragraph>
          <Descriptions column={1} size="small" bordered>
            {criteria.map((c) => (
              <Descriptions.Item key={c.key} label={lang === 'zh' ? c.label : c.labelEn || c.label}>
                {review.scores[c.key]} / {c.maxScore}
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{review.comment}</Typography.Paragraph>
        </Card>
        {assignment.peers ? (
          <Card title={t('review.peers')}>
            <Table
              rowKey="expertName"
              size="small"
              pagination={false}
              dataSource={assignment.peers}
              locale={{ emptyText: t('review.noPeers') }}
              columns={[
                { title: t('assignment.expert'), dataIndex: 'expertName' },
                { title: t('ranking.total'), dataIndex: 'total', width: 90 },
                { title: t('review.comment'), dataIndex: 'comment' },
              ]}
            />
          </Card>
        ) : null}
      </Space>
    );
  }

  return (
    <Card title={t('review.form')} extra={<span data-testid="review-save-state">{t(`review.save.${state}`)}</span>}>
      {state === 'failed' && error ? <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} /> : null}
      <Form layout="vertical" component="div">
        {criteria.map((c) => (
          <Form.Item
            key={c.key}
            label={`${lang === 'zh' ? c.label : c.labelEn || c.label}（${t('review.weight', { weight: c.weight, max: c.maxScore })}）`}
            htmlFor={`score-${c.key}`}
            validateStatus={problems[`scores.${c.key}`] ? 'error' : undefined}
            help={problems[`scores.${c.key}`]}
          >
            {automatic.includes(c.key) ? (
              <Space orientation="vertical" size={0}>
                <InputNumber id={`score-${c.key}`} readOnly disabled value={scoreOf(c.key) ?? null} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`automatic-${c.key}`}>
                  {share === null ? t('review.automaticPending') : t('review.automatic', { score: scoreOf(c.key) ?? 0, max: c.maxScore })}
                </Typography.Text>
              </Space>
            ) : (
              <InputNumber
                id={`score-${c.key}`}
                min={0}
                max={c.maxScore}
                value={draft.scores[c.key] ?? null}
                onChange={(v) => change({ scores: { [c.key]: typeof v === 'number' ? v : null } })}
              />
            )}
          </Form.Item>
        ))}
        <Form.Item label={t('review.comment')} htmlFor="review-comment" validateStatus={problems.comment ? 'error' : undefined} help={problems.comment ?? t('review.commentHelp')}>
          <Input.TextArea id="review-comment" rows={8} maxLength={20000} value={draft.comment} onChange={(e) => change({ comment: e.target.value })} />
        </Form.Item>
      </Form>
      <Typography.Paragraph>{t('review.preview', { total: Math.round(preview * 100) / 100 })}</Typography.Paragraph>
      <Popconfirm title={t('review.submitConfirm')} okText={t('review.confirmSubmit')} cancelText={t('editor.cancel')} onConfirm={() => void send()}>
        <Button type="primary">{t('review.submit')}</Button>
      </Popconfirm>
    </Card>
  );
}
