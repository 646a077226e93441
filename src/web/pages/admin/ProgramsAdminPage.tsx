// Program admins' list of programs: create one, import one from JSON or Excel, export each, open its editor.
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ProgramDocument } from '../../../shared/schemas/program-document.js';
import type { ProgramSummary } from '../../../shared/schemas/system.js';
import { ApiError } from '../../api/client.js';
import { createProgram, exportUrl, importProgramDocument, importProgramWorkbook } from '../../api/programs-admin.js';
import { Card } from '../../components/Card.js';
import { FilePicker } from '../../components/FilePicker.js';
import { Table } from '../../components/Table.js';
import { Tag } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { usePlatform } from '../../hooks/platform.js';
import { useI18n } from '../../i18n/i18n.js';

interface Problems {
  title: string;
  lines: string[];
}

export default function ProgramsAdminPage() {
  const { t, lang } = useI18n();
  const message = useMessage();
  const { programs, reload } = usePlatform();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [problems, setProblems] = useState<Problems | null>(null);
  const [importing, setImporting] = useState(false);

  /** Workbook problems name their sheet, row and column in the message; JSON ones are located by their path. */
  function showFailure(error: unknown, withPath = false) {
    if (error instanceof ApiError) {
      const lines = error.details.map((d) => (withPath && d.path ? `${d.path}：${d.message}` : d.message));
      const title = error.code === 'VALIDATION_FAILED' && lines.length > 0 ? t('programs.importFailed', { n: lines.length }) : error.message;
      setProblems({ title, lines });
    } else {
      setProblems({ title: t('error.generic'), lines: [] });
    }
  }

  async function importFile(file: File) {
    setProblems(null);
    setImporting(true);
    try {
      let created: { id: string };
      if (/\.json$/i.test(file.name)) {
        let doc: ProgramDocument;
        try {
          doc = JSON.parse(await file.text()) as ProgramDocument;
        } catch {
          setProblems({ title: t('programs.notJson'), lines: [] });
          return;
        }
        created = await importProgramDocument(doc);
      } else {
        created = await importProgramWorkbook(file);
      }
      message.success(t('programs.imported'));
      reload();
      navigate(`/admin/programs/${created.id}`);
    } catch (error) {
      showFailure(error, /\.json$/i.test(file.name));
    } finally {
      setImporting(false);
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('programs.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('programs.intro')}</Typography.Paragraph>
      {problems ? (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setProblems(null)}
          title={problems.title}
          description={
            problems.lines.length > 0 ? (
              <ul data-testid="import-problems" style={{ margin: 0, paddingInlineStart: 20, maxHeight: 320, overflow: 'auto' }}>
                {problems.lines.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            ) : null
          }
        />
      ) : null}
      <Card>
        <Table<ProgramSummary>
          rowKey="id"
          pagination={false}
          dataSource={programs}
          columns={[
            { title: t('programs.code'), dataIndex: 'code' },
            {
              title: t('programs.name'),
              render: (_, p) => (
                <Space>
                  <Link to={`/admin/programs/${p.code}`}>{lang === 'zh' ? p.title : p.titleEn || p.title}</Link>
                  {p.builtIn ? <Tag>{t('programs.builtIn')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t('programs.actions'),
              render: (_, p) => (
                <Space wrap>
                  <Link to={`/admin/programs/${p.code}`}>{t('programs.edit')}</Link>
                  <Link to={`/admin/programs/${p.code}/phases`}>{t('programs.phases')}</Link>
                  <a href={exportUrl(p.code, 'xlsx')} download>
                    <DownloadOutlined /> Excel
                  </a>
                  <a href={exportUrl(p.code, 'json')} download>
                    <DownloadOutlined /> JSON
                  </a>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('programs.import')}>
        <Typography.Paragraph type="secondary">{t('programs.importHelp')}</Typography.Paragraph>
        <FilePicker accept=".xlsx,.json" loading={importing} onFile={(file) => void importFile(file)}>
          {t('programs.chooseFile')}
        </FilePicker>
      </Card>
      <Card title={t('programs.create')}>
        <Form
          form={form}
          name="create-program"
          layout="vertical"
          style={{ maxWidth: 640 }}
          initialValues={{ quotas: { finalistsPerSubfield: 5, winnersPerSubfield: 3, applicationsPerApplicant: 3 } }}
          onFinish={async (values) => {
            setProblems(null);
            try {
              const created = await createProgram({ titleEn: '', description: '', descriptionEn: '', ...values });
              message.success(t('programs.created'));
              reload();
              navigate(`/admin/programs/${created.code}`);
            } catch (error) {
              if (!applyFieldErrors(form, error)) showFailure(error);
            }
          }}
        >
          <Form.Item
            name="code"
            label={t('programs.code')}
            extra={t('programs.codeHelp')}
            rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{1,39}$/, message: t('programs.codeHelp') }]}
          >
            <Input placeholder="ev-2026" />
          </Form.Item>
          <Form.Item name="title" label={t('programs.name')} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="titleEn" label={t('programs.nameEn')}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('programs.description')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Space wrap>
            {(
              [
                ['finalistsPerSubfield', 'quotas.finalists'],
                ['winnersPerSubfield', 'quotas.winners'],
                ['applicationsPerApplicant', 'quotas.applications'],
              ] as const
            ).map(([name, label]) => (
              <Form.Item key={name} name={['quotas', name]} label={t(label)} rules={[{ required: true, type: 'integer', min: 1, max: 100 }]}>
                <InputNumber min={1} max={100} precision={0} />
              </Form.Item>
            ))}
          </Space>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('programs.createSubmit')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </Space>
  );
}
