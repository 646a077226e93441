// The headline figures of a program's statistics, as a definition list (read the same by eye and by screen reader).
import type { PublicStatistics } from '../../../shared/schemas/statistics.js';
import { useI18n } from '../../i18n/i18n.js';

export function Figures({ stats }: { stats: PublicStatistics }) {
  const { t, lang } = useI18n();
  const number = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB');
  const items = [
    ['stats.total.applications', stats.totals.applications],
    ['stats.total.organizations', stats.totals.organizations],
    ['stats.total.regions', stats.totals.regions],
    ['stats.total.recommenders', stats.totals.recommenders],
  ] as const;
  return (
    <dl className="figures">
      {items.map(([key, value]) => (
        <div key={key}>
          <dt>{t(key)}</dt>
          <dd data-figure={key}>{number.format(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
