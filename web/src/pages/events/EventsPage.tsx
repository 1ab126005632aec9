// Forums, workshops and training: a server-side list filtered by edition, kind and status, state in the URL.
import { Select, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { api, unwrap } from '../../api/client';
import { DataTable, listQuery, type TableSearch } from '../../components/DataTable';
import { ExportMenu } from '../../components/ExportMenu';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { AnchorLink } from '../editions/AnchorLink';
import { allEditionsQuery, stringify } from '../editions/api';
import { eventKeys, eventKinds, eventStatuses, type Event, type EventKind, type EventStatus } from './api';
import { EventKindBadge, EventStatusBadge } from './EventBadges';

const route = getRouteApi('/app/events');
const column = createColumnHelper<Event>();

export function EventsPage() {
  const { t, pick, date, number } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const editions = useQuery(allEditionsQuery);

  const query = stringify({
    ...listQuery(search, '-starts_on'),
    'filter[edition_id]': search.edition,
    'filter[kind]': search.kind,
    'filter[status]': search.status,
  });
  const list = useQuery({
    queryKey: eventKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/events', { params: { query } })),
    placeholderData: keepPreviousData,
  });

  const editionTitle = useMemo(() => {
    const map = new Map<number, string>();
    for (const e of editions.data?.items ?? []) map.set(e.id, t('events.editionNumber', { number: e.number }));
    return map;
  }, [editions.data, t]);

  const columns = useMemo(
    () => [
      column.accessor((e) => pick(e.title_ar, e.title_en), {
        id: 'title',
        header: () => t('events.titleField'),
        meta: { sortKey: pick('title_ar', 'title_en') },
        cell: (c) => (
          <AnchorLink to="/events/$id" params={{ id: String(c.row.original.id) }} fw={600} fz="sm">
            {c.getValue()}
          </AnchorLink>
        ),
      }),
      column.accessor('kind', { header: () => t('events.kindField'), cell: (c) => <EventKindBadge kind={c.getValue()} /> }),
      column.accessor('edition_id', {
        header: () => t('events.edition'),
        cell: (c) => {
          const id = c.getValue();
          return id ? (
            <AnchorLink to="/editions/$id" params={{ id: String(id) }} fz="sm" style={{ whiteSpace: 'nowrap' }}>
              {editionTitle.get(id) ?? t('events.editionLink')}
            </AnchorLink>
          ) : (
            <Text size="sm" c="dimmed">
              {t('events.noEdition')}
            </Text>
          );
        },
      }),
      column.accessor('starts_on', {
        header: () => t('events.dates'),
        meta: { sortKey: 'starts_on', numeric: true },
        cell: (c) => (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {c.row.original.ends_on === c.getValue()
              ? date(c.getValue())
              : t('events.period', { start: date(c.getValue()), end: date(c.row.original.ends_on) })}
          </Text>
        ),
      }),
      column.accessor((e) => pick(e.place_ar, e.place_en), { id: 'place', header: () => t('events.place') }),
      column.accessor('registered_count', {
        header: () => t('events.registered'),
        meta: { numeric: true },
        cell: (c) => number(c.getValue()),
      }),
      column.accessor('status', { header: () => t('events.statusField'), cell: (c) => <EventStatusBadge status={c.getValue()} /> }),
    ],
    [t, pick, date, number, editionTitle],
  );

  const setFilter = (change: Partial<typeof search>) => void navigate({ search: { ...search, ...change, after: undefined, back: undefined } });
  const filters = (
    <>
      <Select
        label={t('events.filterEdition')}
        placeholder={t('common.all')}
        data={(editions.data?.items ?? []).map((e) => ({ value: String(e.id), label: t('events.editionNumber', { number: e.number }) }))}
        value={search.edition ? String(search.edition) : null}
        onChange={(v) => setFilter({ edition: v ? Number(v) : undefined })}
        clearable
        comboboxProps={{ withinPortal: true }}
        maw={200}
      />
      <Select
        label={t('events.filterKind')}
        placeholder={t('common.all')}
        data={eventKinds.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))}
        value={search.kind ?? null}
        onChange={(v) => setFilter({ kind: (v as EventKind | null) ?? undefined })}
        clearable
        comboboxProps={{ withinPortal: true }}
        maw={180}
      />
      <Select
        label={t('events.filterStatus')}
        placeholder={t('common.all')}
        data={eventStatuses.map((s) => ({ value: s, label: t(`events.status.${s}`) }))}
        value={search.status ?? null}
        onChange={(v) => setFilter({ status: (v as EventStatus | null) ?? undefined })}
        clearable
        comboboxProps={{ withinPortal: true }}
        maw={180}
      />
    </>
  );

  return (
    <Stack gap={0}>
      <PageHeader
        title={t('events.title')}
        description={list.data ? t('events.count', { count: list.data.total }) : t('events.description')}
        actions={<ExportMenu path="/api/v1/events" query={query} />}
      />
      <DataTable<Event>
        caption={t('events.title')}
        columns={columns}
        rowId={(e) => String(e.id)}
        search={search}
        onSearch={(s: TableSearch) => void navigate({ search: s as typeof search })}
        data={list.data}
        isLoading={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        filters={filters}
        filtered={!!(search.edition || search.kind || search.status)}
        emptyTitle={t('events.empty')}
        searchable
      />
    </Stack>
  );
}
