// A subfield's published winners (揭榜优胜单位) with what the test labs measured: per declared indicator the committed
// target, the plan target, the measured value and whether each was met; the share of targets met. Organizations and
// projects only, never a person.
import { Alert, Descriptions, Space } from 'antd';
import { Link, useParams } from 'react-router';
import type { PublicWinners } from '../../../shared/schemas/evaluation.js';
import { publicWinners } from '../../api/evaluation.js';
import { ErrorView } from '../../components/ErrorView.js';
import { PageLoading } from '../../components/PageLoading.js';
import { entryName } from '../../format.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';
import { formatShare, formatValue, MetTag } from '../evaluation/AttainmentTable.js';
import { useProgramFromPath } from './public-entries.js';
import { Card } from '../../components/Card.js';
import { Table } from '../../components/Table.js';
import { Typography } from '../../components/Typography.js';

type Item = PublicWinners['winners'][number]['items'][number];

export default function WinnersPage() {
  const { t, lang } = useI18n();
  const program = useProgramFromPath();
  const { subfieldCode = '' } = useParams();
  const winners = useLoader(() => (program ? publicWinners(program.id, subfieldCode) : Promise.resolve(null)), [program?.id, subfieldCode]);
  if (winners.error) return <ErrorView error={winners.error} onRetry={winners.reload} />;
  if (!winners.data || !program) return <PageLoading />;
  const { subfield } = winners.data;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to={`/programs/${program.code}/results`}>← {t('winners.back')}</Link>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('winners.title', { subfield: `${subfield.code} ${entryName(subfield, lang)}` })}
      </Typography.Title>
      <Typography.Text type="secondary">{lang === 'zh' || !subfield.directionEn ? subfield.direction : subfield.directionEn}</Typography.Text>
      {!winners.data.published ? <Alert type="info" showIcon title={t('results.none.winners')} /> : null}
      {winners.data.winners.map((w) => (
        <Card key={`${w.applicant}:${w.title}`} title={w.title} data-testid="winner">
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('notices.applicant')}>{w.applicant}</Descriptions.Item>
            <Descriptions.Item label={t('application.responsibleUnit')}>{w.responsibleUnit}</Descriptions.Item>
            <Descriptions.Item label={t('application.recommender')}>{w.recommender || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('notices.region')}>{w.region || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('attainment.metShare')}>{w.metShare === null ? '—' : t('attainment.share', { met: w.met, judged: w.judged, share: formatShare(w.metShare) })}</Descriptions.Item>
          </Descriptions>
          <Table<Item>
            rowKey={(i) => `${i.code}:${i.name}`}
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={w.items}
            columns={[
              { title: t('indicator.name'), render: (_, i) => entryName(i, lang) },
              { title: t('application.target'), render: (_, i) => formatValue(t, i.target, i.unit) },
              { title: t('indicator.planTarget'), render: (_, i) => i.planTarget?.text ?? '—' },
              { title: t('attainment.measured'), render: (_, i) => formatValue(t, i.measured, i.unit) },
              { title: t('attainment.vsTarget'), render: (_, i) => <MetTag met={i.metTarget} margin={null} unit={i.unit} /> },
              { title: t('attainment.vsPlan'), render: (_, i) => <MetTag met={i.metPlanTarget} margin={null} unit={i.unit} /> },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}
