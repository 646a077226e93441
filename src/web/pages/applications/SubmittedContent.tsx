// A submitted version of an application as readers see it: its details, sections in the program's order, the
// indicator table and the attachments. The paper copy and the expert's review page show it.
import { Descriptions } from 'antd';
import type { IndicatorValue, SubmittedVersion } from '../../../shared/schemas/applications.js';
import { getCatalogue } from '../../api/catalogue.js';
import { Table } from '../../components/Table.js';
import { Typography } from '../../components/Typography.js';
import { entryName } from '../../format.js';
import { usePlatform } from '../../hooks/platform.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useI18n } from '../../i18n/i18n.js';

export function SubmittedContent({ content }: { content: SubmittedVersion['content'] }) {
  const { t, lang } = useI18n();
  const { programs } = usePlatform();
  // The stored copy names the subfield by its code; the catalogue gives its name.
  const catalogue = useLoader(() => getCatalogue(content.application.program), [content.application.program]);
  const subfield = catalogue.data?.directions.flatMap((d) => d.subfields).find((s) => s.code === content.application.subfield);
  const program = programs.find((p) => p.code === content.application.program);
  const sectionOrder = (key: string) => {
    const index = program?.sections.findIndex((s) => s.key === key) ?? -1;
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  const show = (v: IndicatorValue) => (v === null ? '—' : typeof v === 'boolean' ? t(v ? 'application.reached' : 'application.notReached') : String(v));
  return (
    <>
      <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('application.title')}>{content.title}</Descriptions.Item>
        <Descriptions.Item label={t('print.subfield')}>{subfield ? `${subfield.code} ${entryName(subfield, lang)}` : content.application.subfield}</Descriptions.Item>
        <Descriptions.Item label={t('receipt.organization')}>
          {content.organization.name}（{content.organization.uscc}）
        </Descriptions.Item>
        <Descriptions.Item label={t('application.responsibleUnit')}>{content.responsibleUnit}</Descriptions.Item>
        <Descriptions.Item label={t('application.person.name')}>
          {content.responsiblePerson.name} · {content.responsiblePerson.title} · {content.responsiblePerson.phone} · {content.responsiblePerson.email}
        </Descriptions.Item>
        <Descriptions.Item label={t('application.recommender')}>{content.recommender?.name ?? '—'}</Descriptions.Item>
      </Descriptions>
      {/* In the program's order of sections (the stored copy keeps them in canonical key order). */}
      {Object.entries(content.sections)
        .sort(([a], [b]) => sectionOrder(a) - sectionOrder(b))
        .filter(([, text]) => text.trim() !== '')
        .map(([key, text]) => (
          <section key={key} style={{ marginBottom: 16 }}>
            <Typography.Title level={2} style={{ fontSize: 17 }}>
              {program?.sections.find((s) => s.key === key)?.title ?? key}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{text}</Typography.Paragraph>
          </section>
        ))}
      <Typography.Title level={2} style={{ fontSize: 17 }}>
        {t('application.indicators')}
      </Typography.Title>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={[...content.indicators, ...content.customIndicators.map((c) => ({ code: t('application.custom'), name: c.name, unit: c.unit, current: c.current, target: c.target, note: '' }))].map(
          (row, i) => ({ ...row, code: `${row.code}${i >= content.indicators.length ? ` ${i - content.indicators.length + 1}` : ''}` }),
        )}
        columns={[
          { title: t('indicator.code'), dataIndex: 'code', width: 110 },
          { title: t('indicator.name'), dataIndex: 'name' },
          { title: t('indicator.unit'), render: (_, r) => r.unit || '—', width: 80 },
          { title: t('application.current'), render: (_, r) => show(r.current) },
          { title: t('application.target'), render: (_, r) => show(r.target) },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 17, marginTop: 16 }}>
        {t('application.attachments')}
      </Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={content.attachments}
        locale={{ emptyText: t('application.noAttachments') }}
        columns={[
          { title: t('application.fileName'), dataIndex: 'name' },
          { title: 'SHA-256', render: (_, a) => <span className="print-hash">{a.sha256}</span> },
        ]}
      />
    </>
  );
}
