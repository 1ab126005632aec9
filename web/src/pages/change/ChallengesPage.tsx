// Challenges raised by change teams: free text with a category and a status (they later feed theme analysis).
// Filters live in the URL; managers raise a challenge and move its status.
import { Badge, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { can, meQuery } from '../../auth/session';
import { DataTable, listQuery, type TableSearch } from '../../components/DataTable';
import { useServerErrors } from '../../components/forms';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { FormError } from '../../components/States';
import { useI18n } from '../../i18n';
import { OrganizationPicker } from '../admin/organizations/OrganizationPicker';
import { challengeCategories, challengeStatuses, isNational, managedEntity, stringify, type ChallengeCategory, type ChallengeStatus, type ChangeChallenge } from './api';
import { challengesRoute } from './routes';

type Search = ReturnType<typeof challengesRoute.useSearch>;
const column = createColumnHelper<ChangeChallenge>();
const statusColor: Record<ChallengeStatus, string> = { open: 'red.9', in_progress: 'blue.9', resolved: 'teal.9' };

function RaiseModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, pick } = useI18n();
  const qc = useQueryClient();
  const { data: me } = useQuery(meQuery);
  const own = managedEntity(me);
  const form = useForm({ initialValues: { organization_id: own ? String(own) : '', initiative_id: '', body: '', category: 'resistance' as string } });
  const server = useServerErrors(form);
  const orgId = Number(form.values.organization_id) || 0;
  const initiatives = useQuery({
    queryKey: ['change', 'initiatives', 'of', orgId],
    queryFn: () => unwrap(api.GET('/api/v1/change/initiatives', { params: { query: stringify({ 'filter[organization_id]': orgId, 'page[size]': 100, sort: 'title' }) } })),
    enabled: opened && orgId > 0,
  });
  const submit = form.onSubmit(async (v) => {
    server.clear();
    try {
      await unwrap(
        api.POST('/api/v1/change/challenges', {
          body: { organization_id: orgId, initiative_id: v.initiative_id ? Number(v.initiative_id) : null, body: v.body, category: v.category as ChallengeCategory },
        }),
      );
      await qc.invalidateQueries({ queryKey: ['change', 'challenges'] });
      notifySuccess(t('change.challengeRaised'));
      form.reset();
      onClose();
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={opened} onClose={onClose} title={t('change.raiseChallenge')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {!own && (
            <OrganizationPicker
              label={t('change.entity')}
              required
              value={form.values.organization_id || null}
              onChange={(v) => form.setFieldValue('organization_id', v ?? '')}
              error={form.errors.organization_id as string | undefined}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <Select
            label={t('change.initiativeOptional')}
            placeholder={t('change.none')}
            data={(initiatives.data?.items ?? []).map((i) => ({ value: String(i.id), label: pick(i.title_ar, i.title_en) }))}
            clearable
            searchable
            disabled={!orgId}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('initiative_id')}
          />
          <Select
            label={t('change.category')}
            data={challengeCategories.map((c) => ({ value: c, label: t(`change.categoryName.${c}`) }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('category')}
          />
          <Textarea label={t('change.challengeBody')} required autosize minRows={3} maxLength={4000} {...form.getInputProps('body')} />
          <FormError error={server.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('change.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('change.raise')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ChallengesPage() {
  const { t, pick, date, locale } = useI18n();
  const search = challengesRoute.useSearch();
  const navigate = challengesRoute.useNavigate();
  const qc = useQueryClient();
  const { data: me } = useQuery(meQuery);
  const manage = can(me, 'change.manage');
  const [raising, setRaising] = useState(false);
  const setSearch = (next: Search) => navigate({ search: next });
  const setFilter = (change: Partial<Search>) => setSearch({ ...search, ...change, after: undefined, back: undefined });
  const query = { ...listQuery(search), 'filter[organization_id]': search.org, 'filter[category]': search.category, 'filter[status]': search.status };
  const list = useQuery({
    queryKey: ['change', 'challenges', query],
    queryFn: () => unwrap(api.GET('/api/v1/change/challenges', { params: { query: stringify(query) } })),
    placeholderData: keepPreviousData,
  });

  const columns = useMemo(() => {
    const setStatus = async (c: ChangeChallenge, status: ChallengeStatus) => {
      try {
        await unwrap(api.PUT('/api/v1/change/challenges/{id}', { params: { path: { id: String(c.id) } }, body: { category: c.category, status, version: c.version } }));
        await qc.invalidateQueries({ queryKey: ['change', 'challenges'] });
        notifySuccess(t('change.saved'));
      } catch (e) {
        notifyError(e, locale);
      }
    };
    return [
      column.accessor('body', {
        header: () => t('change.challengeBody'),
        cell: (c) => (
          <Stack gap={2} maw={520}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.getValue()}
            </Text>
            {c.row.original.initiative_id && (
              <Link to="/change/$id" params={{ id: String(c.row.original.initiative_id) }} style={{ fontSize: 'var(--mantine-font-size-xs)' }}>
                {pick(c.row.original.initiative_title_ar, c.row.original.initiative_title_en)}
              </Link>
            )}
            <Text size="xs" c="dimmed">
              {t('change.raisedBy', { name: pick(c.row.original.raised_by_name_ar, c.row.original.raised_by_name_en), date: date(c.row.original.created_at) })}
            </Text>
          </Stack>
        ),
      }),
      column.accessor((c) => pick(c.organization_name_ar, c.organization_name_en), { id: 'entity', header: () => t('change.colEntity') }),
      column.accessor('category', { header: () => t('change.category'), cell: (c) => t(`change.categoryName.${c.getValue()}`) }),
      column.accessor('status', {
        header: () => t('change.status'),
        cell: (c) =>
          manage ? (
            <Select
              size="xs"
              aria-label={t('change.statusOf', { id: c.row.original.id })}
              data={challengeStatuses.map((s) => ({ value: s, label: t(`change.challengeStatus.${s}`) }))}
              value={c.getValue()}
              allowDeselect={false}
              onChange={(v) => v && v !== c.getValue() && void setStatus(c.row.original, v as ChallengeStatus)}
              comboboxProps={{ withinPortal: true }}
              w={150}
            />
          ) : (
            <Badge color={statusColor[c.getValue()]} variant="filled" tt="none" radius="sm">
              {t(`change.challengeStatus.${c.getValue()}`)}
            </Badge>
          ),
      }),
    ];
  }, [t, pick, date, manage, locale, qc]);

  const raiseButton = manage ? (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setRaising(true)}>
      {t('change.raiseChallenge')}
    </Button>
  ) : undefined;
  return (
    <Stack gap={0}>
      <PageHeader title={t('change.challengesTitle')} description={list.data ? t('change.challengesCount', { count: list.data.total }) : t('change.challengesIntro')} actions={raiseButton} />
      <DataTable<ChangeChallenge>
        caption={t('change.challengesTitle')}
        columns={columns}
        rowId={(c) => String(c.id)}
        search={search}
        onSearch={(next: TableSearch) => setSearch(next as Search)}
        data={list.data}
        isLoading={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        filters={
          <Group gap="sm" align="end">
            {isNational(me) && (
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
              label={t('change.category')}
              placeholder={t('common.all')}
              data={challengeCategories.map((c) => ({ value: c, label: t(`change.categoryName.${c}`) }))}
              value={search.category ?? null}
              onChange={(v) => setFilter({ category: v ?? undefined })}
              clearable
              comboboxProps={{ withinPortal: true }}
              maw={200}
            />
            <Select
              label={t('change.status')}
              placeholder={t('common.all')}
              data={challengeStatuses.map((c) => ({ value: c, label: t(`change.challengeStatus.${c}`) }))}
              value={search.status ?? null}
              onChange={(v) => setFilter({ status: v ?? undefined })}
              clearable
              comboboxProps={{ withinPortal: true }}
              maw={180}
            />
          </Group>
        }
        filtered={!!(search.org || search.category || search.status)}
        emptyTitle={t('change.challengesEmpty')}
        emptyAction={raiseButton}
        searchable
      />
      <RaiseModal opened={raising} onClose={() => setRaising(false)} />
    </Stack>
  );
}
