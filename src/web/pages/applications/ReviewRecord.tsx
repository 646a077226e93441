// The application's review record for program admins: per round, the experts (recused with the reason, or their
// review's total) and the defence sessions and on-site visits with findings and reports.
import { Descriptions, Space } from 'antd';
import { eventReportUrl, getReviewRecord } from '../../api/reviews.js';
import { Card } from '../../components/Card.js';
import { Table } from '../../components/Table.js';
import { Tag } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';
import { formatBeijing } from '../../format.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';

export function ReviewRecord({ applicationId }: { applicationId: string }) {
  const { t, lang } = useI18n();
  const record = useLoader(() => getReviewRecord(applicationId), [applicationId]);
  if (!record.data || record.data.rounds.length === 0) return null;
  return (
    <Card title={t('record.title')} data-testid="review-record">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {record.data.rounds.map((round) => (
          <section key={round.key}>
            <Typography.Title level={3} style={{ fontSize: 16 }}>
              {round.name}
            </Typography.Title>
            {round.reviews.length > 0 ? (
              <Table
                rowKey={(r) => `${r.expertName}:${r.status}`}
                size="small"
                pagination={false}
                dataSource={round.reviews}
                columns={[
                  { title: t('assignment.expert'), dataIndex: 'expertName' },
                  {
                    title: t('review.state'),
                    render: (_, r) =>
                      r.status === 'declined' ? (
                        <Tag color="orange">{t('assignment.statusDeclined', { reason: r.conflictReason ?? '' })}</Tag>
                      ) : (
                        <Tag color={r.state === 'submitted' ? 'green' : 'default'}>{t(`review.state.${r.state ?? 'not_started'}`)}</Tag>
                      ),
                  },
                  { title: t('ranking.total'), render: (_, r) => r.total ?? '—' },
                  { title: t('record.submittedAt'), render: (_, r) => (r.submittedAt ? formatBeijing(r.submittedAt, lang) : '—') },
                ]}
              />
            ) : null}
            {round.events.map((e) => (
              <Descriptions key={e.id} size="small" bordered column={1} style={{ marginTop: 12 }} title={t(`events.kind.${e.kind}`)}>
                <Descriptions.Item label={t('events.when')}>{formatBeijing(e.scheduledAt, lang)}</Descriptions.Item>
                <Descriptions.Item label={t(e.kind === 'defence' ? 'events.room' : 'events.address')}>{e.place}</Descriptions.Item>
                <Descriptions.Item label={t(e.kind === 'defence' ? 'events.panel' : 'events.members')}>{e.members.join('、')}</Descriptions.Item>
                <Descriptions.Item label={t('events.findings')}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{e.findings || '—'}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('events.report')}>
                  {e.report ? (
                    <a href={eventReportUrl(e.id)} download>
                      {e.report.name}
                    </a>
                  ) : (
                    '—'
                  )}
                </Descriptions.Item>
              </Descriptions>
            ))}
          </section>
        ))}
      </Space>
    </Card>
  );
}
