// The security admin's page: password, session and lockout policy, and ending an account's sessions.
import { Button, Col, Form, InputNumber, Radio, Row, Space } from 'antd';
import type { SecurityPolicy } from '../../../shared/schemas/security.js';
import { listUsers } from '../../api/accounts.js';
import { getSecurityPolicy, setSecurityPolicy } from '../../api/security.js';
import { Card } from '../../components/Card.js';
import { ErrorView } from '../../components/ErrorView.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { PageLoading } from '../../components/PageLoading.js';
import { UsersTable } from '../../components/UsersTable.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';

type NumberKey = Exclude<keyof SecurityPolicy, 'passwordProfile'>;
type NumberLabel = 'security.maxAge' | 'security.idle' | 'security.absolute' | 'security.threshold' | 'security.lockout';

const NUMBERS: Array<[NumberKey, NumberLabel, number, number]> = [
  ['passwordMaxAgeDays', 'security.maxAge', 30, 365],
  ['sessionIdleMinutes', 'security.idle', 5, 240],
  ['sessionAbsoluteHours', 'security.absolute', 1, 72],
  ['lockoutThreshold', 'security.threshold', 3, 20],
  ['lockoutMinutes', 'security.lockout', 1, 1440],
];

export default function SecurityPage() {
  const { t } = useI18n();
  const message = useMessage();
  const policy = useLoader(getSecurityPolicy, []);
  const users = useLoader(listUsers, []);
  const [form] = Form.useForm<SecurityPolicy>();

  if (policy.error) return <ErrorView error={policy.error} onRetry={policy.reload} />;
  if (!policy.data) return <PageLoading />;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('security.title')}
      </Typography.Title>
      <Card>
        <Form
          form={form}
          layout="vertical"
          initialValues={policy.data}
          onFinish={async (values) => {
            try {
              await setSecurityPolicy(values);
              message.success(t('security.saved'));
            } catch (e) {
              applyFieldErrors(form, e);
            }
          }}
        >
          <Form.Item label={t('security.profile')} name="passwordProfile">
            <Radio.Group
              options={[
                { value: 'standard', label: t('security.profile.standard') },
                { value: 'dengbao', label: t('security.profile.dengbao') },
              ]}
            />
          </Form.Item>
          <Row gutter={16}>
            {NUMBERS.map(([name, label, min, max]) => (
              <Col key={name} xs={24} md={8}>
                <Form.Item label={t(label)} name={name} rules={[{ required: true, type: 'integer', min, max, message: `${min}–${max}` }]}>
                  <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Button type="primary" htmlType="submit">
            {t('security.save')}
          </Button>
        </Form>
      </Card>
      <Card title={t('users.title')}>
        <UsersTable users={users.data ?? []} actions={['endSessions']} onChanged={users.reload} />
      </Card>
    </Space>
  );
}
