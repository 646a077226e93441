// Applicant self-registration, with the exact reason for a bad 统一社会信用代码 while typing.
import { Alert, Button, Col, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { passwordProblem, PASSWORD_MESSAGES } from '../../../shared/password-policy.js';
import { PLAN_CITIES, PROVINCES } from '../../../shared/regions.js';
import { USCC_MESSAGES, normalizeUscc, usccProblem } from '../../../shared/uscc.js';
import { register } from '../../api/accounts.js';
import { ApiError } from '../../api/client.js';
import { Card } from '../../components/Card.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { usePlatform } from '../../hooks/platform.js';
import { useI18n } from '../../i18n/i18n.js';

const KINDS = ['enterprise', 'institute', 'university', 'other'] as const;

interface Values {
  organization: { name: string; uscc: string; kind: string; regionCode: string; cityCode?: string; parentUscc?: string };
  user: { name: string; email: string; phone: string; password: string };
  confirm: string;
}

export default function RegisterPage() {
  const { t, lang } = useI18n();
  const message = useMessage();
  const { reload } = usePlatform();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const regionCode = Form.useWatch(['organization', 'regionCode'], form);
  const cities = PLAN_CITIES.filter((c) => c.provinceCode === regionCode);

  const usccRule = (optional: boolean) => ({
    validator: async (_: unknown, value: string | undefined) => {
      if (!value) {
        if (optional) return;
        throw new Error(t('form.required'));
      }
      const problem = usccProblem(normalizeUscc(value));
      if (problem) throw new Error(USCC_MESSAGES[problem][lang]);
    },
  });

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    const org = values.organization;
    try {
      await register({
        organization: {
          name: org.name,
          uscc: normalizeUscc(org.uscc),
          kind: org.kind,
          regionCode: org.regionCode,
          ...(org.cityCode ? { cityCode: org.cityCode } : {}),
          ...(org.parentUscc ? { parentUscc: normalizeUscc(org.parentUscc) } : {}),
        },
        user: values.user,
      });
      message.success(t('register.done'));
      reload();
      navigate('/account');
    } catch (e) {
      if (!applyFieldErrors(form, e)) setError(e instanceof ApiError ? e.message : t('error.generic'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card style={{ maxWidth: 860, margin: '0 auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('register.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('register.intro')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ organization: { kind: 'enterprise' } }} scrollToFirstError>
        <Typography.Title level={2} style={{ fontSize: 18 }}>
          {t('register.organization')}
        </Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label={t('register.orgName')} name={['organization', 'name']} rules={[{ required: true, whitespace: true, max: 200, message: t('form.required') }]}>
              <Input autoComplete="organization" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('register.uscc')}
              name={['organization', 'uscc']}
              required
              extra={t('register.usccHelp')}
              validateTrigger={['onChange', 'onBlur']}
              rules={[usccRule(false)]}
            >
              <Input maxLength={18} style={{ textTransform: 'uppercase', fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('register.kind')} name={['organization', 'kind']} rules={[{ required: true }]}>
              <Select options={KINDS.map((k) => ({ value: k, label: t(`register.kind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('register.region')} name={['organization', 'regionCode']} rules={[{ required: true, message: t('form.required') }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={PROVINCES.map((p) => ({ value: p.code, label: lang === 'zh' ? p.name : p.nameEn }))}
                onChange={() => form.setFieldValue(['organization', 'cityCode'], undefined)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('register.city')} name={['organization', 'cityCode']} extra={t('register.cityHelp')}>
              <Select
                allowClear
                disabled={cities.length === 0}
                options={cities.map((c) => ({ value: c.code, label: lang === 'zh' ? c.name : c.nameEn }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('register.parentUscc')} name={['organization', 'parentUscc']} extra={t('register.parentHelp')} rules={[usccRule(true)]}>
              <Input maxLength={18} style={{ textTransform: 'uppercase', fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={2} style={{ fontSize: 18 }}>
          {t('register.user')}
        </Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label={t('register.userName')} name={['user', 'name']} rules={[{ required: true, whitespace: true, max: 100, message: t('form.required') }]}>
              <Input autoComplete="name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('auth.email')} name={['user', 'email']} rules={[{ required: true, type: 'email', message: t('register.emailInvalid') }]}>
              <Input type="email" autoComplete="email" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('register.phone')} name={['user', 'phone']} rules={[{ required: true, pattern: /^[0-9+\-() ]{7,20}$/, message: t('form.required') }]}>
              <Input type="tel" autoComplete="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('register.password')}
              name={['user', 'password']}
              required
              extra={t('register.passwordHelp')}
              rules={[
                {
                  validator: async (_: unknown, value: string | undefined) => {
                    const problem = passwordProblem(value ?? '', 'standard', form.getFieldValue(['user', 'email']));
                    if (problem) throw new Error(problem === 'tooShort' ? t('register.passwordHelp') : PASSWORD_MESSAGES[problem][lang]);
                  },
                },
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('register.confirm')}
              name="confirm"
              required
              dependencies={[['user', 'password']]}
              rules={[
                {
                  validator: async (_: unknown, value: string | undefined) => {
                    if (value !== form.getFieldValue(['user', 'password'])) throw new Error(t('register.confirmMismatch'));
                  },
                },
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={busy} size="large">
          {t('register.submit')}
        </Button>
      </Form>
    </Card>
  );
}
