// The pages a one-time link opens: accepting an invitation (/invite/:token) and setting a new password (/reset/:token).
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { acceptInvitation, resetPassword } from '../../api/accounts.js';
import { ApiError } from '../../api/client.js';
import { Card } from '../../components/Card.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { usePlatform } from '../../hooks/platform.js';
import { useI18n } from '../../i18n/i18n.js';

function LinkForm({ purpose }: { purpose: 'invite' | 'reset' }) {
  const { t } = useI18n();
  const message = useMessage();
  const { reload } = usePlatform();
  const navigate = useNavigate();
  const { token = '' } = useParams();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);

  async function submit(values: { name?: string; phone?: string; password: string }) {
    setError(null);
    try {
      if (purpose === 'invite') {
        await acceptInvitation({ token, name: values.name ?? '', phone: values.phone ?? '', password: values.password });
        reload();
        navigate('/account');
      } else {
        await resetPassword(token, values.password);
        message.success(t('reset.done'));
        navigate('/login');
      }
    } catch (e) {
      if (!applyFieldErrors(form, e)) setError(e instanceof ApiError ? e.message : t('error.generic'));
    }
  }

  return (
    <Card style={{ maxWidth: 480, margin: '24px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t(purpose === 'invite' ? 'invite.title' : 'reset.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t(purpose === 'invite' ? 'invite.intro' : 'reset.intro')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={submit}>
        {purpose === 'invite' ? (
          <>
            <Form.Item label={t('register.userName')} name="name" rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
              <Input autoComplete="name" />
            </Form.Item>
            <Form.Item label={t('register.phone')} name="phone" rules={[{ required: true, message: t('form.required') }]}>
              <Input type="tel" autoComplete="tel" />
            </Form.Item>
          </>
        ) : null}
        <Form.Item label={t('register.password')} name="password" extra={t('register.passwordHelp')} rules={[{ required: true, message: t('form.required') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          {t(purpose === 'invite' ? 'invite.submit' : 'reset.submit')}
        </Button>
      </Form>
    </Card>
  );
}

export const InvitePage = () => <LinkForm purpose="invite" />;
export const ResetPage = () => <LinkForm purpose="reset" />;
