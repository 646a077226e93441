// The sections of the application form (申报书): key, title, whether required, and a length limit.
import { Button, Form, Input, InputNumber, Space, Switch } from 'antd';
import type { SectionFields } from '../../../../shared/schemas/program-document.js';
import type { ProgramSummary } from '../../../../shared/schemas/system.js';
import { setSections } from '../../../api/programs-admin.js';
import { Card } from '../../../components/Card.js';
import { Typography } from '../../../components/Typography.js';
import { useMessage } from '../../../components/feedback.js';
import { applyFieldErrors } from '../../../components/form-errors.js';
import { usePlatform } from '../../../hooks/platform.js';
import { useI18n } from '../../../i18n/i18n.js';
import { useFailure } from './use-failure.js';

export function SectionsEditor({ program }: { program: ProgramSummary }) {
  const { t } = useI18n();
  const message = useMessage();
  const { reload } = usePlatform();
  const [form] = Form.useForm<{ sections: SectionFields[] }>();
  const { failure, show, clear } = useFailure();
  return (
    <Card>
      <Typography.Paragraph type="secondary">{t('editor.sectionsHelp')}</Typography.Paragraph>
      {failure}
      <Form
        form={form}
        name="sections"
        initialValues={{ sections: program.sections }}
        onFinish={async ({ sections }) => {
          clear();
          try {
            await setSections(program.code, sections ?? []);
            message.success(t('editor.saved'));
            reload();
          } catch (error) {
            if (!applyFieldErrors(form, error)) show(error);
          }
        }}
      >
        <Form.List name="sections">
          {(fields, { add, remove, move }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'key']} label={t('editor.key')} rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, message: t('editor.codeHelp') }]}>
                    <Input style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'title']} label={t('editor.sectionTitle')} rules={[{ required: true, whitespace: true, message: t('editor.required') }]}>
                    <Input style={{ width: 260 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'maxLength']} label={t('editor.maxLength')} rules={[{ required: true, type: 'integer', min: 10, max: 100000 }]}>
                    <InputNumber min={10} max={100000} precision={0} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'required']} label={t('editor.requiredSection')} valuePropName="checked" initialValue={true}>
                    <Switch />
                  </Form.Item>
                  <Button disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={t('editor.moveUp')}>
                    ↑
                  </Button>
                  <Button danger onClick={() => remove(field.name)}>
                    {t('editor.remove')}
                  </Button>
                </Space>
              ))}
              <Space>
                <Button onClick={() => add({ key: '', title: '', required: true, maxLength: 3000 })}>{t('editor.addSection')}</Button>
                <Button type="primary" htmlType="submit">
                  {t('editor.save')}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
