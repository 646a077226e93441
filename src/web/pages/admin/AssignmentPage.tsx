// Assigning experts to a review round: the optimal draft with the reason of every pairing, pins and bans, a
// re-optimisation around them, what cannot be filled and why, and the release to the experts.
import { Alert, App, Button, Card, Form, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { autoAssign, banPair, listAssignments, pinPair, releaseRound, type AssignmentItem } from '../../api/assignment.js';
import { usePlatform } from '../../hooks/platform.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';

export default function AssignmentPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { programs } = usePlatform();
  const program = programs[0];
  const rounds = program?.reviewRounds.filter((r) => r.phase === 'review') ?? [];
  const [round, setRound] = useState(rounds[0]?.key ?? '');
  const [settings, setSettings] = useState({ reviewersPerApplication: 3, maxPerExpert: 10 });
  const [summary, setSummary] = useState<Awaited<ReturnType<typeof autoAssign>> | null>(null);
  const [running, setRunning] = useState(false);
  const assignments = useLoader(() => (program && round ? listAssignments(program.id, round) : Promise.resolve(null)), [program?.id, round]);
  if (!program) return null;
  const released = (assignments.data?.items ?? []).some((i) => i.status === 'released');

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
    setRunning(true);
    try {
      setSummary(await autoAssign(program!.id, { round, ...settings }));
      assignments.reload();
    } catch (error) {
      message.error(error instanceof ApiError ? error.message : t('error.generic'));
    } finally {
      setRunning(false);
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
          <Form.Item label={t('assignment.round')} htmlFor="assignment-round">
            <Select
              id="assignment-round"
              style={{ width: 180 }}
              value={round}
              onChange={(v: string) => {
                setRound(v);
                setSummary(null);
              }}
              options={rounds.map((r) => ({ value: r.key, label: lang === 'zh' ? r.name : r.nameEn || r.name }))}
            />
          </Form.Item>
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
        {summary ? (
          <Alert
            style={{ marginTop: 16 }}
            type={summary.unassigned.length > 0 ? 'warning' : 'success'}
            showIcon
            title={<span data-testid="assignment-summary">{t('assignment.summary', { n: summary.assigned, total: summary.totalAffinity })}</span>}
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
        {released ? <Alert style={{ marginTop: 16 }} type="info" showIcon title={t('assignment.isReleased')} /> : null}
      </Card>
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
                a.status === 'released' ? (
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
