// The form for one catalogue entry (direction, subfield or indicator), to add one or edit one.
import { Button, Drawer, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { DIRECTION_GROUP_VALUES } from '../../../../shared/vocabulary.js';
import type { IndicatorFields } from '../../../../shared/schemas/program-document.js';
import { createEntry, updateEntry, type EntryFields, type EntryLevel } from '../../../api/programs-admin.js';
import { applyFieldErrors } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n.js';
import { useFailure } from './use-failure.js';

export type DrawerState =
  | { level: EntryLevel; mode: 'create'; parent: string }
  | { level: EntryLevel; mode: 'edit'; id: string; initial: EntryFields[EntryLevel] };

const DEFAULTS: EntryFields = {
  directions: { code: '', name: '', nameEn: '', group: '智能产品', planSummary: '', confirmed: true, source: '', note: '', retired: false },
  subfields: { code: '', name: '', nameEn: '', finalistsQuota: null, winnersQuota: null, confirmed: true, source: '', note: '', retired: false },
  indicators: { code: '', name: '', nameEn: '', kind: 'number', unit: '', better: 'higher', planTarget: null, confirmed: true, source: '', note: '', retired: false },
};

/** Form values back to the API's fields: empty optional numbers are null, a plan target needs its text. */
function toFields(level: EntryLevel, values: Record<string, unknown>): EntryFields[EntryLevel] {
  const merged = { ...DEFAULTS[level], ...values } as Record<string, unknown>;
  for (const key of ['nameEn', 'source', 'note', 'planSummary', 'unit']) if (key in merged) merged[key] = (merged[key] as string | undefined) ?? '';
  if (level === 'subfields') {
    merged.finalistsQuota = merged.finalistsQuota ?? null;
    merged.winnersQuota = merged.winnersQuota ?? null;
  }
  if (level === 'indicators') {
    const target = (values.planTarget ?? {}) as { text?: string; comparator?: string; value?: number | null };
    merged.planTarget = target.text?.trim()
      ? { text: target.text, ...(target.comparator ? { comparator: target.comparator } : {}), ...(target.value !== undefined && target.value !== null ? { value: target.value } : {}) }
      : null;
    if (merged.kind !== 'number') merged.better = null;
  }
  return merged as unknown as EntryFields[EntryLevel];
}

export function EntryDrawer({ state, onClose, onSaved }: { state: DrawerState; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const { failure, show, clear } = useFailure();
  const level = state.level;
  const initial = state.mode === 'edit' ? state.initial : DEFAULTS[level];
  const kind = Form.useWatch('kind', form) as IndicatorFields['kind'] | undefined;
  const title = t(`editor.${state.mode}.${level}`);

  async function submit(values: Record<string, unknown>) {
    clear();
    const fields = toFields(level, values);
    try {
      if (state.mode === 'create') await createEntry(level, state.parent, fields);
      else await updateEntry(level, state.id, fields);
      onSaved();
    } catch (error) {
      if (!applyFieldErrors(form, error)) show(error);
    }
  }

  const text = (name: string, label: string, required = false, extra?: string) => (
    <Form.Item name={name} label={label} extra={extra} rules={required ? [{ required: true, whitespace: true, message: t('editor.required') }] : []}>
      <Input />
    </Form.Item>
  );

  return (
    <Drawer open title={title} size="large" onClose={onClose} destroyOnHidden>
      {failure}
      <Form form={form} name={`entry-${level}`} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        {text('code', t('editor.code'), true, t('editor.codeHelp'))}
        {level === 'directions' ? (
          <Form.Item name="group" label={t('editor.group')} rules={[{ required: true }]}>
            <Select options={DIRECTION_GROUP_VALUES.map((g) => ({ value: g, label: g }))} />
          </Form.Item>
        ) : null}
        {text('name', t('editor.name'), true)}
        {text('nameEn', t('editor.nameEn'))}
        {level === 'directions' ? (
          <Form.Item name="planSummary" label={t('catalogue.planSummary')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        ) : null}
        {level === 'subfields' ? (
          <Space wrap>
            <Form.Item name="finalistsQuota" label={t('editor.finalistsQuota')} extra={t('editor.quotaHelp')}>
              <InputNumber min={1} max={100} precision={0} />
            </Form.Item>
            <Form.Item name="winnersQuota" label={t('editor.winnersQuota')}>
              <InputNumber min={1} max={100} precision={0} />
            </Form.Item>
          </Space>
        ) : null}
        {level === 'indicators' ? (
          <>
            <Space wrap>
              <Form.Item name="kind" label={t('editor.kind')} rules={[{ required: true }]}>
                <Select style={{ width: 140 }} options={(['number', 'boolean', 'text'] as const).map((k) => ({ value: k, label: t(`indicator.kind.${k}`) }))} />
              </Form.Item>
              {kind === 'number' ? (
                <>
                  <Form.Item name="unit" label={t('editor.unit')} rules={[{ required: true, whitespace: true, message: t('editor.unitRequired') }]}>
                    <Input style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name="better" label={t('editor.better')} rules={[{ required: true, message: t('editor.betterRequired') }]}>
                    <Select style={{ width: 140 }} options={(['higher', 'lower'] as const).map((b) => ({ value: b, label: t(`indicator.${b}`) }))} />
                  </Form.Item>
                </>
              ) : null}
            </Space>
            <Form.Item name={['planTarget', 'text']} label={t('editor.planTarget')} extra={t('editor.planTargetHelp')}>
              <Input />
            </Form.Item>
            {kind === 'number' ? (
              <Space wrap>
                <Form.Item name={['planTarget', 'comparator']} label={t('editor.comparator')}>
                  <Select allowClear style={{ width: 100 }} options={['>=', '>', '<=', '<'].map((c) => ({ value: c, label: c }))} />
                </Form.Item>
                <Form.Item name={['planTarget', 'value']} label={t('editor.targetValue')}>
                  <InputNumber />
                </Form.Item>
              </Space>
            ) : null}
          </>
        ) : null}
        <Space wrap size="large">
          <Form.Item name="confirmed" label={t('editor.confirmed')} valuePropName="checked" extra={t('editor.confirmedHelp')}>
            <Switch />
          </Form.Item>
          <Form.Item name="retired" label={t('catalogue.retired')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        {text('source', t('catalogue.source'))}
        {text('note', t('editor.note'))}
        <Space>
          <Button type="primary" htmlType="submit">
            {t('editor.save')}
          </Button>
          <Button onClick={onClose}>{t('editor.cancel')}</Button>
        </Space>
      </Form>
    </Drawer>
  );
}
