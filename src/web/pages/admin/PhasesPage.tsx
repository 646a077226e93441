// Program admins set the dates of each phase, in Beijing time whatever the browser's zone.
import { Alert, Button, Form, Input, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { PhaseKey, ProgramQuotas } from '../../../shared/schemas/system.js';
import { PHASE_KEYS } from '../../../shared/vocabulary.js';
import { setPhase, setQuotas } from '../../api/catalogue.js';
import { ApiError } from '../../api/client.js';
import { Card } from '../../components/Card.js';
import { Table } from '../../components/Table.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';
import { fromBeijingInput, toBeijingInput } from '../../format.js';
import { usePlatform } from '../../hooks/platform.js';
import { useI18n } from '../../i18n/i18n.js';

interface Row {
  key: PhaseKey;
  opensAt: string;
  closesAt: string;
}

export default function PhasesPage() {
  const { t, lang } = useI18n();
  const message = useMessage();
  const { programs, reload } = usePlatform();
  const { programCode } = useParams();
  const program = programs.find((p) => p.code === programCode) ?? programs[0];
  const [edits, setEdits] = useState<Record<string, { opensAt: string; closesAt: string }>>({});
  const [error, setError] = useState<string | null>(null);
  if (!program) return null;

  // Every phase is listed; a new program's phases have no dates until they are set here.
  const rows: Row[] = PHASE_KEYS.map((key) => program.phases.find((p) => p.key === key) ?? { key, opensAt: '', closesAt: '' });
  const value = (row: Row, field: 'opensAt' | 'closesAt') => edits[row.key]?.[field] ?? (row[field] ? toBeijingInput(row[field]) : '');
  const edit = (row: Row, field: 'opensAt' | 'closesAt', v: string) =>
    setEdits((e) => ({ ...e, [row.key]: { opensAt: value(row, 'opensAt'), closesAt: value(row, 'closesAt'), [field]: v } }));

  async function save(row: Row) {
    setError(null);
    try {
      await setPhase(program!.code, row.key, fromBeijingInput(value(row, 'opensAt')), fromBeijingInput(value(row, 'closesAt')));
      message.success(t('phases.saved', { phase: t(`phase.${row.key}`) }));
      reload();
    } catch (e) {
      const api = e instanceof ApiError ? e : null;
      setError(api ? [api.message, ...api.details.map((d) => d.message)].join('：') : t('error.generic'));
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('phases.title')} · {lang === 'zh' ? program.title : program.titleEn}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('phases.intro')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Card title={t('quotas.title')}>
        <Form
          layout="inline"
          name="quotas"
          initialValues={program.quotas}
          onFinish={async (values: ProgramQuotas) => {
            setError(null);
            try {
              await setQuotas(program.code, { ...values, recommendationsPerDirection: values.recommendationsPerDirection ?? null });
              message.success(t('quotas.saved'));
              reload();
            } catch (e) {
              const api = e instanceof ApiError ? e : null;
              setError(api ? [api.message, ...api.details.map((d) => d.message)].join('：') : t('error.generic'));
            }
          }}
        >
          {(
            [
              ['finalistsPerSubfield', 'quotas.finalists'],
              ['winnersPerSubfield', 'quotas.winners'],
              ['applicationsPerApplicant', 'quotas.applications'],
            ] as const
          ).map(([name, label]) => (
            <Form.Item key={name} label={t(label)} name={name} rules={[{ required: true, type: 'integer', min: 1, max: 100, message: '1–100' }]}>
              <InputNumber min={1} max={100} precision={0} />
            </Form.Item>
          ))}
          <Form.Item label={t('quotas.recommendations')} name="recommendationsPerDirection">
            <InputNumber min={1} max={1000} precision={0} />
          </Form.Item>
          <Button htmlType="submit">{t('quotas.save')}</Button>
        </Form>
      </Card>
      <Card>
        <Table<Row>
          rowKey="key"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('phases.phase'), render: (_, row) => t(`phase.${row.key}`) },
            ...(['opensAt', 'closesAt'] as const).map((field) => ({
              title: t(field === 'opensAt' ? 'phases.opens' : 'phases.closes'),
              render: (_: unknown, row: Row) => (
                <Input
                  type="datetime-local"
                  aria-label={`${t(`phase.${row.key}`)} ${t(field === 'opensAt' ? 'phases.opens' : 'phases.closes')}`}
                  value={value(row, field)}
                  onChange={(e) => edit(row, field, e.target.value)}
                />
              ),
            })),
            {
              title: '',
              render: (_, row) => (
                <Button type="primary" onClick={() => void save(row)} aria-label={`${t('phases.save')} ${t(`phase.${row.key}`)}`}>
                  {t('phases.save')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
