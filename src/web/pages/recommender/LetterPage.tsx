// The recommendation letter (推荐函): the unit's batch as sent to the ministry, printable, carrying its content hash.
import { Alert, Button, Space } from 'antd';
import { Link } from 'react-router';
import { regionByCode } from '../../../shared/regions.js';
import { getBatch } from '../../api/recommendations.js';
import { PageLoading } from '../../components/PageLoading.js';
import { Table } from '../../components/Table.js';
import { Typography } from '../../components/Typography.js';
import { useAdminProgram } from '../../components/ProgramSelect.js';
import { formatBeijing } from '../../format.js';
import { usePlatform } from '../../hooks/platform.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';

export default function LetterPage() {
  const { t, lang } = useI18n();
  const { session } = usePlatform();
  const { program } = useAdminProgram();
  const recommenderId = session.user?.recommenderId ?? '';
  const batch = useLoader(() => (program && recommenderId ? getBatch(recommenderId, program.id) : Promise.resolve(null)), [program?.id, recommenderId]);
  if (!program || !recommenderId) return <Alert type="info" showIcon title={t('recommender.noUnit')} />;
  if (!batch.data) return <PageLoading />;
  const { batch: sent, rows, recommender } = batch.data;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space className="no-print">
        <Link to={`/recommender?program=${encodeURIComponent(program.code)}`}>← {t('recommender.title')}</Link>
        <Button onClick={() => window.print()}>{t('receipt.print')}</Button>
      </Space>
      {!sent ? <Alert className="no-print" type="warning" showIcon title={t('letter.draft')} /> : null}
      <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>
        {t('letter.title', { program: program.title })}
      </Typography.Title>
      <Typography.Paragraph>{t('letter.salutation')}</Typography.Paragraph>
      <Typography.Paragraph>{t('letter.body', { unit: recommender.name, n: rows.length })}</Typography.Paragraph>
      <Table
        rowKey="applicationId"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '序号', dataIndex: 'index', width: 50 },
          { title: '揭榜方向', dataIndex: 'direction' },
          { title: '细分领域', dataIndex: 'subfield' },
          { title: '项目名称', dataIndex: 'title' },
          { title: '申报单位', dataIndex: 'organization' },
          { title: '所属地区', render: (_, r) => regionByCode(r.regionCode)?.name ?? r.regionCode },
          { title: '推荐排序', dataIndex: 'rank', width: 70 },
          { title: '推荐意见', dataIndex: 'comment' },
        ]}
      />
      <Typography.Paragraph style={{ textAlign: 'right', marginTop: 32 }}>
        {recommender.name}（{t('letter.seal')}）
        <br />
        {sent ? formatBeijing(sent.submittedAt, lang, false) : ''}
      </Typography.Paragraph>
      {sent ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 11 }} data-testid="letter-hash">
          {t('letter.hash')} SHA-256 {sent.sha256} · SM3 {sent.sm3}
        </Typography.Paragraph>
      ) : null}
    </Space>
  );
}
