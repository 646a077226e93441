// One finalist as its lab measures it: upload the test reports (PDF), then for every declared indicator (reference
// and custom) the measured value typed by kind, the method, the date, the report, and for qualitative indicators the
// lab's judgement with its reason; the attainment that follows is shown below.
import { Alert, Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { IndicatorValue } from '../../../shared/schemas/applications.js';
import type { AttainmentItem, AttainmentResponse, MeasurementInput } from '../../../shared/schemas/evaluation.js';
import { getAttainment, labReportUrl, saveMeasurements, uploadLabReport } from '../../api/evaluation.js';
import { ApiError } from '../../api/client.js';
import { ErrorView } from '../../components/ErrorView.js';
import { PageLoading } from '../../components/PageLoading.js';
import { entryName } from '../../format.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';
import { ValueInput } from '../applications/IndicatorInputs.js';
import { AttainmentTable, formatValue, itemCode } from '../evaluation/AttainmentTable.js';
import { Card } from '../../components/Card.js';
import { Table } from '../../components/Table.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';
import { FilePicker } from '../../components/FilePicker.js';

interface Draft {
  measured: IndicatorValue;
  method: string;
  testedAt: string;
  judgement: 'met' | 'not_met' | null;
  reason: string;
  reportId: string | null;
}

const keyOf = (i: AttainmentItem) => i.indicatorId ?? `custom:${i.customIndicatorId}`;
const draftOf = (i: AttainmentItem): Draft => ({
  measured: i.measured,
  method: i.measurement?.method ?? '',
  testedAt: i.measurement?.testedAt ?? '',
  judgement: i.measurement?.judgement ?? null,
  reason: i.measurement?.reason ?? '',
  reportId: i.measurement?.report?.id ?? null,
});

export default function LabMeasurePage() {
  const { id = '' } = useParams();
  const loaded = useLoader(() => getAttainment(id), [id]);
  if (loaded.error) return <ErrorView error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <PageLoading />;
  return <Measure key={id} initial={loaded.data} />;
}

function Measure({ initial }: { initial: AttainmentResponse }) {
  const { t, lang } = useI18n();
  const message = useMessage();
  const [attainment, setAttainment] = useState(initial);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => Object.fromEntries(initial.items.map((i) => [keyOf(i), draftOf(i)])));
  const [dirty, setDirty] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const editable = attainment.abilities.measure;
  const reports = attainment.reports;

  const change = (key: string, fields: Partial<Draft>) => {
    setDrafts((d) => ({ ...d, [key]: { ...d[key]!, ...fields } }));
    setDirty((s) => new Set(s).add(key));
  };

  async function save() {
    const sending = attainment.items.filter((i) => dirty.has(keyOf(i)));
    const items: MeasurementInput[] = sending.map((i) => {
      const d = drafts[keyOf(i)]!;
      return {
        ...(i.indicatorId ? { indicatorId: i.indicatorId } : { customIndicatorId: i.customIndicatorId! }),
        // A value not filled in is sent as such, so the server names it.
        measured: (d.measured ?? '') as string | number | boolean,
        method: d.method,
        testedAt: d.testedAt,
        ...(i.kind === 'text' ? { judgement: d.judgement, reason: d.reason } : d.reason ? { reason: d.reason } : {}),
        ...(d.reportId ? { reportId: d.reportId } : {}),
      };
    });
    setSaving(true);
    try {
      const saved = await saveMeasurements(attainment.applicationId, items);
      setAttainment(saved);
      setDirty(new Set());
      setErrors({});
      message.success(t('lab.saved', { n: items.length }));
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0) {
        const byRow: Record<string, string> = {};
        for (const d of error.details) {
          const m = /^items\.(\d+)\.(\w+)$/.exec(d.path);
          const item = m ? sending[Number(m[1])] : undefined;
          if (item) byRow[`${keyOf(item)}.${m![2]}`] = d.message;
        }
        setErrors(byRow);
      }
      message.error(error instanceof ApiError ? error.message : t('error.generic'));
    } finally {
      setSaving(false);
    }
  }

  const problem = (key: string, field: string) => {
    const text = errors[`${key}.${field}`];
    return text ? <div style={{ color: '#cf1322', fontSize: 12 }}>{text}</div> : null;
  };
  const status = (key: string, field: string) => (errors[`${key}.${field}`] ? ('error' as const) : undefined);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to="/lab">← {t('lab.back')}</Link>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('lab.heading', { title: attainment.title })}
      </Typography.Title>
      <Typography.Text>{attainment.applicant}</Typography.Text>
      {!editable ? <Alert type="warning" showIcon title={t('lab.closed')} /> : null}
      <Card title={t('lab.reports')}>
        <Typography.Paragraph type="secondary">{t('lab.reportsHelp')}</Typography.Paragraph>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={reports}
          locale={{ emptyText: t('lab.noReports') }}
          columns={[
            { title: t('application.fileName'), render: (_, r) => <a href={labReportUrl(attainment.applicationId, r.id)}>{r.name}</a> },
            { title: t('application.fileSize'), render: (_, r) => `${(r.size / 1024).toFixed(1)} KB`, width: 110 },
            { title: 'SHA-256', render: (_, r) => <Typography.Text code>{r.sha256.slice(0, 16)}…</Typography.Text> },
            { title: 'SM3', render: (_, r) => <Typography.Text code>{r.sm3.slice(0, 16)}…</Typography.Text> },
          ]}
        />
        {editable ? (
          <FilePicker
            accept="application/pdf,.pdf"
            style={{ marginTop: 12 }}
            onFile={(file) =>
              void uploadLabReport(attainment.applicationId, file).then(
                (created) => {
                  setAttainment((a) => ({ ...a, reports: [...a.reports, created] }));
                  message.success(t('lab.reportUploaded', { name: created.name }));
                },
                (error: unknown) => message.error(error instanceof ApiError ? error.message : t('error.generic')),
              )
            }
          >
            {t('lab.uploadReport')}
          </FilePicker>
        ) : null}
      </Card>
      <Card title={t('lab.measurements')} extra={editable ? <Button type="primary" loading={saving} disabled={dirty.size === 0} onClick={() => void save()}>{t('lab.save', { n: dirty.size })}</Button> : null}>
        <Typography.Paragraph type="secondary">{t('lab.measurementsHelp')}</Typography.Paragraph>
        <Table<AttainmentItem>
          rowKey={keyOf}
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={attainment.items}
          columns={[
            { title: t('indicator.code'), render: (_, i) => itemCode(t, i), width: 100 },
            { title: t('indicator.name'), render: (_, i) => `${entryName(i, lang)}${i.unit ? `（${i.unit}）` : ''}` },
            { title: t('application.target'), render: (_, i) => formatValue(t, i.target, i.unit) },
            {
              title: t('attainment.measured'),
              render: (_, i) => {
                const k = keyOf(i);
                return (
                  <div>
                    <ValueInput kind={i.kind} unit={i.unit} value={drafts[k]!.measured} disabled={!editable} error={errors[`${k}.measured`]} label={`${itemCode(t, i)} ${t('attainment.measured')}`} onChange={(v) => change(k, { measured: v })} />
                    {problem(k, 'measured')}
                  </div>
                );
              },
            },
            {
              title: t('lab.method'),
              render: (_, i) => {
                const k = keyOf(i);
                return (
                  <div>
                    <Input aria-label={`${itemCode(t, i)} ${t('lab.method')}`} status={status(k, 'method')} disabled={!editable} value={drafts[k]!.method} maxLength={1000} onChange={(e) => change(k, { method: e.target.value })} style={{ width: 200 }} />
                    {problem(k, 'method')}
                  </div>
                );
              },
            },
            {
              title: t('lab.testedAt'),
              render: (_, i) => {
                const k = keyOf(i);
                return (
                  <div>
                    <Input type="date" aria-label={`${itemCode(t, i)} ${t('lab.testedAt')}`} status={status(k, 'testedAt')} disabled={!editable} value={drafts[k]!.testedAt} onChange={(e) => change(k, { testedAt: e.target.value })} style={{ width: 150 }} />
                    {problem(k, 'testedAt')}
                  </div>
                );
              },
            },
            {
              title: t('lab.judgement'),
              render: (_, i) => {
                const k = keyOf(i);
                if (i.kind !== 'text') return <Typography.Text type="secondary">{t('lab.judgedByValue')}</Typography.Text>;
                return (
                  <Space orientation="vertical" size={4}>
                    <Select
                      aria-label={`${itemCode(t, i)} ${t('lab.judgement')}`}
                      status={status(k, 'judgement')}
                      disabled={!editable}
                      style={{ width: 160 }}
                      value={drafts[k]!.judgement ?? undefined}
                      onChange={(v: 'met' | 'not_met') => change(k, { judgement: v })}
                      options={[
                        { value: 'met', label: t('attainment.met') },
                        { value: 'not_met', label: t('attainment.notMet') },
                      ]}
                    />
                    {problem(k, 'judgement')}
                    <Input.TextArea
                      aria-label={`${itemCode(t, i)} ${t('lab.reason')}`}
                      placeholder={t('lab.reason')}
                      status={status(k, 'reason')}
                      disabled={!editable}
                      rows={2}
                      maxLength={2000}
                      value={drafts[k]!.reason}
                      onChange={(e) => change(k, { reason: e.target.value })}
                      style={{ width: 220 }}
                    />
                    {problem(k, 'reason')}
                  </Space>
                );
              },
            },
            {
              title: t('lab.report'),
              render: (_, i) => {
                const k = keyOf(i);
                return (
                  <Select
                    aria-label={`${itemCode(t, i)} ${t('lab.report')}`}
                    allowClear
                    disabled={!editable}
                    style={{ width: 180 }}
                    value={drafts[k]!.reportId ?? undefined}
                    onChange={(v: string | undefined) => change(k, { reportId: v ?? null })}
                    options={reports.map((r) => ({ value: r.id, label: r.name }))}
                  />
                );
              },
            },
          ]}
        />
      </Card>
      <Card title={t('attainment.title')}>
        <AttainmentTable attainment={attainment} />
      </Card>
    </Space>
  );
}
