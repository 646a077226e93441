// The ranking of a review round per subfield: by mean weighted total or by scores normalised per expert, with the
// spread, the number of reviews and a flag where experts disagree; each row opens its reviews (the reasons), which
// staff may correct with a reason. Selected applications advance to the next round.
import { Alert, Button, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { isAutomaticCriterion } from '../../../shared/attainment.js';
import { ApiError } from '../../api/client.js';
import { advanceApplications, correctReview, getRanking, type Ranking, type RankingItem } from '../../api/reviews.js';
import { Card } from '../../components/Card.js';
import { ErrorView } from '../../components/ErrorView.js';
import { Modal } from '../../components/Modal.js';
import { ProgramSelect, RoundSelect, useAdminProgram, useRoundChoice } from '../../components/ProgramSelect.js';
import { Table } from '../../components/Table.js';
import { Tag } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';

type Detail = RankingItem['details'][number];

export default function RankingPage() {
  const { t, lang } = useI18n();
  const message = useMessage();
  const chosen = useAdminProgram();
  const { program } = chosen;
  const rounds = program?.reviewRounds ?? [];
  const [round, setRound] = useRoundChoice(rounds);
  const [subfieldId, setSubfieldId] = useState<string | undefined>(undefined);
  const [normalized, setNormalized] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [correcting, setCorrecting] = useState<{ detail: Detail; item: RankingItem } | null>(null);
  const ranking = useLoader(() => (program && round ? getRanking(program.id, { round, subfieldId, normalized }) : Promise.resolve(null)), [program?.id, round, subfieldId, normalized]);
  if (!program) return null;
  const data = ranking.data;
  const subfields = [...new Map([...(data?.items ?? []), ...(data?.unreviewed ?? [])].map((i) => [i.subfieldId, i.subfield])).entries()];

  async function advance() {
    if (!data?.round.next) return;
    try {
      const result = await advanceApplications(program!.id, round, selected);
      message.success(t('ranking.advanced', { n: result.advanced, round: lang === 'zh' ? data.round.next.name : data.round.next.nameEn || data.round.next.name }));
      setSelected([]);
      ranking.reload();
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : t('error.generic'));
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('ranking.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('ranking.intro')}</Typography.Paragraph>
      <Card>
        <Form layout="inline" component="div">
          <ProgramSelect {...chosen} />
          <RoundSelect
            id="ranking-round"
            rounds={rounds}
            value={round}
            onChange={(v) => {
              setRound(v);
              setSelected([]);
            }}
          />
          <Form.Item label={t('catalogue.subfields')} htmlFor="ranking-subfield">
            <Select
              id="ranking-subfield"
              style={{ width: 260 }}
              allowClear
              placeholder={t('ranking.allSubfields')}
              value={subfieldId}
              onChange={(v: string | undefined) => setSubfieldId(v)}
              options={subfields.map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item label={t('ranking.normalized')} htmlFor="ranking-normalized" tooltip={t('ranking.normalizedHelp')}>
            <Switch id="ranking-normalized" checked={normalized} onChange={setNormalized} />
          </Form.Item>
          <Button type="primary" disabled={!data?.round.next || selected.length === 0} onClick={() => void advance()}>
            {data?.round.next ? t('ranking.advance', { n: selected.length, round: lang === 'zh' ? data.round.next.name : data.round.next.nameEn || data.round.next.name }) : t('ranking.lastRound')}
          </Button>
        </Form>
      </Card>
      {ranking.error ? <ErrorView error={ranking.error} onRetry={ranking.reload} /> : null}
      <Card>
        <Table<RankingItem>
          rowKey="applicationId"
          size="small"
          loading={ranking.loading}
          pagination={false}
          dataSource={data?.items ?? []}
          locale={{ emptyText: t('ranking.none') }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as string[]),
            getCheckboxProps: (item) => ({ disabled: item.advanced || !data?.round.next, 'aria-label': `${t('ranking.select')} ${item.title}` }),
          }}
          expandable={{ expandedRowRender: (item) => <Reviews item={item} ranking={data!} onCorrect={(detail) => setCorrecting({ detail, item })} /> }}
          columns={[
            { title: t('ranking.rank'), dataIndex: 'rank', width: 70 },
            { title: t('catalogue.subfields'), dataIndex: 'subfield', width: 200 },
            { title: t('application.title'), render: (_, i) => `${i.title}（${i.applicant}）` },
            { title: t('ranking.mean'), dataIndex: 'mean', width: 90 },
            { title: t('ranking.normalizedScore'), dataIndex: 'normalized', width: 110 },
            { title: t('ranking.spread'), dataIndex: 'spread', width: 90 },
            { title: t('ranking.reviews'), render: (_, i) => `${i.reviews} / ${i.expected}`, width: 90 },
            {
              title: '',
              render: (_, i) => (
                <Space size={4} wrap>
                  {i.disagreement ? <Tag color="red">{t('ranking.disagreement')}</Tag> : null}
                  {i.advanced ? <Tag color="green">{t('ranking.isAdvanced')}</Tag> : null}
                </Space>
              ),
            },
          ]}
        />
        {data && data.unreviewed.length > 0 ? (
          <Alert style={{ marginTop: 16 }} type="info" showIcon title={t('ranking.unreviewed', { n: data.unreviewed.length })} description={data.unreviewed.map((u) => `${u.title}（${u.applicant}）`).join('；')} />
        ) : null}
      </Card>
      {correcting ? (
        <Correction
          detail={correcting.detail}
          item={correcting.item}
          ranking={data!}
          phase={rounds.find((r) => r.key === round)?.phase ?? 'review'}
          onClose={(changed) => {
            setCorrecting(null);
            if (changed) ranking.reload();
          }}
        />
      ) : null}
    </Space>
  );
}

/** The reviews behind a row: each expert's total, z-score, scores per criterion and comments. */
function Reviews({ item, ranking, onCorrect }: { item: RankingItem; ranking: Ranking; onCorrect: (detail: Detail) => void }) {
  const { t, lang } = useI18n();
  return (
    <Table<Detail>
      rowKey="assignmentId"
      size="small"
      pagination={false}
      dataSource={item.details}
      columns={[
        { title: t('assignment.expert'), dataIndex: 'expertName', width: 120 },
        { title: t('ranking.total'), dataIndex: 'total', width: 80 },
        { title: 'z', dataIndex: 'z', width: 80 },
        ...ranking.round.criteria.map((c) => ({ title: lang === 'zh' ? c.label : c.labelEn || c.label, render: (_: unknown, d: Detail) => d.scores[c.key] ?? '—', width: 90 })),
        { title: t('review.comment'), dataIndex: 'comment' },
        {
          title: '',
          width: 80,
          render: (_: unknown, d: Detail) => (
            <Button size="small" aria-label={`${t('ranking.correct')} ${d.expertName}`} onClick={() => onCorrect(d)}>
              {t('ranking.correct')}
            </Button>
          ),
        },
      ]}
    />
  );
}

/** A staff correction of a submitted review: the new scores and comments, and why. */
function Correction({ detail, item, ranking, phase, onClose }: { detail: Detail; item: RankingItem; ranking: Ranking; phase: string; onClose: (changed: boolean) => void }) {
  const { t, lang } = useI18n();
  const message = useMessage();
  // Automatic criteria (metShare) stay as computed from the measurements: shown, not sent.
  const automatic = (key: string) => isAutomaticCriterion({ phase }, key);
  const [scores, setScores] = useState(() => Object.fromEntries(Object.entries(detail.scores).filter(([k]) => !automatic(k))));
  const [comment, setComment] = useState(detail.comment);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});

  async function save() {
    try {
      await correctReview(detail.assignmentId, { scores, comment, reason });
      message.success(t('ranking.corrected'));
      onClose(true);
    } catch (error) {
      if (error instanceof ApiError) setProblems(Object.fromEntries(error.details.map((d) => [d.path, d.message])));
      message.error(error instanceof ApiError ? error.message : t('error.generic'));
    }
  }

  return (
    <Modal open title={t('ranking.correctTitle', { expert: detail.expertName, title: item.title })} okText={t('ranking.correct')} cancelText={t('editor.cancel')} onOk={() => void save()} onCancel={() => onClose(false)}>
      <Form layout="vertical" component="div">
        {ranking.round.criteria.map((c) => (
          <Form.Item key={c.key} label={lang === 'zh' ? c.label : c.labelEn || c.label} htmlFor={`correct-${c.key}`} validateStatus={problems[`scores.${c.key}`] ? 'error' : undefined} help={problems[`scores.${c.key}`]}>
            <InputNumber
              id={`correct-${c.key}`}
              min={0}
              max={c.maxScore}
              disabled={automatic(c.key)}
              value={automatic(c.key) ? (detail.scores[c.key] ?? null) : (scores[c.key] ?? null)}
              onChange={(v) =>
                setScores((s) => {
                  // A cleared score is left out, so the server names it as missing.
                  const { [c.key]: _cleared, ...rest } = s;
                  return typeof v === 'number' ? { ...rest, [c.key]: v } : rest;
                })
              }
            />
          </Form.Item>
        ))}
        <Form.Item label={t('review.comment')} htmlFor="correct-comment">
          <Input.TextArea id="correct-comment" rows={4} value={comment} onChange={(e) => setComment(e.target.value)} />
        </Form.Item>
        <Form.Item label={t('ranking.reason')} htmlFor="correct-reason" validateStatus={problems.reason ? 'error' : undefined} help={problems.reason ?? t('ranking.reasonHelp')}>
          <Input.TextArea id="correct-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
