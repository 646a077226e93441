// The organization admin's members: invite a colleague (a one-time link to copy), disable, reset passwords.
import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { inviteMember, listUsers } from '../../api/accounts.js';
import { ApiError } from '../../api/client.js';
import { Card } from '../../components/Card.js';
import { ErrorView } from '../../components/ErrorView.js';
import { Typography } from '../../components/Typography.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { UsersTable } from '../../components/UsersTable.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';

export default function MembersPage() {
  const { t } = useI18n();
  const members = useLoader(listUsers, []);
  const [form] = Form.useForm<{ email: string }>();
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (members.error) return <ErrorView error={members.error} onRetry={members.reload} />;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('members.title')}
      </Typography.Title>
      <Card title={t('members.invite')}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form
          form={form}
          layout="inline"
          onFinish={async ({ email }) => {
            setError(null);
            try {
              setLink(window.location.origin + (await inviteMember(email)).path);
              form.resetFields();
            } catch (e) {
              if (!applyFieldErrors(form, e)) setError(e instanceof ApiError ? e.message : t('error.generic'));
            }
          }}
        >
          <Form.Item label={t('members.inviteEmail')} name="email" rules={[{ required: true, type: 'email', message: t('register.emailInvalid') }]}>
            <Input type="email" style={{ width: 280 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('members.send')}
          </Button>
        </Form>
        {link ? (
          <Alert
            style={{ marginTop: 16 }}
            type="info"
            showIcon
            title={t('users.linkReady', { hours: 72 })}
            description={<Typography.Text copyable code>{link}</Typography.Text>}
          />
        ) : null}
      </Card>
      <Card title={t('users.title')}>
        <UsersTable users={members.data ?? []} actions={['disable', 'reset']} onChanged={members.reload} />
      </Card>
    </Space>
  );
}
