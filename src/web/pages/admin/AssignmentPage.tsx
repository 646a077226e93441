// Assigning experts to a review round: the optimal draft with the reason of every pairing, pins and bans, a
// re-optimisation around them, what cannot be filled and why, and the release to the experts. A run is a background
// job: the page follows its progress, and finds a run under way when it is opened again.
import { Alert, Button, Form, Input, InputNumber, Popconfirm, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.js';
import {
  banPair,
  getAssignmentJob,
  latestAssignmentJob,
  listAssignments,
  pinPair,
  queueAssignment,
  refillRound,
  releaseRound,
  type AssignmentItem,
  type AssignmentJob,
  type AssignmentPhase,
} from '../../api/assignment.js';
import { Card } from '../../components/Card.js';
import { Progress } from '../../components/Progress.js';
import { Table } from '../../components/Table.js';
import { Tag } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';
import { formatBeijing, fromBeijingInput, toBeijingInput } from '../../format.js';
import { getRoundSettings, putRoundSettings } from '../../api/reviews.js';
import { ProgramSelect, RoundSelect, useAdminProgram, useRoundChoice } from '../../components/ProgramSelect.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n, type Translate } from '../../i18n/i18n.js';

const active = (job: AssignmentJob | null) => job !== null && (job.state === 'queued' || job.state === 'running');

/** The latest run of the round, followed every half second while it is under way. */
function useAssignmentJob(programId: string | undefined, round: string, onFinished: () => void) {
  // Kept with the round it belongs to, so switching rounds never shows the other round's run.
  const [followed, setFollowed] = useState<{ round: string; job: AssignmentJob | null }>({ round: '', job: null });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!programId || !round) return;
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const follow = (next: AssignmentJob | null) => {
      if (!current) return;
      setFollowed({ round, job: next });
      if (next && active(next)) {
        timer = setTimeout(() => {
          getAssignmentJob(programId, next.id).then((j) => {
            if (current && !active(j)) onFinished();
            follow(j);
          }, () => follow(next));
        }, 500);
      }
    };
    latestAssignmentJob(programId, round).then((r) => follow(r.job), () => undefined);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // onFinished only reloads the page's list; a new run is followed through follow().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [programId, round, generation]);
  return {
    job: followed.round === round ? followed.job : null,
    /** Shows a run just queued at once, then follows the latest run again. */
    follow: (queued: AssignmentJob) => {
      setFollowed({ round, job: queued });
      setGeneration((g) => g + 1);
    },
  };
}

/** Each step's start and width in the overall percentage. */
const STEPS: Record<AssignmentPhase, [number, number]> = { affinity: [0, 40], conflicts: [40, 30], solving: [70, 20], saving: [90, 10] };

/** Where a run is, in words and as one overall percentage over its four steps. */
function describe(job: AssignmentJob, t: Translate): { text: string; percent: number } {
  const { phase, done, total } = job.progress;
  const share = total > 0 ? done / total : 0;
  if (job.state === 'queued' || phase === null) return { text: t('assignment.phase.queued'), percent: 0 };
  const [start, width] = STEPS[phase];
  return { text: t(`assignment.phase.${phase}`, { done, total }), percent: Math.floor(start + width * share) };
}

