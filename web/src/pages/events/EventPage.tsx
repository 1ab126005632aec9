// One event: its facts, agenda and sessions; "Register me" while it is planned and has seats; and, for
// national roles, the moves it allows (held or cancelled, each confirmed) and the registrations with an
// attendance checkbox once it is held.
import { Alert, Anchor, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCalendarCheck, IconCalendarX, IconCheck, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { api, unwrap } from '../../api/client';
import { can, meQuery } from '../../auth/session';
import { ConfirmAction } from '../../components/ConfirmAction';
import { useServerErrors } from '../../components/forms';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { AnchorLink } from '../editions/AnchorLink';
import { eventKeys, eventQuery, registrationsQuery, type EventDetail, type EventRegistration } from './api';
import { EventKindBadge, EventStatusBadge } from './EventBadges';

const route = getRouteApi('/app/events/$id');

export function EventPage() {
  const { id } = route.useParams();
  const eventId = Number(id);
  const { data: me } = useQuery(meQuery);
  const q = useQuery({ ...eventQuery(eventId), enabled: Number.isInteger(eventId) && eventId > 0 });
  if (q.isLoading) return <LoadingState />;
  if (q.error || !q.data) return <ErrorState error={q.error ?? new Error('not found')} onRetry={() => q.refetch()} />;
  const manage = can(me, 'events.manage');
  return (
    <Stack gap="lg">
      <EventHeader detail={q.data} manage={manage} />
      <Facts detail={q.data} />
      <Registration detail={q.data} />
      <Agenda detail={q.data} />
      <Sessions detail={q.data} />
      {manage && <Registrations detail={q.data} />}
    </Stack>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`event-${id}`}>
      <Title order={3} size="h4" id={`event-${id}`} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function EventHeader({ detail, manage }: { detail: EventDetail; manage: boolean }) {
  const { t, pick, locale } = useI18n();
  const queryClient = useQueryClient();
  const e = detail.event;
  const title = pick(e.title_ar, e.title_en);
  const move = async (to: 'held' | 'cancelled') => {
    try {
      await unwrap(api.POST('/api/v1/events/{id}/transition', { params: { path: { id: String(e.id) } }, body: { to } }));
      await queryClient.invalidateQueries({ queryKey: eventKeys.all });
      notifySuccess(t(`events.moved.${to}`, { title }));
    } catch (err) {
      notifyError(err, locale);
    }
  };
  return (
    <PageHeader
      title={title}
      description={
        <Group gap="xs" component="span">
          <EventKindBadge kind={e.kind} />
          <EventStatusBadge status={e.status} />
        </Group>
      }
      actions={
        manage &&
        e.status === 'planned' && (
          <>
            <ConfirmAction
              label={t('events.move.held')}
              title={t('events.moveTitle.held')}
              message={t('events.moveBody.held', { title })}
              icon={<IconCalendarCheck size={16} aria-hidden />}
              color="manzuma"
              onConfirm={() => move('held')}
            />
            <ConfirmAction
              label={t('events.move.cancelled')}
              title={t('events.moveTitle.cancelled')}
              message={t('events.moveBody.cancelled', { title })}
              icon={<IconCalendarX size={16} aria-hidden />}
              onConfirm={() => move('cancelled')}
            />
          </>
        )
      }
    />
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={500} component="div">
        {children}
      </Text>
    </Stack>
  );
}

function Facts({ detail }: { detail: EventDetail }) {
  const { t, pick, date, number } = useI18n();
  const e = detail.event;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('events.facts')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Fact label={t('events.dates')}>
          {e.starts_on === e.ends_on ? date(e.starts_on) : t('events.period', { start: date(e.starts_on), end: date(e.ends_on) })}
        </Fact>
        <Fact label={t('events.place')}>{pick(e.place_ar, e.place_en) || '—'}</Fact>
        <Fact label={t('events.edition')}>
          {e.edition_id ? (
            <AnchorLink to="/editions/$id" params={{ id: String(e.edition_id) }}>
              {t('events.editionLink')}
            </AnchorLink>
          ) : (
            t('events.noEdition')
          )}
        </Fact>
        <Fact label={t('events.seats')}>
          {e.capacity == null
            ? t('events.noLimit', { registered: e.registered_count })
            : t('events.seatsLeft', { left: detail.seats_left ?? 0, capacity: e.capacity })}
        </Fact>
        {e.status === 'held' && <Fact label={t('events.attended')}>{number(e.attended_count)}</Fact>}
        {e.trained_count > 0 && <Fact label={t('events.trainedCount')}>{number(e.trained_count)}</Fact>}
      </SimpleGrid>
    </Paper>
  );
}

function Registration({ detail }: { detail: EventDetail }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const e = detail.event;
  const register = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/events/{id}/registrations/me', { params: { path: { id: String(e.id) } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: eventKeys.all });
      notifySuccess(t('events.registeredToast'));
    },
    onError: (err) => notifyError(err, locale),
  });
  const mine = detail.my_registration;
  let body: ReactNode;
  if (mine) {
    body = (
      <Alert color="green" icon={<IconCheck size={18} aria-hidden />} title={t('events.youAreRegistered')}>
        {e.status === 'held' ? (mine.attended ? t('events.youAttended') : t('events.youDidNotAttend')) : t('events.seeYou')}
      </Alert>
    );
  } else if (e.status !== 'planned') {
    body = <Text c="dimmed">{t(`events.registrationClosed.${e.status}`)}</Text>;
  } else if (detail.seats_left === 0) {
    body = <Text c="dimmed">{t('events.full')}</Text>;
  } else {
    body = (
      <Group>
        <Button leftSection={<IconUserPlus size={16} aria-hidden />} loading={register.isPending} onClick={() => register.mutate()}>
          {t('events.registerMe')}
        </Button>
      </Group>
    );
  }
  return (
    <Section id="registration" title={t('events.registration')}>
      {body}
    </Section>
  );
}

