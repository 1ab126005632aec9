// The audit log: every recorded change, newest first, filtered by who, what, which record and when; each entry's
// details (the changes it recorded and its place in the hash chain) open in a drawer. A panel re-checks the
// chain on request.
import { ActionIcon, Alert, Box, Button, Code, Drawer, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCircleCheck, IconEye, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQueries, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState, type ReactNode } from 'react';
import { api, unwrap, type Schemas } from '../../../api/client';
import { DataTable, listQuery, type TableSearch } from '../../../components/DataTable';
import { DateField } from '../../../components/DateField';
import { ExportMenu } from '../../../components/ExportMenu';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState } from '../../../components/States';
import { useI18n, type I18n } from '../../../i18n';

type Entry = Schemas['AuditEntry'];
type Verification = Schemas['AuditVerification'];

const route = getRouteApi('/app/admin/audit');

/** The actions the server writes (grep `audit(` in src/platform); others show their raw code. */
export const knownActions = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'user.create',
  'user.update',
  'user.enable',
  'user.disable',
  'user.password_reset',
  'user.password_change',
  'user.preferences',
  'membership.create',
  'membership.delete',
  'organization.create',
  'organization.update',
  'organization.move',
  'token.create',
  'token.revoke',
  'attachment.upload',
] as const;

export const knownResourceTypes = ['user', 'session', 'api_token', 'organization', 'attachment'] as const;

// Dates in the filters are days in Oman; the server compares instants.
const MUSCAT_OFFSET = '+04:00';
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

