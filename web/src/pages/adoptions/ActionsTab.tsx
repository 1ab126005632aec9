// The plan's actions: a table with owner, due date, status and percent; entity managers add actions,
// update progress inline (done only at 100% — the server's rule shows as a field error), attach evidence
// and discuss each action in its comments drawer.
import { ActionIcon, Anchor, Badge, Button, Drawer, Group, Modal, NumberInput, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMessage, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { can, meQuery } from '../../auth/session';
import { DateField } from '../../components/DateField';
import { FileUpload } from '../../components/FileUpload';
import { useServerErrors } from '../../components/forms';
import { notifyError, notifySuccess } from '../../components/notify';
import { EmptyState, FormError, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { actionStatuses, adoptionQuery, todayIso, type ActionStatus, type AdoptionDetail, type PlanAction } from './api';

const actionColor: Record<ActionStatus, string> = {
  not_started: 'gray.7',
  in_progress: 'blue.9',
  done: 'teal.9',
  blocked: 'red.9',
  cancelled: 'dark.5',
};

function useRefresh(id: number) {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: adoptionQuery(id).queryKey }), qc.invalidateQueries({ queryKey: ['adoptions', 'list'] })]);
}

/** Users of the adopting entity, for the owner picker (only for callers who may read users). */
function useOwners(organizationId: number) {
  const { data: me } = useQuery(meQuery);
  return useQuery({
    queryKey: ['adoptions', 'owners', organizationId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/users', { params: { query: { 'filter[organization_id]': String(organizationId), 'page[size]': '200' } } })),
    enabled: can(me, 'users.read'),
    staleTime: 60_000,
  });
}

function AddActionModal({ detail, opened, onClose }: { detail: AdoptionDetail; opened: boolean; onClose: () => void }) {
  const { t, pick } = useI18n();
  const refresh = useRefresh(detail.adoption.id);
  const owners = useOwners(detail.adoption.organization_id);
  const form = useForm({
    initialValues: { title_ar: '', title_en: '', owner_id: '' as string, starts_on: todayIso() as string | null, due_on: todayIso(30) as string | null },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    try {
      await unwrap(
        api.POST('/api/v1/adoptions/{id}/actions', {
          params: { path: { id: String(detail.adoption.id) } },
          body: { title_ar: v.title_ar, title_en: v.title_en, owner_id: v.owner_id ? Number(v.owner_id) : null, starts_on: v.starts_on ?? '', due_on: v.due_on ?? '' },
        }),
      );
      await refresh();
      notifySuccess(t('adoptions.saved'));
      form.reset();
      onClose();
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={opened} onClose={onClose} title={t('adoptions.addAction')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('adoptions.actionTitleAr')} required dir="rtl" data-autofocus {...form.getInputProps('title_ar')} />
          <TextInput label={t('adoptions.actionTitleEn')} required dir="ltr" {...form.getInputProps('title_en')} />
          {owners.data && (
            <Select
              label={t('adoptions.owner')}
              placeholder={t('adoptions.noOwner')}
              data={owners.data.items.map((u) => ({ value: String(u.id), label: pick(u.name_ar, u.name_en) }))}
              clearable
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('owner_id')}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('adoptions.startsOn')} value={form.values.starts_on} onChange={(v) => form.setFieldValue('starts_on', v)} error={form.errors.starts_on as string | undefined} required />
            <DateField label={t('adoptions.dueOn')} value={form.values.due_on} onChange={(v) => form.setFieldValue('due_on', v)} error={form.errors.due_on as string | undefined} required />
          </SimpleGrid>
          <FormError error={server.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('adoptions.cancel')}</Button>
            <Button type="submit" loading={form.submitting}>{t('adoptions.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ProgressModal({ detail, action, onClose }: { detail: AdoptionDetail; action: PlanAction | null; onClose: () => void }) {
  const { t, pick, locale } = useI18n();
  const id = detail.adoption.id;
  const refresh = useRefresh(id);
  const form = useForm({ initialValues: { status: (action?.status ?? 'not_started') as ActionStatus, percent_done: action?.percent_done ?? 0 } });
  const server = useServerErrors(form);
  const [current, setCurrent] = useState<PlanAction | null>(action);
  if (action && current?.id !== action.id) {
    setCurrent(action);
    form.setValues({ status: action.status, percent_done: action.percent_done });
  }
  const a = current && action ? (detail.actions.find((x) => x.id === action.id) ?? current) : null;
  const submit = form.onSubmit(async (v) => {
    if (!a) return;
    server.clear();
    try {
      await unwrap(
        api.PUT('/api/v1/adoptions/{id}/actions/{action_id}', {
          params: { path: { id: String(id), action_id: String(a.id) } },
          body: { title_ar: a.title_ar, title_en: a.title_en, owner_id: a.owner_id ?? null, starts_on: a.starts_on, due_on: a.due_on, status: v.status, percent_done: Number(v.percent_done), version: a.version },
        }),
      );
      await refresh();
      notifySuccess(t('adoptions.saved'));
      onClose();
    } catch (e) {
      server.capture(e);
    }
  });
  const removeEvidence = async (attachmentId: number) => {
    if (!a) return;
    try {
      await unwrap(api.DELETE('/api/v1/adoptions/{id}/actions/{action_id}/evidence/{attachment_id}', { params: { path: { id: String(id), action_id: String(a.id), attachment_id: String(attachmentId) } } }));
      await refresh();
    } catch (e) {
      notifyError(e, locale);
    }
  };
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={!!action} onClose={onClose} title={a ? t('adoptions.progressTitle', { title: pick(a.title_ar, a.title_en) }) : ''} size="lg">
      {a && (
        <Stack>
          <form onSubmit={submit} noValidate>
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('adoptions.actionStatus')}
                  data={actionStatuses.map((s) => ({ value: s, label: t(`adoptions.action.${s}`) }))}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('status')}
                />
                <NumberInput label={t('adoptions.percentDone')} min={0} max={100} clampBehavior="none" suffix="%" {...form.getInputProps('percent_done')} />
              </SimpleGrid>
              <FormError error={server.formError} />
              <Group justify="flex-end">
                <Button type="submit" loading={form.submitting}>{t('adoptions.save')}</Button>
              </Group>
            </Stack>
          </form>
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Text fw={600} size="sm">{t('adoptions.evidence')}</Text>
              {a.evidence.map((e) => (
                <Group key={e.attachment_id} justify="space-between" wrap="nowrap">
                  <Anchor href={`/api/v1/attachments/${e.attachment_id}/content`} size="sm">{e.filename}</Anchor>
                  <ActionIcon variant="subtle" color="red.9" aria-label={t('adoptions.removeEvidence', { name: e.filename })} onClick={() => removeEvidence(e.attachment_id)}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <FileUpload
                organizationId={detail.adoption.organization_id}
                label={t('adoptions.attachEvidence')}
                onUploaded={async (file) => {
                  try {
                    await unwrap(api.POST('/api/v1/adoptions/{id}/actions/{action_id}/evidence', { params: { path: { id: String(id), action_id: String(a.id) } }, body: { attachment_id: file.id } }));
                    await refresh();
                    notifySuccess(t('adoptions.evidenceAdded'));
                  } catch (e) {
                    notifyError(e, locale);
                  }
                }}
              />
            </Stack>
          </Paper>
        </Stack>
      )}
    </Modal>
  );
}

function CommentsDrawer({ detail, action, onClose }: { detail: AdoptionDetail; action: PlanAction | null; onClose: () => void }) {
  const { t, pick, dateTime } = useI18n();
  const id = detail.adoption.id;
  const refresh = useRefresh(id);
  const qc = useQueryClient();
  const thread = useQuery({
    queryKey: ['adoptions', 'comments', id, action?.id],
    queryFn: () => unwrap(api.GET('/api/v1/adoptions/{id}/actions/{action_id}/comments', { params: { path: { id: String(id), action_id: String(action!.id) } } })),
    enabled: !!action,
  });
  const form = useForm({ initialValues: { body: '' } });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    if (!action) return;
    server.clear();
    try {
      await unwrap(api.POST('/api/v1/adoptions/{id}/actions/{action_id}/comments', { params: { path: { id: String(id), action_id: String(action.id) } }, body: { body: v.body } }));
      form.reset();
      await qc.invalidateQueries({ queryKey: ['adoptions', 'comments', id, action.id] });
      await refresh();
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Drawer closeButtonProps={{ 'aria-label': t('common.close') }} opened={!!action} onClose={onClose} position="right" title={action ? t('adoptions.commentsOf', { title: pick(action.title_ar, action.title_en) }) : ''} size="md">
      <Stack>
        {thread.isLoading && <LoadingState />}
        {thread.data?.length === 0 && <Text c="dimmed" size="sm">{t('adoptions.noComments')}</Text>}
        {thread.data?.map((c) => (
          <Paper key={c.id} withBorder p="sm">
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={600}>{pick(c.author_name_ar, c.author_name_en)}</Text>
              <Text size="xs" c="dimmed">{dateTime(c.created_at)}</Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{c.body}</Text>
          </Paper>
        ))}
        {detail.permissions.comment && (
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              <Textarea label={t('adoptions.comment')} autosize minRows={2} required {...form.getInputProps('body')} />
              <FormError error={server.formError} />
              <Group justify="flex-end">
                <Button type="submit" loading={form.submitting}>{t('adoptions.send')}</Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Drawer>
  );
}

export function ActionsTab({ detail }: { detail: AdoptionDetail }) {
  const { t, pick, date, number } = useI18n();
  const [adding, setAdding] = useState(false);
  const [progress, setProgress] = useState<PlanAction | null>(null);
  const [comments, setComments] = useState<PlanAction | null>(null);
  const editable = detail.permissions.edit_plan;
  const addButton = editable ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
      {t('adoptions.addAction')}
    </Button>
  ) : undefined;

  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">{t('adoptions.actionsCount', { count: detail.actions.length })}</Text>
        {addButton}
      </Group>
      {detail.actions.length === 0 ? (
        <EmptyState title={t('adoptions.actionsCount', { count: 0 })} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="sm">
            <Table.Caption>{t('adoptions.tabActions')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('adoptions.colAction')}</Table.Th>
                <Table.Th>{t('adoptions.owner')}</Table.Th>
                <Table.Th>{t('adoptions.colDue')}</Table.Th>
                <Table.Th>{t('adoptions.actionStatus')}</Table.Th>
                <Table.Th>{t('adoptions.percentDone')}</Table.Th>
                <Table.Th>{t('adoptions.colEvidence')}</Table.Th>
                <Table.Th>{t('adoptions.comments')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.actions.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>{pick(a.title_ar, a.title_en)}</Text>
                    {editable && (
                      <Button size="compact-xs" variant="light" mt={4} onClick={() => setProgress(a)} aria-label={`${t('adoptions.updateProgress')}: ${pick(a.title_ar, a.title_en)}`}>
                        {t('adoptions.updateProgress')}
                      </Button>
                    )}
                  </Table.Td>
                  <Table.Td><Text size="sm">{a.owner_id ? pick(a.owner_name_ar, a.owner_name_en) : '—'}</Text></Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{date(a.due_on)}</Text>
                    {a.overdue && <Badge color="red.9" size="sm" tt="none" radius="sm">{t('adoptions.overdue')}</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={actionColor[a.status]} variant="filled" tt="none" radius="sm">{t(`adoptions.action.${a.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td miw={110}>
                    <Text size="sm">{t('adoptions.percent', { value: number(a.percent_done) })}</Text>
                    <Progress value={a.percent_done} size="sm" aria-hidden />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {a.evidence.map((e) => (
                        <Anchor key={e.attachment_id} href={`/api/v1/attachments/${e.attachment_id}/content`} size="xs">{e.filename}</Anchor>
                      ))}
                      {a.evidence.length === 0 && <Text size="xs" c="dimmed">{t('adoptions.evidenceCount', { count: 0 })}</Text>}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="subtle" leftSection={<IconMessage size={14} aria-hidden />} onClick={() => setComments(a)} aria-label={`${t('adoptions.comments')}: ${pick(a.title_ar, a.title_en)}`}>
                      {t('adoptions.commentsCount', { count: a.comment_count })}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AddActionModal detail={detail} opened={adding} onClose={() => setAdding(false)} />
      <ProgressModal detail={detail} action={progress} onClose={() => setProgress(null)} />
      <CommentsDrawer detail={detail} action={comments} onClose={() => setComments(null)} />
    </Stack>
  );
}
