// One adoption: its header (status, health and why, progress, the transitions the caller may make) and the
// plan in tabs: actions, milestones, indicators.
import { Alert, Badge, Button, Card, Group, Modal, Progress, SimpleGrid, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowBack, IconCheck, IconPencil, IconSend, IconX } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { DateField } from '../../components/DateField';
import { useServerErrors } from '../../components/forms';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, FormError, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { ActionsTab } from './ActionsTab';
import { adoptionQuery, statusColor, type AdoptionDetail } from './api';
import { HealthBadge } from './HealthBadge';
import { IndicatorsTab } from './IndicatorsTab';
import { MilestonesTab } from './MilestonesTab';
import { adoptionRoute } from './routes';

type Move = 'submit' | 'approve' | 'return' | 'complete' | 'withdraw';
const needsReason = (m: Move) => m === 'return' || m === 'withdraw';

function TransitionDialog({ detail, move, onClose }: { detail: AdoptionDetail; move: Move | null; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const form = useForm({ initialValues: { reason: '' } });
  const server = useServerErrors(form);
  const id = detail.adoption.id;
  const submit = form.onSubmit(async (v) => {
    if (!move) return;
    server.clear();
    try {
      const body = { version: detail.adoption.version, reason: needsReason(move) ? v.reason : undefined };
      const path = `/api/v1/adoptions/{id}/${move}` as const;
      const next = await unwrap(api.POST(path, { params: { path: { id: String(id) } }, body }));
      qc.setQueryData(adoptionQuery(id).queryKey, next);
      await qc.invalidateQueries({ queryKey: ['adoptions', 'list'] });
      notifySuccess(t('adoptions.moved', { status: t(`adoptions.status.${next.adoption.status}`) }));
      form.reset();
      onClose();
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={!!move} onClose={onClose} title={move ? t(`adoptions.moveTitle.${move}`) : ''} centered>
      {move && (
        <form onSubmit={submit} noValidate>
          <Stack>
            {!needsReason(move) && <Text size="sm">{t(`adoptions.moveBody.${move}`)}</Text>}
            {needsReason(move) && (
              <Textarea label={t('adoptions.reason')} required autosize minRows={3} data-autofocus {...form.getInputProps('reason')} />
            )}
            <FormError error={server.formError} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('adoptions.cancel')}
              </Button>
              <Button type="submit" loading={form.submitting} color={move === 'withdraw' || move === 'return' ? 'red.9' : undefined}>
                {t(`adoptions.move.${move}`)}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function EditDialog({ detail, opened, onClose }: { detail: AdoptionDetail; opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const a = detail.adoption;
  const form = useForm({
    initialValues: { objective_ar: a.objective_ar, objective_en: a.objective_en, starts_on: a.starts_on as string | null, ends_on: a.ends_on as string | null },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    try {
      const next = await unwrap(
        api.PUT('/api/v1/adoptions/{id}', {
          params: { path: { id: String(a.id) } },
          body: { objective_ar: v.objective_ar, objective_en: v.objective_en, starts_on: v.starts_on ?? '', ends_on: v.ends_on ?? '', version: a.version },
        }),
      );
      qc.setQueryData(adoptionQuery(a.id).queryKey, next);
      await qc.invalidateQueries({ queryKey: ['adoptions', 'list'] });
      notifySuccess(t('adoptions.saved'));
      onClose();
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={opened} onClose={onClose} title={t('adoptions.editTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea label={t('adoptions.objectiveAr')} required autosize minRows={2} dir="rtl" {...form.getInputProps('objective_ar')} />
          <Textarea label={t('adoptions.objectiveEn')} required autosize minRows={2} dir="ltr" {...form.getInputProps('objective_en')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('adoptions.startsOn')} value={form.values.starts_on} onChange={(v) => form.setFieldValue('starts_on', v)} error={form.errors.starts_on as string | undefined} required />
            <DateField label={t('adoptions.endsOn')} value={form.values.ends_on} onChange={(v) => form.setFieldValue('ends_on', v)} error={form.errors.ends_on as string | undefined} required />
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

const moveIcon: Record<Move, React.ReactNode> = {
  submit: <IconSend size={16} aria-hidden />,
  approve: <IconCheck size={16} aria-hidden />,
  return: <IconArrowBack size={16} aria-hidden />,
  complete: <IconCheck size={16} aria-hidden />,
  withdraw: <IconX size={16} aria-hidden />,
};

export function AdoptionPage() {
  const { t, pick, date, dateTime, number } = useI18n();
  const { id } = adoptionRoute.useParams();
  const search = adoptionRoute.useSearch();
  const navigate = adoptionRoute.useNavigate();
  const q = useQuery(adoptionQuery(Number(id)));
  const [move, setMove] = useState<Move | null>(null);
  const [editing, setEditing] = useState(false);

  if (q.isLoading) return <LoadingState />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const d = q.data;
  const a = d.adoption;
  const title = `${pick(a.practice_title_ar, a.practice_title_en)} — ${pick(a.organization_name_ar, a.organization_name_en)}`;
  const transitions = d.permissions.transitions as Move[];

  return (
    <Stack gap="md">
      <Link to="/adoptions" style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
        {t('adoptions.back')}
      </Link>
      <PageHeader
        title={title}
        description={pick(a.objective_ar, a.objective_en)}
        actions={[
          ...(d.permissions.edit_plan
            ? [
                <Button key="edit" variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                  {t('adoptions.edit')}
                </Button>,
              ]
            : []),
          ...transitions.map((m) => (
          <Button
            key={m}
            leftSection={moveIcon[m]}
            variant={m === 'withdraw' || m === 'return' ? 'outline' : 'filled'}
            color={m === 'withdraw' || m === 'return' ? 'red.9' : undefined}
            onClick={() => setMove(m)}
          >
            {t(`adoptions.move.${m}`)}
          </Button>
          )),
        ]}
      />
      {a.status_reason && (a.status === 'draft' || a.status === 'withdrawn') && (
        <Alert color={a.status === 'draft' ? 'orange' : 'gray'}>
          {a.status === 'draft' ? t('adoptions.returnedReason', { reason: a.status_reason }) : t('adoptions.withdrawnReason', { reason: a.status_reason })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed">{t('adoptions.colStatus')}</Text>
          <Badge color={statusColor[a.status]} variant="filled" tt="none" size="lg" radius="sm" mt={4}>
            {t(`adoptions.status.${a.status}`)}
          </Badge>
          {a.approved_at && (
            <Text size="xs" mt={4}>
              {t('adoptions.approvedBy', { name: pick(a.approved_by_name_ar, a.approved_by_name_en), date: dateTime(a.approved_at) })}
            </Text>
          )}
        </Card>
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed">{t('adoptions.colHealth')}</Text>
          <HealthBadge adoption={a} full />
        </Card>
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed">{t('adoptions.overall')}</Text>
          <Text fw={700} size="xl">{t('adoptions.percent', { value: number(Math.round(a.overall_percent)) })}</Text>
          <Progress value={a.overall_percent} aria-label={t('adoptions.overall')} />
          <Text size="xs" mt={4}>{t('adoptions.actionsCount', { count: a.action_count })}</Text>
        </Card>
        <Card withBorder padding="sm">
          <Text size="xs" c="dimmed">{t('adoptions.period')}</Text>
          <Text size="sm">{date(a.starts_on)} – {date(a.ends_on)}</Text>
          <Text size="xs" c="dimmed" mt={4}>{t('adoptions.editionNumber', { number: number(a.edition_number) })}</Text>
        </Card>
      </SimpleGrid>
      <Tabs
        value={search.tab ?? 'actions'}
        onChange={(v) => navigate({ search: { tab: (v as 'actions' | 'milestones' | 'indicators') ?? undefined }, replace: true })}
      >
        <Tabs.List>
          <Tabs.Tab value="actions">{t('adoptions.tabActions')}</Tabs.Tab>
          <Tabs.Tab value="milestones">{t('adoptions.tabMilestones')}</Tabs.Tab>
          <Tabs.Tab value="indicators">{t('adoptions.tabIndicators')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="actions" pt="md">
          <ActionsTab detail={d} />
        </Tabs.Panel>
        <Tabs.Panel value="milestones" pt="md">
          <MilestonesTab detail={d} />
        </Tabs.Panel>
        <Tabs.Panel value="indicators" pt="md">
          <IndicatorsTab detail={d} />
        </Tabs.Panel>
      </Tabs>
      <TransitionDialog detail={d} move={move} onClose={() => setMove(null)} />
      {editing && <EditDialog detail={d} opened={editing} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