function nextDay(day: string): string {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** A message if the catalogue has one, otherwise null (t() returns the key itself when it is missing). */
function known(t: I18n['t'], key: string): string | null {
  const s = t(key);
  return s === key ? null : s;
}

export function actionLabel(t: I18n['t'], action: string): string | null {
  return known(t, `audit.action.${action}`);
}

function ActionCell({ action }: { action: string }) {
  const { t } = useI18n();
  const label = actionLabel(t, action);
  return label ? (
    <Text size="sm" title={action}>
      {label}
    </Text>
  ) : (
    <span className="ltr-value">{action}</span>
  );
}

function ResourceCell({ type, id }: { type: string; id: string }) {
  const { t, tag } = useI18n();
  const label = known(t, `audit.resource.${type}`);
  const typeNode = label ?? type;
  if (!id) return label ? <>{label}</> : <span className="ltr-value">{type}</span>;
  // Numeric ids in the user's digits, without grouping (they are references, not amounts).
  const shown = /^\d+$/.test(id) ? new Intl.NumberFormat(tag, { useGrouping: false }).format(Number(id)) : id;
  return label ? <>{t('audit.resourceRef', { type: typeNode, id: shown })}</> : <span className="ltr-value">{`${type}#${id}`}</span>;
}

export function AuditPage() {
  const { t, pick, dateTime } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [selected, setSelected] = useState<Entry | null>(null);

  const setFilter = (patch: Partial<typeof search>) =>
    navigate({ search: { ...search, ...patch, after: undefined, back: undefined } });

  const from = search.from && isoDay.test(search.from) ? search.from : undefined;
  const to = search.to && isoDay.test(search.to) ? search.to : undefined;
  const toBeforeFrom = !!from && !!to && to < from;

  const base = listQuery(search);
  const query = {
    q: base.q as string | undefined,
    sort: base.sort as string | undefined,
    'page[size]': String(base['page[size]']),
    'page[after]': base['page[after]'] as string | undefined,
    'filter[actor_id]': search.actor !== undefined ? String(search.actor) : undefined,
    'filter[action]': search.action,
    'filter[resource_type]': search.resource_type,
    'filter[resource_id]': search.resource_id,
    'filter[from]': from ? `${from}T00:00:00${MUSCAT_OFFSET}` : undefined,
    'filter[to]': to && !toBeforeFrom ? `${nextDay(to)}T00:00:00${MUSCAT_OFFSET}` : undefined,
  };
  const list = useQuery({
    queryKey: ['audit', 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });

  // Organisation names for the rows on this page (each fetched once and kept).
  const orgIds = useMemo(
    () => [...new Set((list.data?.items ?? []).map((e) => e.organization_id).filter((id): id is number => id != null))],
    [list.data],
  );
  const orgs = useQueries({
    queries: orgIds.map((id) => ({
      queryKey: ['audit', 'organization', id],
      queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id: String(id) } } })),
      staleTime: 10 * 60_000,
      retry: false,
    })),
  });
  const orgName = new Map<number, string>();
  orgIds.forEach((id, i) => {
    const o = orgs[i]?.data;
    if (o) orgName.set(id, pick(o.name_ar, o.name_en));
  });

  const col = createColumnHelper<Entry>();
  const columns = [
    col.accessor('at', {
      header: t('audit.col.time'),
      meta: { sortKey: 'seq' },
      cell: (c) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{dateTime(c.getValue())}</Text>,
    }),
    col.accessor('actor_label', {
      header: t('audit.col.actor'),
      cell: (c) => (
        <Stack gap={0}>
          <span className="ltr-value">{c.getValue()}</span>
          {c.row.original.actor_id == null && (
            <Text size="xs" c="dimmed">
              {t('audit.system')}
            </Text>
          )}
        </Stack>
      ),
    }),
    col.accessor('action', { header: t('audit.col.action'), cell: (c) => <ActionCell action={c.getValue()} /> }),
    col.display({
      id: 'resource',
      header: t('audit.col.resource'),
      cell: (c) => <ResourceCell type={c.row.original.resource_type} id={c.row.original.resource_id} />,
    }),
    col.accessor('organization_id', {
      header: t('audit.col.organization'),
      cell: (c) => {
        const id = c.getValue();
        if (id == null) return <Text c="dimmed" aria-hidden>{t('audit.noOrganization')}</Text>;
        return orgName.get(id) ?? <span className="ltr-value">#{id}</span>;
      },
    }),
    col.accessor('remote_address', {
      header: t('audit.col.address'),
      cell: (c) => <span className="ltr-value">{c.getValue()}</span>,
    }),
    col.display({
      id: 'details',
      header: () => <span>{t('audit.col.details')}</span>,
      cell: (c) => (
        <ActionIcon
          variant="subtle"
          aria-label={t('audit.viewDetails', { seq: c.row.original.seq })}
          onClick={() => setSelected(c.row.original)}
        >
          <IconEye size={18} aria-hidden />
        </ActionIcon>
      ),
    }),
  ];

  const filtered = !!(search.actor || search.action || search.resource_type || search.resource_id || from || to);

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        actions={<ExportMenu path="/api/v1/audit" query={query} />}
      />
      <Stack gap="lg">
        <VerifyPanel />
        <DataTable<Entry>
          caption={t('audit.caption')}
          columns={columns}
          rowId={(e) => String(e.seq)}
          search={search}
          onSearch={(next: TableSearch) => navigate({ search: next })}
          data={list.data}
          isLoading={list.isFetching}
          error={list.error}
          onRetry={() => void list.refetch()}
          filtered={filtered}
          filters={
            <>
              <ActorSelect value={search.actor} onChange={(actor) => setFilter({ actor })} />
              <Select
                label={t('audit.filter.action')}
                placeholder={t('audit.filter.any')}
                data={knownActions.map((a) => ({ value: a, label: t(`audit.action.${a}`) }))}
                value={search.action ?? null}
                onChange={(v) => setFilter({ action: v ?? undefined })}
                searchable
                clearable
                w={210}
                comboboxProps={{ withinPortal: true }}
              />
              <Select
                label={t('audit.filter.resourceType')}
                placeholder={t('audit.filter.any')}
                data={knownResourceTypes.map((r) => ({ value: r, label: t(`audit.resource.${r}`) }))}
                value={search.resource_type ?? null}
                onChange={(v) => setFilter({ resource_type: v ?? undefined, resource_id: v ? search.resource_id : undefined })}
                clearable
                w={180}
                comboboxProps={{ withinPortal: true }}
              />
              <Box w={170}>
                <DateField label={t('audit.filter.from')} value={from ?? null} max={to} onChange={(v) => setFilter({ from: v ?? undefined })} />
              </Box>
              <Box w={170}>
                <DateField
                  label={t('audit.filter.to')}
                  value={to ?? null}
                  min={from}
                  onChange={(v) => setFilter({ to: v ?? undefined })}
                  error={toBeforeFrom ? t('audit.filter.toBeforeFrom') : undefined}
                />
              </Box>
            </>
          }
        />
      </Stack>

      <Drawer
        opened={selected !== null}
        onClose={() => setSelected(null)}
        // Mantine mirrors the side in RTL: this opens at the inline end in both languages.
        position="right"
        size="lg"
        title={selected ? t('audit.detailsTitle', { seq: selected.seq }) : ''}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {selected && <EntryDetails entry={selected} orgName={selected.organization_id != null ? orgName.get(selected.organization_id) : undefined} />}
      </Drawer>
    </>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Box fz="sm">{children}</Box>
    </div>
  );
}

