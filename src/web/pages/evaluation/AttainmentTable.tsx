// The attainment of one application as everyone entitled reads it: per declared indicator the committed target, the
// plan target, the measured value, whether (and by how much) each was met, how and when it was tested; the share met.
import { Space } from 'antd';
import type { ReactNode } from 'react';
import type { Margin } from '../../../shared/attainment.js';
import type { IndicatorValue } from '../../../shared/schemas/applications.js';
import type { AttainmentItem, AttainmentResponse } from '../../../shared/schemas/evaluation.js';
import { labReportUrl } from '../../api/evaluation.js';
import { entryName } from '../../format.js';
import { useI18n, type Translate } from '../../i18n/i18n.js';
import { Table } from '../../components/Table.js';
import { Tag } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';

export function formatValue(t: Translate, v: IndicatorValue, unit: string): string {
  if (v === null) return '—';
  if (typeof v === 'boolean') return t(v ? 'application.reached' : 'application.notReached');
  return typeof v === 'number' && unit ? `${v} ${unit}` : String(v);
}

export function formatMargin(m: Margin | null, unit: string): string | null {
  if (!m) return null;
  const sign = m.delta > 0 ? '+' : '';
  const delta = `${sign}${Number(m.delta.toPrecision(6))}${unit === '%' ? ' pp' : unit ? ` ${unit}` : ''}`;
  return m.ratio === null ? delta : `${delta}（${m.ratio > 0 ? '+' : ''}${Math.round(m.ratio * 1000) / 10}%）`;
}

export const formatShare = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);

export function MetTag({ met, margin, unit }: { met: boolean | null; margin: Margin | null; unit: string }) {
  const { t } = useI18n();
  if (met === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const by = formatMargin(margin, unit);
  return (
    <Space size={4} wrap>
      <Tag color={met ? 'green' : 'red'}>{t(met ? 'attainment.met' : 'attainment.notMet')}</Tag>
      {by ? <Typography.Text style={{ fontSize: 12 }}>{by}</Typography.Text> : null}
    </Space>
  );
}

/** "C1" for a custom indicator reads as 自定义 1. */
export const itemCode = (t: Translate, item: Pick<AttainmentItem, 'code' | 'customIndicatorId'>) => (item.customIndicatorId ? `${t('application.custom')} ${item.code.slice(1)}` : item.code);

export function ShareSummary({ attainment }: { attainment: Pick<AttainmentResponse, 'metShare' | 'met' | 'judged'> }) {
  const { t } = useI18n();
  return (
    <Typography.Paragraph data-testid="met-share">
      {attainment.metShare === null ? t('attainment.shareNone') : t('attainment.share', { met: attainment.met, judged: attainment.judged, share: formatShare(attainment.metShare) })}
    </Typography.Paragraph>
  );
}

export function AttainmentTable({ attainment, extra }: { attainment: AttainmentResponse; extra?: { title: string; render: (item: AttainmentItem) => ReactNode } }) {
  const { t, lang } = useI18n();
  return (
    <>
      <ShareSummary attainment={attainment} />
      <Table<AttainmentItem>
        rowKey={(i) => i.indicatorId ?? i.customIndicatorId!}
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={attainment.items}
        data-testid="attainment-table"
        columns={[
          { title: t('indicator.code'), render: (_, i) => itemCode(t, i), width: 110 },
          { title: t('indicator.name'), render: (_, i) => entryName(i, lang) },
          { title: t('application.target'), render: (_, i) => formatValue(t, i.target, i.unit) },
          { title: t('indicator.planTarget'), render: (_, i) => i.planTarget?.text ?? '—' },
          { title: t('attainment.measured'), render: (_, i) => formatValue(t, i.measured, i.unit) },
          { title: t('attainment.vsTarget'), render: (_, i) => <MetTag met={i.metTarget} margin={i.margin} unit={i.unit} /> },
          { title: t('attainment.vsPlan'), render: (_, i) => <MetTag met={i.metPlanTarget} margin={i.planMargin} unit={i.unit} /> },
          {
            title: t('attainment.how'),
            render: (_, i) =>
              i.measurement ? (
                <Space orientation="vertical" size={0}>
                  <span>
                    {i.measurement.method} · {i.measurement.testedAt}
                  </span>
                  {i.measurement.reason ? <Typography.Text type="secondary">{t('attainment.reasonIs', { reason: i.measurement.reason })}</Typography.Text> : null}
                  {i.measurement.report ? (
                    <a href={labReportUrl(attainment.applicationId, i.measurement.report.id)} download>
                      {i.measurement.report.name}
                    </a>
                  ) : null}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('attainment.notMeasured')}</Typography.Text>
              ),
          },
          ...(extra ? [{ title: extra.title, render: (_: unknown, i: AttainmentItem) => extra.render(i) }] : []),
        ]}
      />
    </>
  );
}
