// The program's name and description in both languages, as its admins edit them (the editor's last tab).
import { Button, Form, Input } from 'antd';
import type { ProgramInfoFields } from '../../../../shared/schemas/program-document.js';
import { updateProgramInfo } from '../../../api/programs-admin.js';
import { Card } from '../../../components/Card.js';
import { useMessage } from '../../../components/feedback.js';
import { applyFieldErrors } from '../../../components/form-errors.js';
import { usePlatform } from '../../../hooks/platform.js';
import { useI18n } from '../../../i18n/i18n.js';
import { useFailure } from './use-failure.js';

export function InfoForm({ code, initial }: { code: string; initial: ProgramInfoFields }) {
  const { t } = useI18n();
  const message = useMessage();
  const { reload } = usePlatform();
  const [form] = Form.useForm<ProgramInfoFields>();
  const { failure, show, clear } = useFailure();
  return (
    <Card>
      {failure}
      <Form
        form={form}
        name="program-info"
        layout="vertical"
        style={{ maxWidth: 720 }}
        initialValues={{ title: initial.title, titleEn: initial.titleEn, description: initial.description, descriptionEn: initial.descriptionEn }}
        onFinish={async (values) => {
          clear();
          try {
            await updateProgramInfo(code, {
              title: values.title,
              titleEn: values.titleEn ?? '',
              description: values.description ?? '',
              descriptionEn: values.descriptionEn ?? '',
            });
            message.success(t('editor.saved'));
            reload();
          } catch (error) {
            if (!applyFieldErrors(form, error)) show(error);
          }
        }}
      >
        <Form.Item name="title" label={t('programs.name')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="titleEn" label={t('programs.nameEn')}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('programs.description')}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="descriptionEn" label={t('programs.descriptionEn')}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('editor.save')}
        </Button>
      </Form>
    </Card>
  );
}
