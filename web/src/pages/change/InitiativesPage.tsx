// Change initiatives: every initiative the caller may see, with its gate and late actions; filters live in
// the URL. Entity change teams and the program office start new initiatives from here.
import { Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { api, unwrap } from '../../api/client';
import { can, meQuery } from '../../auth/session';
import { DataTable, listQuery, type TableSearch } from '../../components/DataTable';
import { ExportMenu } from '../../components/ExportMenu';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { OrganizationPicker } from '../admin/organizations/OrganizationPicker';
import { gatesQuery, initiativeStatuses, initiativeTypes, isNational, statusColor, stringify, type Initiative } from './api';
import { InitiativeModal } from './InitiativeForm';
import { initiativesRoute } from './routes';

type Search = ReturnType<typeof initiativesRoute.useSearch>;
const column = createColumnHelper<Initiative>();

export function InitiativesPage() {
  const { t, pick, date, number } = useI18n();
  const search = initiativesRoute.useSearch();
  const navigate = initiativesRoute.useNavigate();
  const { data: me } = useQuery(meQuery);
  const mayCreate = can(me, 'change.manage');
  const national = isNational(me);
  const gates = useQuery(gatesQuery);

  const setSearch = (next: Search, replace = false) => navigate({ search: next, replace });
  const setFilter = (change: Partial<Search>) => setSearch({ ...search, ...change, after: undefined, back: undefined });
  const query = {
    ...listQuery(search, '-updated_at'),
    'filter[organization_id]': search.org,
    'filter[gate_id]': search.gate,
    'filter[status]': search.status,
    'filter[type]': search.type,
  };
  const list = useQuery({
    queryKey: ['change', 'initiatives', query],
    queryFn: () => unwrap(api.GET('/api/v1/change/initiatives', { params: { query: stringify(query) } })),
    placeholderData: keepPreviousData,
  });

  const columns = useMemo(
    () => [
      column.accessor((i) => pick(i.title_ar, i.title_en), {
        id: 'title',
        header: () => t('change.colTitle'),
        meta: { sortKey: 'title' },
        cell: (c) => (
          <Stack gap={0}>
            <Link
              to="/change/$id"
              params={{ id: String(c.row.original.id) }}
              style={{ fontWeight: 600, color: 'var(--mantine-primary-color-filled)' }}
            >
              {c.getValue()}
            </Link>
            <Text size="xs" c="dimmed">
              {t(`change.typeName.${c.row.original.type}`)}
            </Text>
          </Stack>
        ),
      }),
      column.accessor((i) => pick(i.organization_name_ar, i.organization_name_en), { id: 'entity', header: () => t('change.colEntity') }),
      column.accessor('gate_position', {
        header: () => t('change.colGate'),
        cell: (c) => (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('change.gateLabel', { position: number(c.getValue()), name: pick(c.row.original.gate_name_ar, c.row.original.gate_name_en) })}
          </Text>
        ),
      }),
      column.accessor('status', {
        header: () => t('change.colStatus'),
        cell: (c) => (
          <Badge color={statusColor[c.getValue()]} variant="filled" tt="none" radius="sm" h="auto" py={2} styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}>
            {t(`change.statusName.${c.getValue()}`)}
          </Badge>
        ),
      }),
      column.accessor('impact_total', { header: () => t('change.colImpact'), meta: { numeric: true }, cell: (c) => number(c.getValue()) }),
      column.accessor('late_actions', {
        header: () => t('change.colLate'),
        meta: { numeric: true },
        cell: (c) =>
          c.getValue() > 0 ? (
            <Badge color="red.9" variant="filled" tt="none" radius="sm" h="auto" py={2} styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}>
              {t('change.lateCount', { count: c.getValue() })}
            </Badge>
          ) : (
            <Text size="sm">{t('change.actionsCount', { count: c.row.original.action_count })}</Text>
          ),
      }),
      column.accessor('ends_on', {
        header: () => t('change.colPeriod'),
        meta: { sortKey: 'ends_on', numeric: true },
        cell: (c) => (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {date(c.row.original.starts_on)} – {date(c.getValue())}
          </Text>
        ),
      }),
    ],
    [t, pick, date, number],
  );

  const filters = (
    <>
      {national && (
        <OrganizationPicker
          label={t('change.filterEntity')}
          placeholder={t('common.all')}
          value={search.org ? String(search.org) : null}
          onChange={(v) => setFilter({ org: v ? Number(v) : undefined })}
          comboboxProps={{ withinPortal: true }}
          maw={260}
        />
      )}
      <Select
        label={t('change.filterGate')}
        placeholder={t('common.all')}
        data={(gates.data ?? []).map((g) => ({ value: String(g.id), label: t('change.gateLabel', { position: number(g.position), name: pick(g.name_ar, g.name_en) }) }))}
        value={search.gate ? String(search.gate) : null}
        onChange={(v) => setFilter({ gate: v ? Number(v) : undefined })}
        clearable
        comboboxProps={{ withinPortal: true }}
        maw={220}
      />
      <Select
        label={t('change.filterStatus')}
        placeholder={t('common.all')}
        data={initiativeStatuses.map((s) => ({ value: s, label: t(`change.statusName.${s}`) }))}
        value={search.status ?? null}
        onChange={(v) => setFilter({ status: v ?? undefined })}
        clearable
        comboboxProps={{ withinPortal: true }}
        maw={180}
      />
      <Select
        label={t('change.filterType')}
        placeholder={t('common.all')}
        data={initiativeTypes.map((s) => ({ value: s, label: t(`change.typeName.${s}`) }))}
        value={search.type ?? null}
        onChange={(v) => setFilter({ type: v ?? undefined })}
        clearable
        comboboxProps={{ withinPortal: true }}
        maw={200}
      />
    </>
  );

  const createButton = mayCreate ? (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setSearch({ ...search, create: true })}>
      {t('change.newInitiative')}
    </Button>
  ) : undefined;

  return (
    <Stack gap={0}>
      <PageHeader
        title={t('change.title')}
        description={list.data ? t('change.count', { count: list.data.total }) : t('change.intro')}
        actions={
          <>
            <ExportMenu path="/api/v1/change/initiatives" query={query} />
            {createButton}
          </>
        }
      />
      <DataTable<Initiative>
        caption={t('change.title')}
        columns={columns}
        rowId={(i) => String(i.id)}
        search={search}
        onSearch={(next: TableSearch) => setSearch(next as Search)}
        data={list.data}
        isLoading={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        filters={<Group gap="sm" align="end">{filters}</Group>}
        filtered={!!(search.org || search.gate || search.status || search.type)}
        emptyTitle={mayCreate ? t('change.emptyManager') : t('change.empty')}
        emptyAction={createButton}
        searchable
      />
      {mayCreate && <InitiativeModal opened={!!search.create} onClose={() => setSearch({ ...search, create: undefined }, true)} />}
    </Stack>
  );
}
