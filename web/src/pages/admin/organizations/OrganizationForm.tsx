// Creating an organisation (at the top of the tree or under one) and editing one, including moving it to
// another parent. The server refuses a move under the organisation's own branch with a problem naming
// `parent_id`, shown under the parent field; a stale version (someone saved first) offers to reload.
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconRefresh } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, unwrap } from '../../../api/client';
import { useServerErrors } from '../../../components/forms';
import { FormError } from '../../../components/States';
import { notifySuccess } from '../../../components/notify';
import { useI18n } from '../../../i18n';
import { countries, governoratesQuery, kinds, organizationKeys, organizationQuery, type Country, type Organization, type OrganizationKind } from './api';
import { OrganizationPicker } from './OrganizationPicker';

export type FormMode = { kind: 'create'; parent?: Organization } | { kind: 'edit'; org: Organization };

interface Values extends Record<string, unknown> {
  name_ar: string;
  name_en: string;
  kind: string | null;
  country: string | null;
  governorate_id: string | null;
  parent_id: string | null;
}

function valuesOf(mode: FormMode): Values {
  if (mode.kind === 'edit') {
    const o = mode.org;
    return {
      name_ar: o.name_ar,
      name_en: o.name_en,
      kind: o.kind,
      country: o.country,
      governorate_id: o.governorate_id ? String(o.governorate_id) : null,
      parent_id: o.parent_id ? String(o.parent_id) : null,
    };
  }
  const p = mode.parent;
  return {
    name_ar: '',
    name_en: '',
    kind: null,
    country: p?.country ?? 'OM',
    governorate_id: p?.governorate_id ? String(p.governorate_id) : null,
    parent_id: p ? String(p.id) : null,
  };
}

const arabicLetter = /[\u0600-\u06FF]/;
const toId = (v: string | null) => (v ? Number(v) : null);

export function OrganizationFormModal({ mode, onClose, onSaved }: { mode: FormMode | null; onClose: () => void; onSaved: (o: Organization) => void }) {
  const { t } = useI18n();
  const narrow = useMediaQuery('(max-width: 36em)');
  const title = mode?.kind === 'edit' ? t('organizations.editTitle') : mode?.parent ? t('organizations.createChildTitle') : t('organizations.createTitle');
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={!!mode} onClose={onClose} title={title} size="lg" fullScreen={!!narrow}>
      {mode && <OrganizationForm mode={mode} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function OrganizationForm({ mode, onClose, onSaved }: { mode: FormMode; onClose: () => void; onSaved: (o: Organization) => void }) {
  const { t, pick, locale } = useI18n();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  const [current, setCurrent] = useState<Organization | undefined>(mode.kind === 'edit' ? mode.org : undefined);
  const governorates = useQuery(governoratesQuery(locale));
  const form = useForm<Values>({
    initialValues: valuesOf(mode),
    validate: {
      name_ar: (v) => (!v.trim() ? t('common.fieldRequired') : !arabicLetter.test(v) ? t('organizations.nameArNeedsArabic') : null),
      name_en: (v) => (!v.trim() ? t('common.fieldRequired') : null),
      kind: (v) => (v ? null : t('common.fieldRequired')),
      country: (v) => (v ? null : t('common.fieldRequired')),
    },
  });
  const server = useServerErrors(form);

  const reload = async () => {
    if (!current) return;
    const fresh = await queryClient.fetchQuery({ ...organizationQuery(current.id), staleTime: 0 });
    setCurrent(fresh);
    form.setValues(valuesOf({ kind: 'edit', org: fresh }));
    form.resetDirty();
    setStale(false);
    server.clear();
    void queryClient.invalidateQueries({ queryKey: organizationKeys.all });
  };

  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    setStale(false);
    server.clear();
    try {
      const common = {
        kind: v.kind as OrganizationKind,
        name_ar: v.name_ar.trim(),
        name_en: v.name_en.trim(),
        parent_id: toId(v.parent_id),
        governorate_id: toId(v.governorate_id),
        country: v.country as Country,
      };
      const saved = current
        ? await unwrap(
            api.PUT('/api/v1/organizations/{id}', {
              params: { path: { id: String(current.id) } },
              body: { ...common, active: current.active, version: current.version },
            }),
          )
        : await unwrap(api.POST('/api/v1/organizations', { body: common }));
      await queryClient.invalidateQueries({ queryKey: organizationKeys.all });
      queryClient.setQueryData(organizationKeys.detail(saved.id), saved);
      notifySuccess(current ? t('organizations.saved', { name: pick(saved.name_ar, saved.name_en) }) : t('organizations.created', { name: pick(saved.name_ar, saved.name_en) }));
      onSaved(saved);
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setStale(true);
      else server.capture(e);
    } finally {
      setBusy(false);
    }
  });

  const kindData = kinds.map((k) => ({ value: k, label: t(`common.kind.${k}`) }));
  const countryData = countries.map((c) => ({ value: c, label: t(`common.country.${c}`) }));
  const governorateData = (governorates.data ?? [])
    .filter((g) => g.id !== current?.id)
    .map((g) => ({ value: String(g.id), label: pick(g.name_ar, g.name_en) }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {stale && <StaleAlert onReload={reload} />}
        <FormError error={server.formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('organizations.nameAr')} required dir="rtl" lang="ar" autoComplete="off" {...form.getInputProps('name_ar')} />
          <TextInput label={t('organizations.nameEn')} required dir="ltr" lang="en" autoComplete="off" {...form.getInputProps('name_en')} />
          <Select label={t('organizations.kind')} required data={kindData} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('kind')} />
          <Select label={t('organizations.country')} required data={countryData} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('country')} />
          <Select
            label={t('organizations.governorate')}
            description={t('organizations.governorateHint')}
            data={governorateData}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('organizations.clearField', { field: t('organizations.governorate') }) }}
            nothingFoundMessage={t('organizations.noMatches')}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('governorate_id')}
          />
          <OrganizationPicker
            label={t('organizations.parent')}
            description={current ? t('organizations.parentMoveHint') : t('organizations.parentHint')}
            excludeId={current?.id}
            data-testid="parent-field"
            {...form.getInputProps('parent_id')}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {current ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Someone else saved first: say so in the reader's language and offer to load the latest version. */
export function StaleAlert({ onReload }: { onReload: () => Promise<unknown> | void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  return (
    <Alert color="yellow" variant="light" role="alert" title={t('organizations.staleTitle')}>
      <Stack gap="xs" align="flex-start">
        {t('organizations.staleBody')}
        <Button
          size="xs"
          variant="default"
          leftSection={<IconRefresh size={14} aria-hidden />}
          loading={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onReload();
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('organizations.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}
