// Review rounds and their criteria (label, weight, maximum score); the weights of a round add up to 100.
import { Button, Form, Input, InputNumber, Popconfirm, Select, Space } from 'antd';
import { useState } from 'react';
import type { ReviewRound } from '../../../../shared/schemas/catalogue.js';
import type { ProgramSummary } from '../../../../shared/schemas/system.js';
import { deleteReviewRound, putReviewRound } from '../../../api/programs-admin.js';
import { Card } from '../../../components/Card.js';
import { Typography } from '../../../components/Typography.js';
import { useMessage } from '../../../components/feedback.js';
import { applyFieldErrors } from '../../../components/form-errors.js';
import { usePlatform } from '../../../hooks/platform.js';
import { useI18n } from '../../../i18n/i18n.js';
import { useFailure } from './use-failure.js';

export function ReviewRoundsEditor({ program }: { program: ProgramSummary }) {
  const { t } = useI18n();
  const [added, setAdded] = useState<string[]>([]);
  const [newKey, setNewKey] = useState('');
  const keys = [...program.reviewRounds.map((r) => r.key), ...added.filter((k) => !program.reviewRounds.some((r) => r.key === k))];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('editor.roundsHelp')}</Typography.Paragraph>
      {keys.map((key) => (
        <RoundForm
          key={key}
          programCode={program.code}
          roundKey={key}
          round={program.reviewRounds.find((r) => r.key === key) ?? { key, name: '', nameEn: '', phase: 'review', criteria: [] }}
          onDeleted={() => setAdded((a) => a.filter((k) => k !== key))}
        />
      ))}
      <Space>
        <Input
          aria-label={t('editor.newRoundKey')}
          placeholder={t('editor.newRoundKey')}
          value={newKey}
          onChange={(e) => setNewKey(e.target.value.trim())}
          style={{ width: 200 }}
        />
        <Button
          disabled={!/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/.test(newKey) || keys.includes(newKey)}
          onClick={() => {
            setAdded((a) => [...a, newKey]);
            setNewKey('');
          }}
        >
          {t('editor.addRound')}
        </Button>
      </Space>
    </Space>
  );
}

function RoundForm({ programCode, roundKey, round, onDeleted }: { programCode: string; roundKey: string; round: ReviewRound; onDeleted(): void }) {
  const { t } = useI18n();
  const message = useMessage();
  const { reload } = usePlatform();
  const [form] = Form.useForm<ReviewRound>();
  const { failure, show, clear } = useFailure();
  const criteria = (Form.useWatch('criteria', form) ?? round.criteria) as Array<{ weight?: number } | undefined>;
  const total = criteria.reduce((sum, c) => sum + (Number(c?.weight) || 0), 0);

  return (
    <Card title={`${round.name || t('editor.newRound')} · ${roundKey}`} size="small">
      {failure}
      <Form
        form={form}
        name={`round-${roundKey}`}
        layout="vertical"
        initialValues={round}
        onFinish={async (values) => {
          clear();
          try {
            const { key: _key, ...fields } = { ...round, ...values, nameEn: values.nameEn ?? '' };
            fields.criteria = (fields.criteria ?? []).map((c) => ({ ...c, labelEn: c.labelEn ?? '' }));
            await putReviewRound(programCode, roundKey, fields);
            message.success(t('editor.saved'));
            reload();
          } catch (error) {
            if (!applyFieldErrors(form, error)) show(error);
          }
        }}
      >
        <Space wrap>
          <Form.Item name="name" label={t('editor.name')} rules={[{ required: true, whitespace: true, message: t('editor.required') }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('editor.nameEn')}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="phase" label={t('editor.roundPhase')}>
            <Select style={{ width: 140 }} options={(['review', 'evaluation'] as const).map((p) => ({ value: p, label: t(`phase.${p}`) }))} />
          </Form.Item>
        </Space>
        <Form.List name="criteria">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} wrap align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'key']} label={t('editor.key')} rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, message: t('editor.codeHelp') }]}>
                    <Input style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'label']} label={t('editor.criterion')} rules={[{ required: true, whitespace: true, message: t('editor.required') }]}>
                    <Input style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'labelEn']} label={t('editor.nameEn')}>
                    <Input style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'weight']} label={t('editor.weight')} rules={[{ required: true, type: 'number', min: 0.01, max: 100 }]}>
                    <InputNumber min={0.01} max={100} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'maxScore']} label={t('editor.maxScore')} rules={[{ required: true, type: 'integer', min: 1, max: 1000 }]}>
                    <InputNumber min={1} max={1000} precision={0} style={{ width: 90 }} />
                  </Form.Item>
                  <Button danger onClick={() => remove(field.name)} style={{ marginTop: 30 }}>
                    {t('editor.remove')}
                  </Button>
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Space wrap>
                <Button onClick={() => add({ key: '', label: '', labelEn: '', weight: 10, maxScore: 10 })}>{t('editor.addCriterion')}</Button>
                <Typography.Text type={Math.abs(total - 100) < 1e-6 ? 'success' : 'warning'} data-testid={`weights-${roundKey}`}>
                  {t('editor.weightTotal', { total: String(Number(total.toFixed(2))) })}
                </Typography.Text>
                <Button type="primary" htmlType="submit">
                  {t('editor.save')}
                </Button>
                <Popconfirm
                  title={t('editor.deleteRoundConfirm')}
                  okText={t('editor.delete')}
                  cancelText={t('editor.cancel')}
                  onConfirm={async () => {
                    clear();
                    try {
                      if (round.name) await deleteReviewRound(programCode, roundKey);
                      onDeleted();
                      reload();
                    } catch (error) {
                      show(error);
                    }
                  }}
                >
                  <Button danger>{t('editor.deleteRound')}</Button>
                </Popconfirm>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