function Agenda({ detail }: { detail: EventDetail }) {
  const { t, pick } = useI18n();
  const agenda = pick(detail.event.agenda_ar, detail.event.agenda_en);
  return (
    <Section id="agenda" title={t('events.agenda')}>
      {agenda ? <Text style={{ whiteSpace: 'pre-line' }}>{agenda}</Text> : <Text c="dimmed">{t('events.noAgenda')}</Text>}
    </Section>
  );
}

function Sessions({ detail }: { detail: EventDetail }) {
  const { t, pick, date } = useI18n();
  const multiDay = detail.event.starts_on !== detail.event.ends_on;
  return (
    <Section id="sessions" title={t('events.sessions')}>
      {detail.sessions.length === 0 ? (
        <EmptyState title={t('events.noSessions')} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Caption>{t('events.sessionsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('events.time')}</Table.Th>
                <Table.Th>{t('events.sessionTitle')}</Table.Th>
                <Table.Th>{t('events.speaker')}</Table.Th>
                <Table.Th>{t('events.practice')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.sessions.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {multiDay && <>{date(s.day)} · </>}
                    <span className="ltr-value">{s.ends_at ? `${s.starts_at}–${s.ends_at}` : s.starts_at}</span>
                  </Table.Td>
                  <Table.Td>{pick(s.title_ar, s.title_en)}</Table.Td>
                  <Table.Td>{pick(s.speaker_ar, s.speaker_en) || '—'}</Table.Td>
                  <Table.Td>
                    {s.practice_id ? (
                      <Anchor href={`/practices/${s.practice_id}`} fz="sm">
                        {t('events.practiceLink')}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function Registrations({ detail }: { detail: EventDetail }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const e = detail.event;
  const q = useQuery(registrationsQuery(e.id));
  const [saving, setSaving] = useState<number | null>(null);
  const held = e.status === 'held';
  const mark = async (r: EventRegistration, attended: boolean) => {
    setSaving(r.id);
    try {
      await unwrap(
        api.PUT('/api/v1/events/{id}/registrations/{registration_id}/attendance', {
          params: { path: { id: String(e.id), registration_id: String(r.id) } },
          body: { attended },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: eventKeys.all });
    } catch (err) {
      notifyError(err, locale);
    } finally {
      setSaving(null);
    }
  };
  return (
    <Section id="registrations" title={t('events.registrations')}>
      {q.isLoading ? (
        <LoadingState />
      ) : q.error || !q.data ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : q.data.length === 0 ? (
        <EmptyState title={t('events.noRegistrations')} />
      ) : (
        <Stack gap="xs">
          {!held && <Text size="sm" c="dimmed">{t('events.attendanceAfterHeld')}</Text>}
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs">
              <Table.Caption>{t('events.registrationsCaption', { count: q.data.length })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('events.name')}</Table.Th>
                  <Table.Th>{t('events.email')}</Table.Th>
                  <Table.Th>{t('events.organization')}</Table.Th>
                  <Table.Th>{t('events.attended')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.data.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>
                      <span className="ltr-value">{r.email}</span>
                    </Table.Td>
                    <Table.Td>{r.organization || '—'}</Table.Td>
                    <Table.Td>
                      <Checkbox
                        aria-label={t('events.markAttended', { name: r.name })}
                        checked={r.attended}
                        disabled={!held || saving === r.id}
                        onChange={(ev) => void mark(r, ev.currentTarget.checked)}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
      {e.status === 'planned' && <RegisterSomeone eventId={e.id} />}
    </Section>
  );
}

/** National roles register someone (who may have no account) by name, e-mail and organisation. */
function RegisterSomeone({ eventId }: { eventId: number }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { name: '', email: '', organization: '' },
    validate: {
      name: (v: string) => (v.trim().length < 2 ? t('events.nameRequired') : null),
      email: (v: string) => (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.trim()) ? null : t('events.emailInvalid')),
    },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    setBusy(true);
    server.clear();
    try {
      await unwrap(
        api.POST('/api/v1/events/{id}/registrations', {
          params: { path: { id: String(eventId) } },
          body: { name: v.name.trim(), email: v.email.trim(), organization: v.organization.trim() },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: eventKeys.all });
      notifySuccess(t('events.personRegistered', { name: v.name.trim() }));
      form.reset();
    } catch (err) {
      server.capture(err);
    } finally {
      setBusy(false);
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="event-register-someone">
      <Stack gap="xs" mt="md">
        <Text fw={600} id="event-register-someone">
          {t('events.registerSomeone')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('events.name')} required {...form.getInputProps('name')} />
          <TextInput label={t('events.email')} type="email" dir="ltr" required {...form.getInputProps('email')} />
          <TextInput label={t('events.organization')} {...form.getInputProps('organization')} />
        </SimpleGrid>
        <FormError error={server.formError} />
        <Group>
          <Button type="submit" variant="default" loading={busy} leftSection={<IconUserPlus size={16} aria-hidden />}>
            {t('events.registerSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
