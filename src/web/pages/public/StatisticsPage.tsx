// The public statistics of a program: applications by direction, on the China map, by kind of organization and by
// recommending unit, and how ambitious the committed targets are. Every chart saves as PNG, has its table, and the
// whole data set downloads as Excel. The chart code (and the map) loads after the page has shown.
import { Space } from 'antd';
import { useMemo } from 'react';
import type { PublicStatistics } from '../../../shared/schemas/statistics.js';
import { mapSeries } from '../../../shared/regions.js';
import { publicStatistics, statisticsWorkbookUrl } from '../../api/statistics.js';
import { Card } from '../../components/Card.js';
import { Typography } from '../../components/Typography.js';
import { Chart } from '../../components/charts/Chart.js';
import { DataTable } from '../../components/charts/DataTable.js';
import { ErrorView } from '../../components/ErrorView.js';
import { PageLoading } from '../../components/PageLoading.js';
import { formatBeijing } from '../../format.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n, type Translate } from '../../i18n/i18n.js';
import type { Lang } from '../../../shared/errors.js';
import { Figures } from './StatisticsFigures.js';
import { useProgramFromPath } from './public-entries.js';

const BLUE = '#1d4e89';
const PALETTE = ['#1d4e89', '#3f7cc4', '#7fa9dc', '#c0d4ee', '#f0a020'];
const name = (e: { name: string; nameEn: string }, lang: Lang) => (lang === 'zh' || !e.nameEn ? e.name : e.nameEn);
const percent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
const COMPARATOR: Record<string, string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤' };

function options(stats: PublicStatistics, t: Translate, lang: Lang) {
  const directions = [...stats.byDirection].reverse();
  const regions = mapSeries(stats.byRegion);
  const max = Math.max(1, ...regions.map((r) => r.value));
  const shown = stats.ambition.filter((a) => !a.suppressed);
  return {
    byDirection: {
      color: [BLUE],
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: directions.map((d) => `${d.code} ${name(d, lang)}`), axisLabel: { width: 220, overflow: 'truncate' } },
      series: [{ type: 'bar', barMaxWidth: 28, name: t('stats.col.count'), data: directions.map((d) => d.count), label: { show: true, position: 'right' } }],
    },
    byRegion: {
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      visualMap: { min: 0, max, left: 8, bottom: 8, calculable: true, inRange: { color: ['#eef3fa', BLUE] }, text: [t('stats.more'), t('stats.fewer')] },
      series: [{ type: 'map', map: 'china', name: t('stats.col.count'), roam: false, label: { show: false }, emphasis: { label: { show: true } }, data: regions }],
    },
    byKind: {
      color: PALETTE,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], name: t('stats.byKind'), data: stats.byKind.map((k) => ({ name: t(`register.kind.${k.kind}`), value: k.count })) }],
    },
    byRecommender: {
      color: [BLUE, '#f0a020'],
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: stats.recommenders.byKind.map((k) => t(`recommenderKind.${k.kind}`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', barMaxWidth: 40, name: t('stats.col.count'), data: stats.recommenders.byKind.map((k) => k.applications) },
        { type: 'bar', barMaxWidth: 40, name: t('stats.col.recommended'), data: stats.recommenders.byKind.map((k) => k.recommended) },
      ],
    },
    ambition: {
      color: [BLUE],
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: [...shown].reverse().map((a) => `${a.code} ${name(a, lang)}`), axisLabel: { width: 220, overflow: 'truncate' } },
      series: [{ type: 'bar', barMaxWidth: 28, name: t('stats.col.beats'), data: [...shown].reverse().map((a) => Math.round((a.beatsPlan ?? 0) * 1000) / 10), label: { show: true, position: 'right', formatter: '{c}%' } }],
    },
  };
}

function Section({ title, intro, children }: { title: string; intro?: string; children: React.ReactNode }) {
  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{title}</Typography.Title>}>
      {intro ? <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph> : null}
      {children}
    </Card>
  );
}

