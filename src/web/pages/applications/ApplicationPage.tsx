// The application form (申报书): details, recommending unit, sections, the indicator table with the plan targets and
// custom indicators, attachments, and submission. Saved as one types; a conflict with another tab loses nothing.
import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Popconfirm, Select, Space } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ApplicationResponse, CustomIndicatorInput, IndicatorValue } from '../../../shared/schemas/applications.js';
import type { Indicator } from '../../../shared/schemas/catalogue.js';
import {
  attachmentUrl,
  checkApplication,
  eligibleRecommenders,
  getApplication,
  removeAttachment,
  submitApplication,
  uploadAttachment,
  withdrawApplication,
} from '../../api/applications.js';
import { getCatalogue } from '../../api/catalogue.js';
import { ApiError } from '../../api/client.js';
import { Card } from '../../components/Card.js';
import { ErrorView } from '../../components/ErrorView.js';
import { FilePicker } from '../../components/FilePicker.js';
import { PageLoading } from '../../components/PageLoading.js';
import { Table } from '../../components/Table.js';
import { Tag } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';
import { entryName, formatBeijing } from '../../format.js';
import { usePlatform } from '../../hooks/platform.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';
import { Ambition, ValueInput } from './IndicatorInputs.js';
import { ReviewRecord } from './ReviewRecord.js';
import { useAutosave, type SaveState } from './use-autosave.js';

const EDITABLE = ['draft', 'returned'];

