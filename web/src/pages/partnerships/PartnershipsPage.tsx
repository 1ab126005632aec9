// The memoranda of cooperation: status, parties, expiry (with the renewal badge) and follow-up counts; the
// program office creates new ones here.
import { Anchor, Badge, Button, Select, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { can, meQuery } from '../../auth/session';
import { DataTable, listQuery } from '../../components/DataTable';
import { ExportMenu } from '../../components/ExportMenu';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n';
import { statusColor, statuses, warningColor, type PartnershipStatus, type PartnershipSummary } from './api';
import { PartnershipForm } from './PartnershipForm';

const route = getRouteApi('/app/partnerships');

export function PartnershipsPage() {
  const { t, pick, date } = useI18n();
  const { data: me } = useSuspenseQuery(meQuery);
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const go = useNavigate();
  const [creating, setCreating] = useState(false);
  const manage = can(me, 'partnerships.manage');

  const query = { ...listQuery(search, 'expires_on'), 'filter[status]': search.status };
  const params = Object.fromEntries(Object.entries(query as Record<string, unknown>).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])));
  const list = useQuery({
    queryKey: ['partnerships', 'list', params],
    queryFn: () => unwrap(api.GET('/api/v1/partnerships', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

  const columns = useMemo(() => {
    const col = createColumnHelper<PartnershipSummary>();
    return [
      col.accessor((p) => pick(p.title_ar, p.title_en), {
        id: 'title',
        header: () => t('partnerships.name'),
        meta: { sortKey: 'title_ar' },
        cell: (c) => (
          <Anchor
            fw={500}
            size="sm"
            renderRoot={(props) => <Link {...props} to="/partnerships/$id" params={{ id: String(c.row.original.id) }} />}
          >
            {c.getValue()}
          </Anchor>
        ),
      }),
      col.display({
        id: 'parties',
        header: () => t('partnerships.parties'),
        cell: (c) => (
          <Stack gap={0}>
            {c.row.original.parties.map((p) => (
              <Text size="sm" key={p.organization_id}>
                {pick(p.name_ar, p.name_en)}
              </Text>
            ))}
          </Stack>
        ),
      }),
      col.accessor('status', {
        header: () => t('partnerships.status'),
        cell: (c) => (
          <Badge variant="filled" color={statusColor[c.getValue()]} tt="none">
            {t(`partnerships.status.${c.getValue()}`)}
          </Badge>
        ),
      }),
      col.accessor('expires_on', {
        header: () => t('partnerships.expiresOn'),
        meta: { sortKey: 'expires_on', numeric: true },
        cell: (c) => (
          <Stack gap={2} align="flex-end">
            <Text size="sm">{date(c.getValue())}</Text>
            {c.row.original.renewal_due && (
              <Badge color={warningColor} variant="filled" tt="none" size="sm" data-testid="renewal-badge">
                {t('partnerships.renewalDue')}
              </Badge>
            )}
          </Stack>
        ),
      }),
      col.display({
        id: 'follow-up',
        header: () => t('partnerships.actions'),
        cell: (c) => (
          <Stack gap={2}>
            <Text size="sm">{t('partnerships.openCount', { count: c.row.original.open_actions })}</Text>
            {c.row.original.overdue_actions > 0 && (
              <Text size="sm" c="red.9" fw={600}>
                {t('partnerships.overdueCount', { count: c.row.original.overdue_actions })}
              </Text>
            )}
          </Stack>
        ),
      }),
    ];
  }, [t, pick, date]);

  const statusFilter = (
    <Select
      label={t('partnerships.filterStatus')}
      data={[{ value: 'all', label: t('partnerships.statusAll') }, ...statuses.map((s) => ({ value: s, label: t(`partnerships.status.${s}`) }))]}
      value={search.status ?? 'all'}
      onChange={(v) =>
        navigate({ search: { ...search, status: v && v !== 'all' ? (v as PartnershipStatus) : undefined, after: undefined, back: undefined } })
      }
      allowDeselect={false}
      w={180}
    />
  );

  return (
    <>
      <PageHeader
        title={t('partnerships.title')}
        description={t('partnerships.description')}
        actions={
          <>
            <ExportMenu path="/api/v1/partnerships" query={query} />
            {manage && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('partnerships.create')}
              </Button>
            )}
          </>
        }
      />
      <DataTable<PartnershipSummary>
        caption={t('partnerships.caption')}
        columns={columns}
        rowId={(p) => String(p.id)}
        search={search}
        onSearch={(s) => navigate({ search: { ...s, status: search.status } })}
        data={list.data}
        isLoading={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        searchable
        filters={statusFilter}
        filtered={!!search.status}
        emptyTitle={t('partnerships.empty')}
      />
      {creating && (
        <PartnershipForm
          opened={creating}
          onClose={() => setCreating(false)}
          onSaved={(p) => {
            setCreating(false);
            void go({ to: '/partnerships/$id', params: { id: String(p.id) } });
          }}
        />
      )}
    </>
  );
}
