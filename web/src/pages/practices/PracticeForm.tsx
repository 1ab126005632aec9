// Adding a practice (national staff) and editing one (national staff, or the practice's owner, who keeps
// its edition, organisation and owner). Server problems land on their fields; a stale version says so.
import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useServerErrors } from '../../components/forms';
import { notifySuccess } from '../../components/notify';
import { FormError } from '../../components/States';
import { useI18n } from '../../i18n';
import { OrganizationSelect } from '../admin/users/shared';
import { categories, practiceKeys, useEditions, type PracticeDetail } from './api';

export type PracticeFormMode = { kind: 'create' } | { kind: 'edit'; detail: PracticeDetail };

interface Values extends Record<string, unknown> {
  edition_id: string | null;
  organization_id: string | null;
  owner_id: string | null;
  category: string | null;
  title_ar: string;
  title_en: string;
  summary_ar: string;
  summary_en: string;
  benefits_ar: string;
  benefits_en: string;
  prerequisites_ar: string;
  prerequisites_en: string;
}

function valuesOf(mode: PracticeFormMode): Values {
  if (mode.kind === 'edit') {
    const p = mode.detail.practice;
    return {
      edition_id: String(p.edition_id),
      organization_id: String(p.organization_id),
      owner_id: p.owner_id ? String(p.owner_id) : null,
      category: p.category,
      title_ar: p.title_ar,
      title_en: p.title_en,
      summary_ar: p.summary_ar,
      summary_en: p.summary_en,
      benefits_ar: p.benefits_ar,
      benefits_en: p.benefits_en,
      prerequisites_ar: p.prerequisites_ar,
      prerequisites_en: p.prerequisites_en,
    };
  }
  return {
    edition_id: null,
    organization_id: null,
    owner_id: null,
    category: null,
    title_ar: '',
    title_en: '',
    summary_ar: '',
    summary_en: '',
    benefits_ar: '',
    benefits_en: '',
    prerequisites_ar: '',
    prerequisites_en: '',
  };
}

