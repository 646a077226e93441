// The recommending unit's decision on one application: recommend (with its rank in the direction), return for
// revision or decline, with the opinion or the reason.
import { Form, Input, InputNumber, Radio } from 'antd';
import { Modal } from '../../components/Modal.js';
import { useI18n } from '../../i18n/i18n.js';

export type Decision = 'recommend' | 'return' | 'decline';

export function DecisionDialog({
  title,
  decision: initial,
  onCancel,
  onSubmit,
}: {
  title: string;
  decision: Decision;
  onCancel(): void;
  onSubmit(values: { decision: Decision; comment: string; rank?: number }): Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ decision: Decision; comment: string; rank?: number }>();
  const decision = Form.useWatch('decision', form) ?? initial;
  return (
    <Modal open title={title} okText={t('recommender.confirm')} cancelText={t('editor.cancel')} onCancel={onCancel} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} name="decision" layout="vertical" initialValues={{ decision: initial, comment: '' }} onFinish={(v) => void onSubmit({ ...v, comment: v.comment ?? '' })}>
        <Form.Item name="decision" label={t('recommender.decision')}>
          <Radio.Group
            options={(['recommend', 'return', 'decline'] as const).map((d) => ({ value: d, label: t(`recommender.${d}`) }))}
            optionType="button"
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={decision === 'recommend' ? t('recommender.opinion') : t('recommender.reason')}
          rules={decision === 'recommend' ? [] : [{ required: true, whitespace: true, message: t('recommender.reasonRequired') }]}
          extra={decision === 'return' ? t('recommender.returnHelp') : undefined}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {decision === 'recommend' ? (
          <Form.Item name="rank" label={t('recommender.rank')} extra={t('recommender.rankHelp')}>
            <InputNumber min={1} precision={0} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
