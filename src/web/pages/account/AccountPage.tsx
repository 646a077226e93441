// My account: who I am, my roles, and a password change (which ends my other sessions).
import { Alert, Button, Descriptions, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { changePassword } from '../../api/accounts.js';
import { ApiError } from '../../api/client.js';
import { Card } from '../../components/Card.js';
import { Tag } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { usePlatform } from '../../hooks/platform.js';
import { useI18n } from '../../i18n/i18n.js';

export default function AccountPage() {
  const { t } = useI18n();
  const message = useMessage();
  const { session } = usePlatform();
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string }>();
  const [error, setError] = useState<string | null>(null);
  const user = session.user;

  if (!user) {
    return (
      <Alert
        type="info"
        showIcon
        title={t('account.signInFirst')}
        action={<Link to="/login?next=/account">{t('auth.signIn')}</Link>}
      />
    );
  }

  async function submit(values: { currentPassword: string; newPassword: string }) {
    setError(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      form.resetFields();
      message.success(t('account.passwordChanged'));
    } catch (e) {
      if (!applyFieldErrors(form, e)) setError(e instanceof ApiError ? e.message : t('error.generic'));
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('account.title')}
      </Typography.Title>
      <Card>
        <Descriptions column={1}>
          <Descriptions.Item label={t('register.userName')}>{user.name}</Descriptions.Item>
          <Descriptions.Item label={t('auth.email')}>{user.email}</Descriptions.Item>
          <Descriptions.Item label={t('account.roles')}>
            {user.roles.map((r) => (
              <Tag key={r}>{t(`role.${r}`)}</Tag>
            ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('account.changePassword')}</Typography.Title>}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 420 }}>
          <Form.Item label={t('account.currentPassword')} name="currentPassword" rules={[{ required: true, message: t('form.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item label={t('account.newPassword')} name="newPassword" extra={t('register.passwordHelp')} rules={[{ required: true, message: t('form.required') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('account.changePassword')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
