// The applicant's dashboard: its applications with their status, the next deadline and what to do next (待办).
import { Alert, Button, Empty, Space } from 'antd';
import { Link } from 'react-router';
import type { ApplicationListItem } from '../../../shared/schemas/applications.js';
import { checkApplication, listMyApplications } from '../../api/applications.js';
import { getCatalogue } from '../../api/catalogue.js';
import { Card } from '../../components/Card.js';
import { ErrorView } from '../../components/ErrorView.js';
import { PageLoading } from '../../components/PageLoading.js';
import { Table } from '../../components/Table.js';
import { Tag } from '../../components/Tag.js';
import { Typography } from '../../components/Typography.js';
import { formatBeijing, subfieldLabels } from '../../format.js';
import { usePlatform } from '../../hooks/platform.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useServerNow } from '../../hooks/use-server-now.js';
import { useI18n } from '../../i18n/i18n.js';
import { CONFIRMED_FINALIST_OR_LATER } from '../../../shared/vocabulary.js';

const EVALUATED: readonly string[] = CONFIRMED_FINALIST_OR_LATER;

export default function MyApplicationsPage() {
  const { t, lang } = useI18n();
  const { programs, clockSkewMs } = usePlatform();
  const list = useLoader(async () => {
    const { items } = await listMyApplications();
    // What still stops each editable one (the same checks as submitting), for the to-do column.
    const missing = await Promise.all(
      items.map((a) => (a.status === 'draft' || a.status === 'returned' ? checkApplication(a.id).then((c) => c.problems.length, () => null) : Promise.resolve(null))),
    );
    return { items, missing: new Map(items.map((a, i) => [a.id, missing[i] ?? null])) };
  }, []);
  const now = useServerNow(clockSkewMs, 60_000);
  // An organization may apply in several programs: the subfield names of each program it has applications in.
  const programIds = [...new Set((list.data?.items ?? []).map((a) => a.programId))];
  const catalogues = useLoader(() => Promise.all(programIds.map((id) => getCatalogue(id))), [programIds.join(',')]);
  if (list.error) return <ErrorView error={list.error} onRetry={list.reload} />;
  if (list.loading || !list.data) return <PageLoading />;
  const subfieldName = new Map((catalogues.data ?? []).flatMap((c) => [...subfieldLabels(c, lang)]));
  const programName = (id: string) => {
    const p = programs.find((x) => x.id === id);
    return p ? (lang === 'zh' ? p.title : p.titleEn || p.title) : '';
  };
  // The deadline that matters to an applicant: the application phase that is open now, the soonest closing first.
  const applicationCloses = programs
    .flatMap((p) => p.phases.filter((ph) => ph.key === 'application' && Date.parse(ph.opensAt) <= now && Date.parse(ph.closesAt) > now).map((ph) => ph.closesAt))
    .sort()[0];
  const todo = (a: ApplicationListItem) => {
    const missing = list.data?.missing.get(a.id);
    const base = todoText(a);
    return missing ? `${base}（${t('application.todo.missing', { n: missing })}）` : base;
  };
  const todoText = (a: ApplicationListItem) =>
    a.status === 'draft' ? t('application.todo.draft') : a.status === 'returned' ? t('application.todo.returned') : a.status === 'submitted' ? t('application.todo.submitted') : '—';

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('application.mine')}
      </Typography.Title>
      {applicationCloses ? <Alert type="info" showIcon title={t('application.deadlineNotice', { at: formatBeijing(applicationCloses, lang) })} /> : null}
      <Card>
        {list.data.items.length === 0 ? (
          <Empty description={t('application.none')}>
            <Link to="/catalogue">
              <Button type="primary">{t('application.chooseSubfield')}</Button>
            </Link>
          </Empty>
        ) : (
          <Table<ApplicationListItem>
            rowKey="id"
            pagination={false}
            dataSource={list.data.items}
            columns={[
              { title: t('application.title'), render: (_, a) => <Link to={`/applications/${a.id}`}>{a.title || t('application.untitled')}</Link> },
              ...(programIds.length > 1 ? [{ title: t('program.choose'), render: (_: unknown, a: ApplicationListItem) => programName(a.programId) }] : []),
              { title: t('catalogue.subfields'), render: (_, a) => subfieldName.get(a.subfieldId) ?? '' },
              { title: t('application.status'), render: (_, a) => <Tag>{t(`status.${a.status}`)}</Tag> },
              { title: t('application.receiptNumber'), render: (_, a) => (a.receiptNumber ? <Link to={`/applications/${a.id}/receipt`}>{a.receiptNumber}</Link> : '—') },
              {
                title: t('application.next'),
                render: (_, a) =>
                  // Confirmed finalists report progress and see what the lab measured.
                  EVALUATED.includes(a.status) ? <Link to={`/applications/${a.id}/evaluation`}>{t('evaluation.todo')}</Link> : todo(a),
              },
              { title: t('application.updatedAt'), render: (_, a) => formatBeijing(a.updatedAt, lang) },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
