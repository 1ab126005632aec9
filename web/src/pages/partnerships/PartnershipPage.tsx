// One memorandum: its parties, term, areas of cooperation and follow-up actions (status changed inline),
// with the renewal badge when its expiry is near; the program office activates, edits and terminates it.
import { Anchor, Badge, Button, Card, Group, List, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconArrowLeft, IconArrowRight, IconPencil, IconPlayerPlay, IconPlus, IconX } from '@tabler/icons-react';
import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { can, meQuery } from '../../auth/session';
import { ConfirmAction } from '../../components/ConfirmAction';
import { DateField } from '../../components/DateField';
import { useServerErrors } from '../../components/forms';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { actionStatuses, partnershipQuery, statusColor, warningColor, type FollowUpStatus, type Partnership, type PartnershipAction } from './api';
import { PartnershipForm } from './PartnershipForm';
import { OwnerPicker, type Option } from './pickers';

const route = getRouteApi('/app/partnerships/$id');

export function PartnershipPage() {
  const { t, pick, date, dir, locale } = useI18n();
  const { id } = route.useParams();
  const { data: me } = useSuspenseQuery(meQuery);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const numericId = Number(id);
  const query = useQuery({ ...partnershipQuery(numericId), enabled: Number.isInteger(numericId) && numericId > 0 });
  const manage = can(me, 'partnerships.manage');
  const BackIcon = dir === 'rtl' ? IconArrowRight : IconArrowLeft;

  if (query.isLoading) return <LoadingState />;
  if (query.error || !query.data)
    return (
      <>
        <PageHeader title={t('partnerships.notFound')} />
        <ErrorState error={query.error ?? new Error(t('partnerships.notFound'))} onRetry={() => query.refetch()} />
      </>
    );
  const p = query.data;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['partnerships'] });
  const move = async (status: 'active' | 'terminated') => {
    try {
      await unwrap(
        api.POST('/api/v1/partnerships/{id}/status', { params: { path: { id: String(p.id) } }, body: { status, version: p.version } }),
      );
      notifySuccess(status === 'active' ? t('partnerships.activated') : t('partnerships.terminated'));
      await refresh();
    } catch (e) {
      notifyError(e, locale);
    }
  };

  return (
    <>
      <Anchor component={Link} to="/partnerships" size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <BackIcon size={14} aria-hidden />
        {t('partnerships.back')}
      </Anchor>
      <PageHeader
        title={pick(p.title_ar, p.title_en)}
        description={
          <Group gap="xs" component="span">
            <Badge variant="filled" color={statusColor[p.status]} tt="none" data-testid="partnership-status">
              {t(`partnerships.status.${p.status}`)}
            </Badge>
            {p.renewal_due && (
              <Badge color={warningColor} variant="filled" tt="none" leftSection={<IconAlertTriangle size={12} aria-hidden />} data-testid="renewal-badge">
                {t('partnerships.renewalDueIn', { days: p.days_to_expiry })}
              </Badge>
            )}
          </Group>
        }
        actions={
          manage && (
            <>
              {p.status !== 'terminated' && (
                <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                  {t('partnerships.edit')}
                </Button>
              )}
              {p.status === 'draft' && (
                <ConfirmAction
                  color="manzuma.8"
                  label={t('partnerships.activate')}
                  title={t('partnerships.activateTitle')}
                  message={t('partnerships.activateBody', { date: date(p.expires_on) })}
                  icon={<IconPlayerPlay size={16} aria-hidden />}
                  onConfirm={() => move('active')}
                />
              )}
              {p.status === 'active' && (
                <ConfirmAction
                  label={t('partnerships.terminate')}
                  title={t('partnerships.terminateTitle')}
                  message={t('partnerships.terminateBody')}
                  icon={<IconX size={16} aria-hidden />}
                  onConfirm={() => move('terminated')}
                />
              )}
            </>
          )
        }
      />

      <SimpleGrid cols={{ base: 1, md: 3 }} mb="lg">
        <Card withBorder component="section" aria-labelledby="mou-term">
          <Title order={3} size="h5" id="mou-term" mb="xs">
            {t('partnerships.expiresOn')}
          </Title>
          <Stack gap={4}>
            <Text size="sm">{t('partnerships.signedOnValue', { date: date(p.signed_on) })}</Text>
            <Text size="sm">{t('partnerships.durationValue', { months: p.duration_months })}</Text>
            <Text size="sm" fw={600}>
              {t('partnerships.expiresOnValue', { date: date(p.expires_on) })}
            </Text>
          </Stack>
        </Card>
        <Card withBorder component="section" aria-labelledby="mou-parties">
          <Title order={3} size="h5" id="mou-parties" mb="xs">
            {t('partnerships.parties')}
          </Title>
          <List size="sm" spacing={2}>
            {p.parties.map((party) => (
              <List.Item key={party.organization_id}>{pick(party.name_ar, party.name_en)}</List.Item>
            ))}
          </List>
        </Card>
        <Card withBorder component="section" aria-labelledby="mou-areas">
          <Title order={3} size="h5" id="mou-areas" mb="xs">
            {t('partnerships.areas')}
          </Title>
          {p.areas.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('partnerships.areasNone')}
            </Text>
          ) : (
            <List size="sm" spacing={2}>
              {p.areas.map((a, i) => (
                <List.Item key={i}>{pick(a.name_ar, a.name_en)}</List.Item>
              ))}
            </List>
          )}
        </Card>
      </SimpleGrid>
      {pick(p.summary_ar, p.summary_en) && (
        <Text size="sm" mb="lg" maw={800}>
          {pick(p.summary_ar, p.summary_en)}
        </Text>
      )}

      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('partnerships.actions')}
        </Title>
        {manage && p.status !== 'terminated' && (
          <Button size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {t('partnerships.addAction')}
          </Button>
        )}
      </Group>
      {p.actions.length === 0 ? (
        <EmptyState title={t('partnerships.actionsEmpty')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <VisuallyHidden component="caption">{t('partnerships.actionsCaption')}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('partnerships.actionName')}</Table.Th>
                <Table.Th>{t('partnerships.owner')}</Table.Th>
                <Table.Th>{t('partnerships.dueOn')}</Table.Th>
                <Table.Th>{t('partnerships.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.actions.map((a) => (
                <ActionRow key={a.id} partnership={p} action={a} manage={manage && p.status !== 'terminated'} onChanged={refresh} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {editing && <PartnershipForm opened={editing} existing={p} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      {adding && <ActionForm partnership={p} onClose={() => setAdding(false)} />}
    </>
  );
}

function ActionRow({
  partnership,
  action,
  manage,
  onChanged,
}: {
  partnership: Partnership;
  action: PartnershipAction;
  manage: boolean;
  onChanged: () => Promise<unknown>;
}) {
  const { t, pick, date, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const title = pick(action.title_ar, action.title_en);
  const change = async (status: FollowUpStatus) => {
    setBusy(true);
    try {
      await unwrap(
        api.PUT('/api/v1/partnerships/{id}/actions/{action_id}', {
          params: { path: { id: String(partnership.id), action_id: String(action.id) } },
          body: {
            title_ar: action.title_ar,
            title_en: action.title_en,
            owner_id: action.owner_id,
            due_on: action.due_on,
            status,
            version: action.version,
          },
        }),
      );
      notifySuccess(t('partnerships.actionSaved'));
      await onChanged();
    } catch (e) {
      notifyError(e, locale);
      await onChanged();
    } finally {
      setBusy(false);
    }
  };
  // done and cancelled only go back to open.
  const allowed = actionStatuses.filter((s) => s === action.status || action.status === 'open' || s === 'open');
  return (
    <Table.Tr data-testid={`action-${action.id}`}>
      <Table.Td>
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{pick(action.owner_name_ar, action.owner_name_en)}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm">{date(action.due_on)}</Text>
          {action.overdue && (
            <Badge color="red.9" variant="filled" tt="none" size="sm">
              {t('partnerships.overdue')}
            </Badge>
          )}
        </Group>
        {action.completed_on && (
          <Text size="xs" c="dimmed">
            {t('partnerships.completedOn', { date: date(action.completed_on) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {manage ? (
          <Select
            aria-label={t('partnerships.actionStatus', { title })}
            data={allowed.map((s) => ({ value: s, label: t(`partnerships.actionStatus.${s}`) }))}
            value={action.status}
            onChange={(v) => v && v !== action.status && void change(v as FollowUpStatus)}
            allowDeselect={false}
            disabled={busy}
            size="xs"
            w={140}
          />
        ) : (
          <Badge variant="light" tt="none">
            {t(`partnerships.actionStatus.${action.status}`)}
          </Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function ActionForm({ partnership, onClose }: { partnership: Partnership; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useForm<{ title_ar: string; title_en: string; owner_id: number | null; due_on: string | null }>({
    initialValues: { title_ar: '', title_en: '', owner_id: null, due_on: null },
  });
  const [owner, setOwner] = useState<Option | null>(null);
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    try {
      await unwrap(
        api.POST('/api/v1/partnerships/{id}/actions', {
          params: { path: { id: String(partnership.id) } },
          body: { title_ar: v.title_ar, title_en: v.title_en, owner_id: v.owner_id ?? 0, due_on: v.due_on ?? '' },
        }),
      );
      notifySuccess(t('partnerships.actionAdded'));
      await queryClient.invalidateQueries({ queryKey: ['partnerships'] });
      onClose();
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Modal opened onClose={onClose} title={t('partnerships.addActionTitle')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError error={server.formError} />
          <TextInput label={t('partnerships.actionTitleAr')} dir="rtl" lang="ar" required {...form.getInputProps('title_ar')} />
          <TextInput label={t('partnerships.actionTitleEn')} dir="ltr" lang="en" required {...form.getInputProps('title_en')} />
          <OwnerPicker
            label={t('partnerships.owner')}
            placeholder={t('partnerships.ownerSearch')}
            error={form.errors.owner_id as string | undefined}
            value={owner}
            onChange={(o) => {
              setOwner(o);
              form.setFieldValue('owner_id', o ? Number(o.value) : null);
            }}
          />
          <DateField
            label={t('partnerships.dueOn')}
            value={form.values.due_on}
            onChange={(v) => form.setFieldValue('due_on', v)}
            min={partnership.signed_on}
            error={form.errors.due_on as string | undefined}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('partnerships.addAction')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

