// The figures of a chart as a table, folded under the chart: readable by screen readers, by keyboard, and when the
// chart cannot be drawn. The platform's own light Table, every row on one page.
import type { Key, ReactNode } from 'react';
import { Table } from '../Table.js';

export interface Column<T> {
  title: string;
  render(row: T): ReactNode;
  numeric?: boolean;
}

export function DataTable<T extends object>({ caption, columns, rows, rowKey, open = false }: { caption: string; columns: Array<Column<T>>; rows: T[]; rowKey(row: T): Key; open?: boolean }) {
  return (
    <details className="data-table" open={open}>
      <summary>{caption}</summary>
      <Table<T>
        size="small"
        pagination={false}
        scroll={{ x: true }}
        rowKey={rowKey}
        dataSource={rows}
        columns={columns.map((c) => ({ key: c.title, title: c.title, align: c.numeric ? 'right' : undefined, render: (_: never, row: T) => c.render(row) }))}
      />
    </details>
  );
}
