// A program at a glance: its title, quotas, the countdown to the next deadline and the timeline of its phases in
// Beijing time, with the changes made after a phase had opened (shown publicly, QUALITY S13).
import { Space, Timeline } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { PhaseKey, ProgramSummary } from '../../shared/schemas/system.js';
import { formatBeijing, nextDeadline, phaseState, splitDuration, type PhaseState } from '../format.js';
import { useI18n } from '../i18n/i18n.js';
import { Card } from './Card.js';
import { Tag, type TagColor } from './Tag.js';
import { Typography } from './Typography.js';

const STATE_COLOR: Record<PhaseState, TagColor> = { done: 'gray', current: 'green', upcoming: 'blue' };
const STATE_LABEL = { done: 'home.phaseDone', current: 'home.phaseCurrent', upcoming: 'home.phaseUpcoming' } as const;

export function Countdown({ phases, now }: { phases: ProgramSummary['phases']; now: number }) {
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

export function PhaseTimeline({ program, now }: { program: ProgramSummary; now: number }) {
  const { t, lang } = useI18n();
  if (program.phases.length === 0) return <Typography.Paragraph>{t('home.noPhases')}</Typography.Paragraph>;
  return (
    <Timeline
      items={program.phases.map((phase) => {
        const state = phaseState(phase, now);
        return {
          color: STATE_COLOR[state],
          content: (
            <span aria-current={state === 'current' ? 'step' : undefined}>
              <strong>{t(`phase.${phase.key}`)}</strong> {formatBeijing(phase.opensAt, lang)} – {formatBeijing(phase.closesAt, lang)}{' '}
              {/* A finished phase's tag in the default look: antd's custom grey tag is 3.5:1 on its fill. */}
              <Tag color={state === 'done' ? undefined : STATE_COLOR[state]}>{t(STATE_LABEL[state])}</Tag>
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
  );
}

export function ProgramOverview({ program, now, headingLevel = 2, extra }: { program: ProgramSummary; now: number; headingLevel?: 1 | 2; extra?: ReactNode }) {
  const { t, lang } = useI18n();
  return (
    <Card
      title={
        <Typography.Title level={headingLevel} style={{ margin: 0, fontSize: 20 }}>
          {lang === 'zh' ? program.title : program.titleEn || program.title}
        </Typography.Title>
      }
      extra={
        <Space wrap>
          <Tag>{program.code}</Tag>
          <Link to={`/programs/${program.code}/catalogue`}>{t('home.viewCatalogue')}</Link>
          {extra ?? <Link to={`/programs/${program.code}`}>{t('portal.open')}</Link>}
        </Space>
      }
    >
      {program.description ? <Typography.Paragraph>{lang === 'zh' ? program.description : program.descriptionEn || program.description}</Typography.Paragraph> : null}
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
      {program.phases.length > 0 ? <Countdown phases={program.phases} now={now} /> : null}
      <PhaseTimeline program={program} now={now} />
    </Card>
  );
}
