// Defence sessions (会评答辩) and on-site visits (现场评估) of a round: schedule them per application (time, place,
// members), then record the findings and attach the report; all of it stays with the application's record.
import { Button, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { eventReportUrl, getRanking, listReviewEvents, scheduleReviewEvent, updateReviewEvent, uploadEventReport, type ReviewEvent } from '../../api/reviews.js';
import { Card } from '../../components/Card.js';
import { ErrorView } from '../../components/ErrorView.js';
import { Modal } from '../../components/Modal.js';
import { ProgramSelect, RoundSelect, useAdminProgram, useRoundChoice } from '../../components/ProgramSelect.js';
import { Table } from '../../components/Table.js';
import { Tag } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';
import { formatBeijing, fromBeijingInput, toBeijingInput } from '../../format.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';

interface PoolRow {
  applicationId: string;
  title: string;
  applicant: string;
  subfield: string;
}

type Editing = { kind: 'defence' | 'onsite'; applicationId: string; title: string; event?: ReviewEvent };

export default function ReviewEventsPage() {
  const { t, lang } = useI18n();
  const chosen = useAdminProgram();
  const { program } = chosen;
  const rounds = program?.reviewRounds ?? [];
  const [round, setRound] = useRoundChoice(rounds, 'defence');
  const [editing, setEditing] = useState<Editing | null>(null);
  const pool = useLoader(async () => {
    if (!program || !round) return [];
    const ranking = await getRanking(program.id, { round, normalized: false });
    return [...ranking.items, ...ranking.unreviewed] as PoolRow[];
  }, [program?.id, round]);
  const events = useLoader(() => (program && round ? listReviewEvents(program.id, round) : Promise.resolve({ items: [] })), [program?.id, round]);
  if (!program) return null;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('events.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('events.intro')}</Typography.Paragraph>
      <Card>
        <Form layout="inline" component="div">
          <ProgramSelect {...chosen} />
          <RoundSelect id="events-round" rounds={rounds} value={round} onChange={setRound} />
        </Form>
      </Card>
      {pool.error ? <ErrorView error={pool.error} onRetry={pool.reload} /> : null}
      <Card>
        <Table<PoolRow>
          rowKey="applicationId"
          size="small"
          loading={pool.loading || events.loading}
          pagination={false}
          dataSource={pool.data ?? []}
          locale={{ emptyText: t('events.none') }}
          columns={[
            { title: t('application.title'), render: (_, a) => `${a.title}（${a.applicant}）` },
            { title: t('catalogue.subfields'), dataIndex: 'subfield', width: 200 },
            {
              title: t('events.scheduled'),
              render: (_, a) => (
                <Space orientation="vertical" size={4}>
                  {(events.data?.items ?? [])
                    .filter((e) => e.applicationId === a.applicationId)
                    .map((e) => (
                      <Space key={e.id} size={4} wrap data-testid="review-event">
                        <Tag color={e.kind === 'defence' ? 'blue' : 'purple'}>{t(`events.kind.${e.kind}`)}</Tag>
                        <span>
                          {formatBeijing(e.scheduledAt, lang)} · {e.place} · {e.members.join('、')}
                        </span>
                        {e.findings ? <Tag color="green">{t('events.hasFindings')}</Tag> : null}
                        {e.report ? (
                          <a href={eventReportUrl(e.id)} download>
                            {e.report.name}
                          </a>
                        ) : null}
                        <Button size="small" type="link" onClick={() => setEditing({ kind: e.kind, applicationId: a.applicationId, title: a.title, event: e })}>
                          {t('events.record')}
                        </Button>
                      </Space>
                    ))}
                </Space>
              ),
            },
            {
              title: '',
              width: 220,
              render: (_, a) => (
                <Space size="small">
                  <Button size="small" onClick={() => setEditing({ kind: 'defence', applicationId: a.applicationId, title: a.title })}>
                    {t('events.scheduleDefence')}
                  </Button>
                  <Button size="small" onClick={() => setEditing({ kind: 'onsite', applicationId: a.applicationId, title: a.title })}>
                    {t('events.scheduleVisit')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing ? (
        <EventDialog
          key={editing.event?.id ?? `${editing.kind}:${editing.applicationId}`}
          programId={program.id}
          round={round}
          editing={editing}
          onClose={(changed) => {
            setEditing(null);
            if (changed) events.reload();
          }}
        />
      ) : null}
    </Space>
  );
}

function EventDialog({ programId, round, editing, onClose }: { programId: string; round: string; editing: Editing; onClose: (changed: boolean) => void }) {
  const { t } = useI18n();
  const message = useMessage();
  const event = editing.event;
  const [scheduledAt, setScheduledAt] = useState(event ? toBeijingInput(event.scheduledAt) : '');
  const [place, setPlace] = useState(event?.place ?? '');
  const [members, setMembers] = useState<string[]>(event?.members ?? []);
  const [findings, setFindings] = useState(event?.findings ?? '');
  const [report, setReport] = useState<File | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});

  async function save() {
    try {
      const fields = { scheduledAt: scheduledAt ? fromBeijingInput(scheduledAt) : '', place, members, ...(event ? { findings } : {}) };
      const saved = event ? await updateReviewEvent(event.id, fields) : await scheduleReviewEvent(programId, { ...fields, round, applicationId: editing.applicationId, kind: editing.kind });
      if (report) await uploadEventReport(saved.id, report);
      message.success(t('events.saved'));
      onClose(true);
    } catch (error) {
      if (error instanceof ApiError) setProblems(Object.fromEntries(error.details.map((d) => [d.path, d.message])));
      message.error(error instanceof ApiError ? error.message : t('error.generic'));
    }
  }

  const field = (path: string) => ({ validateStatus: problems[path] ? ('error' as const) : undefined, help: problems[path] });
  return (
    <Modal open title={`${t(`events.kind.${editing.kind}`)}：${editing.title}`} okText={t('events.save')} cancelText={t('editor.cancel')} onOk={() => void save()} onCancel={() => onClose(false)}>
      <Form layout="vertical" component="div">
        <Form.Item label={t('events.when')} htmlFor="event-when" {...field('scheduledAt')}>
          <Input id="event-when" type="datetime-local" value={scheduledAt} onChange={(e) => setScheduledAt(e.target.value)} />
        </Form.Item>
        <Form.Item label={t(editing.kind === 'defence' ? 'events.room' : 'events.address')} htmlFor="event-place" {...field('place')}>
          <Input id="event-place" maxLength={200} value={place} onChange={(e) => setPlace(e.target.value)} />
        </Form.Item>
        <Form.Item label={t(editing.kind === 'defence' ? 'events.panel' : 'events.members')} htmlFor="event-members" {...field('members')} extra={problems.members ? undefined : t('events.membersHelp')}>
          <Select id="event-members" mode="tags" value={members} onChange={setMembers} tokenSeparators={[',', '，', '、']} open={false} />
        </Form.Item>
        {event ? (
          <>
            <Form.Item label={t('events.findings')} htmlFor="event-findings" {...field('findings')}>
              <Input.TextArea id="event-findings" rows={5} value={findings} onChange={(e) => setFindings(e.target.value)} />
            </Form.Item>
            <Form.Item label={t('events.report')} htmlFor="event-report" extra={event.report ? t('events.replaces', { name: event.report.name }) : t('events.reportHelp')}>
              <input id="event-report" type="file" accept="application/pdf,.pdf" onChange={(e) => setReport(e.target.files?.[0] ?? null)} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
