// One edition: a header with its status and the moves it allows (planning → open → closed, each confirmed),
// then its sections. Sections are a list (`editionSections` below): another area adds its own (practices,
// research, adoptions) by appending an entry with a title, the policy action that reads it, and a component that
// receives the edition.
import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconPlayerPlay, IconLock } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type ComponentType, type ReactNode } from 'react';
import { api, unwrap } from '../../api/client';
import { can, meQuery } from '../../auth/session';
import { ConfirmAction } from '../../components/ConfirmAction';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { AnchorLink } from './AnchorLink';
import { AdoptionsSection, PracticesSection, ResearchSection, SeeAllEvents } from './EditionRecords';
import { editionEventsQuery } from '../events/api';
import { EventKindBadge, EventStatusBadge } from '../events/EventBadges';
import { editionKeys, editionQuery, formatYear, nextStatuses, peopleTrainedQuery, type Edition, type EditionStatus } from './api';
import { EditionFormModal } from './EditionForm';
import { EditionStatusBadge } from './EditionStatusBadge';

const route = getRouteApi('/app/editions/$id');

/** A section of the edition page: a heading (a message key) and what it shows. */
export interface EditionSection {
  id: string;
  title: string;
  /** The policy action a user needs to see the section (its area's read permission); none: everyone. */
  permission?: string;
  Component: ComponentType<{ edition: Edition }>;
}

export const editionSections: EditionSection[] = [
  { id: 'overview', title: 'editions.sectionOverview', Component: OverviewSection },
  { id: 'goals', title: 'editions.sectionGoals', Component: GoalsSection },
  { id: 'practices', title: 'editions.sectionPractices', permission: 'practices.read', Component: PracticesSection },
  { id: 'research', title: 'editions.sectionResearch', permission: 'research.read', Component: ResearchSection },
  { id: 'adoptions', title: 'editions.sectionAdoptions', permission: 'adoptions.read', Component: AdoptionsSection },
  { id: 'events', title: 'editions.sectionEvents', permission: 'events.read', Component: EventsSection },
  { id: 'trained', title: 'editions.sectionTrained', Component: TrainedSection },
];

export function EditionPage() {
  const { id } = route.useParams();
  const editionId = Number(id);
  const { t } = useI18n();
  const { data: me } = useQuery(meQuery);
  const q = useQuery({ ...editionQuery(editionId), enabled: Number.isInteger(editionId) && editionId > 0 });
  if (q.isLoading) return <LoadingState />;
  if (q.error || !q.data) return <ErrorState error={q.error ?? new Error('not found')} onRetry={() => q.refetch()} />;
  const edition = q.data;
  return (
    <Stack gap="lg">
      <EditionHeader edition={edition} />
      {editionSections
        .filter((section) => !section.permission || can(me, section.permission))
        .map(({ id: sectionId, title, Component }) => (
          <Paper key={sectionId} withBorder p="md" radius="md" component="section" aria-labelledby={`edition-${sectionId}`}>
            <Title order={3} size="h4" id={`edition-${sectionId}`} mb="sm">
              {t(title)}
            </Title>
            <Component edition={edition} />
          </Paper>
        ))}
    </Stack>
  );
}

function EditionHeader({ edition }: { edition: Edition }) {
  const { t, pick, locale } = useI18n();
  const queryClient = useQueryClient();
  const { data: me } = useQuery(meQuery);
  const [editing, setEditing] = useState(false);
  const manage = can(me, 'editions.manage');
  const title = pick(edition.title_ar, edition.title_en);

  const move = async (to: EditionStatus) => {
    try {
      const saved = await unwrap(
        api.POST('/api/v1/editions/{id}/transition', { params: { path: { id: String(edition.id) } }, body: { to } }),
      );
      queryClient.setQueryData(editionKeys.detail(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: editionKeys.all });
      notifySuccess(t(`editions.moved.${to}`, { title }));
    } catch (e) {
      notifyError(e, locale);
    }
  };

  const moves: Record<EditionStatus, { icon: ReactNode; color: string }> = {
    planning: { icon: null, color: 'manzuma' },
    open: { icon: <IconPlayerPlay size={16} aria-hidden />, color: 'manzuma' },
    closed: { icon: <IconLock size={16} aria-hidden />, color: 'red.9' },
  };

  return (
    <>
      <PageHeader
        title={title}
        description={
          <Group gap="xs" component="span">
            <EditionStatusBadge status={edition.status} />
            <span>{t('editions.numberLabel', { number: edition.number })}</span>
          </Group>
        }
        actions={
          manage && (
            <>
              {nextStatuses(edition.status).map((to) => (
                <ConfirmAction
                  key={to}
                  label={t(`editions.move.${to}`)}
                  title={t(`editions.moveTitle.${to}`)}
                  message={t(`editions.moveBody.${to}`, { title })}
                  icon={moves[to].icon}
                  color={moves[to].color}
                  onConfirm={() => move(to)}
                />
              ))}
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            </>
          )
        }
      />
      <EditionFormModal edition={editing ? edition : null} onClose={() => setEditing(false)} />
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={500}>{children}</Text>
    </Stack>
  );
}

function OverviewSection({ edition }: { edition: Edition }) {
  const { t, date, number, tag } = useI18n();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
      <Fact label={t('editions.number')}>{number(edition.number)}</Fact>
      <Fact label={t('editions.year')}>{formatYear(tag, edition.year)}</Fact>
      <Fact label={t('editions.startsOn')}>{date(edition.starts_on)}</Fact>
      <Fact label={t('editions.endsOn')}>{date(edition.ends_on)}</Fact>
    </SimpleGrid>
  );
}

function GoalsSection({ edition }: { edition: Edition }) {
  const { t, pick } = useI18n();
  const goals = pick(edition.goals_ar, edition.goals_en);
  if (!goals) return <Text c="dimmed">{t('editions.noGoals')}</Text>;
  return <Text style={{ whiteSpace: 'pre-line' }}>{goals}</Text>;
}

function EventsSection({ edition }: { edition: Edition }) {
  const { t, pick, date } = useI18n();
  const q = useQuery(editionEventsQuery(edition.id));
  if (q.isLoading) return <LoadingState />;
  if (q.error) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const items = q.data?.items ?? [];
  if (!items.length) return <EmptyState title={t('editions.noEvents')} />;
  return (
    <>
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs">
          <Table.Caption>{t('editions.eventsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('events.titleField')}</Table.Th>
              <Table.Th>{t('events.kindField')}</Table.Th>
              <Table.Th>{t('events.dates')}</Table.Th>
              <Table.Th>{t('events.statusField')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <AnchorLink to="/events/$id" params={{ id: String(e.id) }} fz="sm" fw={600}>
                    {pick(e.title_ar, e.title_en)}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <EventKindBadge kind={e.kind} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(e.starts_on)}</Table.Td>
                <Table.Td>
                  <EventStatusBadge status={e.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <SeeAllEvents edition={edition} count={q.data?.total ?? items.length} />
    </>
  );
}

function TrainedSection({ edition }: { edition: Edition }) {
  const { t, number } = useI18n();
  const q = useQuery(peopleTrainedQuery(edition.id));
  if (q.isLoading) return <LoadingState />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const p = q.data;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <Fact label={t('editions.trainedTotal')}>
        <Text span fz="xl" fw={700}>
          {number(p.total)}
        </Text>
      </Fact>
      <Fact label={t('editions.trainedAttended')}>{number(p.attended)}</Fact>
      <Fact label={t('editions.trainedReported')}>{number(p.reported)}</Fact>
    </SimpleGrid>
  );
}
