// The national dashboard: per edition (chosen in the URL) or across all editions — practices, research by
// status, entities adopting, plans on track / late / stalled, overdue actions, people trained, MoUs in force —
// each figure a link to the list behind it; the figures over editions as a chart; and the entity × practice
// adoption matrix.
import { Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { AnchorLink } from '../editions/AnchorLink';
import { AdoptionMatrixTable } from './AdoptionMatrixTable';
import { FigureCard, type EditionFigures, type NationalFigures } from './shared';

const Chart = lazy(() => import('../../components/Chart'));
const route = getRouteApi('/app/dashboard');

export function DashboardPage() {
  const { t, pick, number } = useI18n();
  const { edition } = route.useSearch();
  const navigate = route.useNavigate();
  const editionParam = edition ? { edition_id: String(edition) } : {};

  const trend = useQuery({
    queryKey: ['dashboard', 'editions'],
    queryFn: () => unwrap(api.GET('/api/v1/dashboard/editions')),
  });
  const figures = useQuery({
    queryKey: ['dashboard', 'national', edition ?? null],
    queryFn: () => unwrap(api.GET('/api/v1/dashboard/national', { params: { query: editionParam } })),
  });
  const matrix = useQuery({
    queryKey: ['dashboard', 'matrix', edition ?? null],
    queryFn: () => unwrap(api.GET('/api/v1/dashboard/matrix', { params: { query: editionParam } })),
  });

  const editions: EditionFigures[] = trend.data?.editions ?? [];
  const editionLabel = (e: EditionFigures) => pick(e.title_ar, e.title_en);
  const selector = (
    <Select
      label={t('dashboard.edition')}
      data={[{ value: '', label: t('dashboard.allEditions') }, ...editions.map((e) => ({ value: String(e.edition_id), label: editionLabel(e) }))]}
      value={edition ? String(edition) : ''}
      onChange={(v) => void navigate({ search: { edition: v ? Number(v) : undefined } })}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      w={260}
      data-testid="edition-select"
    />
  );

  return (
    <Stack gap="lg">
      <PageHeader title={t('dashboard.title')} description={t('dashboard.description')} actions={selector} />
      {figures.isLoading ? (
        <LoadingState />
      ) : figures.error ? (
        <ErrorState error={figures.error} onRetry={() => figures.refetch()} />
      ) : figures.data ? (
        <Figures f={figures.data} edition={edition} />
      ) : null}

      <section aria-labelledby="dashboard-trend">
        <Title order={3} id="dashboard-trend" mb="sm">
          {t('dashboard.trendTitle')}
        </Title>
        {trend.isLoading ? (
          <LoadingState />
        ) : trend.error ? (
          <ErrorState error={trend.error} onRetry={() => trend.refetch()} />
        ) : editions.length === 0 ? (
          <Text c="dimmed">{t('dashboard.noEditions')}</Text>
        ) : (
          <Suspense fallback={<LoadingState />}>
            <Chart
              type="bar"
              label={t('dashboard.trendTitle')}
              categoryLabel={t('dashboard.edition')}
              labels={editions.map((e) => t('dashboard.editionNumber', { number: number(e.number) }))}
              datasets={[
                { label: t('dashboard.figures.practices'), data: editions.map((e) => e.practices) },
                { label: t('dashboard.figures.research'), data: editions.map((e) => e.research) },
                { label: t('dashboard.figures.entitiesAdopting'), data: editions.map((e) => e.entities_adopting) },
                { label: t('dashboard.figures.plansLate'), data: editions.map((e) => e.plans_late) },
              ]}
              height={260}
            />
          </Suspense>
        )}
      </section>

      <section aria-labelledby="dashboard-matrix">
        <Title order={3} id="dashboard-matrix" mb={4}>
          {t('dashboard.matrixTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('dashboard.matrixDescription')}
        </Text>
        {matrix.isLoading ? (
          <LoadingState />
        ) : matrix.error ? (
          <ErrorState error={matrix.error} onRetry={() => matrix.refetch()} />
        ) : matrix.data ? (
          <AdoptionMatrixTable matrix={matrix.data} edition={edition} />
        ) : null}
      </section>
    </Stack>
  );
}

function Figures({ f, edition }: { f: NationalFigures; edition: number | undefined }) {
  const { t, number } = useI18n();
  // Each link carries the filters its list reads (see each area's routes.tsx): `edition`, `health`, `status`.
  const plans = (health: 'on_track' | 'late' | 'stalled') => ({ to: '/adoptions', search: { edition, health } }) as const;
  const research = f.research_by_status ?? [];
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" data-testid="dashboard-figures">
      <FigureCard testId="fig-practices" label={t('dashboard.figures.practices')} value={f.practices}
        link={{ to: '/practices', search: { edition, status: 'published' } }} linkLabel={t('dashboard.links.practices')} />
      <FigureCard testId="fig-research" label={t('dashboard.figures.research')} value={f.research}
        link={{ to: '/research', search: { edition } }} linkLabel={t('dashboard.links.research')}>
        {research.length > 0 && (
          <Group component="ul" m={0} p={0} style={{ listStyle: 'none', rowGap: 2, columnGap: 12 }} aria-label={t('dashboard.researchByStatus')}>
            {research.map((r) => (
              <Text component="li" key={r.status} size="xs">
                <AnchorLink to="/research" search={{ edition, status: r.status }} size="xs" data-testid={`fig-research-${r.status}`}>
                  {t('dashboard.researchStatusCount', { status: t(`dashboard.researchStatus.${r.status}`), count: number(r.count) })}
                </AnchorLink>
              </Text>
            ))}
          </Group>
        )}
      </FigureCard>
      <FigureCard testId="fig-entities" label={t('dashboard.figures.entitiesAdopting')} value={f.entities_adopting}
        link={{ to: '/adoptions', search: { edition } }} linkLabel={t('dashboard.links.adoptions')} />
      <FigureCard testId="fig-on-track" label={t('dashboard.figures.plansOnTrack')} value={f.plans_on_track}
        link={plans('on_track')} linkLabel={t('dashboard.links.plans')} />
      <FigureCard testId="fig-late" label={t('dashboard.figures.plansLate')} value={f.plans_late}
        link={plans('late')} linkLabel={t('dashboard.links.plans')} />
      <FigureCard testId="fig-stalled" label={t('dashboard.figures.plansStalled')} value={f.plans_stalled}
        link={plans('stalled')} linkLabel={t('dashboard.links.plans')} />
      {/* The adoptions list has no overdue filter; an approved plan with an open action past its due date is
          "late" (adoptions' plan health), so the late plans hold every overdue action. */}
      <FigureCard testId="fig-overdue" label={t('dashboard.figures.actionsOverdue')} value={f.actions_overdue}
        link={plans('late')} linkLabel={t('dashboard.links.plans')} />
      <FigureCard testId="fig-trained" label={t('dashboard.figures.peopleTrained')} value={f.people_trained}
        link={{ to: '/events', search: { edition, status: 'held' } }} linkLabel={t('dashboard.links.events')} />
      <FigureCard testId="fig-mous" label={t('dashboard.figures.mousActive')} value={f.mous_active}
        link={{ to: '/partnerships', search: { status: 'active' } }} linkLabel={t('dashboard.links.partnerships')} />
    </SimpleGrid>
  );
}