function EntryDetails({ entry, orgName }: { entry: Entry; orgName?: string }) {
  const { t, dateTime, number } = useI18n();
  const pretty = useMemo(() => {
    try {
      const parsed: unknown = JSON.parse(entry.changes);
      if (parsed && typeof parsed === 'object' && Object.keys(parsed).length === 0) return null;
      return JSON.stringify(parsed, null, 2);
    } catch {
      return entry.changes || null;
    }
  }, [entry.changes]);
  const hashStyle = { wordBreak: 'break-all' as const, whiteSpace: 'pre-wrap' as const, textAlign: 'left' as const };

  return (
    <Stack gap="md">
      <Group gap="xl" wrap="wrap" align="flex-start">
        <Field label={t('audit.seq')}>{number(entry.seq)}</Field>
        <Field label={t('audit.col.time')}>{dateTime(entry.at)}</Field>
        <Field label={t('audit.col.action')}>
          <ActionCell action={entry.action} />
        </Field>
      </Group>
      <Group gap="xl" wrap="wrap" align="flex-start">
        <Field label={t('audit.col.actor')}>
          <span className="ltr-value">{entry.actor_label}</span>
        </Field>
        <Field label={t('audit.col.resource')}>
          <ResourceCell type={entry.resource_type} id={entry.resource_id} />
        </Field>
        {entry.organization_id != null && (
          <Field label={t('audit.col.organization')}>{orgName ?? <span className="ltr-value">#{entry.organization_id}</span>}</Field>
        )}
      </Group>
      <Group gap="xl" wrap="wrap" align="flex-start">
        <Field label={t('audit.col.address')}>
          <span className="ltr-value">{entry.remote_address}</span>
        </Field>
        <Field label={t('audit.requestId')}>
          <span className="ltr-value">{entry.request_id}</span>
        </Field>
      </Group>

      <div>
        <Title order={3} size="h5" mb={6}>
          {t('audit.changes')}
        </Title>
        {pretty ? (
          <Code block dir="ltr" style={{ textAlign: 'left', maxHeight: 360, overflow: 'auto' }} tabIndex={0}>
            {pretty}
          </Code>
        ) : (
          <Text size="sm" c="dimmed">
            {t('audit.noChanges')}
          </Text>
        )}
      </div>

      <Field label={t('audit.hash')}>
        <Code block dir="ltr" style={hashStyle}>
          {entry.hash}
        </Code>
      </Field>
      <Field label={t('audit.prevHash')}>
        <Code block dir="ltr" style={hashStyle}>
          {entry.prev_hash}
        </Code>
      </Field>
    </Stack>
  );
}

/** The actor filter: users found by the server's search, plus the chosen one so its name shows after a reload. */
function ActorSelect({ value, onChange }: { value: number | undefined; onChange: (v: number | undefined) => void }) {
  const { t, pick } = useI18n();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const found = useQuery({
    queryKey: ['audit', 'actors', q],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { q: q || undefined, 'page[size]': '20' } } })),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const chosen = useQuery({
    queryKey: ['audit', 'actor', value],
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id: String(value) } } })),
    enabled: value !== undefined,
    staleTime: 10 * 60_000,
    retry: false,
  });
  const options = new Map<string, { value: string; label: string; email: string }>();
  const add = (u: Schemas['User']) => options.set(String(u.id), { value: String(u.id), label: pick(u.name_ar, u.name_en), email: u.email });
  if (chosen.data) add(chosen.data);
  for (const u of found.data?.items ?? []) add(u);
  const byValue = options;

  return (
    <Select
      label={t('audit.filter.actor')}
      placeholder={t('audit.filter.actorPlaceholder')}
      data={[...options.values()].map(({ value: v, label }) => ({ value: v, label }))}
      value={value !== undefined ? String(value) : null}
      onChange={(v) => onChange(v ? Number(v) : undefined)}
      searchable
      searchValue={text}
      onSearchChange={setText}
      // The server has already matched the text (name or e-mail); keep its answer as it is.
      filter={({ options: o }) => o}
      clearable
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('audit.filter.noUsers')}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed" className="ltr-value">
            {byValue.get(option.value)?.email}
          </Text>
        </Stack>
      )}
      w={230}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function VerifyPanel() {
  const { t } = useI18n();
  const verify = useMutation({
    mutationFn: () => unwrap<Verification>(api.GET('/api/v1/audit/verify')),
  });
  const r = verify.data;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="audit-verify-title">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 320px' }}>
          <Title order={2} size="h4" id="audit-verify-title">
            {t('audit.verify.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('audit.verify.description')}
          </Text>
        </Stack>
        <Button
          leftSection={<IconShieldCheck size={18} aria-hidden />}
          onClick={() => verify.mutate()}
          loading={verify.isPending}
          variant="light"
        >
          {t('audit.verify.run')}
        </Button>
      </Group>
      <div aria-live="polite">
        {verify.isPending && (
          <Text size="sm" mt="sm" c="dimmed">
            {t('audit.verify.running')}
          </Text>
        )}
        {verify.isError && (
          <Box mt="sm">
            <ErrorState error={verify.error} onRetry={() => verify.mutate()} />
          </Box>
        )}
        {r && !verify.isPending && (
          <Alert
            mt="sm"
            variant="light"
            color={r.intact ? 'manzuma' : 'red'}
            // The light variant's own title colour is below 4.5:1 on its background.
            styles={{ title: { color: `var(--mantine-color-${r.intact ? 'manzuma' : 'red'}-9)` } }}
            icon={r.intact ? <IconCircleCheck aria-hidden /> : <IconShieldX aria-hidden />}
            title={r.intact ? t('audit.verify.intactTitle') : t('audit.verify.brokenTitle')}
            data-testid="audit-verify-result"
          >
            {r.intact ? (
              <Text size="sm">{t('audit.verify.intact', { count: r.checked })}</Text>
            ) : (
              <Stack gap={4}>
                <Text size="sm">{t('audit.verify.broken', { seq: r.first_bad_seq ?? 0 })}</Text>
                {r.problem && (
                  <Text size="sm">
                    {known(t, `audit.verify.problem.${r.problem}`) ??
                      t('audit.verify.problem.unknown', { problem: r.problem })}
                  </Text>
                )}
                <Text size="sm" c="dimmed">
                  {t('audit.verify.checkedBefore', { count: r.checked })}
                </Text>
              </Stack>
            )}
          </Alert>
        )}
      </div>
    </Paper>
  );
}
