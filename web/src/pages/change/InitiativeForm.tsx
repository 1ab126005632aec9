// The initiative's form, for "New initiative" and "Edit": entity (national roles pick it), titles, type,
// sponsor, head and team of the entity, dates, the national program it serves and its target.
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api, unwrap } from '../../api/client';
import { meQuery } from '../../auth/session';
import { DateField } from '../../components/DateField';
import { useServerErrors } from '../../components/forms';
import { notifySuccess } from '../../components/notify';
import { FormError } from '../../components/States';
import { useI18n } from '../../i18n';
import { OrganizationPicker } from '../admin/organizations/OrganizationPicker';
import { choicesQuery, gatesQuery, initiativeQuery, initiativeStatuses, initiativeTypes, managedEntity, todayIso, type InitiativeDetail } from './api';

export function InitiativeModal({ opened, onClose, detail }: { opened: boolean; onClose: () => void; detail?: InitiativeDetail }) {
  const { t, pick } = useI18n();
  const { data: me } = useQuery(meQuery);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const own = managedEntity(me);
  const d = detail;
  // A change-team head registering an initiative usually leads it.
  const leads = !d && own && me?.user.memberships.some((m) => m.role === 'change_team_head' && m.organization_id === own);
  const form = useForm({
    initialValues: {
      organization_id: d ? String(d.organization_id) : own ? String(own) : '',
      title_ar: d?.title_ar ?? '',
      title_en: d?.title_en ?? '',
      type: (d?.type ?? 'digital_service') as string,
      status: (d?.status ?? 'active') as string,
      description_ar: d?.description_ar ?? '',
      description_en: d?.description_en ?? '',
      sponsor_ar: d?.sponsor_ar ?? '',
      sponsor_en: d?.sponsor_en ?? '',
      head_id: d?.head_id ? String(d.head_id) : leads && me ? String(me.user.id) : '',
      team_id: d?.team_id ? String(d.team_id) : '',
      starts_on: (d?.starts_on ?? todayIso()) as string | null,
      ends_on: (d?.ends_on ?? todayIso(180)) as string | null,
      program_ar: d?.program_ar ?? '',
      program_en: d?.program_en ?? '',
      program_target_ar: d?.program_target_ar ?? '',
      program_target_en: d?.program_target_en ?? '',
    },
  });
  const server = useServerErrors(form);
  const orgId = Number(form.values.organization_id) || 0;
  const choices = useQuery({ ...choicesQuery(orgId), enabled: opened && orgId > 0 });
  // The server marks an initiative completed only at the last gate (409 not_at_last_gate): elsewhere the status
  // select does not offer it (the server's message still shows next to the field if the gates changed meanwhile).
  const gates = useQuery({ ...gatesQuery, enabled: opened && !!d });
  const lastPosition = Math.max(0, ...(gates.data ?? []).map((g) => g.position));
  const atLastGate = !!d && lastPosition > 0 && d.gate_position >= lastPosition;
  const statuses = initiativeStatuses.filter((x) => x !== 'completed' || atLastGate || d?.status === 'completed');

  const submit = form.onSubmit(async (v) => {
    server.clear();
    const body = {
      organization_id: Number(v.organization_id) || 0,
      title_ar: v.title_ar,
      title_en: v.title_en,
      type: v.type as InitiativeDetail['type'],
      description_ar: v.description_ar,
      description_en: v.description_en,
      sponsor_ar: v.sponsor_ar,
      sponsor_en: v.sponsor_en,
      head_id: v.head_id ? Number(v.head_id) : null,
      team_id: v.team_id ? Number(v.team_id) : null,
      starts_on: v.starts_on ?? '',
      ends_on: v.ends_on ?? '',
      program_ar: v.program_ar,
      program_en: v.program_en,
      program_target_ar: v.program_target_ar,
      program_target_en: v.program_target_en,
    };
    try {
      if (d) {
        const next = await unwrap(
          api.PUT('/api/v1/change/initiatives/{id}', {
            params: { path: { id: String(d.id) } },
            body: { ...body, status: v.status as InitiativeDetail['status'], version: d.version },
          }),
        );
        qc.setQueryData(initiativeQuery(d.id).queryKey, next);
        await qc.invalidateQueries({ queryKey: ['change', 'initiatives'] });
        notifySuccess(t('change.saved'));
        onClose();
      } else {
        const created = await unwrap(api.POST('/api/v1/change/initiatives', { body }));
        await qc.invalidateQueries({ queryKey: ['change', 'initiatives'] });
        notifySuccess(t('change.created'));
        form.reset();
        onClose();
        await navigate({ to: '/change/$id', params: { id: String(created.id) } });
      }
    } catch (e) {
      server.capture(e);
    }
  });

  const users = (choices.data?.users ?? []).map((u) => ({ value: String(u.id), label: pick(u.name_ar, u.name_en) }));
  const teams = (choices.data?.teams ?? []).map((x) => ({ value: String(x.id), label: pick(x.name_ar, x.name_en) }));
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={d ? t('change.editInitiative') : t('change.newInitiative')}
      size="xl"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {!d && !own && (
            <OrganizationPicker
              label={t('change.entity')}
              required
              value={form.values.organization_id || null}
              onChange={(v) => {
                form.setFieldValue('organization_id', v ?? '');
                form.setFieldValue('head_id', '');
                form.setFieldValue('team_id', '');
              }}
              error={form.errors.organization_id as string | undefined}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('change.titleAr')} required dir="rtl" data-autofocus {...form.getInputProps('title_ar')} />
            <TextInput label={t('change.titleEn')} required dir="ltr" {...form.getInputProps('title_en')} />
            <Select
              label={t('change.type')}
              data={initiativeTypes.map((x) => ({ value: x, label: t(`change.typeName.${x}`) }))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('type')}
            />
            {d ? (
              <Select
                label={t('change.status')}
                data={statuses.map((x) => ({ value: x, label: t(`change.statusName.${x}`) }))}
                description={atLastGate ? undefined : t('change.completedAtLastGate')}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('status')}
              />
            ) : (
              <div />
            )}
            <TextInput label={t('change.sponsorAr')} dir="rtl" {...form.getInputProps('sponsor_ar')} />
            <TextInput label={t('change.sponsorEn')} dir="ltr" {...form.getInputProps('sponsor_en')} />
            <Select
              label={t('change.head')}
              placeholder={t('change.none')}
              data={users}
              searchable
              clearable
              disabled={!orgId}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('head_id')}
            />
            <Select
              label={t('change.team')}
              placeholder={t('change.none')}
              data={teams}
              clearable
              disabled={!orgId}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('team_id')}
            />
            <DateField label={t('change.startsOn')} value={form.values.starts_on} onChange={(v) => form.setFieldValue('starts_on', v)} error={form.errors.starts_on as string | undefined} required />
            <DateField label={t('change.endsOn')} value={form.values.ends_on} onChange={(v) => form.setFieldValue('ends_on', v)} error={form.errors.ends_on as string | undefined} required />
            <TextInput label={t('change.programAr')} dir="rtl" {...form.getInputProps('program_ar')} />
            <TextInput label={t('change.programEn')} dir="ltr" {...form.getInputProps('program_en')} />
            <TextInput label={t('change.programTargetAr')} dir="rtl" {...form.getInputProps('program_target_ar')} />
            <TextInput label={t('change.programTargetEn')} dir="ltr" {...form.getInputProps('program_target_en')} />
          </SimpleGrid>
          <Textarea label={t('change.descriptionAr')} dir="rtl" autosize minRows={2} {...form.getInputProps('description_ar')} />
          <Textarea label={t('change.descriptionEn')} dir="ltr" autosize minRows={2} {...form.getInputProps('description_en')} />
          <FormError error={server.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('change.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {d ? t('change.save') : t('change.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
