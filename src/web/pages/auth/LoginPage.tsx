// Sign-in: e-mail and password; the server's message (wrong password, locked) shown in place.
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { login } from '../../api/accounts.js';
import { getDemo } from '../../api/system.js';
import { useLoader } from '../../hooks/use-loader.js';
import type { Role } from '../../../shared/schemas/system.js';
import { ApiError } from '../../api/client.js';
import { Card } from '../../components/Card.js';
import { Typography } from '../../components/Typography.js';
import { usePlatform } from '../../hooks/platform.js';
import { useI18n } from '../../i18n/i18n.js';

/** Only same-site paths are followed after sign-in. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export default function LoginPage() {
  const { t } = useI18n();
  const { reload } = usePlatform();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ email: string; password: string }>();
  const demo = useLoader(() => getDemo().catch(() => null), []);

  async function submit(values: { email: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      await login(values.email, values.password);
      reload();
      navigate(safeNext(params.get('next')));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('error.generic'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card style={{ maxWidth: 520, margin: '24px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('auth.signInTitle')}
      </Typography.Title>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label={t('auth.email')} name="email" rules={[{ required: true, type: 'email', message: t('register.emailInvalid') }]}>
          <Input autoComplete="username" type="email" />
        </Form.Item>
        <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('form.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('auth.signInSubmit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        {t('auth.noAccount')} <Link to="/register">{t('nav.register')}</Link>
      </Typography.Paragraph>
      {demo.data?.enabled ? (
        <section aria-labelledby="demo-accounts" className="demo-accounts">
          <Typography.Title level={2} id="demo-accounts" style={{ fontSize: 16 }}>
            {t('demo.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('demo.intro', { password: demo.data.password ?? '' })}</Typography.Paragraph>
          <ul className="todo-list">
            {demo.data.accounts.map((a) => (
              <li key={a.email}>
                <span className="todo-what">
                  <strong>{t(`role.${a.role as Role}`)}</strong> <Typography.Text type="secondary">{a.email}</Typography.Text>
                </span>
                <Button size="small" autoInsertSpace={false} onClick={() => form.setFieldsValue({ email: a.email, password: demo.data?.password ?? '' })} aria-label={t('demo.use', { email: a.email })}>
                  {t('demo.fill')}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Card>
  );
}
