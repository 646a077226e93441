// A program's editor for its admins: description, catalogue, sections of the application form, review rounds.
import { Alert, App, Button, Card, Form, Input, Space, Tabs, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ProgramInfoFields } from '../../../../shared/schemas/program-document.js';
import { updateProgramInfo, exportUrl } from '../../../api/programs-admin.js';
import { applyFieldErrors } from '../../../components/form-errors.js';
import { usePlatform } from '../../../hooks/platform.js';
import { useI18n } from '../../../i18n/i18n.js';
import { CatalogueEditor } from './CatalogueEditor.js';
import { ReviewRoundsEditor } from './ReviewRoundsEditor.js';
import { SectionsEditor } from './SectionsEditor.js';
import { useFailure } from './use-failure.js';

export default function ProgramEditorPage() {
  const { t, lang } = useI18n();
  const { programs } = usePlatform();
  const { programCode } = useParams();
  const [search, setSearch] = useSearchParams();
  const program = programs.find((p) => p.code === programCode || p.id === programCode);
  if (!program) return <Alert type="warning" showIcon title={t('programs.notFound')} />;
  const tab = search.get('tab') ?? 'catalogue';

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {lang === 'zh' ? program.title : program.titleEn || program.title}
      </Typography.Title>
      <Space wrap>
        <Link to="/admin/programs">{t('programs.back')}</Link>
        <Link to={`/admin/programs/${program.code}/phases`}>{t('programs.phases')}</Link>
        <Link to={`/programs/${program.code}/catalogue`}>{t('programs.publicView')}</Link>
        <a href={exportUrl(program.code, 'xlsx')} download>
          {t('programs.exportXlsx')}
        </a>
        <a href={exportUrl(program.code, 'json')} download>
          {t('programs.exportJson')}
        </a>
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch({ tab: key }, { replace: true })}
        items={[
          { key: 'catalogue', label: t('editor.tab.catalogue'), children: <CatalogueEditor programCode={program.code} /> },
          { key: 'sections', label: t('editor.tab.sections'), children: <SectionsEditor program={program} /> },
          { key: 'rounds', label: t('editor.tab.rounds'), children: <ReviewRoundsEditor program={program} /> },
          { key: 'info', label: t('editor.tab.info'), children: <InfoForm code={program.code} initial={program} /> },
        ]}
      />
    </Space>
  );
}

function InfoForm({ code, initial }: { code: string; initial: ProgramInfoFields }) {
  const { t } = useI18n();
  const { message } = App.useApp();
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
