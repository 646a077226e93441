// Accounts with the actions the page allows (disable, reset link, end sessions); a one-time link is shown inline to copy.
import { Alert, Button, Input, Space } from 'antd';
import { useMemo, useState } from 'react';
import { createResetLink, endUserSessions, setUserDisabled, type UserSummary } from '../api/accounts.js';
import { ApiError } from '../api/client.js';
import { formatBeijing } from '../format.js';
import { useI18n } from '../i18n/i18n.js';
import { Table } from './Table.js';
import { Tag } from './Tag.js';
import { Typography } from './Typography.js';
import { useMessage } from './feedback.js';

export type UserAction = 'disable' | 'reset' | 'endSessions';

export function UsersTable({ users, actions, onChanged }: { users: UserSummary[]; actions: UserAction[]; onChanged(): void }) {
  const { t, lang } = useI18n();
  const message = useMessage();
  const [link, setLink] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? users.filter((u) => u.name.toLowerCase().includes(q) || u.email.toLowerCase().includes(q)) : users;
  }, [users, query]);

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('error.generic'));
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {link ? (
        <Alert
          type="info"
          showIcon
          closable
          onClose={() => setLink(null)}
          title={t('users.linkReady', { hours: link.includes('/invite/') ? 72 : 24 })}
          description={<Typography.Text copyable code>{link}</Typography.Text>}
        />
      ) : null}
      <Input.Search
        allowClear
        aria-label={t('users.search')}
        placeholder={t('users.search')}
        style={{ maxWidth: 320 }}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <Table<UserSummary>
        rowKey="id"
        size="small"
        dataSource={shown}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('users.name'), dataIndex: 'name' },
          { title: t('users.email'), dataIndex: 'email' },
          { title: t('users.roles'), render: (_, u) => u.roles.map((r) => <Tag key={r}>{t(`role.${r}` as 'role.lab')}</Tag>) },
          { title: t('users.status'), render: (_, u) => (u.disabled ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>) },
          { title: t('users.lastLogin'), render: (_, u) => (u.lastLoginAt ? formatBeijing(u.lastLoginAt, lang) : t('users.never')) },
          {
            title: '',
            render: (_, u) => (
              <Space wrap>
                {actions.includes('disable') ? (
                  <Button size="small" danger={!u.disabled} onClick={() => void run(async () => { await setUserDisabled(u.id, !u.disabled); onChanged(); })}>
                    {u.disabled ? t('users.enable') : t('users.disable')}
                  </Button>
                ) : null}
                {actions.includes('reset') ? (
                  <Button size="small" onClick={() => void run(async () => setLink(window.location.origin + (await createResetLink(u.id)).path))}>
                    {t('users.resetLink')}
                  </Button>
                ) : null}
                {actions.includes('endSessions') ? (
                  <Button size="small" onClick={() => void run(async () => message.success(t('users.sessionsEnded', { n: (await endUserSessions(u.id)).ended })))}>
                    {t('users.endSessions')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
