// Program admins build the expert pool: an account per expert with the organization, region, subfields and keywords
// that conflict-of-interest rules and matching use.
import { Alert, Button, Col, Form, Input, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { PROVINCES, regionByCode } from '../../../shared/regions.js';
import type { CreateExpertBody, ExpertView } from '../../../shared/schemas/accounts.js';
import { USCC_MESSAGES, normalizeUscc, usccProblem } from '../../../shared/uscc.js';
import { createExpert, listExperts } from '../../api/accounts.js';
import { checkExpert, expertTemplateUrl, importExperts } from '../../api/assignment.js';
import { getCatalogue } from '../../api/catalogue.js';
import { ApiError } from '../../api/client.js';
import { Card } from '../../components/Card.js';
import { FilePicker } from '../../components/FilePicker.js';
import { Modal } from '../../components/Modal.js';
import { Table } from '../../components/Table.js';
import { Tag } from '../../components/Tag.js';
import { TreeSelect } from '../../components/TreeSelect.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { usePlatform } from '../../hooks/platform.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';
import { ProgramSelect, useAdminProgram } from '../../components/ProgramSelect.js';

export default function ExpertsPage() {
  const { t, lang } = useI18n();
  const message = useMessage();
  const { programs } = usePlatform();
  const experts = useLoader(listExperts, []);
  // The pool is platform-wide; the subfields offered, the Excel import's codes and the conflict check are those of
  // the program chosen (`?program=`, the first otherwise).
  const choice = useAdminProgram();
  const programCode = choice.program?.code ?? '';
  const catalogue = useLoader(() => (programCode ? getCatalogue(programCode) : Promise.resolve(null)), [programCode]);
  // An expert's subfields may be in any program: every program's codes, for the pool's table.
  const allCatalogues = useLoader(() => Promise.all(programs.map((p) => getCatalogue(p.id))), [programs.map((p) => p.id).join(',')]);
  const [form] = Form.useForm<CreateExpertBody>();
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState<ExpertView | null>(null);
  const [importProblems, setImportProblems] = useState<string[] | null>(null);
  const [imported, setImported] = useState<Array<{ name: string; email: string; link: string }> | null>(null);
  const name = (e: { name: string; nameEn: string }) => (lang === 'zh' || !e.nameEn ? e.name : e.nameEn);

  const tree = (catalogue.data?.directions ?? []).map((d) => ({
    title: `${d.code} ${name(d)}`,
    value: `direction:${d.id}`,
    selectable: false,
    children: d.subfields.map((s) => ({ title: `${s.code} ${name(s)}`, value: s.id })),
  }));
  const subfieldCode = new Map((allCatalogues.data ?? []).flatMap((c) => c.directions.flatMap((d) => d.subfields.map((s) => [s.id, s.code] as const))));

  async function submit(values: CreateExpertBody) {
    setError(null);
    const uscc = values.organization.uscc ? normalizeUscc(values.organization.uscc) : undefined;
    try {
      await createExpert({ ...values, organization: { name: values.organization.name, ...(uscc ? { uscc } : {}) }, subfieldIds: values.subfieldIds ?? [], keywords: values.keywords ?? [] });
      message.success(t('admin.created'));
      form.resetFields();
      experts.reload();
    } catch (e) {
      if (!applyFieldErrors(form, e)) setError(e instanceof ApiError ? e.message : t('error.generic'));
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('experts.title')}
      </Typography.Title>
      <ProgramSelect {...choice} />
      <Card title={t('experts.new')}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} name="expert" layout="vertical" onFinish={submit}>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label={t('register.userName')} name="name" rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('auth.email')} name="email" rules={[{ required: true, type: 'email', message: t('register.emailInvalid') }]}>
                <Input type="email" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('admin.initialPassword')} name="password" extra={t('register.passwordHelp')} rules={[{ required: true, message: t('form.required') }]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('experts.organization')} name={['organization', 'name']} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label={t('experts.organizationUscc')}
                name={['organization', 'uscc']}
                extra={t('experts.organizationUsccHelp')}
                rules={[
                  {
                    validator: async (_: unknown, value?: string) => {
                      const problem = value ? usccProblem(normalizeUscc(value)) : null;
                      if (problem) throw new Error(USCC_MESSAGES[problem][lang]);
                    },
                  },
                ]}
              >
                <Input maxLength={18} style={{ fontFamily: 'monospace', textTransform: 'uppercase' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('experts.region')} name="regionCode" rules={[{ required: true, message: t('form.required') }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={PROVINCES.map((p) => ({ value: p.code, label: lang === 'zh' ? p.name : p.nameEn }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('experts.subfields')} name="subfieldIds">
                <TreeSelect treeData={tree} multiple treeDefaultExpandAll={false} showSearch={{ treeNodeFilterProp: 'title' }} allowClear />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('experts.keywords')} name="keywords" extra={t('experts.keywordsHelp')}>
                <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit">
            {t('admin.create')}
          </Button>
        </Form>
      </Card>
      <Card title={t('experts.title')}>
        <Table<ExpertView>
          rowKey="id"
          size="small"
          loading={experts.loading}
          dataSource={experts.data ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('users.name'), dataIndex: 'name' },
            { title: t('experts.organization'), dataIndex: 'organizationName' },
            { title: t('experts.region'), render: (_, e) => regionByCode(e.regionCode)?.[lang === 'zh' ? 'name' : 'nameEn'] ?? e.regionCode },
            { title: t('experts.subfields'), render: (_, e) => e.subfieldIds.map((id) => <Tag key={id}>{subfieldCode.get(id) ?? '…'}</Tag>) },
            { title: t('experts.keywords'), render: (_, e) => e.keywords.join('、') },
            {
              title: '',
              render: (_, e) => (
                <Button size="small" onClick={() => setChecking(e)} aria-label={`${t('experts.checkConflicts')} ${e.name}`}>
                  {t('experts.checkConflicts')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('experts.import')}>
        <Typography.Paragraph type="secondary">
          {t('experts.importHelp')} <a href={expertTemplateUrl}>{t('experts.template')}</a>
        </Typography.Paragraph>
        {importProblems ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('programs.importFailed', { n: importProblems.length })}
            description={
              <ul data-testid="expert-import-problems" style={{ margin: 0, paddingInlineStart: 20 }}>
                {importProblems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        {imported ? (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('experts.imported', { n: imported.length })}
            description={
              <ul data-testid="expert-links" style={{ margin: 0, paddingInlineStart: 20 }}>
                {imported.map((c) => (
                  <li key={c.email}>
                    {c.name}（{c.email}）：<Typography.Text copyable>{`${window.location.origin}${c.link}`}</Typography.Text>
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        <FilePicker
          accept=".xlsx"
          onFile={(file) => {
            setImportProblems(null);
            setImported(null);
            void importExperts(programCode, file).then(
              (res) => {
                setImported(res.created);
                experts.reload();
              },
              (e: unknown) => setImportProblems(e instanceof ApiError ? (e.details.length > 0 ? e.details.map((d) => d.message) : [e.message]) : [t('error.generic')]),
            );
          }}
        >
          {t('experts.chooseFile')}
        </FilePicker>
      </Card>
      {checking ? <ConflictDialog programCode={programCode} expert={checking} onClose={() => setChecking(null)} /> : null}
    </Space>
  );
}

/** "Check this expert against these applications": every conflict with its reason, before anyone is invited. */
function ConflictDialog({ programCode, expert, onClose }: { programCode: string; expert: ExpertView; onClose(): void }) {
  const { t } = useI18n();
  const result = useLoader(() => checkExpert(programCode, expert.id), [programCode, expert.id]);
  const conflicted = (result.data?.items ?? []).filter((i) => i.conflicts.length > 0);
  return (
    <Modal open title={`${t('experts.checkConflicts')} · ${expert.name}`} footer={null} onCancel={onClose} width={760}>
      <Typography.Paragraph type="secondary">{t('experts.conflictsHelp', { n: result.data?.items.length ?? 0 })}</Typography.Paragraph>
      <Table
        rowKey="applicationId"
        size="small"
        loading={result.loading}
        pagination={false}
        dataSource={conflicted}
        locale={{ emptyText: t('experts.noConflicts') }}
        columns={[
          { title: t('application.title'), dataIndex: 'title' },
          { title: t('receipt.organization'), dataIndex: 'organization' },
          { title: t('experts.conflictReason'), render: (_, i) => <span data-testid="conflict-reason">{i.conflicts.map((c) => c.reason).join('；')}</span> },
        ]}
      />
    </Modal>
  );
}
