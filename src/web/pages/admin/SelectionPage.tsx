// Selecting finalists (入围) and winners (优胜) per subfield from the ranking of the stage's last round, with a written
// justification wherever the choice departs from it; the public notice (公示), its objections and their
// resolution; publication once the notice has closed.
import { Alert, Button, Form, Input, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { evaluationOverview } from '../../api/evaluation.js';
import { getRanking, type RankingItem } from '../../api/reviews.js';
import {
  addSelections,
  listObjections,
  listSelections,
  openNotice,
  publishStage,
  removeSelection,
  resolveObjection,
  type Objection,
  type SelectionItem,
  type Stage,
} from '../../api/selection.js';
import { Card } from '../../components/Card.js';
import { Modal } from '../../components/Modal.js';
import { ProgramSelect, useAdminProgram } from '../../components/ProgramSelect.js';
import { Table } from '../../components/Table.js';
import { Tag } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';
import { formatBeijing } from '../../format.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';
import { formatShare } from '../evaluation/AttainmentTable.js';

export default function SelectionPage() {
  const { t, lang } = useI18n();
  const message = useMessage();
  const chosen = useAdminProgram();
  const { program } = chosen;
  const [stage, setStage] = useState<Stage>('finalist');
  const [subfieldChoice, setSubfield] = useState<string | undefined>(undefined);
  const [picked, setPicked] = useState<string[]>([]);
  const [justifying, setJustifying] = useState<{ problem: string } | null>(null);
  const [justification, setJustification] = useState('');
  const [resolving, setResolving] = useState<{ objection: Objection; decision: 'upheld' | 'dismissed' } | null>(null);
  const [resolution, setResolution] = useState('');
  const selections = useLoader(() => (program ? listSelections(program.id, stage) : Promise.resolve({ round: null, items: [] })), [program?.id, stage]);
  // The ranking the stage follows (the server names the round: the last of its phase with reviews).
  const lastRound = selections.data?.round ?? null;
  const full = useLoader(() => (program && lastRound ? getRanking(program.id, { round: lastRound.key, normalized: false }) : Promise.resolve(null)), [program?.id, lastRound?.key]);
  const subfields = [...new Map([...(full.data?.items ?? []), ...(full.data?.unreviewed ?? [])].map((i) => [i.subfieldId, i.subfield])).entries()];
  const subfieldId = subfieldChoice ?? subfields[0]?.[0];
  const objections = useLoader(() => (program ? listObjections(program.id) : Promise.resolve({ items: [] })), [program?.id]);
  // Winners are chosen on what was measured: the share of committed targets met, beside the final round's ranking.
  const attainment = useLoader(() => (program && stage === 'winner' ? evaluationOverview(program.id) : Promise.resolve({ items: [] })), [program?.id, stage]);
  const attainmentOf = new Map((attainment.data?.items ?? []).map((i) => [i.applicationId, i]));
  if (!program) return null;

  const active = (selections.data?.items ?? []).filter((s) => !s.revokedAt);
  const inSubfield = active.filter((s) => s.subfieldId === subfieldId);
  const ranked = (full.data?.items ?? []).filter((i) => i.subfieldId === subfieldId);
  const unranked = (full.data?.unreviewed ?? []).filter((i) => i.subfieldId === subfieldId);
  const rows: Array<Pick<RankingItem, 'applicationId' | 'title' | 'applicant'> & { rank: number | null; score: number | null }> = [
    ...ranked.map((r) => ({ applicationId: r.applicationId, title: r.title, applicant: r.applicant, rank: r.rank, score: r.score })),
    ...unranked.map((u) => ({ applicationId: u.applicationId, title: u.title, applicant: u.applicant, rank: null, score: null })),
  ];
  const selectedIds = new Set(active.map((s) => s.applicationId));
  const stageObjections = (objections.data?.items ?? []).filter((o) => o.stage === stage);
  const fail = (error: unknown) => message.error(error instanceof ApiError ? error.message : t('error.generic'));
  const reload = () => {
    selections.reload();
    objections.reload();
  };

  async function select(withJustification?: string) {
    try {
      await addSelections(program!.id, { subfieldId: subfieldId!, stage, applicationIds: picked, ...(withJustification ? { justification: withJustification } : {}) });
      message.success(t('selection.added', { n: picked.length }));
      setPicked([]);
      setJustifying(null);
      setJustification('');
      reload();
    } catch (error) {
      const problem = error instanceof ApiError ? error.details.find((d) => d.path === 'justification') : undefined;
      if (problem) setJustifying({ problem: problem.message });
      else fail(error);
    }
  }

  async function act(work: () => Promise<unknown>, done: string) {
    try {
      await work();
      message.success(done);
      reload();
    } catch (error) {
      fail(error);
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('selection.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('selection.intro')}</Typography.Paragraph>
      <Card>
        <Form layout="inline" component="div">
          <ProgramSelect {...chosen} />
          <Form.Item label={t('selection.stage')} htmlFor="selection-stage">
            <Select
              id="selection-stage"
              style={{ width: 160 }}
              value={stage}
              onChange={(v: Stage) => {
                setStage(v);
                setPicked([]);
              }}
              options={[
                { value: 'finalist', label: t('selection.stage.finalist') },
                { value: 'winner', label: t('selection.stage.winner') },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('catalogue.subfields')} htmlFor="selection-subfield">
            <Select
              id="selection-subfield"
              style={{ width: 280 }}
              value={subfieldId}
              onChange={(v: string) => {
                setSubfield(v);
                setPicked([]);
              }}
              options={subfields.map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
        </Form>
      </Card>
      <Card
        title={t('selection.ranking', { round: lastRound ? (lang === 'zh' ? lastRound.name : lastRound.nameEn || lastRound.name) : '—' })}
        extra={
          <Button type="primary" disabled={picked.length === 0} onClick={() => void select()}>
            {t(`selection.select.${stage}`, { n: picked.length })}
          </Button>
        }
      >
        <Table
          rowKey="applicationId"
          size="small"
          pagination={false}
          loading={full.loading}
          dataSource={rows}
          locale={{ emptyText: t('selection.noCandidates') }}
          rowSelection={{
            selectedRowKeys: picked,
            onChange: (keys) => setPicked(keys as string[]),
            getCheckboxProps: (row) => ({ disabled: selectedIds.has(row.applicationId), 'aria-label': `${t('ranking.select')} ${row.title}` }),
          }}
          columns={[
            { title: t('ranking.rank'), render: (_, r) => r.rank ?? '—', width: 70 },
            { title: t('application.title'), render: (_, r) => `${r.title}（${r.applicant}）` },
            { title: t('ranking.mean'), render: (_, r) => r.score ?? '—', width: 90 },
            ...(stage === 'winner'
              ? [
                  {
                    title: t('attainment.metShare'),
                    width: 130,
                    render: (_: unknown, r: (typeof rows)[number]) => {
                      const a = attainmentOf.get(r.applicationId);
                      return a && a.metShare !== null ? `${formatShare(a.metShare)}（${a.met}/${a.judged}）` : '—';
                    },
                  },
                ]
              : []),
            { title: '', render: (_, r) => (selectedIds.has(r.applicationId) ? <Tag color="blue">{t(`selection.stage.${stage}`)}</Tag> : null), width: 100 },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('selection.count', { n: inSubfield.length })}
        </Typography.Paragraph>
      </Card>
      <Card
        title={t('selection.selected')}
        extra={
          <Space>
            <Popconfirm title={t('selection.noticeConfirm')} okText={t('selection.openNotice')} cancelText={t('editor.cancel')} onConfirm={() => act(() => openNotice(program.id, stage), t('selection.noticeOpened'))}>
              <Button disabled={!active.some((s) => !s.noticeId)}>{t('selection.openNotice')}</Button>
            </Popconfirm>
            <Popconfirm title={t('selection.publishConfirm')} okText={t('selection.publish')} cancelText={t('editor.cancel')} onConfirm={() => act(() => publishStage(program.id, stage), t('selection.published'))}>
              <Button type="primary">{t('selection.publish')}</Button>
            </Popconfirm>
          </Space>
        }
      >
        <Table<SelectionItem>
          rowKey="applicationId"
          size="small"
          pagination={false}
          dataSource={selections.data?.items ?? []}
          locale={{ emptyText: t('selection.none') }}
          columns={[
            { title: t('catalogue.subfields'), dataIndex: 'subfield', width: 220 },
            { title: t('application.title'), render: (_, s) => `${s.title}（${s.applicant}）` },
            { title: t('selection.justification'), render: (_, s) => s.justification ?? '—' },
            {
              title: t('review.state'),
              render: (_, s) =>
                s.revokedAt ? (
                  <Tag color="red">{t('selection.revoked', { reason: s.revokedReason ?? '' })}</Tag>
                ) : (
                  <Tag color={s.noticeId ? 'green' : 'default'}>{t(`status.${s.status}`)}</Tag>
                ),
            },
            {
              title: '',
              width: 90,
              render: (_, s) =>
                !s.noticeId && !s.revokedAt ? (
                  <Button size="small" aria-label={`${t('selection.undo')} ${s.title}`} onClick={() => void act(() => removeSelection(program.id, s.applicationId, stage), t('selection.undone'))}>
                    {t('selection.undo')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card title={t('selection.objections')}>
        <Table<Objection>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={stageObjections}
          locale={{ emptyText: t('selection.noObjections') }}
          columns={[
            { title: t('application.title'), render: (_, o) => `${o.title}（${o.applicant}）` },
            { title: t('selection.objector'), render: (_, o) => `${o.name} · ${o.contact}` },
            { title: t('selection.objectionReason'), dataIndex: 'reason' },
            { title: t('selection.filedAt'), render: (_, o) => formatBeijing(o.createdAt, lang), width: 150 },
            {
              title: '',
              width: 200,
              render: (_, o) =>
                o.status === 'open' ? (
                  <Space size="small">
                    <Button size="small" onClick={() => setResolving({ objection: o, decision: 'dismissed' })}>
                      {t('selection.dismiss')}
                    </Button>
                    <Button size="small" danger onClick={() => setResolving({ objection: o, decision: 'upheld' })}>
                      {t('selection.uphold')}
                    </Button>
                  </Space>
                ) : (
                  <Tag color={o.status === 'upheld' ? 'red' : 'default'}>{t(`selection.objection.${o.status}`, { reason: o.resolution ?? '' })}</Tag>
                ),
            },
          ]}
        />
      </Card>
      {justifying ? (
        <Modal open title={t('selection.justifyTitle')} okText={t(`selection.select.${stage}`, { n: picked.length })} cancelText={t('editor.cancel')} onOk={() => void select(justification)} onCancel={() => setJustifying(null)}>
          <Alert type="warning" showIcon title={justifying.problem} style={{ marginBottom: 12 }} />
          <Form layout="vertical" component="div">
            <Form.Item label={t('selection.justification')} htmlFor="selection-justification" help={t('selection.justificationHelp')}>
              <Input.TextArea id="selection-justification" rows={4} value={justification} onChange={(e) => setJustification(e.target.value)} />
            </Form.Item>
          </Form>
        </Modal>
      ) : null}
      {resolving ? (
        <Modal
          open
          title={t(resolving.decision === 'upheld' ? 'selection.upholdTitle' : 'selection.dismissTitle', { title: resolving.objection.title })}
          okText={t(resolving.decision === 'upheld' ? 'selection.uphold' : 'selection.dismiss')}
          okButtonProps={{ danger: resolving.decision === 'upheld' }}
          cancelText={t('editor.cancel')}
          onOk={() =>
            void act(() => resolveObjection(resolving.objection.id, { decision: resolving.decision, reason: resolution }), t('selection.resolved')).then(() => {
              setResolving(null);
              setResolution('');
            })
          }
          onCancel={() => setResolving(null)}
        >
          <Form layout="vertical" component="div">
            <Form.Item label={t('selection.resolution')} htmlFor="objection-resolution" help={t(resolving.decision === 'upheld' ? 'selection.upholdHelp' : 'selection.dismissHelp')}>
              <Input.TextArea id="objection-resolution" rows={3} value={resolution} onChange={(e) => setResolution(e.target.value)} />
            </Form.Item>
          </Form>
        </Modal>
      ) : null}
    </Space>
  );
}