export default function StatisticsPage() {
  const { t, lang } = useI18n();
  const program = useProgramFromPath();
  const stats = useLoader(() => (program ? publicStatistics(program.id) : Promise.resolve(null)), [program?.id]);
  const charts = useMemo(() => (stats.data ? options(stats.data, t, lang) : null), [stats.data, t, lang]);
  if (stats.error) return <ErrorView error={stats.error} onRetry={stats.reload} />;
  if (!stats.data || !charts || !program) return <PageLoading />;
  const s = stats.data;
  const file = (part: string) => `${program.code}-${part}`;
  const subfields = s.byDirection.flatMap((d) => d.subfields.map((sf) => ({ ...sf, direction: d })));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <header>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('stats.title')} · {lang === 'zh' ? program.title : program.titleEn || program.title}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('stats.intro')}</Typography.Paragraph>
        <Space wrap>
          <Typography.Text type="secondary">{t('stats.computedAt', { at: formatBeijing(s.computedAt, lang) })}</Typography.Text>
          <a className="link-button" href={statisticsWorkbookUrl(program.id)} download>
            {t('stats.downloadExcel')}
          </a>
        </Space>
      </header>
      <Figures stats={s} />
      {s.totals.applications === 0 ? <Typography.Paragraph>{t('stats.none')}</Typography.Paragraph> : null}

      <Section title={t('stats.byDirection')}>
        <Chart option={charts.byDirection} title={t('stats.byDirection')} fileName={file('by-direction')} height={Math.max(240, 28 * s.byDirection.length)} />
        <DataTable
          caption={t('charts.table')}
          rows={subfields}
          rowKey={(r) => r.id}
          columns={[
            { title: t('stats.col.direction'), render: (r) => `${r.direction.code} ${name(r.direction, lang)}` },
            { title: t('stats.col.subfield'), render: (r) => `${r.code} ${name(r, lang)}` },
            { title: t('stats.col.count'), render: (r) => r.count, numeric: true },
          ]}
        />
      </Section>

      <div className="chart-grid">
        <Section title={t('stats.byRegion')}>
          <Chart option={charts.byRegion} title={t('stats.byRegion')} fileName={file('by-region')} map height={420} />
          <DataTable
            caption={t('charts.table')}
            rows={s.byRegion}
            rowKey={(r) => r.regionCode}
            columns={[
              { title: t('stats.col.region'), render: (r) => (lang === 'zh' ? r.name : r.nameEn) },
              { title: t('stats.col.count'), render: (r) => r.count, numeric: true },
            ]}
          />
        </Section>
        <Section title={t('stats.byKind')}>
          <Chart option={charts.byKind} title={t('stats.byKind')} fileName={file('by-kind')} height={420} />
          <DataTable
            caption={t('charts.table')}
            rows={s.byKind}
            rowKey={(r) => r.kind}
            columns={[
              { title: t('stats.col.kind'), render: (r) => t(`register.kind.${r.kind}`) },
              { title: t('stats.col.count'), render: (r) => r.count, numeric: true },
            ]}
          />
        </Section>
      </div>

      <Section title={t('stats.byRecommender')}>
        <Chart option={charts.byRecommender} title={t('stats.byRecommender')} fileName={file('by-recommender')} height={300} />
        <DataTable
          caption={t('charts.table')}
          rows={s.recommenders.units}
          rowKey={(r) => r.name}
          columns={[
            { title: t('stats.col.unit'), render: (r) => r.name },
            { title: t('stats.col.unitKind'), render: (r) => t(`recommenderKind.${r.kind as 'province'}`) },
            { title: t('stats.col.count'), render: (r) => r.applications, numeric: true },
            { title: t('stats.col.recommended'), render: (r) => r.recommended, numeric: true },
          ]}
        />
      </Section>

      <Section title={t('stats.ambition')} intro={t('stats.ambitionIntro')}>
        {s.ambition.some((a) => !a.suppressed) ? (
          <Chart option={charts.ambition} title={t('stats.ambition')} fileName={file('ambition')} height={Math.max(200, 28 * s.ambition.filter((a) => !a.suppressed).length)} />
        ) : (
          <Typography.Paragraph>{t('stats.ambitionNone')}</Typography.Paragraph>
        )}
        <DataTable
          caption={t('charts.table')}
          rows={s.ambition}
          rowKey={(r) => r.indicatorId}
          columns={[
            { title: t('stats.col.indicator'), render: (r) => `${r.code} ${name(r, lang)}` },
            { title: t('stats.col.plan'), render: (r) => (r.plan ? `${COMPARATOR[r.plan.comparator] ?? r.plan.comparator}${r.plan.value} ${r.unit}` : t('stats.planReached')) },
            { title: t('stats.col.n'), render: (r) => (r.suppressed ? t('stats.suppressed') : r.n), numeric: true },
            { title: t('stats.col.beats'), render: (r) => percent(r.beatsPlan), numeric: true },
            { title: t('stats.col.median'), render: (r) => (r.median === null ? '—' : `${r.median} (${r.p25} – ${r.p75}) ${r.unit}`), numeric: true },
          ]}
        />
      </Section>
    </Space>
  );
}
