// Research studies: national staff see all of them, entity staff their own organisation's and those they
// review, everyone the accepted and applied ones. Contributors propose a study here.
import { Badge, Button, Chip, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
// Loaded with this lazy page only (the shared styles.css leaves it out for the first-page CSS budget).
import '@mantine/core/styles/Chip.css';
import { api, unwrap } from '../../api/client';
import { can, meQuery, primaryMembership } from '../../auth/session';
import { DataTable, listQuery, type TableSearch } from '../../components/DataTable';
import { FileUpload } from '../../components/FileUpload';
import { useServerErrors } from '../../components/forms';
import { notifySuccess } from '../../components/notify';
import { ExportMenu } from '../../components/ExportMenu';
import { PageHeader } from '../../components/PageHeader';
import { FormError } from '../../components/States';
import { useI18n } from '../../i18n';
import { OrganizationSelect } from '../admin/users/shared';
import { stringify, useEditions } from '../practices/api';
import { researchKeys, researchStatusColor, researchStatuses, type Study, type StudyDetail } from './api';
import { researchListRoute } from './routes';

const column = createColumnHelper<Study>();

export function ResearchStatusBadge({ status }: { status: Study['status'] }) {
  const { t } = useI18n();
  return (
    <Badge color={researchStatusColor[status]} variant="outline" miw="max-content">
      {t(`research.status.${status}`)}
    </Badge>
  );
}

export function ResearchPage() {
  const { t, pick, locale, number, date } = useI18n();
  const search = researchListRoute.useSearch();
  const navigate = useNavigate();
  const { data: me } = useQuery(meQuery);
  const editions = useEditions();
  const [submitting, setSubmitting] = useState(false);

  const query = stringify({
    ...listQuery(search, 'id'),
    'filter[edition_id]': search.edition,
    'filter[status]': search.status,
    'filter[organization_id]': search.org,
    'filter[reviewer_id]': search.mine ? me?.user.id : undefined,
  });
  const list = useQuery({
    queryKey: ['research', 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/research', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  type Search = typeof search;
  const setSearch = (next: Search) => navigate({ to: '/research', search: next });
  const setFilter = (change: Partial<Search>) => setSearch({ ...search, ...change, after: undefined, back: undefined });

  const columns = useMemo(
    () => [
      column.accessor((s) => pick(s.title_ar, s.title_en), {
        id: 'title',
        header: () => t('research.colTitle'),
        meta: { sortKey: locale === 'ar' ? 'title_ar' : 'title_en' },
        cell: (c) => (
          <Link to="/research/$id" params={{ id: c.row.original.id }} style={{ fontWeight: 600 }}>
            {c.getValue()}
          </Link>
        ),
      }),
      column.accessor((s) => pick(s.organization_name_ar, s.organization_name_en), {
        id: 'organization',
        header: () => t('research.colOrganization'),
        cell: (c) => <Text size="sm">{c.getValue()}</Text>,
      }),
      column.accessor('edition_number', {
        header: () => t('research.colEdition'),
        meta: { numeric: true },
        cell: (c) => (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('practices.editionN', { n: number(c.getValue()) })}
          </Text>
        ),
      }),
      column.accessor('status', { header: () => t('research.colStatus'), cell: (c) => <ResearchStatusBadge status={c.getValue()} /> }),
      column.accessor('created_at', {
        header: () => t('research.colSubmitted'),
        meta: { sortKey: 'id', numeric: true },
        cell: (c) => (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {date(c.getValue())}
          </Text>
        ),
      }),
    ],
    [t, pick, locale, number, date],
  );

  const filters = (
    <>
      <Select
        label={t('research.filterEdition')}
        placeholder={t('common.all')}
        data={(editions.data ?? []).map((e) => ({ value: String(e.id), label: t('practices.editionN', { n: number(e.number) }) }))}
        value={search.edition ? String(search.edition) : null}
        onChange={(v) => setFilter({ edition: v ? Number(v) : undefined })}
        clearable
        comboboxProps={{ withinPortal: true }}
        style={{ flex: '1 1 140px' }}
        maw={200}
      />
      <Select
        label={t('research.filterStatus')}
        placeholder={t('common.all')}
        data={researchStatuses.map((s) => ({ value: s, label: t(`research.status.${s}`) }))}
        value={search.status ?? null}
        onChange={(v) => setFilter({ status: v ?? undefined })}
        clearable
        comboboxProps={{ withinPortal: true }}
        style={{ flex: '1 1 160px' }}
        maw={220}
      />
      <OrganizationSelect
        label={t('research.filterOrganization')}
        placeholder={t('common.all')}
        value={search.org ? String(search.org) : null}
        onChange={(v) => setFilter({ org: v ? Number(v) : undefined })}
        clearable
        style={{ flex: '1 1 220px' }}
        maw={320}
      />
      <Group align="flex-end" pb={4}>
        <Chip checked={!!search.mine} onChange={(v) => setFilter({ mine: v || undefined })}>
          {t('research.filterMine')}
        </Chip>
      </Group>
    </>
  );

  const submitButton = can(me, 'research.submit') ? (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setSubmitting(true)}>
      {t('research.submit')}
    </Button>
  ) : undefined;

  return (
    <Stack gap={0}>
      <PageHeader
        title={t('research.title')}
        description={list.data ? t('research.count', { count: list.data.total }) : t('research.intro')}
        actions={
          <>
            <ExportMenu path="/api/v1/research" query={query} />
            {submitButton}
          </>
        }
      />
      <DataTable<Study>
        caption={t('research.title')}
        columns={columns}
        rowId={(s) => String(s.id)}
        search={search}
        onSearch={(s: TableSearch) => setSearch(s as Search)}
        data={list.data}
        isLoading={list.isFetching}
        error={list.error}
        onRetry={() => list.refetch()}
        filters={filters}
        filtered={!!(search.edition || search.status || search.org || search.mine)}
        emptyTitle={t('research.empty')}
        searchable
      />
      <SubmitStudyModal
        opened={submitting}
        onClose={() => setSubmitting(false)}
        onSaved={(d) => {
          setSubmitting(false);
          void navigate({ to: '/research/$id', params: { id: d.study.id } });
        }}
        defaultOrganization={me ? primaryMembership(me)?.organization_id : undefined}
      />
    </Stack>
  );
}

interface Values extends Record<string, unknown> {
  edition_id: string | null;
  organization_id: string | null;
  title_ar: string;
  title_en: string;
  authors: string;
  abstract_ar: string;
  abstract_en: string;
  attachment_ids: number[];
}

function SubmitStudyModal({
  opened,
  onClose,
  onSaved,
  defaultOrganization,
}: {
  opened: boolean;
  onClose: () => void;
  onSaved: (d: StudyDetail) => void;
  defaultOrganization?: number;
}) {
  const { t, number } = useI18n();
  const narrow = useMediaQuery('(max-width: 36em)');
  const editions = useEditions();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: {
      edition_id: null,
      organization_id: defaultOrganization ? String(defaultOrganization) : null,
      title_ar: '',
      title_en: '',
      authors: '',
      abstract_ar: '',
      abstract_en: '',
      attachment_ids: [],
    },
    validate: {
      edition_id: (v) => (v ? null : t('common.fieldRequired')),
      organization_id: (v) => (v ? null : t('common.fieldRequired')),
      title_ar: (v) => (v.trim() ? null : t('common.fieldRequired')),
      title_en: (v) => (v.trim() ? null : t('common.fieldRequired')),
      authors: (v) => (v.trim() ? null : t('common.fieldRequired')),
    },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    try {
      const d = await unwrap(
        api.POST('/api/v1/research', {
          body: {
            edition_id: Number(v.edition_id),
            organization_id: Number(v.organization_id),
            title_ar: v.title_ar,
            title_en: v.title_en,
            authors: v.authors
              .split('\n')
              .map((a) => a.trim())
              .filter(Boolean),
            abstract_ar: v.abstract_ar,
            abstract_en: v.abstract_en,
            attachment_ids: v.attachment_ids,
          },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: researchKeys.all });
      notifySuccess(t('research.submitted'));
      form.reset();
      onSaved(d);
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={opened} onClose={onClose} title={t('research.submitTitle')} size="xl" fullScreen={!!narrow}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('research.edition')}
              data={(editions.data ?? [])
                .filter((e) => e.status !== 'closed')
                .map((e) => ({ value: String(e.id), label: t('practices.editionN', { n: number(e.number) }) }))}
              required
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('edition_id')}
            />
            <OrganizationSelect
              label={t('research.organization')}
              required
              value={form.values.organization_id}
              onChange={(v) => form.setFieldValue('organization_id', v)}
              error={form.errors.organization_id as string | undefined}
            />
            <TextInput label={t('research.titleAr')} dir="rtl" required maxLength={300} {...form.getInputProps('title_ar')} />
            <TextInput label={t('research.titleEn')} dir="ltr" required maxLength={300} {...form.getInputProps('title_en')} />
          </SimpleGrid>
          <Textarea label={t('research.authors')} description={t('research.authorsHint')} required autosize minRows={2} {...form.getInputProps('authors')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea label={t('research.abstractAr')} dir="rtl" autosize minRows={4} maxLength={8000} {...form.getInputProps('abstract_ar')} />
            <Textarea label={t('research.abstractEn')} dir="ltr" autosize minRows={4} maxLength={8000} {...form.getInputProps('abstract_en')} />
          </SimpleGrid>
          <FileUpload
            organizationId={form.values.organization_id ? Number(form.values.organization_id) : undefined}
            label={t('research.attach')}
            onUploaded={(a) => form.insertListItem('attachment_ids', a.id)}
          />
          {form.values.attachment_ids.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('research.attached', { count: form.values.attachment_ids.length })}
            </Text>
          )}
          <FormError error={server.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('research.submitSend')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
