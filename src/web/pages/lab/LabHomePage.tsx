// The test lab's workspace: the finalists assigned to it, how many of their declared indicators are measured, each
// opening the page where the lab records its measurements and test reports.
import { Alert, Space } from 'antd';
import { Link } from 'react-router';
import type { LabApplication } from '../../../shared/schemas/evaluation.js';
import { myLabApplications } from '../../api/evaluation.js';
import { ErrorView } from '../../components/ErrorView.js';
import { PageLoading } from '../../components/PageLoading.js';
import { formatBeijing } from '../../format.js';
import { usePlatform } from '../../hooks/platform.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';
import { Card } from '../../components/Card.js';
import { Progress } from '../../components/Progress.js';
import { Table } from '../../components/Table.js';
import { Tag } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';

export default function LabHomePage() {
  const { t, lang } = useI18n();
  const { programs } = usePlatform();
  const list = useLoader(myLabApplications, []);
  if (list.error) return <ErrorView error={list.error} onRetry={list.reload} />;
  if (!list.data) return <PageLoading />;
  const programTitle = (id: string) => {
    const p = programs.find((x) => x.id === id);
    return p ? (lang === 'zh' ? p.title : p.titleEn || p.title) : '';
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('lab.title')}
      </Typography.Title>
      <Alert type="info" showIcon title={t('lab.intro')} />
      <Card>
        <Table<LabApplication>
          rowKey="id"
          pagination={false}
          dataSource={list.data.items}
          locale={{ emptyText: t('lab.none') }}
          columns={[
            { title: t('application.title'), render: (_, a) => <Link to={`/lab/applications/${a.id}`}>{a.title}</Link> },
            { title: t('receipt.organization'), dataIndex: 'applicant' },
            { title: t('catalogue.subfields'), render: (_, a) => `${a.subfield}（${programTitle(a.programId)}）` },
            { title: t('application.status'), render: (_, a) => <Tag>{t(`status.${a.status}`)}</Tag> },
            {
              title: t('lab.progress'),
              width: 200,
              render: (_, a) => <Progress size="small" aria-label={`${t('lab.progress')} ${a.title}`} percent={a.indicatorCount === 0 ? 0 : Math.round((a.measuredCount / a.indicatorCount) * 100)} format={() => `${a.measuredCount}/${a.indicatorCount}`} />,
            },
            { title: t('lab.assignedAt'), render: (_, a) => formatBeijing(a.assignedAt, lang) },
          ]}
        />
      </Card>
    </Space>
  );
}