/** An idempotency key for one submission intent (getRandomValues works outside secure contexts too). */
function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `submit-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export default function ApplicationPage() {
  const { id = '' } = useParams();
  const loaded = useLoader(() => getApplication(id), [id]);
  if (loaded.error) return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data || loaded.data.id !== id) return <PageLoading />;
  return <ApplicationForm key={loaded.data.id} app={loaded.data} />;
}

function ApplicationForm({ app: server }: { app: ApplicationResponse }) {
  const { t, lang } = useI18n();
  const message = useMessage();
  const navigate = useNavigate();
  const { programs, session } = usePlatform();
  const program = programs.find((p) => p.id === server.programId);
  const catalogue = useLoader(() => getCatalogue(server.programId), [server.programId]);
  const recommenders = useLoader(() => eligibleRecommenders(server.id), [server.id]);
  const [attachments, setAttachments] = useState(server.attachments);
  const [problems, setProblems] = useState<Array<{ path: string; message: string }> | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const submitKey = useRef<string | null>(null);
  const autosave = useAutosave(server);
  const { change, errors } = autosave;
  const app = autosave.view;
  const roles = session.user?.roles ?? [];
  // Staff (program admins, the recommending unit) read the application; only its organization edits it.
  const owner = roles.includes('applicant') || roles.includes('org_admin');
  const editable = owner && EDITABLE.includes(server.status);

  const subfield = catalogue.data?.directions.flatMap((d) => d.subfields).find((s) => s.id === server.subfieldId);
  const indicatorOf = new Map<string, Indicator>((subfield?.indicators ?? []).map((i) => [i.id, i]));
  const name = (e: { name: string; nameEn: string }) => entryName(e, lang);

  const setIndicator = useCallback(
    (indicatorId: string, field: 'current' | 'target' | 'note', value: IndicatorValue | string) =>
      change((p) => ({ ...p, indicators: { ...p.indicators, [indicatorId]: { ...p.indicators?.[indicatorId], [field]: value } } })),
    [change],
  );
  const setCustom = (list: CustomIndicatorInput[]) => change((p) => ({ ...p, customIndicators: list }));
  const customList = (): CustomIndicatorInput[] =>
    app.customIndicators.map((c) => ({ ...(c.id ? { id: c.id } : {}), name: c.name, kind: c.kind, unit: c.unit, better: c.better, current: c.current, target: c.target }));

  async function submit() {
    setSubmitting(true);
    setProblems(null);
    try {
      if (!(await autosave.flush())) {
        message.error(t('application.saveFirst'));
        return;
      }
      const check = await checkApplication(server.id);
      if (check.problems.length > 0) {
        setProblems(check.problems);
        return;
      }
      submitKey.current ??= randomKey();
      await submitApplication(server.id, submitKey.current, autosave.version.current);
      submitKey.current = null;
      navigate(`/applications/${server.id}/receipt`);
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0) setProblems(error.details);
      else message.error(error instanceof ApiError ? error.message : t('error.generic'));
    } finally {
      setSubmitting(false);
    }
  }

  const err = (path: string) => errors[path];
  // A draft is due when applications close; a returned one when recommendations close.
  const deadline = program?.phases.find((p) => p.key === (server.status === 'returned' ? 'recommendation' : 'application'));
  const sectionLimits = new Map((program?.sections ?? []).map((s) => [s.key, s]));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/applications">← {t('application.back')}</Link>
      <header>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {app.title || t('application.untitled')}
        </Typography.Title>
        <Space wrap>
          <Tag color={editable ? 'blue' : 'green'}>{t(`status.${server.status}`)}</Tag>
          {subfield ? (
            <span>
              {subfield.code} {name(subfield)}
            </span>
          ) : null}
          <SaveIndicator state={autosave.state} savedAt={autosave.savedAt} />
          {server.receipt ? <Link to={`/applications/${server.id}/receipt`}>{t('application.viewReceipt')}</Link> : null}
          {['finalist_confirmed', 'winner', 'winner_confirmed', 'winner_revoked'].includes(server.status) ? <Link to={`/applications/${server.id}/evaluation`}>{t('evaluation.todo')}</Link> : null}
        </Space>
      </header>
      {autosave.state === 'conflict' ? (
        <Alert
          type="warning"
          showIcon
          title={t('application.conflict')}
          action={
            <Button onClick={() => void autosave.resolveConflict()} type="primary">
              {t('application.conflictResolve')}
            </Button>
          }
        />
      ) : null}
      {server.status === 'returned' && server.returnReason ? <Alert type="warning" showIcon title={t('application.returned')} description={server.returnReason} /> : null}
      {server.status === 'not_recommended' && server.decisionComment ? (
        <Alert type="warning" showIcon title={t('application.declined')} description={server.decisionComment} />
      ) : null}
      {server.status === 'ineligible' && server.eligibilityReason ? (
        <Alert type="error" showIcon title={t('application.ineligibleReason')} description={server.eligibilityReason} />
      ) : null}
      {!editable ? (
        <Alert
          type="info"
          showIcon
          title={owner ? t('application.readOnly') : t('application.staffReadOnly')}
          action={
            server.status === 'submitted' && owner ? (
              <Popconfirm
                title={t('application.withdrawConfirm')}
                okText={t('application.withdraw')}
                cancelText={t('editor.cancel')}
                onConfirm={async () => {
                  try {
                    await withdrawApplication(server.id);
                    message.success(t('application.withdrawn'));
                    navigate('/applications');
                  } catch (error) {
                    message.error(error instanceof ApiError ? error.message : t('error.generic'));
                  }
                }}
              >
                <Button danger>{t('application.withdraw')}</Button>
              </Popconfirm>
            ) : null
          }
        />
      ) : null}

      <Card title={t('application.details')}>
        <Form layout="vertical" name="application-details" component="div" disabled={!editable}>
          <Form.Item htmlFor="app-title" label={t('application.title')} validateStatus={err('title') ? 'error' : undefined} help={err('title')} extra={t('application.titleHelp')}>
            <Input id="app-title" value={app.title} maxLength={200} onChange={(e) => change((p) => ({ ...p, title: e.target.value }))} />
          </Form.Item>
          <Form.Item htmlFor="app-unit" label={t('application.responsibleUnit')}>
            <Input id="app-unit" value={app.responsibleUnit} maxLength={200} onChange={(e) => change((p) => ({ ...p, responsibleUnit: e.target.value }))} />
          </Form.Item>
          <Space wrap>
            {(['name', 'title', 'phone', 'email'] as const).map((field) => (
              <Form.Item
                key={field}
                htmlFor={`app-person-${field}`}
                label={t(`application.person.${field}`)}
                validateStatus={err(`responsiblePerson.${field}`) ? 'error' : undefined}
                help={err(`responsiblePerson.${field}`)}
              >
                <Input
                  id={`app-person-${field}`}
                  value={app.responsiblePerson[field]}
                  onChange={(e) => change((p) => ({ ...p, responsiblePerson: { ...app.responsiblePerson, [field]: e.target.value } }))}
                />
              </Form.Item>
            ))}
          </Space>
          <Form.Item htmlFor="app-recommender" label={t('application.recommender')} extra={t('application.recommenderHelp')} validateStatus={err('recommenderId') ? 'error' : undefined} help={err('recommenderId')}>
            <Select
              id="app-recommender"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={app.recommenderId ?? undefined}
              onChange={(v: string | undefined) => change((p) => ({ ...p, recommenderId: v ?? null }))}
              options={(recommenders.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.name}（${t(`recommenderKind.${r.kind}`)}）` }))}
              style={{ maxWidth: 480 }}
            />
          </Form.Item>
        </Form>
      </Card>

      <Card title={t('application.sections')}>
        <Form layout="vertical" name="application-sections" component="div" disabled={!editable}>
          {(program?.sections ?? []).map((s) => {
            const text = app.sections[s.key] ?? '';
            return (
              <Form.Item
                key={s.key}
                htmlFor={`app-section-${s.key}`}
                label={s.title}
                required={s.required}
                validateStatus={err(`sections.${s.key}`) ? 'error' : undefined}
                help={err(`sections.${s.key}`)}
              >
                <Input.TextArea
                  id={`app-section-${s.key}`}
                  value={text}
                  autoSize={{ minRows: 3, maxRows: 16 }}
                  showCount={{ formatter: ({ count }) => `${count} / ${sectionLimits.get(s.key)?.maxLength ?? ''}` }}
                  onChange={(e) => change((p) => ({ ...p, sections: { ...p.sections, [s.key]: e.target.value } }))}
                />
              </Form.Item>
            );
          })}
        </Form>
      </Card>

      <Card title={t('application.indicators')}>
        <Typography.Paragraph type="secondary">{t('application.indicatorsHelp')}</Typography.Paragraph>
        <Table
          rowKey="indicatorId"
          pagination={false}
          size="small"
          scroll={{ x: true }}
          dataSource={app.indicators.filter((i) => indicatorOf.has(i.indicatorId))}
          columns={[
            { title: t('indicator.code'), render: (_, r) => indicatorOf.get(r.indicatorId)!.code, width: 110 },
            { title: t('indicator.name'), render: (_, r) => name(indicatorOf.get(r.indicatorId)!) },
            { title: t('indicator.planTarget'), render: (_, r) => indicatorOf.get(r.indicatorId)!.planTarget?.text ?? '—' },
            ...(['current', 'target'] as const).map((field) => ({
              title: t(field === 'current' ? 'application.current' : 'application.target'),
              render: (_: unknown, r: ApplicationResponse['indicators'][number]) => {
                const ind = indicatorOf.get(r.indicatorId)!;
                const error = err(`indicator:${r.indicatorId}.${field}`);
                return (
                  <div>
                    <ValueInput
                      kind={ind.kind}
                      unit={ind.unit}
                      value={r[field]}
                      disabled={!editable}
                      error={error}
                      label={`${ind.code} ${t(field === 'current' ? 'application.current' : 'application.target')}`}
                      onChange={(v) => setIndicator(r.indicatorId, field, v)}
                    />
                    {error ? <div style={{ color: '#cf1322', fontSize: 12 }}>{error}</div> : null}
                  </div>
                );
              },
            })),
            {
              title: t('application.ambition'),
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  <Ambition indicator={indicatorOf.get(r.indicatorId)!} current={r.current} target={r.target} />
                  {r.peerPercentile !== null ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('application.peerPercentile', { p: r.peerPercentile })}
                    </Typography.Text>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <Card title={t('application.custom')}>
        <Typography.Paragraph type="secondary">{t('application.customHelp')}</Typography.Paragraph>
        {app.customIndicators.map((c, index) => {
          const update = (fields: Partial<CustomIndicatorInput>) => setCustom(customList().map((x, i) => (i === index ? { ...x, ...fields } : x)));
          return (
            <Space key={c.id || index} wrap align="start" style={{ display: 'flex', marginBottom: 8 }}>
              <Input aria-label={t('application.customName')} placeholder={t('application.customName')} disabled={!editable} value={c.name} onChange={(e) => update({ name: e.target.value })} style={{ width: 180 }} />
              <Select
                aria-label={t('editor.kind')}
                disabled={!editable}
                value={c.kind}
                style={{ width: 110 }}
                onChange={(kind: CustomIndicatorInput['kind']) => update({ kind, current: null, target: null, better: kind === 'number' ? 'higher' : null, unit: '' })}
                options={(['number', 'boolean', 'text'] as const).map((k) => ({ value: k, label: t(`indicator.kind.${k}`) }))}
              />
              {c.kind === 'number' ? (
                <>
                  <Input aria-label={t('editor.unit')} placeholder={t('editor.unit')} disabled={!editable} value={c.unit} onChange={(e) => update({ unit: e.target.value })} style={{ width: 90 }} />
                  <Select
                    aria-label={t('editor.better')}
                    disabled={!editable}
                    value={c.better ?? undefined}
                    style={{ width: 120 }}
                    onChange={(better: 'higher' | 'lower') => update({ better })}
                    options={(['higher', 'lower'] as const).map((b) => ({ value: b, label: t(`indicator.${b}`) }))}
                  />
                </>
              ) : null}
              <ValueInput kind={c.kind} unit={c.unit} value={c.current} disabled={!editable} label={`${c.name} ${t('application.current')}`} onChange={(v) => update({ current: v })} />
              <ValueInput kind={c.kind} unit={c.unit} value={c.target} disabled={!editable} label={`${c.name} ${t('application.target')}`} onChange={(v) => update({ target: v })} />
              {editable ? (
                <Button danger icon={<DeleteOutlined />} aria-label={t('editor.remove')} onClick={() => setCustom(customList().filter((_, i) => i !== index))} />
              ) : null}
            </Space>
          );
        })}
        {editable && app.customIndicators.length < 10 ? (
          <Button onClick={() => setCustom([...customList(), { name: '', kind: 'number', unit: '', better: 'higher', current: null, target: null }])}>{t('application.addCustom')}</Button>
        ) : null}
      </Card>

      <Card title={t('application.attachments')}>
        <Typography.Paragraph type="secondary">{t('application.attachmentsHelp')}</Typography.Paragraph>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={attachments}
          locale={{ emptyText: t('application.noAttachments') }}
          columns={[
            { title: t('application.fileName'), render: (_, a) => <a href={attachmentUrl(server.id, a.id)}>{a.name}</a> },
            { title: t('application.fileSize'), render: (_, a) => `${(a.size / 1024).toFixed(1)} KB`, width: 110 },
            { title: 'SHA-256', render: (_, a) => <Typography.Text code>{a.sha256.slice(0, 16)}…</Typography.Text> },
            {
              title: '',
              width: 80,
              render: (_, a) =>
                editable ? (
                  <Popconfirm
                    title={t('application.removeFile')}
                    okText={t('editor.delete')}
                    cancelText={t('editor.cancel')}
                    onConfirm={async () => {
                      await removeAttachment(server.id, a.id);
                      setAttachments((list) => list.filter((x) => x.id !== a.id));
                    }}
                  >
                    <Button size="small" danger aria-label={`${t('editor.delete')} ${a.name}`}>
                      {t('editor.delete')}
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
        {editable ? (
          <FilePicker
            accept="application/pdf,.pdf"
            style={{ marginTop: 12 }}
            onFile={(file) => {
              void uploadAttachment(server.id, file).then(
                (created) => setAttachments((list) => [...list, created]),
                (error: unknown) => message.error(error instanceof ApiError ? error.message : t('error.generic')),
              );
            }}
          >
            {t('application.upload')}
          </FilePicker>
        ) : null}
      </Card>

      {editable ? (
        <Card title={t('application.submitTitle')}>
          {problems && problems.length > 0 ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('application.problems', { n: problems.length })}
              description={
                <ul data-testid="submit-problems" style={{ margin: 0, paddingInlineStart: 20 }}>
                  {problems.map((p, i) => (
                    <li key={i}>{describeProblem(p, app, indicatorOf, program?.sections ?? [], t)}</li>
                  ))}
                </ul>
              }
            />
          ) : null}
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('application.deadline')}>
              {deadline ? formatBeijing(deadline.closesAt, lang) : '—'}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary">{t('application.submitHelp')}</Typography.Paragraph>
          <Button type="primary" loading={submitting} onClick={() => void submit()}>
            {t('application.submit')}
          </Button>
        </Card>
      ) : null}
      {session.user?.roles.includes('program_admin') ? <ReviewRecord applicationId={server.id} /> : null}
    </Space>
  );
}

function SaveIndicator({ state, savedAt }: { state: SaveState; savedAt: Date | null }) {
  const { t, lang } = useI18n();
  const text =
    state === 'saved'
      ? savedAt
        ? t('application.savedAt', { at: formatBeijing(savedAt, lang) })
        : t('application.allSaved')
      : t(`application.save.${state}`);
  return (
    <Typography.Text type={state === 'conflict' || state === 'invalid' || state === 'offline' ? 'danger' : 'secondary'} data-testid="save-state" aria-live="polite">
      {text}
    </Typography.Text>
  );
}

/** A submission problem in words: which section, indicator or field, and what is wrong. */
function describeProblem(
  p: { path: string; message: string },
  app: ApplicationResponse,
  indicatorOf: Map<string, Indicator>,
  sections: Array<{ key: string; title: string }>,
  t: ReturnType<typeof useI18n>['t'],
): string {
  const indicator = /^indicators\.(\d+)\.(current|target)$/.exec(p.path);
  if (indicator) {
    const row = app.indicators[Number(indicator[1])];
    const ind = row ? indicatorOf.get(row.indicatorId) : undefined;
    return `${t('application.indicators')} ${ind?.code ?? ''} ${t(indicator[2] === 'current' ? 'application.current' : 'application.target')}：${p.message}`;
  }
  const section = /^sections\.(.+)$/.exec(p.path);
  if (section) return `${sections.find((s) => s.key === section[1])?.title ?? section[1]}：${p.message}`;
  const custom = /^customIndicators\.(\d+)\.(\w+)$/.exec(p.path);
  if (custom) return `${t('application.custom')} ${Number(custom[1]) + 1}：${p.message}`;
  const labels: Record<string, string> = {
    title: t('application.title'),
    responsibleUnit: t('application.responsibleUnit'),
    recommenderId: t('application.recommender'),
    'responsiblePerson.name': t('application.person.name'),
    'responsiblePerson.title': t('application.person.title'),
    'responsiblePerson.phone': t('application.person.phone'),
    'responsiblePerson.email': t('application.person.email'),
  };
  return `${labels[p.path] ?? p.path}：${p.message}`;
}
