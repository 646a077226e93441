// The expert's workspace: released assignments with their round, due date and where the review stands, each opening
// the review page; and a link to keep the profile and declared ties up to date.
import { Alert, Space } from 'antd';
import { Link } from 'react-router';
import { myAssignments } from '../../api/assignment.js';
import { Card } from '../../components/Card.js';
import { ErrorView } from '../../components/ErrorView.js';
import { PageLoading } from '../../components/PageLoading.js';
import { Table } from '../../components/Table.js';
import { Tag } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';
import { formatBeijing } from '../../format.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';

const STATE_COLORS = { undeclared: 'orange', not_started: 'default', draft: 'blue', submitted: 'green' } as const;

export default function ExpertHomePage() {
  const { t, lang } = useI18n();
  const list = useLoader(myAssignments, []);
  if (list.error) return <ErrorView error={list.error} onRetry={list.reload} />;
  if (!list.data) return <PageLoading />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('expert.title')}
      </Typography.Title>
      <Alert type="info" showIcon title={t('expert.profileHint')} action={<Link to="/expert/profile">{t('expert.profile')}</Link>} />
      <Card>
        <Table
          rowKey="id"
          pagination={false}
          dataSource={list.data.items}
          locale={{ emptyText: t('expert.none') }}
          columns={[
            { title: t('application.title'), render: (_, a) => <Link to={`/expert/reviews/${a.id}`}>{a.title}</Link> },
            { title: t('catalogue.subfields'), dataIndex: 'subfield' },
            { title: t('receipt.organization'), dataIndex: 'applicant' },
            { title: t('assignment.round'), render: (_, a) => <Tag>{a.roundName}</Tag> },
            { title: t('review.due'), render: (_, a) => (a.dueAt ? formatBeijing(a.dueAt, lang) : '—') },
            {
              title: t('review.state'),
              render: (_, a) => {
                const state = a.declared ? a.reviewState : 'undeclared';
                return <Tag color={STATE_COLORS[state]}>{t(`review.state.${state}`)}</Tag>;
              },
            },
          ]}
        />
      </Card>
    </Space>
  );
}
