// A program's editor for its admins: description, catalogue, sections of the application form, review rounds.
import { Alert, Space, Tabs } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { exportUrl } from '../../../api/programs-admin.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { Typography } from '../../../components/Typography.js';
import { usePlatform } from '../../../hooks/platform.js';
import { useI18n } from '../../../i18n/i18n.js';
import { CatalogueEditor } from './CatalogueEditor.js';

// The other tabs load when first shown (the editor opens on the catalogue).
const SectionsEditor = lazy(() => import('./SectionsEditor.js').then((m) => ({ default: m.SectionsEditor })));
const ReviewRoundsEditor = lazy(() => import('./ReviewRoundsEditor.js').then((m) => ({ default: m.ReviewRoundsEditor })));
const InfoForm = lazy(() => import('./InfoForm.js').then((m) => ({ default: m.InfoForm })));
const later = (node: ReactNode) => <Suspense fallback={<PageLoading />}>{node}</Suspense>;

export default function ProgramEditorPage() {
  const { t, lang } = useI18n();
  const { programs } = usePlatform();
  const { programCode } = useParams();
  const [search, setSearch] = useSearchParams();
  const program = programs.find((p) => p.code === programCode || p.id === programCode);
  if (!program) return <Alert type="warning" showIcon title={t('programs.notFound')} />;
  const tab = search.get('tab') ?? 'catalogue';

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {lang === 'zh' ? program.title : program.titleEn || program.title}
      </Typography.Title>
      <Space wrap>
        <Link to="/admin/programs">{t('programs.back')}</Link>
        <Link to={`/admin/programs/${program.code}/phases`}>{t('programs.phases')}</Link>
        <Link to={`/programs/${program.code}/catalogue`}>{t('programs.publicView')}</Link>
        <a href={exportUrl(program.code, 'xlsx')} download>
          {t('programs.exportXlsx')}
        </a>
        <a href={exportUrl(program.code, 'json')} download>
          {t('programs.exportJson')}
        </a>
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch({ tab: key }, { replace: true })}
        items={[
          { key: 'catalogue', label: t('editor.tab.catalogue'), children: <CatalogueEditor programCode={program.code} /> },
          { key: 'sections', label: t('editor.tab.sections'), children: later(<SectionsEditor program={program} />) },
          { key: 'rounds', label: t('editor.tab.rounds'), children: later(<ReviewRoundsEditor program={program} />) },
          { key: 'info', label: t('editor.tab.info'), children: later(<InfoForm code={program.code} initial={program} />) },
        ]}
      />
    </Space>
  );
}
