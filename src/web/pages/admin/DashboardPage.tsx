// The program admin's dashboard (工作台): the to-do list, the phases with the next deadline, the funnel from draft to
// winner for the program and per direction, and the count of every status.
import { Button, Space } from 'antd';
import { useMemo, useState } from 'react';
import type { AdminDashboard } from '../../../shared/schemas/statistics.js';
import { APPLICATION_STATUSES, FUNNEL_STAGES } from '../../../shared/vocabulary.js';
import { adminDashboard } from '../../api/statistics.js';
import { Card } from '../../components/Card.js';
import { Typography } from '../../components/Typography.js';
import { Chart } from '../../components/charts/Chart.js';
import { DataTable } from '../../components/charts/DataTable.js';
import { ErrorView } from '../../components/ErrorView.js';
import { PageLoading } from '../../components/PageLoading.js';
import { Countdown, PhaseTimeline } from '../../components/ProgramOverview.js';
import { ProgramSelect, useAdminProgram } from '../../components/ProgramSelect.js';
import { TodoList } from '../../components/TodoList.js';
import { entryName, formatBeijing } from '../../format.js';
import { usePlatform } from '../../hooks/platform.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useServerNow } from '../../hooks/use-server-now.js';
import { useI18n, type Translate } from '../../i18n/i18n.js';

type DirectionRow = AdminDashboard['byDirection'][number];

/** The funnel as bars, widest first: every stage stays readable however small it is. */
const funnelOption = (d: AdminDashboard, t: Translate) => {
  const stages = [...FUNNEL_STAGES].reverse();
  return {
    color: ['#1d4e89'],
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, max: Math.max(1, d.funnel.draft) },
    yAxis: { type: 'category', data: stages.map((s) => t(`dashboard.stage.${s}`)) },
    series: [
      {
        type: 'bar',
        barMaxWidth: 32,
        name: t('dashboard.funnel'),
        label: { show: true, position: 'right' },
        data: stages.map((s) => ({ value: d.funnel[s], itemStyle: { color: s === 'winner' ? '#ad6800' : '#1d4e89' } })),
      },
    ],
  };
};

export default function DashboardPage() {
  const { t, lang } = useI18n();
  const choice = useAdminProgram();
  const { program } = choice;
  const { clockSkewMs } = usePlatform();
  const now = useServerNow(clockSkewMs);
  const [fresh, setFresh] = useState(0);
  const dash = useLoader(() => (program ? adminDashboard(program.id, fresh > 0) : Promise.resolve(null)), [program?.id, fresh]);
  const option = useMemo(() => (dash.data ? funnelOption(dash.data, t) : null), [dash.data, t]);
  if (!program) return null;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('dashboard.title')}
      </Typography.Title>
      <ProgramSelect {...choice} />
      <TodoList />
      <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('dashboard.phases')}</Typography.Title>}>
        {program.phases.length > 0 ? <Countdown phases={program.phases} now={now} /> : null}
        <PhaseTimeline program={program} now={now} />
      </Card>
      {dash.error ? <ErrorView error={dash.error} onRetry={dash.reload} /> : null}
      {!dash.data || !option ? (
        dash.error ? null : <PageLoading />
      ) : (
        <Card
          title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('dashboard.funnel')}</Typography.Title>}
          extra={
            <Space>
              <Typography.Text type="secondary">{t('stats.computedAt', { at: formatBeijing(dash.data.computedAt, lang) })}</Typography.Text>
              <Button size="small" onClick={() => setFresh((n) => n + 1)}>
                {t('dashboard.refresh')}
              </Button>
            </Space>
          }
        >
          <Chart option={option} title={t('dashboard.funnel')} fileName={`${program.code}-funnel`} height={380} />
          <DataTable<DirectionRow>
            caption={t('dashboard.byDirection')}
            open
            rows={[{ id: 'all', code: '', name: t('dashboard.all'), nameEn: t('dashboard.all'), funnel: dash.data.funnel }, ...dash.data.byDirection]}
            rowKey={(r) => r.id}
            columns={[
              { title: t('stats.col.direction'), render: (r) => (r.code ? `${r.code} ${entryName(r, lang)}` : <strong>{r.name}</strong>) },
              ...FUNNEL_STAGES.map((s) => ({ title: t(`dashboard.stage.${s}`), render: (r: DirectionRow) => r.funnel[s], numeric: true })),
            ]}
          />
          <DataTable
            caption={t('dashboard.byStatus')}
            rows={APPLICATION_STATUSES.filter((s) => (dash.data?.byStatus[s] ?? 0) > 0).map((status) => ({ status, n: dash.data?.byStatus[status] ?? 0 }))}
            rowKey={(r) => r.status}
            columns={[
              { title: t('dashboard.status'), render: (r) => t(`status.${r.status}`) },
              { title: t('stats.col.count'), render: (r) => r.n, numeric: true },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
