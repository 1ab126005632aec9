// One entity's page: its adoptions in an edition (or all), each plan's health and progress, and the figures
// that sum them up. The program office and leaders open any entity; an entity's coordinator opens their own
// (the server answers 404 for anyone else's).
import { Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { FigureCard, PathLink, ProgressBadge } from './shared';

const route = getRouteApi('/app/dashboard/entities/$id');

export function EntityDashboardPage() {
  const { t, pick, number, dateTime } = useI18n();
  const { id } = route.useParams();
  const { edition } = route.useSearch();
  const entityId = Number(id);
  const page = useQuery({
    queryKey: ['dashboard', 'entity', entityId, edition ?? null],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/dashboard/entities/{id}', {
          params: { path: { id: String(entityId) }, query: edition ? { edition_id: String(edition) } : {} },
        }),
      ),
  });
  if (page.isLoading) return <LoadingState />;
  if (page.error || !page.data) return <ErrorState error={page.error} onRetry={() => page.refetch()} />;
  const d = page.data;
  const name = pick(d.entity.name_ar, d.entity.name_en);
  // The filters the adoptions list reads (adoptions/routes.tsx): edition, org, health.
  const plans = (health: 'on_track' | 'late' | 'stalled') => ({ to: '/adoptions', search: { edition, org: entityId, health } }) as const;
  return (
    <Stack gap="lg">
      <PageHeader title={name} description={t('dashboard.entityDescription')} />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <FigureCard testId="entity-on-track" label={t('dashboard.figures.plansOnTrack')} value={d.plans_on_track}
          link={plans('on_track')} linkLabel={t('dashboard.links.plans')} />
        <FigureCard testId="entity-late" label={t('dashboard.figures.plansLate')} value={d.plans_late}
          link={plans('late')} linkLabel={t('dashboard.links.plans')} />
        <FigureCard testId="entity-stalled" label={t('dashboard.figures.plansStalled')} value={d.plans_stalled}
          link={plans('stalled')} linkLabel={t('dashboard.links.plans')} />
        <FigureCard testId="entity-overdue" label={t('dashboard.figures.actionsOverdue')} value={d.actions_overdue}
          link={plans('late')} linkLabel={t('dashboard.links.plans')} />
      </SimpleGrid>
      {d.adoptions.length === 0 ? (
        <EmptyState title={t('dashboard.entityEmpty')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table withTableBorder striped captionSide="top" data-testid="entity-adoptions">
            <caption>{t('dashboard.entityAdoptions', { name })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dashboard.practice')}</Table.Th>
                <Table.Th scope="col">{t('dashboard.state')}</Table.Th>
                <Table.Th scope="col">{t('dashboard.progress')}</Table.Th>
                <Table.Th scope="col">{t('dashboard.overdueActions')}</Table.Th>
                <Table.Th scope="col">{t('dashboard.lastProgress')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.adoptions.map((a) => (
                <Table.Tr key={a.adoption_id}>
                  <Table.Th scope="row" fw={500}>
                    <PathLink href={`/adoptions/${a.adoption_id}`}>{pick(a.practice_title_ar, a.practice_title_en)}</PathLink>
                  </Table.Th>
                  <Table.Td>
                    <ProgressBadge cell={a} />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text size="sm">{t('dashboard.percentOfActions', { percent: number(a.percent), count: a.actions })}</Text>
                      <Progress value={a.percent} size="sm" aria-hidden />
                    </Stack>
                  </Table.Td>
                  <Table.Td>{number(a.actions_overdue)}</Table.Td>
                  <Table.Td>{a.last_progress_at ? dateTime(a.last_progress_at) : t('dashboard.never')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
