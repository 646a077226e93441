// The app's data table: the part of antd's Table API the pages use, as semantic <table> markup with native buttons and
// checkboxes, in antd's look and class names (ant-table, ant-table-row…, which the browser journeys select on).
// antd's own Table brings Pagination, Select, Dropdown, Checkbox, Tree… (~100 KB gzip) into every page that lists.
import { useId, useState, type CSSProperties, type Key, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { TablePager } from './TablePager.js';
import './Table.css';

export interface ColumnType<T> {
  title?: ReactNode;
  /** The row's field shown in the cell, and passed to `render` as its first argument. */
  dataIndex?: Extract<keyof T, string>;
  key?: Key;
  // `never`: a page may annotate the value with the field's own type (`(kind: Unit['kind']) => …`).
  render?: (value: never, record: T, index: number) => ReactNode;
  width?: number | string;
  align?: 'left' | 'center' | 'right';
  /** One line, cut with "…"; the whole text in the cell's tooltip. */
  ellipsis?: boolean;
}

export interface TableProps<T> {
  columns: ReadonlyArray<ColumnType<T>>;
  dataSource: readonly T[];
  rowKey: Extract<keyof T, string> | ((record: T) => Key);
  /** Pages of `pageSize` rows (10 when not given, as antd); `false` shows every row. */
  pagination?: false | { pageSize?: number };
  locale?: { emptyText?: ReactNode };
  size?: 'small' | 'middle' | 'large';
  loading?: boolean;
  /** `x`: the table's width inside a horizontally scrolling box (`true`: as wide as its content). */
  scroll?: { x?: number | string | true };
  title?: () => ReactNode;
  expandable?: {
    expandedRowRender: (record: T, index: number) => ReactNode;
    rowExpandable?: (record: T) => boolean;
  };
  rowSelection?: {
    selectedRowKeys: readonly Key[];
    onChange: (keys: Key[], rows: T[]) => void;
    getCheckboxProps?: (record: T) => { disabled?: boolean; 'aria-label'?: string };
  };
  className?: string;
  style?: CSSProperties;
  /** Passed to the wrapper, as antd's Table does (tests and pages name a table by it). */
  'data-testid'?: string;
}

const classes = (...names: Array<string | false | undefined>) => names.filter(Boolean).join(' ');

export function Table<T extends object>(props: TableProps<T>) {
  const { columns, dataSource, rowKey, pagination, locale, size, loading, scroll, title, expandable, rowSelection } = props;
  const { t } = useI18n();
  const id = useId();
  const [page, setPage] = useState(1);
  const [expanded, setExpanded] = useState<ReadonlySet<Key>>(new Set());

  const keyOf = (record: T): Key => (typeof rowKey === 'function' ? rowKey(record) : (record[rowKey] as Key));
  const pageSize = pagination === false ? dataSource.length || 1 : (pagination?.pageSize ?? 10);
  const pages = Math.max(1, Math.ceil(dataSource.length / pageSize));
  // A shorter list (a search, a reload) keeps the reader on the last page there is.
  const current = Math.min(page, pages);
  const rows = pagination === false ? dataSource : dataSource.slice((current - 1) * pageSize, current * pageSize);
  const span = columns.length + (rowSelection ? 1 : 0) + (expandable ? 1 : 0);

  const selected = new Set(rowSelection?.selectedRowKeys ?? []);
  const selectable = rowSelection ? rows.filter((r) => !rowSelection.getCheckboxProps?.(r)?.disabled) : [];
  const allSelected = selectable.length > 0 && selectable.every((r) => selected.has(keyOf(r)));
  const someSelected = selectable.some((r) => selected.has(keyOf(r)));
  // As antd: the new selection holds only rows that are in the table.
  const select = (change: (keys: Set<Key>) => void) => {
    if (!rowSelection) return;
    const keys = new Set([...selected].filter((k) => dataSource.some((r) => keyOf(r) === k)));
    change(keys);
    rowSelection.onChange([...keys], dataSource.filter((r) => keys.has(keyOf(r))));
  };
  const toggleExpanded = (key: Key) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const tableStyle: CSSProperties = {
    tableLayout: columns.some((c) => c.ellipsis) ? 'fixed' : undefined,
    width: scroll?.x === true ? 'max-content' : scroll?.x,
    minWidth: scroll?.x !== undefined ? '100%' : undefined,
  };
  const align = (c: ColumnType<T>): CSSProperties | undefined => (c.align ? { textAlign: c.align } : undefined);
  const columnKey = (c: ColumnType<T>, i: number) => c.key ?? c.dataIndex ?? i;

  return (
    <div className={classes('ant-table-wrapper', props.className)} style={props.style} data-testid={props['data-testid']}>
      <div className={classes('ant-table', size === 'small' && 'ant-table-small', size === 'middle' && 'ant-table-middle', loading && 'ant-table-loading')} aria-busy={loading || undefined}>
        {title ? <div className="ant-table-title">{title()}</div> : null}
        <div className="ant-table-container">
          <div className={classes('ant-table-content', scroll?.x !== undefined && 'ant-table-scroll')}>
            <table style={tableStyle}>
              <colgroup>
                {rowSelection ? <col className="ant-table-selection-col" /> : null}
                {expandable ? <col className="ant-table-expand-icon-col" /> : null}
                {columns.map((c, i) => (
                  <col key={columnKey(c, i)} style={c.width !== undefined ? { width: c.width } : undefined} />
                ))}
              </colgroup>
              <thead className="ant-table-thead">
                <tr>
                  {rowSelection ? (
                    <th scope="col" className="ant-table-cell ant-table-selection-column">
                      <input
                        type="checkbox"
                        className="table-checkbox"
                        aria-label={t('table.selectAll')}
                        checked={allSelected}
                        disabled={selectable.length === 0}
                        ref={(box) => {
                          if (box) box.indeterminate = someSelected && !allSelected;
                        }}
                        onChange={() => select((keys) => selectable.forEach((r) => (allSelected ? keys.delete(keyOf(r)) : keys.add(keyOf(r)))))}
                      />
                    </th>
                  ) : null}
                  {expandable ? <th scope="col" className="ant-table-cell ant-table-row-expand-icon-cell" /> : null}
                  {columns.map((c, i) => (
                    <th key={columnKey(c, i)} scope="col" className="ant-table-cell" style={align(c)}>
                      {c.title}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="ant-table-tbody">
                {rows.length === 0 ? (
                  <tr className="ant-table-placeholder">
                    <td className="ant-table-cell" colSpan={span}>
                      {locale?.emptyText ?? <NoData text={t('table.empty')} />}
                    </td>
                  </tr>
                ) : (
                  rows.flatMap((record, index) => {
                    const key = keyOf(record);
                    const isSelected = selected.has(key);
                    const canExpand = expandable ? (expandable.rowExpandable?.(record) ?? true) : false;
                    const isOpen = canExpand && expanded.has(key);
                    const detailsId = `${id}-row-${String(key)}`;
                    const checkbox = rowSelection?.getCheckboxProps?.(record) ?? {};
                    const row = (
                      <tr key={key} data-row-key={String(key)} className={classes('ant-table-row', 'ant-table-row-level-0', isSelected && 'ant-table-row-selected')}>
                        {rowSelection ? (
                          <td className="ant-table-cell ant-table-selection-column">
                            <input
                              type="checkbox"
                              className="table-checkbox"
                              aria-label={checkbox['aria-label']}
                              checked={isSelected}
                              disabled={checkbox.disabled}
                              onChange={() => select((keys) => (isSelected ? keys.delete(key) : keys.add(key)))}
                            />
                          </td>
                        ) : null}
                        {expandable ? (
                          <td className="ant-table-cell ant-table-row-expand-icon-cell">
                            {canExpand ? (
                              <button
                                type="button"
                                className={classes('ant-table-row-expand-icon', isOpen ? 'ant-table-row-expand-icon-expanded' : 'ant-table-row-expand-icon-collapsed')}
                                aria-label={t(isOpen ? 'table.collapseRow' : 'table.expandRow')}
                                aria-expanded={isOpen}
                                aria-controls={isOpen ? detailsId : undefined}
                                onClick={() => toggleExpanded(key)}
                              />
                            ) : (
                              <span className="ant-table-row-expand-icon ant-table-row-expand-icon-spaced" />
                            )}
                          </td>
                        ) : null}
                        {columns.map((c, i) => {
                          const value = c.dataIndex !== undefined ? record[c.dataIndex] : undefined;
                          const content = c.render ? c.render(value as never, record, index) : (value as ReactNode);
                          return (
                            <td
                              key={columnKey(c, i)}
                              className={classes('ant-table-cell', c.ellipsis && 'ant-table-cell-ellipsis')}
                              style={align(c)}
                              title={c.ellipsis && (typeof content === 'string' || typeof content === 'number') ? String(content) : undefined}
                            >
                              {content}
                            </td>
                          );
                        })}
                      </tr>
                    );
                    if (!isOpen || !expandable) return [row];
                    return [
                      row,
                      <tr key={`${String(key)}-expanded`} id={detailsId} className="ant-table-expanded-row ant-table-expanded-row-level-1">
                        <td className="ant-table-cell" colSpan={span}>
                          {expandable.expandedRowRender(record, index)}
                        </td>
                      </tr>,
                    ];
                  })
                )}
              </tbody>
            </table>
          </div>
        </div>
        {loading ? (
          <div className="ant-table-spin" role="status">
            <span className="spinner" aria-hidden="true">
              <i />
              <i />
              <i />
              <i />
            </span>
            <span className="visually-hidden">{t('common.loading')}</span>
          </div>
        ) : null}
      </div>
      {pagination !== false && pages > 1 ? <TablePager current={current} pages={pages} small={size === 'small'} onChange={setPage} /> : null}
    </div>
  );
}

/** antd's empty-table picture (a tray) and its sentence. */
function NoData({ text }: { text: string }) {
  return (
    <div className="table-empty">
      <svg width="64" height="41" viewBox="0 0 64 41" aria-hidden="true" focusable="false">
        <ellipse cx="32" cy="34" rx="32" ry="7" fill="#f5f5f5" />
        <path d="M10 14 18.5 4h27L54 14v16H10Z" fill="#fafafa" stroke="#d9d9d9" />
        <path d="M10 14h13a9 5 0 0 0 18 0h13" fill="none" stroke="#d9d9d9" />
      </svg>
      <div>{text}</div>
    </div>
  );
}
