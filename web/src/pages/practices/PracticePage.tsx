// One practice: what it is, what it brings, what it needs, and its toolkit (files to download, links to
// open). National staff and the practice's owner edit it and its toolkit; national staff publish, archive,
// restore and delete (a practice entities adopted cannot be deleted: the server's reason is shown).
import { ActionIcon, Alert, Anchor, Badge, Button, Card, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArchive, IconDownload, IconExternalLink, IconPencil, IconPlus, IconRestore, IconSend, IconTrash } from '@tabler/icons-react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ConfirmAction } from '../../components/ConfirmAction';
import { FileUpload } from '../../components/FileUpload';
import { useServerErrors } from '../../components/forms';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, errorMessage, FormError, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { practiceKeys, practiceQuery, toolkitKinds, type PracticeDetail, type ToolkitItem } from './api';
import { PracticeFormModal } from './PracticeForm';
import { CategoryBadge, StatusBadge } from './PracticesPage';
import { practiceRoute } from './routes';

export function PracticePage() {
  const { t } = useI18n();
  const { id } = practiceRoute.useParams();
  const q = useQuery({ ...practiceQuery(id), enabled: Number.isInteger(id) && id > 0 });
  if (!Number.isInteger(id) || id <= 0) return <EmptyState title={t('practices.notFound')} />;
  if (q.isLoading) return <LoadingState />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <EmptyState title={t('practices.notFound')} />;
  return <PracticeView detail={q.data} />;
}

function Section({ title, text }: { title: string; text: string }) {
  const { t } = useI18n();
  return (
    <Stack gap={4}>
      <Title order={3} size="h4">
        {title}
      </Title>
      <Text size="sm" style={{ whiteSpace: 'pre-line' }} c={text ? undefined : 'dimmed'}>
        {text || t('practices.notGiven')}
      </Text>
    </Stack>
  );
}

function PracticeView({ detail }: { detail: PracticeDetail }) {
  const { t, pick, locale, number } = useI18n();
  const p = detail.practice;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: practiceKeys.all });

  const status = useMutation({
    mutationFn: (to: 'published' | 'archived') =>
      unwrap(api.POST('/api/v1/practices/{id}/status', { params: { path: { id: String(p.id) } }, body: { status: to, version: p.version } })),
    onSuccess: (_, to) => {
      notifySuccess(to === 'archived' ? t('practices.archived') : t('practices.published'));
      void refresh();
    },
    onError: (e) => notifyError(e, locale),
  });

  const remove = async () => {
    setDeleteError(null);
    try {
      await unwrap(api.DELETE('/api/v1/practices/{id}', { params: { path: { id: String(p.id) } } }));
      notifySuccess(t('practices.deleted'));
      await refresh();
      void navigate({ to: '/practices' });
    } catch (e) {
      setDeleteError(e);
    }
  };

  const title = pick(p.title_ar, p.title_en);
  const actions = (
    <>
      {detail.can_edit && (
        <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
          {t('practices.edit')}
        </Button>
      )}
      {detail.can_manage && p.status !== 'published' && (
        <Button
          leftSection={p.status === 'archived' ? <IconRestore size={16} aria-hidden /> : <IconSend size={16} aria-hidden />}
          loading={status.isPending}
          onClick={() => status.mutate('published')}
        >
          {p.status === 'archived' ? t('practices.restore') : t('practices.publish')}
        </Button>
      )}
      {detail.can_manage && p.status === 'published' && (
        <ConfirmAction
          label={t('practices.archive')}
          title={t('practices.archiveTitle')}
          message={t('practices.archiveBody', { title })}
          onConfirm={() => status.mutateAsync('archived')}
          icon={<IconArchive size={16} aria-hidden />}
          color="#7a4f00"
          variant="outline"
        />
      )}
      {detail.can_manage && (
        <ConfirmAction
          label={t('practices.delete')}
          title={t('practices.deleteTitle')}
          message={t('practices.deleteBody', { title })}
          onConfirm={remove}
          icon={<IconTrash size={16} aria-hidden />}
        />
      )}
    </>
  );

  return (
    <Stack>
      <Anchor component={Link} to="/practices" size="sm">
        {t('practices.backToCatalogue')}
      </Anchor>
      <PageHeader title={title} description={pick(p.organization_name_ar, p.organization_name_en)} actions={actions} />
      {deleteError !== null && (
        <Alert color="red" variant="light" role="alert" title={t('practices.deleteRefused')} withCloseButton closeButtonLabel={t('common.close')} onClose={() => setDeleteError(null)}>
          {errorMessage(deleteError, locale)}
        </Alert>
      )}
      <Group gap="xs">
        <CategoryBadge category={p.category} />
        <StatusBadge status={p.status} />
        <Badge variant="default">{t('practices.editionN', { n: number(p.edition_number) })}</Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Paper withBorder p="md" style={{ gridColumn: 'span 2' }}>
          <Stack>
            <Section title={t('practices.summary')} text={pick(p.summary_ar, p.summary_en)} />
            <Section title={t('practices.benefits')} text={pick(p.benefits_ar, p.benefits_en)} />
            <Section title={t('practices.prerequisites')} text={pick(p.prerequisites_ar, p.prerequisites_en)} />
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t('practices.about')}
            </Title>
            <Text size="sm">
              <Text span fw={600}>
                {t('practices.organization')}:{' '}
              </Text>
              {pick(p.organization_name_ar, p.organization_name_en)}
            </Text>
            <Text size="sm">
              <Text span fw={600}>
                {t('practices.owner')}:{' '}
              </Text>
              {p.owner_id ? pick(p.owner_name_ar, p.owner_name_en) : t('practices.noOwner')}
            </Text>
          </Stack>
        </Paper>
      </SimpleGrid>
      <Toolkit detail={detail} />
      <PracticeFormModal mode={editing ? { kind: 'edit', detail } : null} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
    </Stack>
  );
}

