// The catalogue as its admins edit it: directions → subfields → indicators, each added, edited, retired or deleted
// (deleting what applications use is refused by the server with a clear message; retiring is the way out).
import { Button, Popconfirm, Space } from 'antd';
import { lazy, Suspense, useState } from 'react';
import type { CatalogueResponse } from '../../../../shared/schemas/catalogue.js';
import type { ProgramDocument } from '../../../../shared/schemas/program-document.js';
import { getCatalogue } from '../../../api/catalogue.js';
import { request } from '../../../api/client.js';
import { deleteEntry, exportUrl, updateEntry, type EntryFields, type EntryLevel } from '../../../api/programs-admin.js';
import { Card } from '../../../components/Card.js';
import { ErrorView } from '../../../components/ErrorView.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { Table } from '../../../components/Table.js';
import { Tag } from '../../../components/Tag.js';
import { Typography } from '../../../components/Typography.js';
import { useMessage } from '../../../components/feedback.js';
import { useLoader } from '../../../hooks/use-loader.js';
import { useI18n } from '../../../i18n/i18n.js';
import type { DrawerState } from './EntryDrawer.js';
import { useFailure } from './use-failure.js';

// The editing drawer (its form, selects and number inputs) loads when an entry is first added or edited.
const EntryDrawer = lazy(() => import('./EntryDrawer.js').then((m) => ({ default: m.EntryDrawer })));

type DirectionDoc = ProgramDocument['directions'][number];
type SubfieldDoc = DirectionDoc['subfields'][number];
type IndicatorDoc = SubfieldDoc['indicators'][number];
type WithId<T> = T & { id: string };

/** The raw document (own quotas, plan targets) joined with the catalogue's ids, by code (unique in a program). */
async function loadTree(code: string) {
  const [doc, catalogue] = await Promise.all([request<ProgramDocument>(exportUrl(code, 'json')), getCatalogue(code, true)]);
  const ids = new Map<string, string>();
  for (const d of (catalogue as CatalogueResponse).directions) {
    ids.set(d.code, d.id);
    for (const s of d.subfields) {
      ids.set(s.code, s.id);
      for (const i of s.indicators) ids.set(i.code, i.id);
    }
  }
  const id = (c: string) => {
    const found = ids.get(c);
    if (!found) throw new Error(`catalogue entry ${c} has no id`);
    return found;
  };
  return doc.directions.map((d) => ({
    ...d,
    id: id(d.code),
    subfields: d.subfields.map((s) => ({ ...s, id: id(s.code), indicators: s.indicators.map((i) => ({ ...i, id: id(i.code) })) })),
  }));
}

function without<T extends object, K extends keyof T>(entry: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...entry };
  for (const k of keys) delete copy[k];
  return copy;
}

