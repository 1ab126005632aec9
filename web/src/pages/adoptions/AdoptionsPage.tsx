// Adoptions: every plan the caller may see, with its health and why; filters live in the URL. Entity
// managers and the program office adopt a practice from here.
import { Badge, Button, Group, Progress, Select, Stack, Text } from '@mantine/core';
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
import { AdoptModal } from './AdoptModal';
import { choicesQuery, healths, statusColor, statuses, type Adoption } from './api';
import { HealthBadge } from './HealthBadge';
import { adoptionsRoute } from './routes';

type Search = ReturnType<typeof adoptionsRoute.useSearch>;
const column = createColumnHelper<Adoption>();

function stringify(q: Record<string, string | number | boolean | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(q).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])));
}

export function AdoptionsPage() {
  const { t, pick, date, number } = useI18n();
  const search = adoptionsRoute.useSearch();
  const navigate = adoptionsRoute.useNavigate();
  const { data: me } = useQuery(meQuery);
  const mayAdopt = can(me, 'adoptions.manage');
  const choices = useQuery({ ...choicesQuery, enabled: mayAdopt });

  const setSearch = (next: Search, replace = false) => navigate({ search: next, replace });
  const query = {
    ...listQuery(search),
    'filter[status]': search.status,
    'filter[health]': search.health,
    'filter[edition_id]': search.edition,
    'filter[practice_id]': search.practice,
    'filter[organization_id]': search.org,
  };
  const list = useQuery({
    queryKey: ['adoptions', 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/adoptions', { params: { query: stringify(query) } })),
    placeholderData: keepPreviousData,
  });

  const columns = useMemo(
    () => [
      column.accessor((a) => pick(a.practice_title_ar, a.practice_title_en), {
        id: 'practice',
        header: () => t('adoptions.colPractice'),
        cell: (c) => (
          <Stack gap={0}>
            <Link
              to="/adoptions/$id"
              params={{ id: String(c.row.original.id) }}
              aria-label={t('adoptions.openAdoption', {
                practice: c.getValue(),
                entity: pick(c.row.original.organization_name_ar, c.row.original.organization_name_en),
              })}
              style={{ fontWeight: 600, color: 'var(--mantine-primary-color-filled)' }}
            >
              {c.getValue()}
            </Link>
            <Text size="xs" c="dimmed">
              {t('adoptions.editionNumber', { number: number(c.row.original.edition_number) })}
            </Text>
          </Stack>
        ),
      }),
      column.accessor((a) => pick(a.organization_name_ar, a.organization_name_en), {
        id: 'entity',
        header: () => t('adoptions.colEntity'),
      }),
      column.accessor('status', {
        header: () => t('adoptions.colStatus'),
        cell: (c) => (
          <Badge color={statusColor[c.getValue()]} variant="filled" tt="none" radius="sm" h="auto" py={2} styles={{ label: { whiteSpace: 'normal' } }}>
            {t(`adoptions.status.${c.getValue()}`)}
          </Badge>
        ),
      }),
      column.display({
        id: 'health',
        header: () => t('adoptions.colHealth'),
        cell: (c) => <HealthBadge adoption={c.row.original} />,
      }),
      column.accessor('overall_percent', {
        header: () => t('adoptions.colProgress'),
        meta: { numeric: true },
        cell: (c) => (
          <Stack gap={2} miw={90}>
            <Text size="sm">{t('adoptions.percent', { value: number(Math.round(c.getValue())) })}</Text>
            <Progress value={c.getValue()} size="sm" aria-hidden />
          </Stack>
        ),
      }),
      column.accessor('ends_on', {
        header: () => t('adoptions.colEnds'),
        meta: { sortKey: 'ends_on', numeric: true },
        cell: (c) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{date(c.getValue())}</Text>,
      }),
    ],
    [t, pick, date, number],
  );

  const setFilter = (change: Partial<Search>) => setSearch({ ...search, ...change, after: undefined, back: undefined });
  const editions = choices.data?.editions ?? [];
  const filters = (
    <>
      <Select
        label={t('adoptions.filterStatus')}
        placeholder={t('common.all')}
        data={statuses.map((s) => ({ value: s, label: t(`adoptions.status.${s}`) }))}
        value={search.status ?? null}
        onChange={(v) => setFilter({ status: v ?? undefined })}
        clearable
        comboboxProps={{ withinPortal: true }}
        maw={200}
      />
      <Select
        label={t('adoptions.filterHealth')}
        placeholder={t('common.all')}
        data={healths.map((h) => ({ value: h, label: t(`adoptions.health.${h}`) }))}
        value={search.health ?? null}
        onChange={(v) => setFilter({ health: v ?? undefined })}
        clearable
        comboboxProps={{ withinPortal: true }}
        maw={200}
      />
      {editions.length > 0 && (
        <Select
          label={t('adoptions.filterEdition')}
          placeholder={t('common.all')}
          data={editions.map((e) => ({ value: String(e.id), label: pick(e.title_ar, e.title_en) }))}
          value={search.edition ? String(search.edition) : null}
          onChange={(v) => setFilter({ edition: v ? Number(v) : undefined })}
          clearable
          comboboxProps={{ withinPortal: true }}
          maw={240}
        />
      )}
    </>
  );

  const adoptButton = mayAdopt ? (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setSearch({ ...search, adopt: true })}>
      {t('adoptions.adopt')}
    </Button>
  ) : undefined;

  return (
    <Stack gap={0}>
      <PageHeader
        title={t('adoptions.title')}
        description={list.data ? t('adoptions.count', { count: list.data.total }) : t('adoptions.intro')}
        actions={
          <>
            <ExportMenu path="/api/v1/adoptions" query={query} />
            {adoptButton}
          </>
        }
      />
      <DataTable<Adoption>
        caption={t('adoptions.title')}
        columns={columns}
        rowId={(a) => String(a.id)}
        search={search}
        onSearch={(next: TableSearch) => setSearch(next as Search)}
        data={list.data}
        isLoading={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        filters={<Group gap="sm" align="end">{filters}</Group>}
        filtered={!!(search.status || search.health || search.edition || search.practice || search.org)}
        emptyTitle={t('adoptions.empty')}
        emptyAction={adoptButton}
        searchable
      />
      {mayAdopt && (
        <AdoptModal opened={!!search.adopt} onClose={() => setSearch({ ...search, adopt: undefined }, true)} />
      )}
    </Stack>
  );
}
