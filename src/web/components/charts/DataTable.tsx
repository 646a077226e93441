// The figures of a chart as a plain table, folded under the chart: readable by screen readers, by keyboard, and when
// the chart cannot be drawn. A native table keeps these pages light (no table component with sorting and paging).
import type { ReactNode } from 'react';

export interface Column<T> {
  title: string;
  render(row: T): ReactNode;
  numeric?: boolean;
}

export function DataTable<T>({ caption, columns, rows, rowKey, open = false }: { caption: string; columns: Array<Column<T>>; rows: T[]; rowKey(row: T): string; open?: boolean }) {
  return (
    <details className="data-table" open={open}>
      <summary>{caption}</summary>
      <div className="data-table-scroll">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.title} scope="col" className={c.numeric ? 'num' : undefined}>
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.title} className={c.numeric ? 'num' : undefined}>
                    {c.render(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
