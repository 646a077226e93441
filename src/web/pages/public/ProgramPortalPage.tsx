// A program's public portal: its timeline with the countdown, the figures so far, the ways in (catalogue, notices,
// results, statistics) and the verification of a receipt by its number.
import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { publicStatistics } from '../../api/statistics.js';
import { Card } from '../../components/Card.js';
import { Typography } from '../../components/Typography.js';
import NotFoundPage from '../not-found/NotFoundPage.js';
import { ProgramOverview } from '../../components/ProgramOverview.js';
import { PageLoading } from '../../components/PageLoading.js';
import { usePlatform } from '../../hooks/platform.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useServerNow } from '../../hooks/use-server-now.js';
import { useI18n } from '../../i18n/i18n.js';
import { Figures } from './StatisticsFigures.js';

const ENTRIES = [
  { path: 'catalogue', label: 'portal.catalogue', help: 'portal.catalogueHelp' },
  { path: 'notices', label: 'portal.notices', help: 'portal.noticesHelp' },
  { path: 'results', label: 'portal.results', help: 'portal.resultsHelp' },
  { path: 'statistics', label: 'portal.statistics', help: 'portal.statisticsHelp' },
] as const;

export default function ProgramPortalPage() {
  const { t } = useI18n();
  const { programCode } = useParams();
  const { programs, loading, clockSkewMs } = usePlatform();
  const now = useServerNow(clockSkewMs);
  const navigate = useNavigate();
  const program = programs.find((p) => p.code === programCode);
  const [receipt, setReceipt] = useState('');
  const [missing, setMissing] = useState(false);
  const stats = useLoader(() => (program ? publicStatistics(program.id) : Promise.resolve(null)), [program?.id]);
  if (loading) return <PageLoading />;
  if (!program) return <NotFoundPage />;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <ProgramOverview program={program} now={now} headingLevel={1} extra={<span />} />
      <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('portal.entries')}</Typography.Title>}>
        <ul className="todo-list">
          {ENTRIES.map((e) => (
            <li key={e.path}>
              <span className="todo-what">
                <Link to={`/programs/${program.code}/${e.path}`}>
                  <strong>{t(e.label)}</strong>
                </Link>{' '}
                <Typography.Text type="secondary">{t(e.help)}</Typography.Text>
              </span>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('portal.figures')}</Typography.Title>}>
        {stats.data ? <Figures stats={stats.data} /> : stats.error ? <Typography.Text type="secondary">{t('stats.unavailable')}</Typography.Text> : <PageLoading />}
      </Card>
      <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('verify.title')}</Typography.Title>}>
        <Typography.Paragraph type="secondary">{t('portal.verifyHelp')}</Typography.Paragraph>
        <form
          className="inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!receipt.trim()) return setMissing(true);
            navigate(`/verify/${encodeURIComponent(receipt.trim())}`);
          }}
        >
          <label htmlFor="receipt-number">{t('receipt.number')}</label>
          <Input
            id="receipt-number"
            value={receipt}
            onChange={(e) => {
              setReceipt(e.target.value);
              setMissing(false);
            }}
            placeholder="AI2018-D01-01-000001"
            style={{ width: 260 }}
            status={missing ? 'error' : undefined}
            aria-invalid={missing}
            aria-describedby={missing ? 'receipt-number-error' : undefined}
          />
          <Button type="primary" htmlType="submit">
            {t('portal.verifyGo')}
          </Button>
          {missing ? (
            <span id="receipt-number-error" role="alert" className="field-error">
              {t('portal.verifyRequired')}
            </span>
          ) : null}
        </form>
      </Card>
    </Space>
  );
}
