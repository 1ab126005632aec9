// Creating or editing a memorandum: titles, summary, parties (two or more), signing date, duration, reminder
// days and the areas of cooperation in both languages. The server's per-field problems show on the fields.
import { ActionIcon, Button, Fieldset, Group, Modal, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { DateField } from '../../components/DateField';
import { useServerErrors } from '../../components/forms';
import { notifySuccess } from '../../components/notify';
import { FormError } from '../../components/States';
import { useI18n } from '../../i18n';
import type { Partnership } from './api';
import { PartyPicker, type Option } from './pickers';

interface Values extends Record<string, unknown> {
  title_ar: string;
  title_en: string;
  summary_ar: string;
  summary_en: string;
  signed_on: string | null;
  duration_months: number | string;
  renewal_reminder_days: number | string;
  parties: Option[];
  /** The parties' ids, as the server names the field (its problems about them land here). */
  party_ids: number[];
  areas: { name_ar: string; name_en: string }[];
}

export function PartnershipForm({
  opened,
  onClose,
  existing,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  existing?: Partnership;
  onSaved: (p: Partnership) => void;
}) {
  const { t, pick } = useI18n();
  const narrow = useMediaQuery('(max-width: 48em)');
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    initialValues: {
      title_ar: existing?.title_ar ?? '',
      title_en: existing?.title_en ?? '',
      summary_ar: existing?.summary_ar ?? '',
      summary_en: existing?.summary_en ?? '',
      signed_on: existing?.signed_on ?? null,
      duration_months: existing?.duration_months ?? 24,
      renewal_reminder_days: existing?.renewal_reminder_days ?? 60,
      parties: existing?.parties.map((p) => ({ value: String(p.organization_id), label: pick(p.name_ar, p.name_en) })) ?? [],
      party_ids: existing?.parties.map((p) => p.organization_id) ?? [],
      areas: existing?.areas.map((a) => ({ ...a })) ?? [{ name_ar: '', name_en: '' }],
    },
    validate: {
      parties: (v) => (v.length < 2 ? t('partnerships.partiesTooFew') : null),
      duration_months: (v) => (Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 120 ? null : t('partnerships.durationRange')),
    },
  });
  const server = useServerErrors(form);
  const partyError = (form.errors.parties ?? form.errors.party_ids) as string | undefined;

  const submit = form.onSubmit(async (v) => {
    server.clear();
    const body = {
      title_ar: v.title_ar,
      title_en: v.title_en,
      summary_ar: v.summary_ar,
      summary_en: v.summary_en,
      signed_on: v.signed_on ?? '',
      duration_months: Number(v.duration_months),
      renewal_reminder_days: Number(v.renewal_reminder_days),
      party_ids: v.parties.map((p) => Number(p.value)),
      areas: v.areas.filter((a) => a.name_ar.trim() || a.name_en.trim()),
    };
    try {
      const saved = existing
        ? await unwrap(
            api.PUT('/api/v1/partnerships/{id}', {
              params: { path: { id: String(existing.id) } },
              body: { ...body, version: existing.version },
            }),
          )
        : await unwrap(api.POST('/api/v1/partnerships', { body }));
      await queryClient.invalidateQueries({ queryKey: ['partnerships'] });
      notifySuccess(existing ? t('common.saved') : t('common.created'));
      onSaved(saved);
    } catch (e) {
      server.capture(e);
    }
  });

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={existing ? t('partnerships.editTitle') : t('partnerships.createTitle')}
      size="xl"
      fullScreen={!!narrow}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError error={server.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('partnerships.titleAr')} dir="rtl" lang="ar" required {...form.getInputProps('title_ar')} />
            <TextInput label={t('partnerships.titleEn')} dir="ltr" lang="en" required {...form.getInputProps('title_en')} />
            <Textarea label={t('partnerships.summaryAr')} dir="rtl" lang="ar" autosize minRows={2} {...form.getInputProps('summary_ar')} />
            <Textarea label={t('partnerships.summaryEn')} dir="ltr" lang="en" autosize minRows={2} {...form.getInputProps('summary_en')} />
          </SimpleGrid>
          <PartyPicker
            label={t('partnerships.parties')}
            description={t('partnerships.partiesHint')}
            error={partyError}
            value={form.values.parties}
            onChange={(v) => {
              form.setFieldValue('parties', v);
              form.setFieldValue(
                'party_ids',
                v.map((o) => Number(o.value)),
              );
              form.clearFieldError('party_ids');
            }}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField
              label={t('partnerships.signedOn')}
              value={form.values.signed_on}
              onChange={(v) => form.setFieldValue('signed_on', v)}
              error={form.errors.signed_on as string | undefined}
              required
            />
            <NumberInput
              label={t('partnerships.duration')}
              description={t('partnerships.durationHint')}
              min={1}
              max={120}
              allowDecimal={false}
              required
              {...form.getInputProps('duration_months')}
            />
            <NumberInput
              label={t('partnerships.reminderDays')}
              min={0}
              max={365}
              allowDecimal={false}
              {...form.getInputProps('renewal_reminder_days')}
            />
          </SimpleGrid>
          <Fieldset legend={t('partnerships.areas')}>
            <Stack gap="xs">
              {form.values.areas.map((_, i) => (
                <Group key={i} align="flex-end" wrap="nowrap" gap="xs">
                  <TextInput
                    style={{ flex: 1 }}
                    label={t('partnerships.areaAr', { n: i + 1 })}
                    dir="rtl"
                    lang="ar"
                    {...form.getInputProps(`areas.${i}.name_ar`)}
                  />
                  <TextInput
                    style={{ flex: 1 }}
                    label={t('partnerships.areaEn', { n: i + 1 })}
                    dir="ltr"
                    lang="en"
                    {...form.getInputProps(`areas.${i}.name_en`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    size="lg"
                    aria-label={t('partnerships.removeArea', { n: i + 1 })}
                    onClick={() => form.removeListItem('areas', i)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  onClick={() => form.insertListItem('areas', { name_ar: '', name_en: '' })}
                >
                  {t('partnerships.addArea')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {existing ? t('common.save') : t('partnerships.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
