// Stakeholders: the influence × support map (5 × 5, names in their cells; support runs from strong opposition
// to champion along the reading direction) and the list below, with the sponsors' roadmaps.
import { ActionIcon, Badge, Button, Checkbox, Group, Modal, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useServerErrors } from '../../components/forms';
import { notifyError, notifySuccess } from '../../components/notify';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { stakeholdersQuery, type InitiativeDetail, type Stakeholder, scrollable } from './api';

const scale = [1, 2, 3, 4, 5];

function StakeholderModal({ detail, item, onClose }: { detail: InitiativeDetail; item: Stakeholder | 'new' | null; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const s = item && item !== 'new' ? item : null;
  const form = useForm({
    initialValues: {
      name_ar: s?.name_ar ?? '',
      name_en: s?.name_en ?? '',
      role_ar: s?.role_ar ?? '',
      role_en: s?.role_en ?? '',
      influence: (s?.influence ?? 3) as number | string,
      support: (s?.support ?? 3) as number | string,
      sponsor: s?.sponsor ?? false,
      roadmap_ar: s?.roadmap_ar ?? '',
      roadmap_en: s?.roadmap_en ?? '',
    },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    const body = { ...v, influence: Number(v.influence), support: Number(v.support) };
    try {
      if (s) {
        await unwrap(
          api.PUT('/api/v1/change/initiatives/{id}/stakeholders/{sid}', {
            params: { path: { id: String(detail.id), sid: String(s.id) } },
            body: { ...body, version: s.version },
          }),
        );
      } else {
        await unwrap(api.POST('/api/v1/change/initiatives/{id}/stakeholders', { params: { path: { id: String(detail.id) } }, body }));
      }
      await qc.invalidateQueries({ queryKey: stakeholdersQuery(detail.id).queryKey });
      notifySuccess(t('change.saved'));
      onClose();
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={!!item} onClose={onClose} title={s ? t('change.editStakeholder') : t('change.addStakeholder')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('change.nameAr')} required dir="rtl" data-autofocus {...form.getInputProps('name_ar')} />
            <TextInput label={t('change.nameEn')} required dir="ltr" {...form.getInputProps('name_en')} />
            <TextInput label={t('change.roleAr')} dir="rtl" {...form.getInputProps('role_ar')} />
            <TextInput label={t('change.roleEn')} dir="ltr" {...form.getInputProps('role_en')} />
            <NumberInput label={t('change.influence')} description={t('change.influenceHint')} min={1} max={5} allowDecimal={false} clampBehavior="none" {...form.getInputProps('influence')} />
            <NumberInput label={t('change.support')} description={t('change.supportHint')} min={1} max={5} allowDecimal={false} clampBehavior="none" {...form.getInputProps('support')} />
          </SimpleGrid>
          <Checkbox label={t('change.isSponsor')} {...form.getInputProps('sponsor', { type: 'checkbox' })} />
          {form.values.sponsor && (
            <>
              <Textarea label={t('change.roadmapAr')} dir="rtl" autosize minRows={2} {...form.getInputProps('roadmap_ar')} />
              <Textarea label={t('change.roadmapEn')} dir="ltr" autosize minRows={2} {...form.getInputProps('roadmap_en')} />
            </>
          )}
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

/** Influence (rows, high at the top) × support (columns, from opposition to champion in the reading direction). */
function StakeholderMap({ items }: { items: Stakeholder[] }) {
  const { t, pick, number } = useI18n();
  return (
    <Table.ScrollContainer minWidth={640} {...scrollable}>
      <Table withTableBorder withColumnBorders layout="fixed" data-testid="stakeholder-map">
        <Table.Caption>{t('change.stakeholderMap')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={120}>
              {t('change.influenceBySupport')}
            </Table.Th>
            {scale.map((s) => (
              <Table.Th key={s} scope="col" ta="center" fz="xs">
                {t(`change.supportLevel.${s}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...scale].reverse().map((inf) => (
            <Table.Tr key={inf}>
              <Table.Th scope="row" fz="xs">
                {t('change.influenceLevel', { value: number(inf) })}
              </Table.Th>
              {scale.map((sup) => {
                const here = items.filter((i) => i.influence === inf && i.support === sup);
                const key = inf >= 4 && sup <= 2;
                return (
                  <Table.Td key={sup} style={{ background: key && here.length ? '#ffe3e3' : undefined, verticalAlign: 'top' }}>
                    <Stack gap={2}>
                      {here.map((i) => (
                        <Text key={i.id} size="xs" fw={600}>
                          {pick(i.name_ar, i.name_en)}
                          {i.sponsor ? ` · ${t('change.sponsorShort')}` : ''}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function StakeholdersTab({ detail }: { detail: InitiativeDetail }) {
  const { t, pick, number, locale } = useI18n();
  const qc = useQueryClient();
  const q = useQuery(stakeholdersQuery(detail.id));
  const [item, setItem] = useState<Stakeholder | 'new' | null>(null);
  if (q.isLoading) return <LoadingState />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const items = q.data;
  const remove = async (s: Stakeholder) => {
    try {
      await unwrap(api.DELETE('/api/v1/change/initiatives/{id}/stakeholders/{sid}', { params: { path: { id: String(detail.id), sid: String(s.id) } } }));
      await qc.invalidateQueries({ queryKey: stakeholdersQuery(detail.id).queryKey });
    } catch (e) {
      notifyError(e, locale);
    }
  };
  const addButton = detail.can_manage ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setItem('new')}>
      {t('change.addStakeholder')}
    </Button>
  ) : undefined;
  const sponsors = items.filter((i) => i.sponsor);
  return (
    <Stack>
      <Group justify="flex-end">{addButton}</Group>
      {items.length === 0 ? (
        <EmptyState title={t('change.stakeholdersEmpty')} action={addButton} />
      ) : (
        <>
          <StakeholderMap items={items} />
          <Table.ScrollContainer minWidth={640} {...scrollable}>
            <Table striped>
              <Table.Caption>{t('change.stakeholderList')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('change.name')}</Table.Th>
                  <Table.Th>{t('change.role')}</Table.Th>
                  <Table.Th>{t('change.influence')}</Table.Th>
                  <Table.Th>{t('change.support')}</Table.Th>
                  {detail.can_manage && <Table.Th>{t('change.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => {
                  const name = pick(s.name_ar, s.name_en);
                  return (
                    <Table.Tr key={s.id}>
                      <Table.Td>
                        {name}{' '}
                        {s.sponsor && (
                          <Badge size="sm" color="teal.9" variant="filled" tt="none" radius="sm">
                            {t('change.sponsorShort')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{pick(s.role_ar, s.role_en)}</Table.Td>
                      <Table.Td>{number(s.influence)}</Table.Td>
                      <Table.Td>{t(`change.supportLevel.${s.support}`)}</Table.Td>
                      {detail.can_manage && (
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <ActionIcon variant="subtle" aria-label={t('change.editNamed', { name })} onClick={() => setItem(s)}>
                              <IconPencil size={16} aria-hidden />
                            </ActionIcon>
                            <ActionIcon variant="subtle" color="red.9" aria-label={t('change.removeNamed', { name })} onClick={() => remove(s)}>
                              <IconTrash size={16} aria-hidden />
                            </ActionIcon>
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {sponsors.length > 0 && (
            <section aria-labelledby="sponsors">
              <Title order={3} size="h4" id="sponsors" mb="xs">
                {t('change.sponsorsRoadmap')}
              </Title>
              <Stack gap="xs">
                {sponsors.map((s) => (
                  <div key={s.id}>
                    <Text size="sm" fw={600}>
                      {pick(s.name_ar, s.name_en)}
                    </Text>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {pick(s.roadmap_ar, s.roadmap_en) || '—'}
                    </Text>
                  </div>
                ))}
              </Stack>
            </section>
          )}
        </>
      )}
      {item && <StakeholderModal detail={detail} item={item} onClose={() => setItem(null)} />}
    </Stack>
  );
}
