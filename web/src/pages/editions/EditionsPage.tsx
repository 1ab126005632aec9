// Editions of the national system: a server-side list (status and year filters, sort by number or year) whose
// state lives in the URL, and the form to create one (program office).
import { Button, Select, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { can, meQuery } from '../../auth/session';
import { DataTable, listQuery, type TableSearch } from '../../components/DataTable';
import { ExportMenu } from '../../components/ExportMenu';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { AnchorLink } from './AnchorLink';
import { editionStatuses, editionKeys, formatYear, stringify, type Edition, type EditionStatus } from './api';
import { EditionFormModal } from './EditionForm';
import { EditionStatusBadge } from './EditionStatusBadge';

const route = getRouteApi('/app/editions');
const column = createColumnHelper<Edition>();

export function EditionsPage() {
  const { t, pick, date, number, tag } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const go = useNavigate();
  const { data: me } = useQuery(meQuery);
  const [creating, setCreating] = useState(false);

  const query = stringify({ ...listQuery(search, 'number'), 'filter[status]': search.status, 'filter[year]': search.year });
  const list = useQuery({
    queryKey: editionKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/editions', { params: { query } })),
    placeholderData: keepPreviousData,
  });

  const columns = useMemo(
    () => [
      column.accessor('number', {
        header: () => t('editions.number'),
        meta: { sortKey: 'number', numeric: true },
        cell: (c) => number(c.getValue()),
      }),
      column.accessor((e) => pick(e.title_ar, e.title_en), {
        id: 'title',
        header: () => t('editions.titleField'),
        cell: (c) => (
          <AnchorLink to="/editions/$id" params={{ id: String(c.row.original.id) }} fw={600} fz="sm">
            {c.getValue()}
          </AnchorLink>
        ),
      }),
      column.accessor('year', {
        header: () => t('editions.year'),
        meta: { sortKey: 'year', numeric: true },
        cell: (c) => formatYear(tag, c.getValue()),
      }),
      column.display({
        id: 'dates',
        header: () => t('editions.dates'),
        cell: (c) => (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('editions.period', { start: date(c.row.original.starts_on), end: date(c.row.original.ends_on) })}
          </Text>
        ),
      }),
      column.accessor('status', { header: () => t('editions.statusField'), cell: (c) => <EditionStatusBadge status={c.getValue()} /> }),
    ],
    [t, pick, date, number, tag],
  );

  const setFilter = (change: Partial<typeof search>) => void navigate({ search: { ...search, ...change, after: undefined, back: undefined } });
  const createButton = can(me, 'editions.manage') ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {t('editions.create')}
    </Button>
  ) : undefined;

  const filters = (
    <>
      <Select
        label={t('editions.filterStatus')}
        placeholder={t('common.all')}
        data={editionStatuses.map((s) => ({ value: s, label: t(`editions.status.${s}`) }))}
        value={search.status ?? null}
        onChange={(v) => setFilter({ status: (v as EditionStatus | null) ?? undefined })}
        clearable
        comboboxProps={{ withinPortal: true }}
        maw={200}
      />
      <Select
        label={t('editions.filterYear')}
        placeholder={t('common.all')}
        data={Array.from({ length: 8 }, (_, i) => String(2022 + i))}
        value={search.year ? String(search.year) : null}
        onChange={(v) => setFilter({ year: v ? Number(v) : undefined })}
        clearable
        comboboxProps={{ withinPortal: true }}
        maw={160}
      />
    </>
  );

  return (
    <Stack gap={0}>
      <PageHeader
        title={t('editions.title')}
        description={list.data ? t('editions.count', { count: list.data.total }) : t('editions.description')}
        actions={
          <>
            <ExportMenu path="/api/v1/editions" query={query} />
            {createButton}
          </>
        }
      />
      <DataTable<Edition>
        caption={t('editions.title')}
        columns={columns}
        rowId={(e) => String(e.id)}
        search={search}
        onSearch={(s: TableSearch) => void navigate({ search: s as typeof search })}
        data={list.data}
        isLoading={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        filters={filters}
        filtered={!!(search.status || search.year)}
        emptyTitle={t('editions.empty')}
        emptyAction={createButton}
        searchable
      />
      <EditionFormModal
        edition={creating ? 'new' : null}
        onClose={() => setCreating(false)}
        onSaved={(e) => void go({ to: '/editions/$id', params: { id: String(e.id) } })}
      />
    </Stack>
  );
}
