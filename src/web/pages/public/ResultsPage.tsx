// The published results: the confirmed finalists (入围揭榜单位) and winners (揭榜优胜单位), organizations and
// projects only, with an Excel download.
import { Alert, Button, Space } from 'antd';
import { Link } from 'react-router';
import { publicResults, resultsWorkbookUrl, type ResultEntry } from '../../api/selection.js';
import { Card } from '../../components/Card.js';
import { ErrorView } from '../../components/ErrorView.js';
import { PageLoading } from '../../components/PageLoading.js';
import { Table } from '../../components/Table.js';
import { Typography } from '../../components/Typography.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';
import { entryColumns, useProgramFromPath } from './public-entries.js';

export default function ResultsPage() {
  const { t } = useI18n();
  const program = useProgramFromPath();
  const results = useLoader(() => (program ? publicResults(program.id) : Promise.resolve({ finalists: [], winners: [] })), [program?.id]);
  if (results.error) return <ErrorView error={results.error} onRetry={results.reload} />;
  if (!results.data || !program) return <PageLoading />;
  const columns = entryColumns(t);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('results.title')}
      </Typography.Title>
      <Space>
        <Button href={resultsWorkbookUrl(program.id)} download>
          {t('results.download')}
        </Button>
      </Space>
      {(['finalists', 'winners'] as const).map((key) => (
        <Card key={key} title={t(`results.${key}`)}>
          {results.data![key].length === 0 ? (
            <Alert type="info" showIcon title={t(`results.none.${key}`)} />
          ) : (
            <Table<ResultEntry>
              rowKey={(e) => `${e.subfield}:${e.applicant}:${e.title}`}
              size="small"
              pagination={false}
              dataSource={results.data![key]}
              columns={
                key === 'winners'
                  ? [
                      ...columns,
                      // Each winner's subfield has its page with the measured results.
                      { title: t('winners.measured'), render: (_: unknown, e: ResultEntry) => <Link to={`/programs/${program.code}/winners/${e.subfieldCode}`}>{t('winners.view')}</Link> },
                    ]
                  : columns
              }
            />
          )}
        </Card>
      ))}
    </Space>
  );
}
