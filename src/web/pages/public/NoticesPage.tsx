// The public notices (公示): what is noticed, until when, and a real-name objection to any entry while the notice
// is open. No personal data is shown; the objector's name and contact go to the program admin only.
import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { fileObjection, publicNotices, type PublicNotice } from '../../api/selection.js';
import { Card } from '../../components/Card.js';
import { ErrorView } from '../../components/ErrorView.js';
import { Modal } from '../../components/Modal.js';
import { PageLoading } from '../../components/PageLoading.js';
import { Table } from '../../components/Table.js';
import { Tag } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';
import { formatBeijing } from '../../format.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';
import { entryColumns, useProgramFromPath } from './public-entries.js';

type Entry = PublicNotice['entries'][number];

export default function NoticesPage() {
  const { t, lang } = useI18n();
  const program = useProgramFromPath();
  const [objecting, setObjecting] = useState<{ notice: PublicNotice; entry: Entry } | null>(null);
  const notices = useLoader(() => (program ? publicNotices(program.id) : Promise.resolve({ items: [] })), [program?.id]);
  if (notices.error) return <ErrorView error={notices.error} onRetry={notices.reload} />;
  if (!notices.data) return <PageLoading />;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('notices.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('notices.intro')}</Typography.Paragraph>
      {notices.data.items.length === 0 ? <Alert type="info" showIcon title={t('notices.none')} /> : null}
      {notices.data.items.map((notice) => (
        <Card
          key={notice.id}
          title={
            <span>
              {t(`notices.stage.${notice.stage}`)}{' '}
              <Tag color={notice.open ? 'orange' : notice.published ? 'green' : 'default'}>{t(notice.open ? 'notices.open' : notice.published ? 'notices.published' : 'notices.closed')}</Tag>
            </span>
          }
          extra={t('notices.period', { from: formatBeijing(notice.opensAt, lang), to: formatBeijing(notice.closesAt, lang) })}
        >
          <Table<Entry>
            rowKey="applicationId"
            size="small"
            pagination={false}
            dataSource={notice.entries}
            columns={[
              ...entryColumns(t),
              {
                title: '',
                width: 110,
                render: (_, e) =>
                  e.revoked ? (
                    <Tag color="red">{t('notices.revoked')}</Tag>
                  ) : notice.open ? (
                    <Button size="small" aria-label={`${t('notices.object')} ${e.title}`} onClick={() => setObjecting({ notice, entry: e })}>
                      {t('notices.object')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
      ))}
      {objecting ? <ObjectionDialog notice={objecting.notice} entry={objecting.entry} onClose={() => setObjecting(null)} /> : null}
    </Space>
  );
}

function ObjectionDialog({ notice, entry, onClose }: { notice: PublicNotice; entry: Entry; onClose: () => void }) {
  const { t } = useI18n();
  const message = useMessage();
  const [values, setValues] = useState({ name: '', contact: '', reason: '' });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);

  async function send() {
    setSending(true);
    try {
      await fileObjection(notice.id, { applicationId: entry.applicationId, ...values });
      message.success(t('notices.filed'));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.details.length > 0) setProblems(Object.fromEntries(error.details.map((d) => [d.path, d.message])));
      else message.error(error instanceof ApiError ? error.message : t('error.generic'));
    } finally {
      setSending(false);
    }
  }

  const field = (key: 'name' | 'contact' | 'reason') => ({ validateStatus: problems[key] ? ('error' as const) : undefined, help: problems[key] });
  return (
    <Modal open title={t('notices.objectTitle', { title: entry.title })} okText={t('notices.submitObjection')} okButtonProps={{ loading: sending }} cancelText={t('editor.cancel')} onOk={() => void send()} onCancel={onClose}>
      <Typography.Paragraph type="secondary">{t('notices.realName')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t('notices.name')} htmlFor="objection-name" required {...field('name')}>
          <Input id="objection-name" maxLength={50} value={values.name} onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))} />
        </Form.Item>
        <Form.Item label={t('notices.contact')} htmlFor="objection-contact" required {...field('contact')}>
          <Input id="objection-contact" maxLength={100} value={values.contact} onChange={(e) => setValues((v) => ({ ...v, contact: e.target.value }))} />
        </Form.Item>
        <Form.Item label={t('notices.reason')} htmlFor="objection-reason" required {...field('reason')}>
          <Input.TextArea id="objection-reason" rows={5} maxLength={5000} value={values.reason} onChange={(e) => setValues((v) => ({ ...v, reason: e.target.value }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