export function CatalogueEditor({ programCode }: { programCode: string }) {
  const { t } = useI18n();
  const message = useMessage();
  const tree = useLoader(() => loadTree(programCode), [programCode]);
  const [drawer, setDrawer] = useState<DrawerState | null>(null);
  const { failure, show, clear } = useFailure();

  if (tree.loading && !tree.data) return <PageLoading />;
  if (tree.error && !tree.data) return <ErrorView error={tree.error} onRetry={tree.reload} />;
  const directions = tree.data ?? [];

  async function act(work: () => Promise<unknown>, done: string) {
    clear();
    try {
      await work();
      message.success(done);
      tree.reload();
    } catch (error) {
      show(error);
    }
  }

  function actions<L extends EntryLevel>(level: L, entry: WithId<EntryFields[L] & { name: string; retired: boolean }>, fields: EntryFields[L]) {
    return (
      <Space wrap size="small">
        <Button size="small" onClick={() => setDrawer({ level, mode: 'edit', id: entry.id, initial: fields })} aria-label={`${t('editor.edit')} ${entry.name}`}>
          {t('editor.edit')}
        </Button>
        <Button
          size="small"
          aria-label={`${entry.retired ? t('editor.reinstate') : t('editor.retire')} ${entry.name}`}
          onClick={() => void act(() => updateEntry(level, entry.id, { ...fields, retired: !entry.retired }), t('editor.saved'))}
        >
          {entry.retired ? t('editor.reinstate') : t('editor.retire')}
        </Button>
        <Popconfirm
          title={t(`editor.deleteConfirm.${level}`)}
          okText={t('editor.delete')}
          cancelText={t('editor.cancel')}
          onConfirm={() => act(() => deleteEntry(level, entry.id), t('editor.deleted'))}
        >
          <Button size="small" danger aria-label={`${t('editor.delete')} ${entry.name}`}>
            {t('editor.delete')}
          </Button>
        </Popconfirm>
      </Space>
    );
  }

  const nameCell = (e: { name: string; confirmed: boolean; retired: boolean }) => (
    <Space size={4} wrap>
      <span>{e.name}</span>
      {e.confirmed ? null : <Tag color="gold">{t('catalogue.example')}</Tag>}
      {e.retired ? <Tag>{t('catalogue.retired')}</Tag> : null}
    </Space>
  );

  const indicatorTable = (s: WithId<SubfieldDoc> & { indicators: Array<WithId<IndicatorDoc>> }) => (
    <Table<WithId<IndicatorDoc>>
      rowKey="id"
      size="small"
      pagination={false}
      locale={{ emptyText: t('editor.noIndicators') }}
      dataSource={s.indicators}
      title={() => (
        <Button size="small" onClick={() => setDrawer({ level: 'indicators', mode: 'create', parent: s.id })}>
          {t('editor.addIndicator')}
        </Button>
      )}
      columns={[
        { title: t('editor.code'), dataIndex: 'code', width: 120 },
        { title: t('editor.name'), render: (_, i) => nameCell(i) },
        { title: t('editor.kind'), render: (_, i) => t(`indicator.kind.${i.kind}`) },
        { title: t('editor.unit'), render: (_, i) => i.unit || '—' },
        { title: t('editor.better'), render: (_, i) => (i.better ? t(`indicator.${i.better}`) : '—') },
        { title: t('editor.planTarget'), render: (_, i) => i.planTarget?.text ?? '—' },
        { title: '', render: (_, i) => actions('indicators', i, without(i, 'id')) },
      ]}
    />
  );

  const subfieldTable = (d: (typeof directions)[number]) => (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      locale={{ emptyText: t('editor.noSubfields') }}
      dataSource={d.subfields}
      title={() => (
        <Button size="small" onClick={() => setDrawer({ level: 'subfields', mode: 'create', parent: d.id })}>
          {t('editor.addSubfield')}
        </Button>
      )}
      expandable={{ expandedRowRender: indicatorTable }}
      columns={[
        { title: t('editor.code'), dataIndex: 'code', width: 100 },
        { title: t('editor.name'), render: (_, s) => nameCell(s) },
        {
          title: t('editor.quotas'),
          render: (_, s) => (s.finalistsQuota === null && s.winnersQuota === null ? t('editor.programQuotas') : `${s.finalistsQuota ?? '—'} / ${s.winnersQuota ?? '—'}`),
        },
        { title: t('catalogue.indicators'), render: (_, s) => s.indicators.length },
        { title: '', render: (_, s) => actions('subfields', s, without(s, 'id', 'indicators')) },
      ]}
    />
  );

  return (
    <Card>
      {failure}
      <Space style={{ marginBottom: 16 }} wrap>
        <Button type="primary" onClick={() => setDrawer({ level: 'directions', mode: 'create', parent: programCode })}>
          {t('editor.addDirection')}
        </Button>
        <Typography.Text type="secondary">{t('editor.catalogueHelp')}</Typography.Text>
      </Space>
      <Table
        rowKey="id"
        pagination={false}
        locale={{ emptyText: t('editor.noDirections') }}
        dataSource={directions}
        expandable={{ expandedRowRender: subfieldTable }}
        columns={[
          { title: t('editor.code'), dataIndex: 'code', width: 90 },
          { title: t('editor.name'), render: (_, d) => nameCell(d) },
          { title: t('editor.group'), dataIndex: 'group', width: 100 },
          { title: t('catalogue.subfields'), render: (_, d) => d.subfields.length, width: 90 },
          { title: '', render: (_, d) => actions('directions', d, without(d, 'id', 'subfields')) },
        ]}
      />
      {drawer ? (
        <Suspense fallback={null}>
          <EntryDrawer
            state={drawer}
            onClose={() => setDrawer(null)}
            onSaved={() => {
              setDrawer(null);
              message.success(t('editor.saved'));
              tree.reload();
            }}
          />
        </Suspense>
      ) : null}
    </Card>
  );
}
