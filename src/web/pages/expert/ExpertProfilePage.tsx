// The expert keeps its keywords, its group and its ties with organizations (past three years) up to date: the
// conflict-of-interest rules read them.
import { Alert, Button, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { getExpertProfile, saveExpertProfile, type TieInput } from '../../api/assignment.js';
import { ApiError } from '../../api/client.js';
import { Card } from '../../components/Card.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { ErrorView } from '../../components/ErrorView.js';
import { PageLoading } from '../../components/PageLoading.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';

interface Values {
  keywords: string[];
  organizationParentUscc?: string;
  ties: Array<Omit<TieInput, 'endedOn'> & { endedOn?: string | null }>;
}

export default function ExpertProfilePage() {
  const { t } = useI18n();
  const message = useMessage();
  const profile = useLoader(getExpertProfile, []);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  if (profile.error) return <ErrorView error={profile.error} onRetry={profile.reload} />;
  if (!profile.data) return <PageLoading />;
  const p = profile.data;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('expert.profile')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('expert.profileIntro', { organization: p.organizationName })}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      <Card>
        <Form
          form={form}
          name="expert-profile"
          layout="vertical"
          initialValues={{ keywords: p.keywords, organizationParentUscc: p.organizationParentUscc ?? '', ties: p.ties.map((tie) => ({ ...tie, uscc: tie.uscc ?? '', endedOn: tie.endedOn ?? '' })) }}
          onFinish={async (values) => {
            setError(null);
            try {
              await saveExpertProfile({
                keywords: values.keywords ?? [],
                organizationParentUscc: values.organizationParentUscc?.trim() || null,
                ties: (values.ties ?? []).map((tie) => ({
                  organizationName: tie.organizationName,
                  uscc: tie.uscc?.trim() || null,
                  kind: tie.kind,
                  endedOn: tie.endedOn || null,
                })),
              });
              message.success(t('editor.saved'));
              profile.reload();
            } catch (e) {
              if (!applyFieldErrors(form, e)) setError(e instanceof ApiError ? e.message : t('error.generic'));
            }
          }}
        >
          <Form.Item name="keywords" label={t('experts.keywords')} extra={t('experts.keywordsHelp')}>
            <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
          </Form.Item>
          <Form.Item name="organizationParentUscc" label={t('expert.parentUscc')} extra={t('expert.parentUsccHelp')}>
            <Input maxLength={18} style={{ fontFamily: 'monospace', maxWidth: 260 }} />
          </Form.Item>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t('expert.ties')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('expert.tiesHelp')}</Typography.Paragraph>
          <Form.List name="ties">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} wrap align="start">
                    <Form.Item name={[field.name, 'organizationName']} label={t('expert.tieOrganization')} rules={[{ required: true, whitespace: true, message: t('editor.required') }]}>
                      <Input style={{ width: 220 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'uscc']} label={t('experts.organizationUscc')}>
                      <Input maxLength={18} style={{ width: 200, fontFamily: 'monospace' }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'kind']} label={t('expert.tieKind')} rules={[{ required: true, message: t('editor.required') }]}>
                      <Select style={{ width: 140 }} options={(['employment', 'board', 'shareholding', 'other'] as const).map((k) => ({ value: k, label: t(`expert.tie.${k}`) }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'endedOn']} label={t('expert.tieEnded')} extra={t('expert.tieOngoing')}>
                      <Input type="date" style={{ width: 170 }} />
                    </Form.Item>
                    <Button danger onClick={() => remove(field.name)} style={{ marginTop: 30 }}>
                      {t('editor.remove')}
                    </Button>
                  </Space>
                ))}
                <Button onClick={() => add({ organizationName: '', uscc: '', kind: 'employment', endedOn: null })}>{t('expert.addTie')}</Button>
              </>
            )}
          </Form.List>
          <div style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit">
              {t('editor.save')}
            </Button>
          </div>
        </Form>
      </Card>
    </Space>
  );
}
