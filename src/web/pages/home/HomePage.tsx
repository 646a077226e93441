// Home: for a signed-in user, the to-do list first; then the programs, the current one with its timeline and
// countdown, the others with their current phase; and whether the server is up.
import { Alert, Empty, Space } from 'antd';
import { Link } from 'react-router';
import { Card } from '../../components/Card.js';
import { ErrorView } from '../../components/ErrorView.js';
import { PageLoading } from '../../components/PageLoading.js';
import { ProgramOverview } from '../../components/ProgramOverview.js';
import { Tag } from '../../components/Tag.js';
import { TodoList } from '../../components/TodoList.js';
import { Typography } from '../../components/Typography.js';
import { formatBeijing, phaseState } from '../../format.js';
import { usePlatform } from '../../hooks/platform.js';
import { useServerNow } from '../../hooks/use-server-now.js';
import { useI18n } from '../../i18n/i18n.js';

export default function HomePage() {
  const { t, lang } = useI18n();
  const { loading, programs, health, clockSkewMs, error, reload, session } = usePlatform();
  const [program, ...others] = programs;
  const serverNow = useServerNow(clockSkewMs);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <header>
        <Typography.Title level={1}>{t('home.title')}</Typography.Title>
        <Typography.Paragraph>{t('home.intro')}</Typography.Paragraph>
      </header>

      {session.user ? <TodoList /> : null}
      {loading ? <PageLoading /> : null}
      {error ? <ErrorView error={error} onRetry={reload} /> : null}
      {!loading && !error && !program ? <Empty description={t('home.noProgram')} /> : null}
      {program ? <ProgramOverview program={program} now={serverNow} /> : null}

      {others.length > 0 ? (
        <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('home.otherPrograms')}</Typography.Title>}>
          <ul className="todo-list">
            {others.map((p) => {
              const current = p.phases.filter((ph) => phaseState(ph, serverNow) === 'current');
              return (
                <li key={p.id}>
                  <span className="todo-what">
                    <Link to={`/programs/${p.code}`}>{lang === 'zh' ? p.title : p.titleEn || p.title}</Link>
                  </span>
                  <span>
                    {current.length > 0 ? current.map((ph) => <Tag key={ph.key} color="green">{t(`phase.${ph.key}`)}</Tag>) : <Tag>{t('home.noCurrentPhase')}</Tag>}
                  </span>
                </li>
              );
            })}
          </ul>
        </Card>
      ) : null}

      {health ? (
        <Alert type="success" showIcon title={t('status.online')} description={`${t('home.serverTime')}: ${formatBeijing(health.now, lang)}`} />
      ) : !loading ? (
        <Alert type="warning" showIcon title={t('status.offline')} />
      ) : null}
    </Space>
  );
}
