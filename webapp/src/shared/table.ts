// A plain accessible data table.
import { h, type Child } from './dom';

export interface Column<T> {
  header: string;
  cell: (row: T) => Child;
  className?: string;
}

export function dataTable<T>(
  caption: string,
  columns: Column<T>[],
  rows: readonly T[],
  testId?: string,
  rowClass?: (row: T) => string | undefined,
): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'data-table', 'data-testid': testId },
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col', class: c.className }, c.header)))),
      h(
        'tbody',
        null,
        rows.map((row) => h('tr', { class: rowClass?.(row) }, columns.map((c) => h('td', { class: c.className }, c.cell(row))))),
      ),
    ),
  );
}