function Toolkit({ detail }: { detail: PracticeDetail }) {
  const { t, pick, locale } = useI18n();
  const queryClient = useQueryClient();
  const p = detail.practice;
  const [adding, setAdding] = useState(false);
  const remove = async (item: ToolkitItem) => {
    try {
      await unwrap(
        api.DELETE('/api/v1/practices/{id}/toolkit/{item_id}', { params: { path: { id: String(p.id), item_id: String(item.id) } } }),
      );
      notifySuccess(t('practices.toolkitRemoved'));
      await queryClient.invalidateQueries({ queryKey: practiceKeys.all });
    } catch (e) {
      notifyError(e, locale);
    }
  };
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('practices.toolkit')}
          </Title>
          {detail.can_edit && !adding && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
              {t('practices.toolkitAdd')}
            </Button>
          )}
        </Group>
        {detail.toolkit.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('practices.toolkitEmpty')}
          </Text>
        ) : (
          <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('practices.toolkit')}>
            {detail.toolkit.map((item) => {
              const name = pick(item.title_ar, item.title_en);
              const href = item.attachment_id ? `/api/v1/attachments/${item.attachment_id}/content` : (item.url ?? '#');
              return (
                <li key={item.id}>
                  <Card withBorder padding="sm">
                    <Group justify="space-between" wrap="nowrap">
                      <Group gap="sm" wrap="nowrap">
                        {item.attachment_id ? <IconDownload size={18} aria-hidden /> : <IconExternalLink size={18} aria-hidden />}
                        <Stack gap={0}>
                          <Anchor href={href} target={item.url ? '_blank' : undefined} rel={item.url ? 'noopener noreferrer' : undefined} fw={600}>
                            {name}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {t(`practices.kind.${item.kind}`)} ·{' '}
                            {item.attachment_id ? (
                              t('practices.download', { file: item.filename ?? '' })
                            ) : (
                              <span className="ltr-value">{item.url}</span>
                            )}
                          </Text>
                        </Stack>
                      </Group>
                      {detail.can_edit && (
                        <ActionIcon variant="subtle" color="red.9" aria-label={t('practices.toolkitRemove', { name })} onClick={() => void remove(item)}>
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      )}
                    </Group>
                  </Card>
                </li>
              );
            })}
          </Stack>
        )}
        {adding && <ToolkitItemForm detail={detail} onDone={() => setAdding(false)} />}
      </Stack>
    </Paper>
  );
}

interface ItemValues extends Record<string, unknown> {
  kind: string | null;
  title_ar: string;
  title_en: string;
  url: string;
  attachment_id: number | null;
}

function ToolkitItemForm({ detail, onDone }: { detail: PracticeDetail; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [source, setSource] = useState<'link' | 'file'>('link');
  const form = useForm<ItemValues>({
    initialValues: { kind: 'guide', title_ar: '', title_en: '', url: '', attachment_id: null },
    validate: {
      title_ar: (v) => (v.trim() ? null : t('common.fieldRequired')),
      title_en: (v) => (v.trim() ? null : t('common.fieldRequired')),
      url: (v) => (source === 'link' && !v.trim() ? t('common.fieldRequired') : null),
      attachment_id: (v) => (source === 'file' && !v ? t('practices.toolkitFileRequired') : null),
    },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    try {
      await unwrap(
        api.POST('/api/v1/practices/{id}/toolkit', {
          params: { path: { id: String(detail.practice.id) } },
          body: {
            kind: (v.kind ?? 'other') as ToolkitItem['kind'],
            title_ar: v.title_ar,
            title_en: v.title_en,
            url: source === 'link' ? v.url.trim() : null,
            attachment_id: source === 'file' ? v.attachment_id : null,
          },
        }),
      );
      notifySuccess(t('practices.toolkitAdded'));
      await queryClient.invalidateQueries({ queryKey: practiceKeys.all });
      onDone();
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Paper withBorder p="md" bg="var(--mantine-color-gray-0)">
      <form onSubmit={submit} noValidate aria-label={t('practices.toolkitAdd')}>
        <Stack>
          <SegmentedControl
            value={source}
            onChange={(v) => setSource(v as 'link' | 'file')}
            data={[
              { value: 'link', label: t('practices.toolkitLink') },
              { value: 'file', label: t('practices.toolkitFile') },
            ]}
            aria-label={t('practices.toolkitSource')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('practices.toolkitKind')}
              data={toolkitKinds.map((k) => ({ value: k, label: t(`practices.kind.${k}`) }))}
              required
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('kind')}
            />
            <TextInput label={t('practices.titleAr')} dir="rtl" required maxLength={200} {...form.getInputProps('title_ar')} />
            <TextInput label={t('practices.titleEn')} dir="ltr" required maxLength={200} {...form.getInputProps('title_en')} />
          </SimpleGrid>
          {source === 'link' ? (
            <TextInput label={t('practices.toolkitUrl')} description={t('practices.toolkitUrlHint')} dir="ltr" type="url" required {...form.getInputProps('url')} />
          ) : (
            <Stack gap={4}>
              <FileUpload
                organizationId={detail.practice.organization_id}
                label={t('practices.toolkitUpload')}
                onUploaded={(a) => form.setFieldValue('attachment_id', a.id)}
              />
              {form.errors.attachment_id && (
                <Text size="sm" c="red.9">
                  {form.errors.attachment_id as string}
                </Text>
              )}
            </Stack>
          )}
          <FormError error={server.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('practices.toolkitSave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
