// Plans: the change actions grouped by kind (communication, sponsorship, coaching, training, resistance
// management) with owner, dates, status and the late flag; managers add, edit and remove them.
import { ActionIcon, Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { DateField } from '../../components/DateField';
import { useServerErrors } from '../../components/forms';
import { notifyError, notifySuccess } from '../../components/notify';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { actionKinds, actionStatuses, actionsQuery, choicesQuery, todayIso, type ActionKind, type ActionStatus, type ChangeAction, type InitiativeDetail, scrollable } from './api';

const actionColor: Record<ActionStatus, string> = { not_started: 'gray.7', in_progress: 'blue.9', done: 'teal.9', cancelled: 'dark.5' };

function ActionModal({ detail, item, onClose }: { detail: InitiativeDetail; item: ChangeAction | ActionKind | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const qc = useQueryClient();
  const a = item && typeof item === 'object' ? item : null;
  const choices = useQuery({ ...choicesQuery(detail.organization_id), enabled: !!item });
  const form = useForm({
    initialValues: {
      kind: (a?.kind ?? (typeof item === 'string' ? item : 'communication')) as string,
      title_ar: a?.title_ar ?? '',
      title_en: a?.title_en ?? '',
      owner_id: a?.owner_id ? String(a.owner_id) : '',
      starts_on: (a?.starts_on ?? todayIso()) as string | null,
      due_on: (a?.due_on ?? todayIso(30)) as string | null,
      status: (a?.status ?? 'not_started') as string,
    },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    const body = {
      kind: v.kind as ActionKind,
      title_ar: v.title_ar,
      title_en: v.title_en,
      owner_id: v.owner_id ? Number(v.owner_id) : null,
      starts_on: v.starts_on ?? '',
      due_on: v.due_on ?? '',
      status: v.status as ActionStatus,
    };
    try {
      if (a) {
        await unwrap(
          api.PUT('/api/v1/change/initiatives/{id}/actions/{aid}', {
            params: { path: { id: String(detail.id), aid: String(a.id) } },
            body: { ...body, version: a.version },
          }),
        );
      } else {
        await unwrap(api.POST('/api/v1/change/initiatives/{id}/actions', { params: { path: { id: String(detail.id) } }, body }));
      }
      await Promise.all([qc.invalidateQueries({ queryKey: actionsQuery(detail.id).queryKey }), qc.invalidateQueries({ queryKey: ['change', 'initiatives'] })]);
      notifySuccess(t('change.saved'));
      onClose();
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={!!item} onClose={onClose} title={a ? t('change.editAction') : t('change.addAction')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('change.actionKind')}
              data={actionKinds.map((k) => ({ value: k, label: t(`change.kind.${k}`) }))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('kind')}
            />
            <Select
              label={t('change.status')}
              data={actionStatuses.map((k) => ({ value: k, label: t(`change.actionStatus.${k}`) }))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('status')}
            />
            <TextInput label={t('change.actionTitleAr')} required dir="rtl" data-autofocus {...form.getInputProps('title_ar')} />
            <TextInput label={t('change.actionTitleEn')} required dir="ltr" {...form.getInputProps('title_en')} />
            <Select
              label={t('change.owner')}
              placeholder={t('change.none')}
              data={(choices.data?.users ?? []).map((u) => ({ value: String(u.id), label: pick(u.name_ar, u.name_en) }))}
              clearable
              searchable
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('owner_id')}
            />
            <div />
            <DateField label={t('change.startsOn')} value={form.values.starts_on} onChange={(v) => form.setFieldValue('starts_on', v)} error={form.errors.starts_on as string | undefined} required />
            <DateField label={t('change.dueOn')} value={form.values.due_on} onChange={(v) => form.setFieldValue('due_on', v)} error={form.errors.due_on as string | undefined} required />
          </SimpleGrid>
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

export function PlansTab({ detail }: { detail: InitiativeDetail }) {
  const { t, pick, date, locale } = useI18n();
  const qc = useQueryClient();
  const q = useQuery(actionsQuery(detail.id));
  const [item, setItem] = useState<ChangeAction | ActionKind | null>(null);
  if (q.isLoading) return <LoadingState />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const actions = q.data;
  const manage = detail.can_manage;
  const remove = async (a: ChangeAction) => {
    try {
      await unwrap(api.DELETE('/api/v1/change/initiatives/{id}/actions/{aid}', { params: { path: { id: String(detail.id), aid: String(a.id) } } }));
      await Promise.all([qc.invalidateQueries({ queryKey: actionsQuery(detail.id).queryKey }), qc.invalidateQueries({ queryKey: ['change', 'initiatives'] })]);
    } catch (e) {
      notifyError(e, locale);
    }
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('change.plansIntro', { count: actions.length, late: actions.filter((a) => a.late).length })}
        </Text>
        {manage && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setItem('communication')}>
            {t('change.addAction')}
          </Button>
        )}
      </Group>
      {actions.length === 0 && <EmptyState title={t('change.plansEmpty')} />}
      {actions.length > 0 &&
        actionKinds.map((kind) => {
          const of = actions.filter((a) => a.kind === kind);
          return (
            <section key={kind} aria-labelledby={`plan-${kind}`}>
              <Group justify="space-between" mb="xs">
                <Title order={3} size="h5" id={`plan-${kind}`}>
                  {t(`change.kindPlan.${kind}`)}
                </Title>
                {manage && (
                  <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setItem(kind)} aria-label={t('change.addActionTo', { plan: t(`change.kindPlan.${kind}`) })}>
                    {t('change.add')}
                  </Button>
                )}
              </Group>
              {of.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('change.noActionsOfKind')}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={700} {...scrollable}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('change.actionTitle')}</Table.Th>
                        <Table.Th>{t('change.owner')}</Table.Th>
                        <Table.Th>{t('change.period')}</Table.Th>
                        <Table.Th>{t('change.status')}</Table.Th>
                        {manage && <Table.Th>{t('change.actions')}</Table.Th>}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {of.map((a) => {
                        const title = pick(a.title_ar, a.title_en);
                        return (
                          <Table.Tr key={a.id}>
                            <Table.Td>{title}</Table.Td>
                            <Table.Td>{a.owner_id ? pick(a.owner_name_ar, a.owner_name_en) : '—'}</Table.Td>
                            <Table.Td style={{ whiteSpace: 'nowrap' }}>
                              {date(a.starts_on)} – {date(a.due_on)}
                            </Table.Td>
                            <Table.Td>
                              <Group gap={4}>
                                <Badge color={actionColor[a.status]} variant="filled" tt="none" radius="sm">
                                  {t(`change.actionStatus.${a.status}`)}
                                </Badge>
                                {a.late && (
                                  <Badge color="red.9" variant="filled" tt="none" radius="sm">
                                    {t('change.late')}
                                  </Badge>
                                )}
                              </Group>
                            </Table.Td>
                            {manage && (
                              <Table.Td>
                                <Group gap={4} wrap="nowrap">
                                  <ActionIcon variant="subtle" aria-label={t('change.editNamed', { name: title })} onClick={() => setItem(a)}>
                                    <IconPencil size={16} aria-hidden />
                                  </ActionIcon>
                                  <ActionIcon variant="subtle" color="red.9" aria-label={t('change.removeNamed', { name: title })} onClick={() => remove(a)}>
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
              )}
            </section>
          );
        })}
      {item && <ActionModal detail={detail} item={item} onClose={() => setItem(null)} />}
    </Stack>
  );
}
