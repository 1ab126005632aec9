// The governance gates (program office): their order, names, descriptions and checklist criteria (a check to
// tick, or evidence to attach). A gate's criteria change as a whole, and only while no open review uses it;
// a gate with initiatives at it or reviews naming it cannot be removed.
import { ActionIcon, Badge, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ConfirmAction } from '../../components/ConfirmAction';
import { useServerErrors } from '../../components/forms';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, FormError, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { gatesQuery, type ChangeGate, type GateCriterion } from './api';

type Kind = GateCriterion['kind'];

function GateModal({ gate, onClose }: { gate: ChangeGate | 'new' | null; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const g = gate && gate !== 'new' ? gate : null;
  const form = useForm({
    initialValues: {
      name_ar: g?.name_ar ?? '',
      name_en: g?.name_en ?? '',
      description_ar: g?.description_ar ?? '',
      description_en: g?.description_en ?? '',
      criteria: (g?.criteria ?? []).map((c) => ({ kind: c.kind as string, text_ar: c.text_ar, text_en: c.text_en })),
    },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    const body = { ...v, criteria: v.criteria.map((c) => ({ ...c, kind: c.kind as Kind })) };
    try {
      if (g) await unwrap(api.PUT('/api/v1/change/gates/{id}', { params: { path: { id: String(g.id) } }, body: { ...body, version: g.version } }));
      else await unwrap(api.POST('/api/v1/change/gates', { body }));
      await qc.invalidateQueries({ queryKey: ['change'] });
      notifySuccess(t('change.saved'));
      onClose();
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={!!gate} onClose={onClose} title={g ? t('change.editGate') : t('change.addGate')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('change.gateNameAr')} required dir="rtl" data-autofocus {...form.getInputProps('name_ar')} />
            <TextInput label={t('change.gateNameEn')} required dir="ltr" {...form.getInputProps('name_en')} />
            <Textarea label={t('change.descriptionAr')} dir="rtl" autosize minRows={2} {...form.getInputProps('description_ar')} />
            <Textarea label={t('change.descriptionEn')} dir="ltr" autosize minRows={2} {...form.getInputProps('description_en')} />
          </SimpleGrid>
          <Title order={3} size="h5">
            {t('change.criteria')}
          </Title>
          {form.values.criteria.map((_, i) => (
            <Group key={i} align="end" wrap="nowrap">
              <Select
                label={t('change.criterionKindLabel')}
                data={(['check', 'evidence'] as const).map((k) => ({ value: k, label: t(`change.criterionKind.${k}`) }))}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                w={140}
                {...form.getInputProps(`criteria.${i}.kind`)}
              />
              <TextInput label={t('change.criterionAr', { n: i + 1 })} required dir="rtl" style={{ flex: 1 }} {...form.getInputProps(`criteria.${i}.text_ar`)} />
              <TextInput label={t('change.criterionEn', { n: i + 1 })} required dir="ltr" style={{ flex: 1 }} {...form.getInputProps(`criteria.${i}.text_en`)} />
              <ActionIcon variant="subtle" color="red.9" size="lg" aria-label={t('change.removeCriterion', { n: i + 1 })} onClick={() => form.removeListItem('criteria', i)}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <div>
            <Button variant="default" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => form.insertListItem('criteria', { kind: 'check', text_ar: '', text_en: '' })}>
              {t('change.addCriterion')}
            </Button>
          </div>
          <FormError error={server.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('change.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('change.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function GatesPage() {
  const { t, pick, number, locale } = useI18n();
  const qc = useQueryClient();
  const q = useQuery(gatesQuery);
  const [gate, setGate] = useState<ChangeGate | 'new' | null>(null);
  const remove = async (g: ChangeGate) => {
    try {
      await unwrap(api.DELETE('/api/v1/change/gates/{id}', { params: { path: { id: String(g.id) } } }));
      await qc.invalidateQueries({ queryKey: ['change'] });
    } catch (e) {
      notifyError(e, locale);
    }
  };
  return (
    <Stack gap="md">
      <PageHeader
        title={t('change.gatesTitle')}
        description={t('change.gatesIntro')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setGate('new')}>
            {t('change.addGate')}
          </Button>
        }
      />
      {q.isLoading ? (
        <LoadingState />
      ) : q.error || !q.data ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <Stack component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {q.data.map((g) => {
            const name = t('change.gateLabel', { position: number(g.position), name: pick(g.name_ar, g.name_en) });
            return (
              <Card key={g.id} withBorder component="li">
                <Group justify="space-between" align="start">
                  <div>
                    <Title order={3} size="h4">
                      {name}
                    </Title>
                    <Text size="sm" c="dimmed">
                      {pick(g.description_ar, g.description_en)}
                    </Text>
                    <Text size="xs">{t('change.initiativesAtGate', { count: g.initiatives })}</Text>
                  </div>
                  <Group gap="xs">
                    <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setGate(g)} aria-label={t('change.editNamed', { name })}>
                      {t('change.edit')}
                    </Button>
                    <ConfirmAction size="xs" variant="outline" label={t('change.remove')} aria-label={t('change.removeNamed', { name })} title={t('change.removeGateTitle')} message={t('change.removeGateBody', { name })} onConfirm={() => remove(g)} />
                  </Group>
                </Group>
                <Stack component="ul" gap={4} mt="sm" ps="md">
                  {g.criteria.map((c) => (
                    <li key={c.id}>
                      <Text size="sm" span>
                        {pick(c.text_ar, c.text_en)}
                      </Text>{' '}
                      <Badge size="sm" variant="outline" color="gray.7" tt="none" radius="sm">
                        {t(`change.criterionKind.${c.kind}`)}
                      </Badge>
                    </li>
                  ))}
                </Stack>
              </Card>
            );
          })}
        </Stack>
      )}
      {gate && <GateModal gate={gate} onClose={() => setGate(null)} />}
    </Stack>
  );
}
