// Home: what the platform is, the current program and its timeline in Beijing time, and whether the server is up.
import { Alert, Card, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { ErrorView } from '../../components/ErrorView.js';
import { PageLoading } from '../../components/PageLoading.js';
import { formatBeijing, nextDeadline, phaseState, splitDuration, type PhaseState } from '../../format.js';
import type { PhaseKey } from '../../../shared/schemas/system.js';
import { Link } from 'react-router';
import { usePlatform } from '../../hooks/platform.js';
import { useServerNow } from '../../hooks/use-server-now.js';
import { useI18n } from '../../i18n/i18n.js';

const STATE_COLOR: Record<PhaseState, string> = { done: 'gray', current: 'green', upcoming: 'blue' };
const STATE_LABEL = { done: 'home.phaseDone', current: 'home.phaseCurrent', upcoming: 'home.phaseUpcoming' } as const;

function Countdown({ phases, now }: { phases: Array<{ key: PhaseKey; opensAt: string; closesAt: string }>; now: number }) {
  const { t } = useI18n();
  const next = nextDeadline(phases, now);
  if (!next) return <Typography.Paragraph>{t('home.allClosed')}</Typography.Paragraph>;
  const left = splitDuration(next.at - now);
  return (
    <div className="countdown" role="timer" aria-live="off">
      <span>{t('home.countdownTo', { phase: t(`phase.${next.key as PhaseKey}`), edge: t(`home.edge.${next.edge}`) })}</span>
      <strong data-testid="countdown">{t('home.countdown', left)}</strong>
    </div>
  );
}

export default function HomePage() {
  const { t, lang } = useI18n();
  const { loading, programs, health, clockSkewMs, error, reload } = usePlatform();
  const program = programs[0];
  const serverNow = useServerNow(clockSkewMs);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <header>
        <Typography.Title level={1}>{t('home.title')}</Typography.Title>
        <Typography.Paragraph>{t('home.intro')}</Typography.Paragraph>
      </header>

      {loading ? <PageLoading /> : null}
      {error ? <ErrorView error={error} onRetry={reload} /> : null}

      {!loading && !error && !program ? <Empty description={t('home.noProgram')} /> : null}

      {program ? (
        <Card
          title={
            <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
              {lang === 'zh' ? program.title : program.titleEn}
            </Typography.Title>
          }
          extra={
            <Space>
              <Tag>{program.code}</Tag>
              <Link to={`/programs/${program.code}/catalogue`}>{t('home.viewCatalogue')}</Link>
            </Space>
          }
        >
          <Typography.Paragraph type="secondary">
            {t('home.quotas', {
              finalists: program.quotas.finalistsPerSubfield,
              winners: program.quotas.winnersPerSubfield,
              applications: program.quotas.applicationsPerApplicant,
            })}
          </Typography.Paragraph>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('home.timeline')}
          </Typography.Title>
          {program.quotaChanges.map((c) => (
            <Typography.Paragraph key={c.changedAt} type="warning">
              {t('home.quotaChanged', {
                at: formatBeijing(c.changedAt, lang),
                f0: c.before.finalistsPerSubfield,
                f1: c.after.finalistsPerSubfield,
                w0: c.before.winnersPerSubfield,
                w1: c.after.winnersPerSubfield,
                a0: c.before.applicationsPerApplicant,
                a1: c.after.applicationsPerApplicant,
              })}
            </Typography.Paragraph>
          ))}
          {program.phases.length > 0 ? <Countdown phases={program.phases} now={serverNow} /> : null}
          {program.phases.length === 0 ? (
            <Typography.Paragraph>{t('home.noPhases')}</Typography.Paragraph>
          ) : (
            <Timeline
              items={program.phases.map((phase) => {
                const state = phaseState(phase, serverNow);
                return {
                  color: STATE_COLOR[state],
                  content: (
                    <span aria-current={state === 'current' ? 'step' : undefined}>
                      <strong>{t(`phase.${phase.key}`)}</strong> {formatBeijing(phase.opensAt, lang)} – {formatBeijing(phase.closesAt, lang)}{' '}
                      <Tag color={STATE_COLOR[state]}>{t(STATE_LABEL[state])}</Tag>
                      {program.phaseChanges
                        .filter((c) => c.key === phase.key)
                        .map((c) => (
                          <Typography.Text key={c.changedAt} type="warning" className="phase-change">
                            {t('home.changed', {
                              old: `${formatBeijing(c.oldOpensAt ?? c.opensAt, lang)} – ${formatBeijing(c.oldClosesAt ?? c.closesAt, lang)}`,
                              at: formatBeijing(c.changedAt, lang),
                            })}
                          </Typography.Text>
                        ))}
                    </span>
                  ),
                };
              })}
            />
          )}
        </Card>
      ) : null}

      {health ? (
        <Alert
          type="success"
          showIcon
          title={t('status.online')}
          description={`${t('home.serverTime')}: ${formatBeijing(health.now, lang)}`}
        />
      ) : !loading ? (
        <Alert type="warning" showIcon title={t('status.offline')} />
      ) : null}
    </Space>
  );
}
