// "Adopt a practice": an edition, a published practice of that edition or an earlier one, the adopting
// entity (an entity manager's own, preselected) and the plan's objective and dates. Creates a draft.
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { api, unwrap, type Me } from '../../api/client';
import { meQuery } from '../../auth/session';
import { DateField } from '../../components/DateField';
import { useServerErrors } from '../../components/forms';
import { notifySuccess } from '../../components/notify';
import { FormError, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { OrganizationPicker } from '../admin/organizations/OrganizationPicker';
import { choicesQuery, todayIso } from './api';

/** The entity whose plans the user manages, when they are entity staff with exactly one. */
export function managedEntity(me: Me | null | undefined): number | undefined {
  const roles = me?.user.memberships ?? [];
  if (roles.some((m) => m.role === 'platform_admin' || m.role === 'program_office')) return undefined;
  const ids = [
    ...new Set(roles.filter((m) => m.role === 'entity_coordinator' || m.role === 'change_team_head').map((m) => m.organization_id)),
  ];
  return ids.length === 1 ? ids[0] : undefined;
}

export function AdoptModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, pick, number } = useI18n();
  const { data: me } = useQuery(meQuery);
  const choices = useQuery({ ...choicesQuery, enabled: opened });
  const qc = useQueryClient();
  const navigate = useNavigate();
  const own = managedEntity(me);
  const form = useForm({
    initialValues: {
      edition_id: '' as string,
      practice_id: '' as string,
      organization_id: own ? String(own) : ('' as string),
      objective_ar: '',
      objective_en: '',
      starts_on: todayIso() as string | null,
      ends_on: todayIso(180) as string | null,
    },
  });
  const server = useServerErrors(form);

  const editions = choices.data?.editions ?? [];
  const edition = editions.find((e) => String(e.id) === form.values.edition_id);
  const practices = useMemo(
    () =>
      (choices.data?.practices ?? [])
        .filter((p) => !edition || p.edition_number <= edition.number)
        .map((p) => ({
          value: String(p.id),
          label: `${pick(p.title_ar, p.title_en)} — ${pick(p.organization_name_ar, p.organization_name_en)} (${t('adoptions.editionNumber', {
            number: number(p.edition_number),
          })})`,
        })),
    [choices.data, edition, pick, t, number],
  );

  const submit = form.onSubmit(async (v) => {
    server.clear();
    try {
      const created = await unwrap(
        api.POST('/api/v1/adoptions', {
          body: {
            edition_id: Number(v.edition_id) || 0,
            practice_id: Number(v.practice_id) || 0,
            organization_id: Number(v.organization_id) || 0,
            objective_ar: v.objective_ar,
            objective_en: v.objective_en,
            starts_on: v.starts_on ?? '',
            ends_on: v.ends_on ?? '',
          },
        }),
      );
      notifySuccess(t('adoptions.created'));
      await qc.invalidateQueries({ queryKey: ['adoptions', 'list'] });
      form.reset();
      onClose();
      void navigate({ to: '/adoptions/$id', params: { id: String(created.adoption.id) } });
    } catch (e) {
      server.capture(e);
    }
  });

  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={opened} onClose={onClose} title={t('adoptions.adoptTitle')} size="lg">
      {choices.isLoading ? (
        <LoadingState />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {choices.data && choices.data.practices.length === 0 && <Alert color="yellow">{t('adoptions.noChoices')}</Alert>}
            <Select
              label={t('adoptions.edition')}
              data={editions.map((e) => ({ value: String(e.id), label: pick(e.title_ar, e.title_en) }))}
              required
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('edition_id')}
            />
            <Select
              label={t('adoptions.practice')}
              data={practices}
              searchable
              required
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('practice_id')}
            />
            <OrganizationPicker
              label={t('adoptions.organization')}
              required
              disabled={!!own}
              value={form.values.organization_id || null}
              onChange={(v) => form.setFieldValue('organization_id', v ?? '')}
              error={form.errors.organization_id}
            />
            <Textarea label={t('adoptions.objectiveAr')} required autosize minRows={2} dir="rtl" {...form.getInputProps('objective_ar')} />
            <Textarea label={t('adoptions.objectiveEn')} required autosize minRows={2} dir="ltr" {...form.getInputProps('objective_en')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField
                label={t('adoptions.startsOn')}
                value={form.values.starts_on}
                onChange={(v) => form.setFieldValue('starts_on', v)}
                error={form.errors.starts_on as string | undefined}
                required
              />
              <DateField
                label={t('adoptions.endsOn')}
                value={form.values.ends_on}
                onChange={(v) => form.setFieldValue('ends_on', v)}
                error={form.errors.ends_on as string | undefined}
                required
              />
            </SimpleGrid>
            <FormError error={server.formError} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('adoptions.cancel')}
              </Button>
              <Button type="submit" loading={form.submitting}>
                {t('adoptions.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
