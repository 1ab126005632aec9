// Creating and editing an edition: number, year, titles, dates and goals in both languages. The server's
// field problems (a duplicate number, an end before the start) appear under their fields; a stale version
// (someone saved first) shows above the buttons.
import { Button, Group, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { DateField } from '../../components/DateField';
import { useServerErrors } from '../../components/forms';
import { notifySuccess } from '../../components/notify';
import { FormError } from '../../components/States';
import { useI18n } from '../../i18n';
import { editionKeys, type Edition } from './api';

interface Values extends Record<string, unknown> {
  number: string;
  year: string;
  title_ar: string;
  title_en: string;
  starts_on: string | null;
  ends_on: string | null;
  goals_ar: string;
  goals_en: string;
}

const arabicLetter = /[\u0600-\u06FF]/;
/** Arabic-Indic digits (٠–٩) typed on an Arabic keyboard, read as Latin ones. */
const latinDigits = (s: string) => s.trim().replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660));

function valuesOf(e: Edition | 'new'): Values {
  if (e === 'new')
    return { number: '', year: String(new Date().getFullYear()), title_ar: '', title_en: '', starts_on: null, ends_on: null, goals_ar: '', goals_en: '' };
  return { ...e, number: String(e.number), year: String(e.year) };
}

export function EditionFormModal({ edition, onClose, onSaved }: { edition: Edition | 'new' | null; onClose: () => void; onSaved?: (e: Edition) => void }) {
  const { t } = useI18n();
  const narrow = useMediaQuery('(max-width: 36em)');
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={!!edition}
      onClose={onClose}
      title={edition === 'new' ? t('editions.createTitle') : t('editions.editTitle')}
      size="lg"
      fullScreen={!!narrow}
    >
      {edition && <EditionForm edition={edition} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function EditionForm({ edition, onClose, onSaved }: { edition: Edition | 'new'; onClose: () => void; onSaved?: (e: Edition) => void }) {
  const { t, pick } = useI18n();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const form = useForm<Values>({
    initialValues: valuesOf(edition),
    validate: {
      number: (v) => (!v.trim() ? t('common.fieldRequired') : !/^\d{1,3}$/.test(latinDigits(v)) ? t('editions.numberInvalid') : null),
      year: (v) => (!v.trim() ? t('common.fieldRequired') : !/^\d{4}$/.test(latinDigits(v)) ? t('editions.yearInvalid') : null),
      title_ar: (v) => (!v.trim() ? t('common.fieldRequired') : !arabicLetter.test(v) ? t('editions.titleArNeedsArabic') : null),
      title_en: (v) => (!v.trim() ? t('common.fieldRequired') : null),
      starts_on: (v) => (v ? null : t('common.fieldRequired')),
      ends_on: (v, all) => (!v ? t('common.fieldRequired') : all.starts_on && v < all.starts_on ? t('editions.endBeforeStart') : null),
    },
  });
  const server = useServerErrors(form);

  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    server.clear();
    try {
      const body = {
        number: Number(latinDigits(v.number)),
        year: Number(latinDigits(v.year)),
        title_ar: v.title_ar.trim(),
        title_en: v.title_en.trim(),
        starts_on: v.starts_on ?? '',
        ends_on: v.ends_on ?? '',
        goals_ar: v.goals_ar.trim(),
        goals_en: v.goals_en.trim(),
      };
      const saved =
        edition === 'new'
          ? await unwrap(api.POST('/api/v1/editions', { body }))
          : await unwrap(
              api.PUT('/api/v1/editions/{id}', { params: { path: { id: String(edition.id) } }, body: { ...body, version: edition.version } }),
            );
      queryClient.setQueryData(editionKeys.detail(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: editionKeys.all });
      notifySuccess(
        edition === 'new'
          ? t('editions.created', { title: pick(saved.title_ar, saved.title_en) })
          : t('editions.saved', { title: pick(saved.title_ar, saved.title_en) }),
      );
      onSaved?.(saved);
      onClose();
    } catch (e) {
      server.capture(e);
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('editions.number')} inputMode="numeric" dir="ltr" required {...form.getInputProps('number')} />
          <TextInput label={t('editions.year')} inputMode="numeric" dir="ltr" required {...form.getInputProps('year')} />
        </SimpleGrid>
        <TextInput label={t('editions.titleAr')} dir="rtl" required {...form.getInputProps('title_ar')} />
        <TextInput label={t('editions.titleEn')} dir="ltr" required {...form.getInputProps('title_en')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField
            label={t('editions.startsOn')}
            value={form.values.starts_on}
            onChange={(v) => form.setFieldValue('starts_on', v)}
            error={form.errors.starts_on as string | undefined}
            required
          />
          <DateField
            label={t('editions.endsOn')}
            value={form.values.ends_on}
            onChange={(v) => form.setFieldValue('ends_on', v)}
            min={form.values.starts_on ?? undefined}
            error={form.errors.ends_on as string | undefined}
            required
          />
        </SimpleGrid>
        <Textarea label={t('editions.goalsAr')} dir="rtl" autosize minRows={3} maxRows={8} {...form.getInputProps('goals_ar')} />
        <Textarea label={t('editions.goalsEn')} dir="ltr" autosize minRows={3} maxRows={8} {...form.getInputProps('goals_en')} />
        <FormError error={server.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {edition === 'new' ? t('editions.createSubmit') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
