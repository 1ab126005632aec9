// The one table for server-side lists. The server pages by cursor (keyset), sorts and filters; the table's
// state (search text, sort, page size, cursor and the cursors of earlier pages) lives in the URL, so a
// reload, a shared link or the back button shows the same rows.
import { Button, Group, Select, Table, Text, TextInput, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconChevronLeft, IconChevronRight, IconSearch } from '@tabler/icons-react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type RowData } from '@tanstack/react-table';
import { useState, type ReactNode } from 'react';
import type { TableSearch } from '../app/search';
import { useI18n } from '../i18n';
import { EmptyState, ErrorState, LoadingState } from './States';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The server's sort key for this column; columns without one cannot be sorted. */
    sortKey?: string;
    /** Numbers and dates align to the end of the cell in both directions. */
    numeric?: boolean;
  }
}

export { tableSearch, type TableSearch } from '../app/search';

export const pageSizes = [10, 25, 50, 100] as const;
export const defaultPageSize = 25;

/** The list parameters the server understands, from the URL state. Filters are added by the page. */
export function listQuery(s: TableSearch, defaultSort?: string): Record<string, string | number | undefined> {
  return {
    q: s.q || undefined,
    sort: s.sort ?? defaultSort,
    'page[size]': s.size ?? defaultPageSize,
    'page[after]': s.after || undefined,
  };
}

export interface Page<T> {
  items: T[];
  next?: string | null;
  total: number;
}

export interface DataTableProps<T> {
  /** What the table lists, read by screen readers as the table's name. */
  caption: string;
  columns: ColumnDef<T, any>[];
  rowId: (row: T) => string;
  search: TableSearch;
  /** Replaces the URL state; a change of anything but the page itself starts again at the first page. */
  onSearch: (next: TableSearch) => void;
  data: Page<T> | undefined;
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
  /** Filters of this page, shown beside the search box. */
  filters?: ReactNode;
  /** True when a filter other than `q` is set, for the "nothing matches" empty state. */
  filtered?: boolean;
  emptyTitle?: string;
  emptyAction?: ReactNode;
  /** Shows a search box (lists whose server endpoint accepts `q`). */
  searchable?: boolean;
}

export function DataTable<T>(props: DataTableProps<T>) {
  const { caption, columns, rowId, search, onSearch, data, isLoading, error, onRetry } = props;
  const { t, number, dir } = useI18n();
  const [text, setText] = useState(search.q ?? '');
  const submitText = useDebouncedCallback((q: string) => onSearch(firstPage({ ...search, q: q || undefined })), 350);

  const table = useReactTable({
    data: data?.items ?? [],
    columns,
    getRowId: rowId,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
  });

  const size = search.size ?? defaultPageSize;
  const back = search.back ?? [];
  const from = back.length * size + 1;
  const to = back.length * size + (data?.items.length ?? 0);
  const filtered = !!search.q || !!props.filtered;
  const [Prev, Next] = dir === 'rtl' ? [IconChevronRight, IconChevronLeft] : [IconChevronLeft, IconChevronRight];

  const sortState = (key?: string): 'ascending' | 'descending' | 'none' => {
    if (!key || !search.sort) return 'none';
    if (search.sort === key) return 'ascending';
    if (search.sort === `-${key}`) return 'descending';
    return 'none';
  };
  const toggleSort = (key: string) => {
    const s = sortState(key);
    onSearch(firstPage({ ...search, sort: s === 'ascending' ? `-${key}` : s === 'descending' ? undefined : key }));
  };

  return (
    <div>
      <Group gap="sm" mb="sm" align="end" wrap="wrap">
        {props.searchable !== false && (
          <TextInput
            label={t('common.search')}
            placeholder={t('common.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              submitText(e.currentTarget.value.trim());
            }}
            maw={320}
            style={{ flex: '1 1 220px' }}
            type="search"
          />
        )}
        {props.filters}
        {filtered && (
          <Button
            variant="subtle"
            onClick={() => {
              setText('');
              onSearch({ size: search.size, sort: search.sort });
            }}
          >
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>

      {error ? (
        <ErrorState error={error} onRetry={onRetry} />
      ) : isLoading && !data ? (
        <LoadingState />
      ) : !data || data.items.length === 0 ? (
        <EmptyState title={filtered ? t('common.emptyFiltered') : (props.emptyTitle ?? t('common.emptyTitle'))} action={filtered ? undefined : props.emptyAction} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover verticalSpacing="xs" aria-busy={isLoading}>
            <VisuallyHidden component="caption">{caption}</VisuallyHidden>
            <Table.Thead>
              {table.getHeaderGroups().map((hg) => (
                <Table.Tr key={hg.id}>
                  {hg.headers.map((h) => {
                    const meta = h.column.columnDef.meta;
                    const label = flexRender(h.column.columnDef.header, h.getContext());
                    const state = sortState(meta?.sortKey);
                    const Icon = state === 'ascending' ? IconArrowUp : state === 'descending' ? IconArrowDown : IconArrowsSort;
                    return (
                      <Table.Th key={h.id} aria-sort={meta?.sortKey ? state : undefined} ta={meta?.numeric ? 'end' : 'start'}>
                        {meta?.sortKey ? (
                          <UnstyledButton onClick={() => toggleSort(meta.sortKey!)} fw={600} fz="sm">
                            <Group gap={4} wrap="nowrap">
                              {label}
                              <Icon size={14} aria-hidden opacity={state === 'none' ? 0.4 : 1} />
                            </Group>
                          </UnstyledButton>
                        ) : (
                          label
                        )}
                      </Table.Th>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Thead>
            <Table.Tbody>
              {table.getRowModel().rows.map((row) => (
                <Table.Tr key={row.id}>
                  {row.getVisibleCells().map((cell) => (
                    <Table.Td key={cell.id} ta={cell.column.columnDef.meta?.numeric ? 'end' : 'start'}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {data && data.items.length > 0 && (
        <Group justify="space-between" mt="sm" wrap="wrap" gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('common.rowsRange', { from: number(from), to: number(to), total: data.total })}
          </Text>
          <Group gap="xs">
            <Select
              aria-label={t('common.pageSize')}
              data={pageSizes.map((n) => ({ value: String(n), label: number(n) }))}
              value={String(size)}
              onChange={(v) => v && onSearch(firstPage({ ...search, size: Number(v) }))}
              w={90}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <Button
              variant="default"
              leftSection={<Prev size={16} aria-hidden />}
              disabled={back.length === 0}
              onClick={() => onSearch({ ...search, after: back[back.length - 1] || undefined, back: back.slice(0, -1) })}
            >
              {t('common.previousPage')}
            </Button>
            <Button
              variant="default"
              rightSection={<Next size={16} aria-hidden />}
              disabled={!data.next}
              onClick={() => onSearch({ ...search, after: data.next ?? undefined, back: [...back, search.after ?? ''] })}
            >
              {t('common.nextPage')}
            </Button>
          </Group>
        </Group>
      )}
    </div>
  );
}

function firstPage(s: TableSearch): TableSearch {
  return { ...s, after: undefined, back: undefined };
}
