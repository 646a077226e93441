// The audit admin's page: the log newest first, filtered by action, and a verification of the whole chain.
import { Alert, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { listAuditEvents, verifyAudit, type AuditEventView } from '../../api/audit.js';
import { ApiError } from '../../api/client.js';
import { Card } from '../../components/Card.js';
import { ErrorView } from '../../components/ErrorView.js';
import { Table } from '../../components/Table.js';
import { Tag } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';
import { formatBeijing } from '../../format.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';

type Verification = Awaited<ReturnType<typeof verifyAudit>>;

export default function AuditPage() {
  const { t, lang } = useI18n();
  const [action, setAction] = useState('');
  const first = useLoader(() => listAuditEvents({ action: action || undefined }), [action]);
  const [more, setMore] = useState<{ items: AuditEventView[]; cursor: string | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [verification, setVerification] = useState<Verification | null>(null);
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const cursor = more ? more.cursor : (first.data?.nextCursor ?? null);

  async function loadMore() {
    try {
      const page = await listAuditEvents({ action: action || undefined, cursor });
      setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor });
    } catch (e) {
      setError(e);
    }
  }

  async function verify() {
    try {
      setVerification(await verifyAudit());
    } catch (e) {
      setError(e instanceof ApiError ? e : new Error(String(e)));
    }
  }

  const shownError = error ?? first.error;
  if (shownError) {
    return (
      <ErrorView
        error={shownError}
        onRetry={() => {
          setError(null);
          first.reload();
        }}
      />
    );
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('audit.title')}
      </Typography.Title>
      <Card>
        <Space wrap>
          <Button type="primary" onClick={() => void verify()}>
            {t('audit.verify')}
          </Button>
          <a className="link-button" href={`/api/audit/export${action ? `?action=${encodeURIComponent(action)}` : ''}`} download>
            {t('audit.export')}
          </a>
          <Input.Search
            aria-label={t('audit.filterAction')}
            placeholder={t('audit.filterAction')}
            allowClear
            onSearch={(value) => {
              setMore(null);
              setAction(value);
            }}
            style={{ width: 260 }}
          />
        </Space>
        {verification ? (
          <Alert
            style={{ marginTop: 16 }}
            type={verification.ok ? 'success' : 'error'}
            showIcon
            title={
              verification.ok
                ? t('audit.intact', { records: verification.records })
                : t('audit.broken', { seq: verification.firstBroken!.seq, reason: verification.firstBroken!.reason })
            }
            description={verification.ok ? <code>{verification.headHash}</code> : undefined}
          />
        ) : null}
      </Card>
      <Table<AuditEventView>
        rowKey="seq"
        loading={first.loading}
        dataSource={items}
        pagination={false}
        size="small"
        columns={[
          { title: '#', dataIndex: 'seq', width: 70 },
          { title: t('audit.time'), dataIndex: 'at', render: (v: string) => formatBeijing(v, lang) },
          { title: t('audit.action'), dataIndex: 'action' },
          { title: t('audit.object'), render: (_, e) => (e.objectType ? `${e.objectType} ${e.objectId ?? ''}` : '') },
          { title: t('audit.actor'), render: (_, e) => e.actorRoles.map((r) => <Tag key={r}>{r}</Tag>) },
          {
            title: t('audit.result'),
            dataIndex: 'result',
            render: (v: string) => <Tag color={v === 'ok' ? 'green' : v === 'denied' ? 'orange' : 'red'}>{v}</Tag>,
          },
        ]}
      />
      {cursor ? <Button onClick={() => void loadMore()}>{t('audit.more')}</Button> : null}
    </Space>
  );
}
