// Page buttons under a long table: previous, the pages near the current one (first and last always), next.
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n.js';

/** The pages to offer: all of them up to 7, else the first, the last and the current one's neighbours, gaps as 0. */
export function pageList(current: number, pages: number): number[] {
  if (pages <= 7) return Array.from({ length: pages }, (_, i) => i + 1);
  let from = Math.max(2, Math.min(current - 1, pages - 4));
  let to = Math.min(pages - 1, Math.max(current + 1, 5));
  // A gap stands for two pages or more; one page alone is shown instead.
  if (from === 3) from = 2;
  if (to === pages - 2) to = pages - 1;
  const middle = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return [1, ...(from > 2 ? [0] : []), ...middle, ...(to < pages - 1 ? [0] : []), pages];
}

export function TablePager({ current, pages, small, onChange }: { current: number; pages: number; small: boolean; onChange(page: number): void }) {
  const { t } = useI18n();
  return (
    <nav className={small ? 'table-pager table-pager-small' : 'table-pager'} aria-label={t('table.pages')}>
      <button type="button" aria-label={t('table.previousPage')} disabled={current <= 1} onClick={() => onChange(current - 1)}>
        <LeftOutlined />
      </button>
      {pageList(current, pages).map((p, i) =>
        p === 0 ? (
          <span key={`gap-${i}`} className="table-pager-gap" aria-hidden="true">
            …
          </span>
        ) : (
          <button
            key={p}
            type="button"
            aria-label={t('table.page', { n: p })}
            aria-current={p === current ? 'page' : undefined}
            className={p === current ? 'table-pager-current' : undefined}
            onClick={() => onChange(p)}
          >
            {p}
          </button>
        ),
      )}
      <button type="button" aria-label={t('table.nextPage')} disabled={current >= pages} onClick={() => onChange(current + 1)}>
        <RightOutlined />
      </button>
    </nav>
  );
}
