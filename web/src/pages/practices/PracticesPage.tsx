// The practice catalogue: every practice of every edition, filtered by edition, category, organisation and
// status (all in the URL, so a filtered view can be shared), searched on titles and summaries. National
// staff add practices here; everyone else sees the published catalogue (and owners their own drafts).
import { Badge, Button, Select, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { can, meQuery } from '../../auth/session';
import { DataTable, listQuery, type TableSearch } from '../../components/DataTable';
import { ExportMenu } from '../../components/ExportMenu';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { OrganizationSelect } from '../admin/users/shared';
import { categories, categoryColor, statusColor, statuses, stringify, useEditions, type Practice } from './api';
import { PracticeFormModal } from './PracticeForm';
import { practicesRoute } from './routes';

const column = createColumnHelper<Practice>();

export function CategoryBadge({ category }: { category: Practice['category'] }) {
  const { t } = useI18n();
  return (
    <Badge color={categoryColor[category]} variant="outline" miw="max-content">
      {t(`practices.category.${category}`)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: Practice['status'] }) {
  const { t } = useI18n();
  return (
    <Badge color={statusColor[status]} variant="outline" miw="max-content">
      {t(`practices.status.${status}`)}
    </Badge>
  );
}

export function PracticesPage() {
  const { t, pick, locale, number } = useI18n();
  const search = practicesRoute.useSearch();
  const navigate = useNavigate();
  const { data: me } = useQuery(meQuery);
  const editions = useEditions();
  const [creating, setCreating] = useState(false);
  const national = can(me, 'practices.create');

  const query = stringify({
    ...listQuery(search, locale === 'ar' ? 'title_ar' : 'title_en'),
    'filter[edition_id]': search.edition,
    'filter[category]': search.category,
    'filter[organization_id]': search.org,
    'filter[status]': search.status,
  });
  const list = useQuery({
    queryKey: ['practices', 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/practices', { params: { query } })),
    placeholderData: keepPreviousData,
  });

  type Search = typeof search;
  const setSearch = (next: Search) => navigate({ to: '/practices', search: next });
  const setFilter = (change: Partial<Search>) => setSearch({ ...search, ...change, after: undefined, back: undefined });

  const columns = useMemo(
    () => [
      column.accessor((p) => pick(p.title_ar, p.title_en), {
        id: 'title',
        header: () => t('practices.colTitle'),
        meta: { sortKey: locale === 'ar' ? 'title_ar' : 'title_en' },
        cell: (c) => (
          <Stack gap={2}>
            <Link to="/practices/$id" params={{ id: c.row.original.id }} style={{ fontWeight: 600 }}>
              {c.getValue()}
            </Link>
            <Text size="xs" c="dimmed" lineClamp={2} maw={520}>
              {pick(c.row.original.summary_ar, c.row.original.summary_en)}
            </Text>
          </Stack>
        ),
      }),
      column.accessor('category', { header: () => t('practices.colCategory'), cell: (c) => <CategoryBadge category={c.getValue()} /> }),
      column.accessor((p) => pick(p.organization_name_ar, p.organization_name_en), {
        id: 'organization',
        header: () => t('practices.colOrganization'),
        cell: (c) => <Text size="sm">{c.getValue()}</Text>,
      }),
      column.accessor('edition_number', {
        header: () => t('practices.colEdition'),
        meta: { numeric: true },
        cell: (c) => (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('practices.editionN', { n: number(c.getValue()) })}
          </Text>
        ),
      }),
      column.accessor('status', { header: () => t('practices.colStatus'), cell: (c) => <StatusBadge status={c.getValue()} /> }),
    ],
    [t, pick, locale, number],
  );

  const editionOptions = (editions.data ?? []).map((e) => ({ value: String(e.id), label: t('practices.editionN', { n: number(e.number) }) }));
  const filters = (
    <>
      <Select
        label={t('practices.filterEdition')}
        placeholder={t('common.all')}
        data={editionOptions}
        value={search.edition ? String(search.edition) : null}
        onChange={(v) => setFilter({ edition: v ? Number(v) : undefined })}
        clearable
        comboboxProps={{ withinPortal: true }}
        style={{ flex: '1 1 140px' }}
        maw={200}
      />
      <Select
        label={t('practices.filterCategory')}
        placeholder={t('common.all')}
        data={categories.map((c) => ({ value: c, label: t(`practices.category.${c}`) }))}
        value={search.category ?? null}
        onChange={(v) => setFilter({ category: v ?? undefined })}
        clearable
        comboboxProps={{ withinPortal: true }}
        style={{ flex: '1 1 180px' }}
        maw={260}
      />
      <OrganizationSelect
        label={t('practices.filterOrganization')}
        placeholder={t('common.all')}
        value={search.org ? String(search.org) : null}
        onChange={(v) => setFilter({ org: v ? Number(v) : undefined })}
        clearable
        style={{ flex: '1 1 220px' }}
        maw={320}
      />
      <Select
        label={t('practices.filterStatus')}
        placeholder={t('common.all')}
        data={statuses.map((s) => ({ value: s, label: t(`practices.status.${s}`) }))}
        value={search.status ?? null}
        onChange={(v) => setFilter({ status: v ?? undefined })}
        clearable
        comboboxProps={{ withinPortal: true }}
        style={{ flex: '1 1 140px' }}
        maw={200}
      />
    </>
  );

  const createButton = national ? (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
      {t('practices.create')}
    </Button>
  ) : undefined;

  return (
    <Stack gap={0}>
      <PageHeader
        title={t('practices.title')}
        description={list.data ? t('practices.count', { count: list.data.total }) : t('practices.intro')}
        actions={
          <>
            <ExportMenu path="/api/v1/practices" query={query} />
            {createButton}
          </>
        }
      />
      <DataTable<Practice>
        caption={t('practices.title')}
        columns={columns}
        rowId={(p) => String(p.id)}
        search={search}
        onSearch={(s: TableSearch) => setSearch(s as Search)}
        data={list.data}
        isLoading={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        filters={filters}
        filtered={!!(search.edition || search.category || search.org || search.status)}
        emptyTitle={t('practices.empty')}
        searchable
      />
      <PracticeFormModal
        mode={creating ? { kind: 'create' } : null}
        onClose={() => setCreating(false)}
        onSaved={(d) => {
          setCreating(false);
          void navigate({ to: '/practices/$id', params: { id: d.practice.id } });
        }}
      />
    </Stack>
  );
}
