// The app's table: semantic markup, cells from fields or render functions, paging, empty text, expandable rows and
// row selection by native controls, in both languages.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState, type Key } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider, LANG_STORAGE_KEY } from '../i18n/i18n.js';
import { Table, type TableProps } from './Table.js';
import { pageList } from './TablePager.js';

interface Row {
  id: string;
  name: string;
  score: number;
}

const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: `r${i + 1}`, name: `第${i + 1}项`, score: i * 10 }));
const columns: TableProps<Row>['columns'] = [
  { title: '名称', dataIndex: 'name' },
  { title: '得分', dataIndex: 'score', align: 'right', render: (score: number, row, index) => `${score}分（${row.id}，第${index}行）` },
];
const show = (props: Partial<TableProps<Row>>) =>
  render(
    <I18nProvider>
      <Table<Row> rowKey="id" columns={columns} dataSource={rows(3)} {...props} />
    </I18nProvider>,
  );
const bodyRows = () => screen.getAllByRole('row').filter((r) => r.classList.contains('ant-table-row'));

describe('Table', () => {
  it('renders a table with column headers and a cell per field or render function', () => {
    show({ pagination: false });
    expect(screen.getByRole('table')).toBeTruthy();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['名称', '得分']);
    const first = bodyRows()[0]!;
    expect(first.getAttribute('data-row-key')).toBe('r1');
    expect(within(first).getAllByRole('cell').map((c) => c.textContent)).toEqual(['第1项', '0分（r1，第0行）']);
    expect(within(first).getAllByRole('cell')[1]!.style.textAlign).toBe('right');
    // The class names antd's table has, which the browser journeys select on.
    expect(document.querySelectorAll('.ant-table-tbody > tr.ant-table-row')).toHaveLength(3);
  });

  it('takes row keys from a function', () => {
    show({ rowKey: (r) => `k-${r.name}`, pagination: false });
    expect(bodyRows()[1]!.getAttribute('data-row-key')).toBe('k-第2项');
  });

  it('says when there is nothing, in its own words or the page’s', () => {
    const { unmount } = show({ dataSource: [] });
    expect(screen.getByText('暂无数据')).toBeTruthy();
    unmount();
    show({ dataSource: [], locale: { emptyText: '还没有申报书' } });
    expect(screen.getByRole('cell').textContent).toBe('还没有申报书');
    expect(screen.getByRole('cell').getAttribute('colspan')).toBe('2');
  });

  it('shows ten rows a page unless told otherwise, and moves between pages', () => {
    const { unmount } = show({ dataSource: rows(25) });
    expect(bodyRows()).toHaveLength(10);
    unmount();
    show({ dataSource: rows(25), pagination: { pageSize: 20 } });
    const pager = screen.getByRole('navigation', { name: '分页' });
    expect(bodyRows()).toHaveLength(20);
    expect(within(pager).getByRole('button', { name: '第 1 页' }).getAttribute('aria-current')).toBe('page');
    expect((within(pager).getByRole('button', { name: '上一页' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(pager).getByRole('button', { name: '下一页' }));
    expect(bodyRows().map((r) => r.getAttribute('data-row-key'))).toEqual(['r21', 'r22', 'r23', 'r24', 'r25']);
    expect(within(pager).getByRole('button', { name: '第 2 页' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(within(pager).getByRole('button', { name: '第 1 页' }));
    expect(bodyRows()[0]!.getAttribute('data-row-key')).toBe('r1');
  });

  it('keeps the reader on the last page there is when the list gets shorter, and offers no pager for one page', () => {
    function Shrinking() {
      const [n, setN] = useState(25);
      return (
        <I18nProvider>
          <button onClick={() => setN(12)}>shorter</button>
          <Table<Row> rowKey="id" columns={columns} dataSource={rows(n)} pagination={{ pageSize: 10 }} />
        </I18nProvider>
      );
    }
    render(<Shrinking />);
    fireEvent.click(screen.getByRole('button', { name: '第 3 页' }));
    fireEvent.click(screen.getByRole('button', { name: 'shorter' }));
    expect(bodyRows().map((r) => r.getAttribute('data-row-key'))).toEqual(['r11', 'r12']);
    expect(screen.getByRole('button', { name: '第 2 页' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByRole('button', { name: '第 1 页' }));
    expect(bodyRows()).toHaveLength(10);
  });

  it('shows every row without paging when pagination is false', () => {
    show({ dataSource: rows(30), pagination: false });
    expect(bodyRows()).toHaveLength(30);
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('opens and closes a row’s details with a named button that tells its state', () => {
    show({ pagination: false, expandable: { expandedRowRender: (r) => <p>{r.name}的细节</p>, rowExpandable: (r) => r.id !== 'r3' } });
    const buttons = screen.getAllByRole('button', { name: '展开行' });
    expect(buttons).toHaveLength(2);
    expect(buttons[0]!.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(buttons[0]!);
    const details = screen.getByText('第1项的细节');
    const collapse = screen.getByRole('button', { name: '收起行' });
    expect(collapse.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(collapse.getAttribute('aria-controls')!)?.contains(details)).toBe(true);
    // The details row is not a data row.
    expect(details.closest('tr')?.classList.contains('ant-table-expanded-row')).toBe(true);
    expect(bodyRows()).toHaveLength(3);
    fireEvent.click(collapse);
    expect(screen.queryByText('第1项的细节')).toBeNull();
  });

  it('selects rows by checkboxes carrying the page’s names, disabled ones left out of "select all"', () => {
    const onChange = vi.fn();
    function Selecting() {
      const [keys, setKeys] = useState<Key[]>([]);
      return (
        <I18nProvider>
          <Table<Row>
            rowKey="id"
            columns={columns}
            dataSource={rows(3)}
            pagination={false}
            rowSelection={{
              selectedRowKeys: keys,
              onChange: (next, picked) => {
                onChange(next, picked);
                setKeys(next);
              },
              getCheckboxProps: (r) => ({ disabled: r.id === 'r2', 'aria-label': `选择 ${r.name}` }),
            }}
          />
        </I18nProvider>
      );
    }
    render(<Selecting />);
    const first = screen.getByRole('checkbox', { name: '选择 第1项' }) as HTMLInputElement;
    expect((screen.getByRole('checkbox', { name: '选择 第2项' }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(first);
    expect(onChange).toHaveBeenLastCalledWith(['r1'], [expect.objectContaining({ id: 'r1' })]);
    expect(first.checked).toBe(true);
    expect(first.closest('tr')?.classList.contains('ant-table-row-selected')).toBe(true);
    const all = screen.getByRole('checkbox', { name: '全选' }) as HTMLInputElement;
    expect(all.indeterminate).toBe(true);
    fireEvent.click(all);
    expect(onChange).toHaveBeenLastCalledWith(['r1', 'r3'], expect.any(Array));
    expect(all.checked).toBe(true);
    fireEvent.click(all);
    expect(onChange).toHaveBeenLastCalledWith([], []);
  });

  it('says it is loading while it is', () => {
    show({ loading: true });
    expect(screen.getByRole('status').textContent).toBe('加载中…');
    expect(document.querySelector('.ant-table')?.getAttribute('aria-busy')).toBe('true');
  });

  it('cuts long cells to one line with the whole text as a tooltip, and scrolls wide tables', () => {
    show({ columns: [{ title: '名称', dataIndex: 'name', ellipsis: true, width: 80 }], scroll: { x: 900 }, pagination: false });
    const cell = screen.getAllByRole('cell')[0]!;
    expect(cell.classList.contains('ant-table-cell-ellipsis')).toBe(true);
    expect(cell.getAttribute('title')).toBe('第1项');
    expect(screen.getByRole('table').style.width).toBe('900px');
    expect(document.querySelector('.ant-table-scroll')).not.toBeNull();
  });

  it('names its controls in English once English is chosen', async () => {
    window.localStorage.setItem(LANG_STORAGE_KEY, 'en');
    show({ dataSource: rows(15), expandable: { expandedRowRender: () => null } });
    expect(await screen.findByRole('navigation', { name: 'Pages' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Expand row' })).toHaveLength(10);
    expect(screen.getByRole('button', { name: 'Next page' })).toBeTruthy();
  });
});

describe('pageList', () => {
  it('offers every page up to seven, else the first, the last and the neighbours of the current one', () => {
    expect(pageList(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageList(1, 10)).toEqual([1, 2, 3, 4, 5, 0, 10]);
    expect(pageList(4, 10)).toEqual([1, 2, 3, 4, 5, 0, 10]);
    expect(pageList(6, 10)).toEqual([1, 0, 5, 6, 7, 0, 10]);
    expect(pageList(10, 10)).toEqual([1, 0, 6, 7, 8, 9, 10]);
  });
});
