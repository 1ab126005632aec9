// Users: national staff see every account (/admin/users); an entity coordinator sees their entity's team
// (/team). The server scopes GET /api/v1/users to what the caller administers, so one page serves both; the
// list's state (search, sort, page, filters and the open user) lives in the URL.
import { Button, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { api, unwrap, type Role } from '../../../api/client';
import { can, meQuery } from '../../../auth/session';
import { DataTable, listQuery, type TableSearch } from '../../../components/DataTable';
import { ExportMenu } from '../../../components/ExportMenu';
import { PageHeader } from '../../../components/PageHeader';
import { useI18n } from '../../../i18n';
import { CreateUserModal } from './CreateUserModal';
import { coordinatorEntity, OrganizationSelect, RoleBadges, roleOptions, rolesFor, StatusBadge, TemporaryPasswordDialog, type Scope, type User } from './shared';
import { UserDrawer } from './UserDrawer';

const allRoute = getRouteApi('/app/admin/users');
const teamRoute = getRouteApi('/app/team');

type UserSearch = ReturnType<typeof allRoute.useSearch>;

const column = createColumnHelper<User>();

function UsersPage({ scope, search, setSearch }: { scope: Scope; search: UserSearch; setSearch: (s: UserSearch, replace?: boolean) => void }) {
  const { t, pick, locale, date } = useI18n();
  const { data: me } = useQuery(meQuery);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);

  const query = {
    ...listQuery(search, locale === 'ar' ? 'name_ar' : 'name_en'),
    'filter[role]': search.role,
    'filter[active]': search.active,
    'filter[organization_id]': search.org,
  };
  const list = useQuery({
    queryKey: ['users', 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: stringify(query) } })),
    placeholderData: keepPreviousData,
  });

  const open = (id: number | undefined) => setSearch({ ...search, user: id }, id === undefined);

  const columns = useMemo(
    () => [
      column.accessor((u) => pick(u.name_ar, u.name_en), {
        id: 'name',
        header: () => t('users.colName'),
        meta: { sortKey: locale === 'ar' ? 'name_ar' : 'name_en' },
        cell: (c) => (
          <UnstyledButton
            onClick={() => open(c.row.original.id)}
            aria-label={t('users.openUser', { name: c.getValue() })}
            fw={600}
            fz="sm"
            c="var(--mantine-primary-color-filled)"
            style={{ textAlign: 'start' }}
          >
            {c.getValue()}
          </UnstyledButton>
        ),
      }),
      column.accessor('email', {
        header: () => t('users.colEmail'),
        meta: { sortKey: 'email' },
        cell: (c) => (
          <Text size="sm" className="ltr-value" style={{ whiteSpace: 'nowrap' }}>
            {c.getValue()}
          </Text>
        ),
      }),
      column.display({ id: 'roles', header: () => t('users.colRoles'), cell: (c) => <RoleBadges user={c.row.original} /> }),
      column.accessor('active', { header: () => t('users.colStatus'), cell: (c) => <StatusBadge active={c.getValue()} /> }),
      column.accessor('created_at', {
        header: () => t('users.colCreated'),
        // Accounts are numbered as they are created, so the id orders them by creation date.
        meta: { sortKey: 'id', numeric: true },
        cell: (c) => (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {date(c.getValue())}
          </Text>
        ),
      }),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, pick, locale, date, search],
  );

  const title = scope === 'team' ? t('users.teamTitle') : t('users.allTitle');
  // The table passes the whole search on (filters included); its "clear" keeps only size and sort.
  const onTable = (next: TableSearch) => setSearch(next as UserSearch);
  const setFilter = (change: Partial<UserSearch>) => setSearch({ ...search, ...change, after: undefined, back: undefined, user: undefined });
  const mayCreate = can(me, 'users.create');
  const createButton = mayCreate ? (
    <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
      {t('users.create')}
    </Button>
  ) : undefined;

  const filters = (
    <>
      <Select
        label={t('users.filterRole')}
        placeholder={t('common.all')}
        data={roleOptions(rolesFor(scope), t)}
        value={search.role ?? null}
        onChange={(v) => setFilter({ role: (v as Role | null) ?? undefined })}
        clearable
        comboboxProps={{ withinPortal: true }}
        style={{ flex: '1 1 180px' }}
        maw={240}
      />
      <Select
        label={t('users.filterStatus')}
        placeholder={t('common.all')}
        data={[
          { value: 'true', label: t('common.active') },
          { value: 'false', label: t('common.inactive') },
        ]}
        value={search.active ?? null}
        onChange={(v) => setFilter({ active: (v as 'true' | 'false' | null) ?? undefined })}
        clearable
        comboboxProps={{ withinPortal: true }}
        style={{ flex: '1 1 140px' }}
        maw={180}
      />
      <OrganizationSelect
        label={t('users.filterOrganization')}
        placeholder={t('common.all')}
        within={scope === 'team' ? coordinatorEntity(me) : undefined}
        value={search.org ? String(search.org) : null}
        onChange={(v) => setFilter({ org: v ? Number(v) : undefined })}
        clearable
        style={{ flex: '1 1 220px' }}
        maw={320}
      />
    </>
  );

  return (
    <Stack gap={0}>
      <PageHeader
        title={title}
        description={list.data ? t('users.count', { count: list.data.total }) : scope === 'team' ? t('users.teamIntro') : t('users.allIntro')}
        actions={
          <>
            <ExportMenu path="/api/v1/users" query={query} />
            {createButton}
          </>
        }
      />
      <DataTable<User>
        caption={title}
        columns={columns}
        rowId={(u) => String(u.id)}
        search={search}
        onSearch={onTable}
        data={list.data}
        isLoading={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        filters={filters}
        filtered={!!(search.role || search.active || search.org)}
        emptyTitle={t('users.empty')}
        emptyAction={createButton}
      />
      <CreateUserModal
        opened={creating}
        scope={scope}
        onClose={() => setCreating(false)}
        onCreated={(user, password) => {
          setCreating(false);
          if (password) setCreated({ email: user.email, password });
        }}
      />
      <TemporaryPasswordDialog password={created?.password ?? null} email={created?.email} onClose={() => setCreated(null)} />
      <UserDrawer userId={search.user} scope={scope} onClose={() => open(undefined)} />
    </Stack>
  );
}

function stringify(q: Record<string, string | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') out[k] = String(v);
  return out;
}

export function AllUsersPage() {
  const search = allRoute.useSearch();
  const navigate = allRoute.useNavigate();
  return <UsersPage scope="all" search={search} setSearch={(s, replace) => navigate({ search: s, replace })} />;
}

export function TeamPage() {
  const search = teamRoute.useSearch();
  const navigate = teamRoute.useNavigate();
  return <UsersPage scope="team" search={search} setSearch={(s, replace) => navigate({ search: s, replace })} />;
}
