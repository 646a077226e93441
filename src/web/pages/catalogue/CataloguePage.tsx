// The public catalogue: directions in their four groups, each with its subfields (links to their indicators).
import { Alert, Col, Empty, Row, Space } from 'antd';
import { Link, useParams } from 'react-router';
import { DIRECTION_GROUP_EN, DIRECTION_GROUP_VALUES } from '../../../shared/vocabulary.js';
import { getCatalogue } from '../../api/catalogue.js';
import { Card } from '../../components/Card.js';
import { ErrorView } from '../../components/ErrorView.js';
import { PageLoading } from '../../components/PageLoading.js';
import { Tag } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';
import { usePlatform } from '../../hooks/platform.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';
import { ExampleTag } from './ExampleTag.js';

export default function CataloguePage() {
  const { t, lang } = useI18n();
  const { programs } = usePlatform();
  const params = useParams();
  const programCode = params.programCode ?? programs[0]?.code ?? '';
  const program = programs.find((p) => p.code === programCode);
  const catalogue = useLoader(() => (programCode ? getCatalogue(programCode) : Promise.resolve(null)), [programCode]);

  if (catalogue.error) return <ErrorView error={catalogue.error} onRetry={catalogue.reload} />;
  if (catalogue.loading) return <PageLoading />;
  const directions = catalogue.data?.directions ?? [];
  const name = (e: { name: string; nameEn: string }) => (lang === 'zh' || !e.nameEn ? e.name : e.nameEn);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <header>
        <Typography.Title level={1} style={{ fontSize: 26 }}>
          {t('catalogue.title')}
        </Typography.Title>
        {program ? <Typography.Text strong>{lang === 'zh' ? program.title : program.titleEn}</Typography.Text> : null}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('catalogue.intro')}
        </Typography.Paragraph>
      </header>
      {directions.length === 0 ? <Empty description={t('catalogue.empty')} /> : null}
      {DIRECTION_GROUP_VALUES.map((group) => {
        const inGroup = directions.filter((d) => d.group === group);
        if (inGroup.length === 0) return null;
        return (
          <section key={group} aria-labelledby={`group-${group}`}>
            <Typography.Title level={2} id={`group-${group}`} style={{ fontSize: 20 }}>
              {lang === 'zh' ? group : DIRECTION_GROUP_EN[group]}
            </Typography.Title>
            <Row gutter={[16, 16]}>
              {inGroup.map((d) => (
                <Col key={d.id} xs={24} md={12} xl={8}>
                  <Card
                    size="small"
                    title={
                      <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
                        <Tag>{d.code}</Tag>
                        {name(d)}
                      </Typography.Title>
                    }
                    extra={<ExampleTag confirmed={d.confirmed} source={d.source} retired={d.retired} />}
                  >
                    <ul className="subfield-list">
                      {d.subfields.map((s) => (
                        <li key={s.id}>
                          <Link to={`/programs/${programCode}/subfields/${s.code}`}>
                            {s.code} {name(s)}
                          </Link>{' '}
                          <Typography.Text type="secondary">({s.indicators.length})</Typography.Text> <ExampleTag confirmed={s.confirmed} source={s.source} retired={s.retired} />
                        </li>
                      ))}
                    </ul>
                    {d.planSummary ? (
                      <Alert type="info" title={t('catalogue.planSummary')} description={d.planSummary} style={{ fontSize: 12 }} />
                    ) : null}
                  </Card>
                </Col>
              ))}
            </Row>
          </section>
        );
      })}
    </Space>
  );
}