export default function AssignmentPage() {
  const { t, lang } = useI18n();
  const message = useMessage();
  const chosen = useAdminProgram();
  const { program } = chosen;
  // Every round, the final evaluation's too (its experts review the confirmed finalists with what the labs measured).
  const rounds = program?.reviewRounds ?? [];
  const [round, setRound] = useRoundChoice(rounds);
  const [settings, setSettings] = useState({ reviewersPerApplication: 3, maxPerExpert: 10 });
  const [queueing, setQueueing] = useState(false);
  const assignments = useLoader(() => (program && round ? listAssignments(program.id, round) : Promise.resolve(null)), [program?.id, round]);
  const { job, follow } = useAssignmentJob(program?.id, round, assignments.reload);
  if (!program) return null;
  const released = (assignments.data?.items ?? []).some((i) => i.status === 'released');
  const summary = job?.state === 'done' ? job.result : null;
  const running = queueing || active(job);

  async function act(work: () => Promise<unknown>, done?: string) {
    try {
      await work();
      if (done) message.success(done);
      assignments.reload();
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : t('error.generic'));
    }
  }

  async function run() {
    setQueueing(true);
    try {
      follow(await queueAssignment(program!.id, { round, ...settings }));
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : t('error.generic'));
    } finally {
      setQueueing(false);
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('assignment.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('assignment.intro')}</Typography.Paragraph>
      <Card>
        <Form layout="inline" name="assignment-settings" component="div">
          <ProgramSelect {...chosen} />
          <RoundSelect id="assignment-round" rounds={rounds} value={round} onChange={setRound} />
          <Form.Item label={t('assignment.perApplication')} htmlFor="assignment-k">
            <InputNumber id="assignment-k" min={1} max={20} precision={0} value={settings.reviewersPerApplication} onChange={(v) => setSettings((s) => ({ ...s, reviewersPerApplication: v ?? 1 }))} />
          </Form.Item>
          <Form.Item label={t('assignment.maxPerExpert')} htmlFor="assignment-load">
            <InputNumber id="assignment-load" min={1} max={500} precision={0} value={settings.maxPerExpert} onChange={(v) => setSettings((s) => ({ ...s, maxPerExpert: v ?? 1 }))} />
          </Form.Item>
          <Button type="primary" loading={running} disabled={released} onClick={() => void run()}>
            {t('assignment.run')}
          </Button>
          <Popconfirm title={t('assignment.releaseConfirm')} okText={t('assignment.release')} cancelText={t('editor.cancel')} onConfirm={() => act(() => releaseRound(program.id, round), t('assignment.released'))}>
            <Button disabled={released || (assignments.data?.items.length ?? 0) === 0}>{t('assignment.release')}</Button>
          </Popconfirm>
        </Form>
        {job && active(job) ? (
          <div style={{ marginTop: 16 }} role="status" aria-live="polite" data-testid="assignment-progress">
            <Typography.Text>{describe(job, t).text}</Typography.Text>
            <Progress percent={describe(job, t).percent} status="active" />
          </div>
        ) : null}
        {job?.state === 'failed' ? <Alert style={{ marginTop: 16 }} type="error" showIcon title={t('assignment.failed', { reason: job.error ?? '' })} /> : null}
        {summary ? (
          <Alert
            style={{ marginTop: 16 }}
            type={summary.unassigned.length > 0 ? 'warning' : 'success'}
            showIcon
            title={
              <span data-testid="assignment-summary">
                {t('assignment.summary', { n: summary.assigned, total: summary.totalAffinity })}
                {job?.finishedAt ? `（${t('assignment.lastRun', { time: formatBeijing(job.finishedAt, lang) })}）` : ''}
              </span>
            }
            description={
              summary.unassigned.length > 0 ? (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {summary.unassigned.map((u) => (
                    <li key={u.applicationId}>
                      {assignments.data?.items.find((i) => i.applicationId === u.applicationId)?.title ?? u.applicationId}：{t('assignment.missing', { n: u.missing })}（{u.reason}）
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        ) : null}
        {released ? (
          <Alert
            style={{ marginTop: 16 }}
            type="info"
            showIcon
            title={t('assignment.isReleased')}
            action={
              <Button size="small" onClick={() => void act(() => refillRound(program.id, round), t('assignment.refilled'))}>
                {t('assignment.refill')}
              </Button>
            }
          />
        ) : null}
      </Card>
      <RoundSettingsCard key={`${program.id}:${round}`} programId={program.id} round={round} />
      <Card>
        <Table<AssignmentItem>
          rowKey="id"
          size="small"
          loading={assignments.loading}
          pagination={{ pageSize: 50 }}
          dataSource={assignments.data?.items ?? []}
          locale={{ emptyText: t('assignment.none') }}
          columns={[
            { title: t('application.title'), render: (_, a) => `${a.title}（${a.organization}）` },
            { title: t('assignment.expert'), render: (_, a) => `${a.expertName}（${a.expertOrganization}）` },
            { title: t('assignment.affinity'), dataIndex: 'affinity', width: 80 },
            {
              title: t('assignment.why'),
              render: (_, a) => (
                <Space size={4} wrap>
                  {a.subfieldMatch ? <Tag color="blue">{t('assignment.subfieldMatch')}</Tag> : null}
                  {a.sharedTerms.map((term) => (
                    <Tag key={term}>{term}</Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: '',
              render: (_, a) =>
                a.status === 'declined' ? (
                  <Tag color="orange">{t('assignment.statusDeclined', { reason: a.conflictReason ?? '' })}</Tag>
                ) : a.status === 'released' ? (
                  <Tag color="green">{t('assignment.statusReleased')}</Tag>
                ) : (
                  <Space size="small">
                    <Button
                      size="small"
                      type={a.pinned ? 'primary' : 'default'}
                      aria-label={`${a.pinned ? t('assignment.unpin') : t('assignment.pin')} ${a.expertName} ${a.title}`}
                      onClick={() => void act(() => pinPair(program.id, { round, applicationId: a.applicationId, expertId: a.expertId, pinned: !a.pinned }))}
                    >
                      {a.pinned ? t('assignment.unpin') : t('assignment.pin')}
                    </Button>
                    <Button
                      size="small"
                      danger
                      aria-label={`${t('assignment.ban')} ${a.expertName} ${a.title}`}
                      onClick={() => void act(() => banPair(program.id, { round, applicationId: a.applicationId, expertId: a.expertId, banned: true }), t('assignment.banned'))}
                    >
                      {t('assignment.ban')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}

/** How the round is run beyond the assignment itself: when reviews are due, whether experts see each other's. */
function RoundSettingsCard({ programId, round }: { programId: string; round: string }) {
  const { t } = useI18n();
  const message = useMessage();
  const loaded = useLoader(() => getRoundSettings(programId, round), [programId, round]);
  const [edit, setEdit] = useState<{ dueAt?: string; peerVisibility?: boolean }>({});
  if (!loaded.data) return null;
  const dueAt = edit.dueAt ?? (loaded.data.dueAt ? toBeijingInput(loaded.data.dueAt) : '');
  const peerVisibility = edit.peerVisibility ?? loaded.data.peerVisibility;

  async function save() {
    try {
      await putRoundSettings(programId, round, { ...loaded.data!, dueAt: dueAt ? fromBeijingInput(dueAt) : null, peerVisibility });
      message.success(t('roundSettings.saved'));
      setEdit({});
      loaded.reload();
    } catch (error) {
      message.error(error instanceof ApiError ? (error.details[0]?.message ?? error.message) : t('error.generic'));
    }
  }

  return (
    <Card title={t('roundSettings.title')}>
      <Form layout="inline" component="div">
        <Form.Item label={t('roundSettings.dueAt')} htmlFor="round-due" tooltip={t('roundSettings.dueHelp')}>
          <Input id="round-due" type="datetime-local" value={dueAt} onChange={(e) => setEdit((x) => ({ ...x, dueAt: e.target.value }))} />
        </Form.Item>
        <Form.Item label={t('roundSettings.peers')} htmlFor="round-peers" tooltip={t('roundSettings.peersHelp')}>
          <Switch id="round-peers" checked={peerVisibility} onChange={(v) => setEdit((x) => ({ ...x, peerVisibility: v }))} />
        </Form.Item>
        <Button onClick={() => void save()}>{t('roundSettings.save')}</Button>
      </Form>
    </Card>
  );
}