export function PracticeFormModal({
  mode,
  onClose,
  onSaved,
}: {
  mode: PracticeFormMode | null;
  onClose: () => void;
  onSaved: (d: PracticeDetail) => void;
}) {
  const { t } = useI18n();
  const narrow = useMediaQuery('(max-width: 36em)');
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={!!mode}
      onClose={onClose}
      title={mode?.kind === 'edit' ? t('practices.editTitle') : t('practices.createTitle')}
      size="xl"
      fullScreen={!!narrow}
    >
      {mode && <PracticeForm mode={mode} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function PracticeForm({ mode, onClose, onSaved }: { mode: PracticeFormMode; onClose: () => void; onSaved: (d: PracticeDetail) => void }) {
  const { t, pick, number } = useI18n();
  const queryClient = useQueryClient();
  const editions = useEditions();
  const manage = mode.kind === 'create' || mode.detail.can_manage;
  const form = useForm<Values>({
    initialValues: valuesOf(mode),
    validate: {
      edition_id: (v) => (v ? null : t('common.fieldRequired')),
      organization_id: (v) => (v ? null : t('common.fieldRequired')),
      category: (v) => (v ? null : t('common.fieldRequired')),
      title_ar: (v) => (v.trim() ? null : t('common.fieldRequired')),
      title_en: (v) => (v.trim() ? null : t('common.fieldRequired')),
    },
  });
  const server = useServerErrors(form);
  const org = form.values.organization_id;
  const owners = useQuery({
    queryKey: ['practices', 'owners', org],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/users', {
          params: { query: { 'filter[role]': 'practice_owner', 'filter[organization_id]': org ?? undefined, 'page[size]': '100' } },
        }),
      ),
    enabled: manage && !!org,
  });
  const ownerOptions = (owners.data?.items ?? []).map((u) => ({ value: String(u.id), label: pick(u.name_ar, u.name_en) }));
  if (mode.kind === 'edit' && mode.detail.practice.owner_id && !ownerOptions.some((o) => o.value === String(mode.detail.practice.owner_id)))
    ownerOptions.unshift({
      value: String(mode.detail.practice.owner_id),
      label: pick(mode.detail.practice.owner_name_ar, mode.detail.practice.owner_name_en),
    });

  const submit = form.onSubmit(async (v) => {
    server.clear();
    const texts = {
      category: v.category as PracticeDetail['practice']['category'],
      title_ar: v.title_ar,
      title_en: v.title_en,
      summary_ar: v.summary_ar,
      summary_en: v.summary_en,
      benefits_ar: v.benefits_ar,
      benefits_en: v.benefits_en,
      prerequisites_ar: v.prerequisites_ar,
      prerequisites_en: v.prerequisites_en,
    };
    const placement = {
      edition_id: Number(v.edition_id),
      organization_id: Number(v.organization_id),
      owner_id: v.owner_id ? Number(v.owner_id) : null,
    };
    try {
      const saved =
        mode.kind === 'create'
          ? await unwrap(api.POST('/api/v1/practices', { body: { ...placement, ...texts } }))
          : await unwrap(
              api.PUT('/api/v1/practices/{id}', {
                params: { path: { id: String(mode.detail.practice.id) } },
                body: { ...placement, ...texts, version: mode.detail.practice.version },
              }),
            );
      await queryClient.invalidateQueries({ queryKey: practiceKeys.all });
      notifySuccess(mode.kind === 'create' ? t('practices.created') : t('common.saved'));
      onSaved(saved);
    } catch (e) {
      server.capture(e);
    }
  });

  const editionOptions = (editions.data ?? [])
    .filter((e) => e.status !== 'closed' || String(e.id) === form.values.edition_id)
    .map((e) => ({ value: String(e.id), label: t('practices.editionN', { n: number(e.number) }) }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('practices.edition')}
            data={editionOptions}
            disabled={!manage}
            required
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('edition_id')}
          />
          <Select
            label={t('practices.category')}
            data={categories.map((c) => ({ value: c, label: t(`practices.category.${c}`) }))}
            required
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('category')}
          />
          <OrganizationSelect
            label={t('practices.organization')}
            disabled={!manage}
            required
            value={form.values.organization_id}
            onChange={(v) => {
              form.setFieldValue('organization_id', v);
              form.setFieldValue('owner_id', null);
            }}
            error={form.errors.organization_id as string | undefined}
          />
          <Select
            label={t('practices.owner')}
            description={t('practices.ownerHint')}
            data={ownerOptions}
            disabled={!manage || !org}
            clearable
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('owner_id')}
          />
          <TextInput label={t('practices.titleAr')} dir="rtl" required maxLength={200} {...form.getInputProps('title_ar')} />
          <TextInput label={t('practices.titleEn')} dir="ltr" required maxLength={200} {...form.getInputProps('title_en')} />
          <Textarea label={t('practices.summaryAr')} dir="rtl" autosize minRows={3} maxLength={4000} {...form.getInputProps('summary_ar')} />
          <Textarea label={t('practices.summaryEn')} dir="ltr" autosize minRows={3} maxLength={4000} {...form.getInputProps('summary_en')} />
          <Textarea label={t('practices.benefitsAr')} dir="rtl" autosize minRows={2} maxLength={4000} {...form.getInputProps('benefits_ar')} />
          <Textarea label={t('practices.benefitsEn')} dir="ltr" autosize minRows={2} maxLength={4000} {...form.getInputProps('benefits_en')} />
          <Textarea label={t('practices.prerequisitesAr')} dir="rtl" autosize minRows={2} maxLength={4000} {...form.getInputProps('prerequisites_ar')} />
          <Textarea label={t('practices.prerequisitesEn')} dir="ltr" autosize minRows={2} maxLength={4000} {...form.getInputProps('prerequisites_en')} />
        </SimpleGrid>
        <FormError error={server.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {mode.kind === 'create' ? t('common.create') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
