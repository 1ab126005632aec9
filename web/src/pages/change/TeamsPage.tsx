// Change-management teams: each entity's team, its head, the programs it serves and its members with their
// training. Managers of an entity add a team, edit it and its members.
import { ActionIcon, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { can, meQuery } from '../../auth/session';
import { listQuery } from '../../components/DataTable';
import { useServerErrors } from '../../components/forms';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { OrganizationPicker } from '../admin/organizations/OrganizationPicker';
import { choicesQuery, isNational, managedEntity, stringify, type ChangeTeam, scrollable } from './api';
import { teamsRoute } from './routes';

function TeamModal({ team, onClose }: { team: ChangeTeam | 'new' | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const qc = useQueryClient();
  const { data: me } = useQuery(meQuery);
  const own = managedEntity(me);
  const x = team && team !== 'new' ? team : null;
  const form = useForm({
    initialValues: {
      organization_id: x ? String(x.organization_id) : own ? String(own) : '',
      name_ar: x?.name_ar ?? '',
      name_en: x?.name_en ?? '',
      head_id: x?.head_id ? String(x.head_id) : '',
      programs_ar: x?.programs_ar ?? '',
      programs_en: x?.programs_en ?? '',
    },
  });
  const server = useServerErrors(form);
  const orgId = Number(form.values.organization_id) || 0;
  const choices = useQuery({ ...choicesQuery(orgId), enabled: !!team && orgId > 0 });
  const submit = form.onSubmit(async (v) => {
    server.clear();
    const body = { name_ar: v.name_ar, name_en: v.name_en, head_id: v.head_id ? Number(v.head_id) : null, programs_ar: v.programs_ar, programs_en: v.programs_en };
    try {
      if (x) await unwrap(api.PUT('/api/v1/change/teams/{id}', { params: { path: { id: String(x.id) } }, body: { ...body, version: x.version } }));
      else await unwrap(api.POST('/api/v1/change/teams', { body: { ...body, organization_id: orgId } }));
      await qc.invalidateQueries({ queryKey: ['change'] });
      notifySuccess(t('change.saved'));
      onClose();
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={!!team} onClose={onClose} title={x ? t('change.editTeam') : t('change.newTeam')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {!x && !own && (
            <OrganizationPicker
              label={t('change.entity')}
              required
              value={form.values.organization_id || null}
              onChange={(v) => form.setFieldValue('organization_id', v ?? '')}
              error={form.errors.organization_id as string | undefined}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('change.teamNameAr')} required dir="rtl" {...form.getInputProps('name_ar')} />
            <TextInput label={t('change.teamNameEn')} required dir="ltr" {...form.getInputProps('name_en')} />
            <Select
              label={t('change.teamHead')}
              placeholder={t('change.none')}
              data={(choices.data?.users ?? []).map((u) => ({ value: String(u.id), label: pick(u.name_ar, u.name_en) }))}
              clearable
              searchable
              disabled={!orgId}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('head_id')}
            />
            <div />
            <TextInput label={t('change.programsAr')} dir="rtl" {...form.getInputProps('programs_ar')} />
            <TextInput label={t('change.programsEn')} dir="ltr" {...form.getInputProps('programs_en')} />
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

function MemberModal({ team, onClose }: { team: ChangeTeam | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const qc = useQueryClient();
  const choices = useQuery({ ...choicesQuery(team?.organization_id ?? 0), enabled: !!team });
  const form = useForm({ initialValues: { user_id: '', training: '' } });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    if (!team) return;
    server.clear();
    try {
      await unwrap(api.PUT('/api/v1/change/teams/{id}/members/{user_id}', { params: { path: { id: String(team.id), user_id: v.user_id || '0' } }, body: { training: v.training } }));
      await qc.invalidateQueries({ queryKey: ['change', 'teams'] });
      notifySuccess(t('change.saved'));
      form.reset();
      onClose();
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={!!team} onClose={onClose} title={t('change.addMember')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('change.member')}
            data={(choices.data?.users ?? []).map((u) => ({ value: String(u.id), label: pick(u.name_ar, u.name_en) }))}
            required
            searchable
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('user_id')}
          />
          <TextInput label={t('change.training')} description={t('change.trainingHint')} {...form.getInputProps('training')} />
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

export function TeamsPage() {
  const { t, pick, locale } = useI18n();
  const search = teamsRoute.useSearch();
  const navigate = teamsRoute.useNavigate();
  const qc = useQueryClient();
  const { data: me } = useQuery(meQuery);
  const manage = can(me, 'change.manage');
  const [team, setTeam] = useState<ChangeTeam | 'new' | null>(null);
  const [adding, setAdding] = useState<ChangeTeam | null>(null);
  const query = { ...listQuery(search), 'page[size]': 100, 'filter[organization_id]': search.org };
  const q = useQuery({
    queryKey: ['change', 'teams', query],
    queryFn: () => unwrap(api.GET('/api/v1/change/teams', { params: { query: stringify(query) } })),
    placeholderData: keepPreviousData,
  });
  const removeMember = async (x: ChangeTeam, userId: number) => {
    try {
      await unwrap(api.DELETE('/api/v1/change/teams/{id}/members/{user_id}', { params: { path: { id: String(x.id), user_id: String(userId) } } }));
      await qc.invalidateQueries({ queryKey: ['change', 'teams'] });
    } catch (e) {
      notifyError(e, locale);
    }
  };
  const newButton = manage ? (
    <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setTeam('new')}>
      {t('change.newTeam')}
    </Button>
  ) : undefined;
  return (
    <Stack gap="md">
      <PageHeader title={t('change.teamsTitle')} description={t('change.teamsIntro')} actions={newButton} />
      {isNational(me) && (
        <OrganizationPicker
          label={t('change.filterEntity')}
          placeholder={t('common.all')}
          value={search.org ? String(search.org) : null}
          onChange={(v) => navigate({ search: { ...search, org: v ? Number(v) : undefined } })}
          comboboxProps={{ withinPortal: true }}
          maw={320}
        />
      )}
      {q.isLoading ? (
        <LoadingState />
      ) : q.error || !q.data ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <EmptyState title={t('change.teamsEmpty')} action={newButton} />
      ) : (
        q.data.items.map((x) => {
          const name = pick(x.name_ar, x.name_en);
          return (
            <Card key={x.id} withBorder component="section" aria-label={name}>
              <Group justify="space-between" align="start" mb="sm">
                <div>
                  <Title order={3} size="h4">
                    {name}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {pick(x.organization_name_ar, x.organization_name_en)}
                  </Text>
                  <Text size="sm">{t('change.headIs', { name: x.head_id ? pick(x.head_name_ar, x.head_name_en) : '—' })}</Text>
                  {pick(x.programs_ar, x.programs_en) && <Text size="sm">{t('change.programsAre', { programs: pick(x.programs_ar, x.programs_en) })}</Text>}
                </div>
                {manage && (
                  <Group gap="xs">
                    <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setTeam(x)} aria-label={t('change.editNamed', { name })}>
                      {t('change.edit')}
                    </Button>
                    <Button size="xs" variant="default" leftSection={<IconUserPlus size={14} aria-hidden />} onClick={() => setAdding(x)}>
                      {t('change.addMember')}
                    </Button>
                  </Group>
                )}
              </Group>
              {x.members.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('change.noMembers')}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={560} {...scrollable}>
                  <Table striped>
                    <Table.Caption>{t('change.membersOf', { team: name })}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('change.name')}</Table.Th>
                        <Table.Th>{t('change.email')}</Table.Th>
                        <Table.Th>{t('change.training')}</Table.Th>
                        {manage && <Table.Th>{t('change.actions')}</Table.Th>}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {x.members.map((m) => {
                        const mn = pick(m.name_ar, m.name_en);
                        return (
                          <Table.Tr key={m.user_id}>
                            <Table.Td>{mn}</Table.Td>
                            <Table.Td>
                              <span className="ltr-value">{m.email}</span>
                            </Table.Td>
                            <Table.Td>{m.training || '—'}</Table.Td>
                            {manage && (
                              <Table.Td>
                                <ActionIcon variant="subtle" color="red.9" aria-label={t('change.removeNamed', { name: mn })} onClick={() => removeMember(x, m.user_id)}>
                                  <IconTrash size={16} aria-hidden />
                                </ActionIcon>
                              </Table.Td>
                            )}
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Card>
          );
        })
      )}
      {team && <TeamModal team={team} onClose={() => setTeam(null)} />}
      <MemberModal team={adding} onClose={() => setAdding(null)} />
    </Stack>
  );
}
