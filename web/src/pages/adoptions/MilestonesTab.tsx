// Milestones: what the plan should have reached by when; managers add them and record them reached.
import { Badge, Button, Group, Modal, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { DateField } from '../../components/DateField';
import { useServerErrors } from '../../components/forms';
import { notifyError, notifySuccess } from '../../components/notify';
import { EmptyState, FormError } from '../../components/States';
import { useI18n } from '../../i18n';
import { adoptionQuery, todayIso, type AdoptionDetail, type Milestone } from './api';

export function MilestonesTab({ detail }: { detail: AdoptionDetail }) {
  const { t, pick, date, locale } = useI18n();
  const qc = useQueryClient();
  const id = detail.adoption.id;
  const [adding, setAdding] = useState(false);
  const form = useForm({ initialValues: { title_ar: '', title_en: '', due_on: todayIso(30) as string | null } });
  const server = useServerErrors(form);
  const refresh = () => qc.invalidateQueries({ queryKey: adoptionQuery(id).queryKey });
  const submit = form.onSubmit(async (v) => {
    server.clear();
    try {
      await unwrap(api.POST('/api/v1/adoptions/{id}/milestones', { params: { path: { id: String(id) } }, body: { title_ar: v.title_ar, title_en: v.title_en, due_on: v.due_on ?? '' } }));
      await refresh();
      notifySuccess(t('adoptions.saved'));
      form.reset();
      setAdding(false);
    } catch (e) {
      server.capture(e);
    }
  });
  const reach = async (m: Milestone) => {
    try {
      await unwrap(
        api.PUT('/api/v1/adoptions/{id}/milestones/{milestone_id}', {
          params: { path: { id: String(id), milestone_id: String(m.id) } },
          body: { title_ar: m.title_ar, title_en: m.title_en, due_on: m.due_on, reached_on: todayIso(), version: m.version },
        }),
      );
      await refresh();
      notifySuccess(t('adoptions.saved'));
    } catch (e) {
      notifyError(e, locale);
    }
  };
  const editable = detail.permissions.edit_plan;
  return (
    <Stack>
      {editable && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>{t('adoptions.addMilestone')}</Button>
        </Group>
      )}
      {detail.milestones.length === 0 ? (
        <EmptyState title={t('adoptions.noMilestones')} />
      ) : (
        <Table striped>
          <Table.Caption>{t('adoptions.tabMilestones')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('adoptions.tabMilestones')}</Table.Th>
              <Table.Th>{t('adoptions.dueOn')}</Table.Th>
              <Table.Th>{t('adoptions.reachedOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.milestones.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td><Text size="sm" fw={600}>{pick(m.title_ar, m.title_en)}</Text></Table.Td>
                <Table.Td><Text size="sm">{date(m.due_on)}</Text></Table.Td>
                <Table.Td>
                  {m.reached_on ? (
                    <Badge color="teal.9" tt="none" radius="sm">{date(m.reached_on)}</Badge>
                  ) : editable ? (
                    <Button size="compact-xs" variant="light" onClick={() => reach(m)} aria-label={`${t('adoptions.markReached')}: ${pick(m.title_ar, m.title_en)}`}>
                      {t('adoptions.markReached')}
                    </Button>
                  ) : (
                    <Text size="sm" c="dimmed">{t('adoptions.notReached')}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={adding} onClose={() => setAdding(false)} title={t('adoptions.addMilestone')}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput label={t('adoptions.milestoneTitleAr')} required dir="rtl" data-autofocus {...form.getInputProps('title_ar')} />
            <TextInput label={t('adoptions.milestoneTitleEn')} required dir="ltr" {...form.getInputProps('title_en')} />
            <SimpleGrid cols={1}>
              <DateField label={t('adoptions.dueOn')} value={form.values.due_on} onChange={(v) => form.setFieldValue('due_on', v)} error={form.errors.due_on as string | undefined} required />
            </SimpleGrid>
            <FormError error={server.formError} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAdding(false)}>{t('adoptions.cancel')}</Button>
              <Button type="submit" loading={form.submitting}>{t('adoptions.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
