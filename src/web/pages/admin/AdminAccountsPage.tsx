// Program and system admins: the recommending units, a new unit, and accounts for recommenders, labs and admins.
import { Alert, Button, Col, Form, Input, Row, Select, Space } from 'antd';
import { useState } from 'react';
import type { RecommenderView } from '../../../shared/schemas/accounts.js';
import { regionByCode, PROVINCES } from '../../../shared/regions.js';
import { createRecommender, createUser, listRecommenders, listUsers } from '../../api/accounts.js';
import { ApiError } from '../../api/client.js';
import { Card } from '../../components/Card.js';
import { Table } from '../../components/Table.js';
import { Tag } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { UsersTable } from '../../components/UsersTable.js';
import { usePlatform } from '../../hooks/platform.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';

const KINDS = ['province', 'central_enterprise', 'association'] as const;

export default function AdminAccountsPage() {
  const { t, lang } = useI18n();
  const message = useMessage();
  const { session } = usePlatform();
  const unitsLoader = useLoader(listRecommenders, []);
  const units = unitsLoader.data ?? [];
  const usersLoader = useLoader(listUsers, []);
  const [unitForm] = Form.useForm();
  const [userForm] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const role = Form.useWatch('role', userForm);
  const isSystemAdmin = session.user?.roles.includes('system_admin') ?? false;


  const onError = (form: ReturnType<typeof Form.useForm>[0], e: unknown) => {
    if (!applyFieldErrors(form, e)) setError(e instanceof ApiError ? e.message : t('error.generic'));
  };

  const roles = ['recommender', 'lab', 'program_admin', ...(isSystemAdmin ? ['system_admin', 'security_admin', 'audit_admin'] : [])];
  const regionName = (code: string | null) => {
    const region = code ? regionByCode(code) : undefined;
    return region ? (lang === 'zh' ? region.name : region.nameEn) : '';
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('admin.accounts.title')}
      </Typography.Title>
      {error ? <Alert type="error" showIcon closable title={error} onClose={() => setError(null)} /> : null}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('admin.addRecommender')}>
            <Form
              form={unitForm}
              name="recommender"
              layout="vertical"
              onFinish={async (values) => {
                try {
                  await createRecommender(values);
                  unitForm.resetFields();
                  message.success(t('admin.created'));
                  unitsLoader.reload();
                } catch (e) {
                  onError(unitForm, e);
                }
              }}
            >
              <Form.Item label={t('admin.recommenderName')} name="name" rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
                <Input />
              </Form.Item>
              <Form.Item label={t('admin.recommenderKind')} name="kind" rules={[{ required: true, message: t('form.required') }]}>
                <Select options={KINDS.map((k) => ({ value: k, label: t(`admin.kind.${k}`) }))} />
              </Form.Item>
              <Form.Item label={t('admin.region')} name="regionCode">
                <Select allowClear options={PROVINCES.map((p) => ({ value: p.code, label: lang === 'zh' ? p.name : p.nameEn }))} />
              </Form.Item>
              <Button type="primary" htmlType="submit">
                {t('admin.create')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('admin.newAccount')}>
            <Form
              form={userForm}
              name="account"
              layout="vertical"
              initialValues={{ role: 'recommender' }}
              onFinish={async (values) => {
                try {
                  await createUser(values);
                  userForm.resetFields();
                  usersLoader.reload();
                  message.success(t('admin.created'));
                } catch (e) {
                  onError(userForm, e);
                }
              }}
            >
              <Form.Item label={t('admin.role')} name="role" rules={[{ required: true }]}>
                <Select options={roles.map((r) => ({ value: r, label: t(`role.${r}` as 'role.lab') }))} />
              </Form.Item>
              {role === 'recommender' ? (
                <Form.Item label={t('admin.recommenderOf')} name="recommenderId" rules={[{ required: true, message: t('form.required') }]}>
                  <Select showSearch={{ optionFilterProp: 'label' }} options={units.map((u) => ({ value: u.id, label: u.name }))} />
                </Form.Item>
              ) : null}
              <Form.Item label={t('register.userName')} name="name" rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
                <Input />
              </Form.Item>
              <Form.Item label={t('auth.email')} name="email" rules={[{ required: true, type: 'email', message: t('register.emailInvalid') }]}>
                <Input type="email" />
              </Form.Item>
              <Form.Item label={t('admin.initialPassword')} name="password" extra={t('register.passwordHelp')} rules={[{ required: true, message: t('form.required') }]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit">
                {t('admin.create')}
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
      <Card title={t('users.title')}>
        <UsersTable users={usersLoader.data ?? []} actions={['disable', 'reset']} onChanged={usersLoader.reload} />
      </Card>
      <Card title={t('admin.recommenders')}>
        <Table<RecommenderView>
          rowKey="id"
          size="small"
          dataSource={units}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('admin.recommenderName'), render: (_, u) => (lang === 'zh' || !u.nameEn ? u.name : u.nameEn) },
            { title: t('admin.recommenderKind'), dataIndex: 'kind', render: (k: RecommenderView['kind']) => <Tag>{t(`admin.kind.${k}`)}</Tag> },
            { title: t('admin.region'), render: (_, u) => [regionName(u.regionCode), regionName(u.cityCode)].filter(Boolean).join(' · ') },
          ]}
        />
      </Card>
    </Space>
  );
}
