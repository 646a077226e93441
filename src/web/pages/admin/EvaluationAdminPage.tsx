// The final evaluation for program admins: the test lab of each confirmed finalist (one by one, or a whole subfield),
// how far its measurements are, and per finalist the attainment: met or not against the committed and the plan
// target, by how much, and the share of targets met.
import { Button, Form, Select, Space } from 'antd';
import { useState } from 'react';
import type { EvaluationOverviewItem } from '../../../shared/schemas/evaluation.js';
import { ApiError } from '../../api/client.js';
import { assignLab, assignLabToSubfield, evaluationOverview, getAttainment, listLabs } from '../../api/evaluation.js';
import { ErrorView } from '../../components/ErrorView.js';
import { PageLoading } from '../../components/PageLoading.js';
import { ProgramSelect, useAdminProgram } from '../../components/ProgramSelect.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';
import { AttainmentTable, formatShare } from '../evaluation/AttainmentTable.js';
import { Card } from '../../components/Card.js';
import { Table } from '../../components/Table.js';
import { Tag } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';
import { useMessage } from '../../components/feedback.js';

export default function EvaluationAdminPage() {
  const { t } = useI18n();
  const message = useMessage();
  const chosen = useAdminProgram();
  const { program } = chosen;
  const overview = useLoader(() => (program ? evaluationOverview(program.id) : Promise.resolve({ items: [] })), [program?.id]);
  const labs = useLoader(listLabs, []);
  const [bulk, setBulk] = useState<{ subfieldId?: string; labId?: string }>({});
  if (!program) return null;
  const items = overview.data?.items ?? [];
  const subfields = [...new Map(items.map((i) => [i.subfieldId, i.subfield])).entries()];
  const labOptions = (labs.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }));
  const fail = (error: unknown) => message.error(error instanceof ApiError ? error.message : t('error.generic'));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('evaluationAdmin.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('evaluationAdmin.intro')}</Typography.Paragraph>
      <Card>
        <Form layout="inline" component="div">
          <ProgramSelect {...chosen} />
          <Form.Item label={t('catalogue.subfields')} htmlFor="bulk-subfield">
            <Select id="bulk-subfield" style={{ width: 240 }} value={bulk.subfieldId} onChange={(v: string) => setBulk((b) => ({ ...b, subfieldId: v }))} options={subfields.map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item label={t('evaluationAdmin.lab')} htmlFor="bulk-lab">
            <Select id="bulk-lab" style={{ width: 220 }} value={bulk.labId} onChange={(v: string) => setBulk((b) => ({ ...b, labId: v }))} options={labOptions} />
          </Form.Item>
          <Button
            disabled={!bulk.subfieldId || !bulk.labId}
            onClick={() =>
              void assignLabToSubfield(program.id, bulk.subfieldId!, bulk.labId!).then((r) => {
                message.success(t('evaluationAdmin.assignedMany', { n: r.assigned }));
                overview.reload();
              }, fail)
            }
          >
            {t('evaluationAdmin.assignSubfield')}
          </Button>
        </Form>
        {labs.data && labs.data.items.length === 0 ? <Typography.Paragraph type="warning" style={{ marginTop: 12 }}>{t('evaluationAdmin.noLabs')}</Typography.Paragraph> : null}
      </Card>
      {overview.error ? <ErrorView error={overview.error} onRetry={overview.reload} /> : null}
      <Card title={t('evaluationAdmin.finalists')}>
        <Table<EvaluationOverviewItem>
          rowKey="applicationId"
          size="small"
          pagination={false}
          loading={overview.loading}
          dataSource={items}
          locale={{ emptyText: t('evaluationAdmin.none') }}
          expandable={{ expandedRowRender: (r) => <Attainment applicationId={r.applicationId} />, rowExpandable: () => true }}
          columns={[
            { title: t('catalogue.subfields'), dataIndex: 'subfield', width: 200 },
            { title: t('application.title'), render: (_, r) => `${r.title}（${r.applicant}）` },
            { title: t('application.status'), render: (_, r) => <Tag>{t(`status.${r.status}`)}</Tag>, width: 130 },
            {
              title: t('evaluationAdmin.lab'),
              width: 220,
              render: (_, r) => (
                <Select
                  aria-label={`${t('evaluationAdmin.lab')} ${r.title}`}
                  style={{ width: 200 }}
                  placeholder={t('evaluationAdmin.chooseLab')}
                  value={r.lab?.id}
                  options={labOptions}
                  onChange={(labId: string) =>
                    void assignLab(program.id, r.applicationId, labId).then(() => {
                      message.success(t('evaluationAdmin.assigned'));
                      overview.reload();
                    }, fail)
                  }
                />
              ),
            },
            { title: t('lab.progress'), render: (_, r) => `${r.measuredCount}/${r.indicatorCount}`, width: 90 },
            { title: t('attainment.metShare'), render: (_, r) => (r.metShare === null ? '—' : `${formatShare(r.metShare)}（${r.met}/${r.judged}）`), width: 140 },
          ]}
        />
      </Card>
    </Space>
  );
}

function Attainment({ applicationId }: { applicationId: string }) {
  const { t } = useI18n();
  const attainment = useLoader(() => getAttainment(applicationId), [applicationId]);
  if (attainment.error) return <ErrorView error={attainment.error} onRetry={attainment.reload} />;
  if (!attainment.data) return <PageLoading />;
  return <AttainmentTable attainment={attainment.data} extra={{ title: t('attainment.comment'), render: (i) => (i.measurement?.comment ? <Typography.Text type="secondary">“{i.measurement.comment}”</Typography.Text> : null) }} />;
}
