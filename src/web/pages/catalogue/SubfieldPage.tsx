// A subfield and its reference indicators: unit, which way is better, the plan target, and the source of each.
import { Descriptions, Space } from 'antd';
import { Link, useParams } from 'react-router';
import type { Indicator } from '../../../shared/schemas/catalogue.js';
import { getCatalogue } from '../../api/catalogue.js';
import { ErrorView } from '../../components/ErrorView.js';
import { PageLoading } from '../../components/PageLoading.js';
import { Table } from '../../components/Table.js';
import { Tag } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';
import NotFoundPage from '../not-found/NotFoundPage.js';
import { ApplyButton } from './ApplyButton.js';
import { ExampleTag } from './ExampleTag.js';

const COMPARATOR_TEXT: Record<string, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

export default function SubfieldPage() {
  const { t, lang } = useI18n();
  const { programCode = '', subfieldCode = '' } = useParams();
  const catalogue = useLoader(() => getCatalogue(programCode), [programCode]);

  if (catalogue.error) return <ErrorView error={catalogue.error} onRetry={catalogue.reload} />;
  if (catalogue.loading || !catalogue.data) return <PageLoading />;
  const direction = catalogue.data.directions.find((d) => d.subfields.some((s) => s.code === subfieldCode));
  const subfield = direction?.subfields.find((s) => s.code === subfieldCode);
  if (!direction || !subfield) return <NotFoundPage />;
  const name = (e: { name: string; nameEn: string }) => (lang === 'zh' || !e.nameEn ? e.name : e.nameEn);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to={`/programs/${programCode}/catalogue`}>← {t('catalogue.back')}</Link>
      <header>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {subfield.code} {name(subfield)} <ExampleTag confirmed={subfield.confirmed} source={subfield.source} retired={subfield.retired} />
        </Typography.Title>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('nav.catalogue')}>
            {direction.code} {name(direction)}
          </Descriptions.Item>
          <Descriptions.Item label={t('catalogue.quota', { finalists: subfield.quotas.finalists, winners: subfield.quotas.winners })}>{' '}</Descriptions.Item>
        </Descriptions>
        <ApplyButton programId={catalogue.data.programId} subfieldId={subfield.id} retired={subfield.retired} />
      </header>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('catalogue.indicators')}
      </Typography.Title>
      <Table<Indicator>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={subfield.indicators}
        scroll={{ x: 900 }}
        columns={[
          { title: t('indicator.code'), dataIndex: 'code', width: 110 },
          {
            title: t('indicator.name'),
            render: (_, i) => (
              <span>
                {name(i)} <ExampleTag confirmed={i.confirmed} source={i.source} retired={i.retired} />
              </span>
            ),
          },
          { title: t('indicator.kind'), render: (_, i) => <Tag>{t(`indicator.kind.${i.kind}`)}</Tag>, width: 110 },
          { title: t('indicator.unit'), render: (_, i) => i.unit || t('indicator.none'), width: 100 },
          { title: t('indicator.better'), render: (_, i) => (i.better ? (i.better === 'higher' ? `↑ ${t('indicator.higher')}` : `↓ ${t('indicator.lower')}`) : t('indicator.none')), width: 120 },
          {
            title: t('indicator.planTarget'),
            render: (_, i) =>
              i.planTarget ? (
                <span>
                  {i.planTarget.comparator !== undefined ? <Tag color="blue">{`${COMPARATOR_TEXT[i.planTarget.comparator]} ${i.planTarget.value} ${i.unit}`}</Tag> : null}
                  {i.planTarget.text}
                </span>
              ) : (
                t('indicator.none')
              ),
          },
          {
            title: t('catalogue.source'),
            render: (_, i) =>
              /^https?:\/\//.test(i.source) ? (
                <a href={i.source} target="_blank" rel="noreferrer noopener">
                  {new URL(i.source).hostname}
                </a>
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.source}</Typography.Text>
              ),
            width: 220,
          },
        ]}
      />
    </Space>
  );
}
