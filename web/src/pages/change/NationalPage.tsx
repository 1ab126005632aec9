// The national change view (program office): totals, every entity's initiatives by gate, the gates as a bar
// chart, readiness over the last twelve months (the five ADKAR means), late plans, saturated entities and the
// governance project's entities side by side. The by-entity table exports as CSV or Excel.
import { Button, Card, Menu, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { api, unwrap } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { adkar, adkarHeat, type NationalChange, scrollable } from './api';
import { useMonthLabel } from './SaturationPage';

const Chart = lazy(() => import('../../components/Chart'));

function ExportEntities() {
  const { t } = useI18n();
  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={18} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
          {t('common.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href="/api/v1/change/national/entities.xlsx" download>
          {t('common.export.xlsx')}
        </Menu.Item>
        <Menu.Item component="a" href="/api/v1/change/national/entities.csv" download>
          {t('common.export.csv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function Total({ label, value, testId }: { label: string; value: number; testId: string }) {
  const { number } = useI18n();
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {number(value)}
      </Text>
    </Card>
  );
}

const fmtMean = (n: (x: number) => string, v: number | null | undefined) => (v === null || v === undefined ? '—' : n(Math.round(v * 10) / 10));

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={3} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

function Content({ n }: { n: NationalChange }) {
  const { t, pick, number, date } = useI18n();
  const month = useMonthLabel();
  // Months with answers only: a month without any reads as "no data", not as a mean of zero.
  const trend = n.readiness_trend.filter((m) => m.responses > 0);
  const gateName = (g: NationalChange['gates'][number]) => t('change.gateLabel', { position: number(g.position), name: pick(g.name_ar, g.name_en) });
  return (
    <Stack gap="xl">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
        <Total testId="total-initiatives" label={t('change.totals.initiatives')} value={n.totals.initiatives} />
        <Total testId="total-active" label={t('change.totals.active')} value={n.totals.active} />
        <Total testId="total-entities" label={t('change.totals.entities')} value={n.totals.entities} />
        <Total testId="total-late" label={t('change.totals.late_actions')} value={n.totals.late_actions} />
        <Total testId="total-saturated" label={t('change.totals.saturated_entities')} value={n.totals.saturated_entities} />
        <Total testId="total-responses" label={t('change.totals.responses')} value={n.totals.responses} />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
        <Section id="nat-gates" title={t('change.byGateTitle')}>
          <Suspense fallback={<LoadingState />}>
            <Chart type="bar" horizontal label={t('change.byGateTitle')} categoryLabel={t('change.colGate')} labels={n.gates.map(gateName)} datasets={[{ label: t('change.totals.initiatives'), data: n.gates.map((g) => g.initiatives) }]} height={260} />
          </Suspense>
        </Section>
        <Section id="nat-trend" title={t('change.trendTitle')}>
          {trend.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('change.trendEmpty')}
            </Text>
          ) : (
            <Suspense fallback={<LoadingState />}>
              <Chart
                type="line"
                label={t('change.trendTitle')}
                categoryLabel={t('change.month')}
                labels={trend.map((m) => month(m.month))}
                datasets={adkar.map((e) => ({ label: t(`change.adkar.${e}`), data: trend.map((m) => Math.round((m[e] ?? 0) * 100) / 100) }))}
                height={260}
              />
            </Suspense>
          )}
        </Section>
      </SimpleGrid>

      <Section id="nat-entities" title={t('change.byEntityTitle')}>
        <Table.ScrollContainer minWidth={800} {...scrollable}>
          <Table striped withTableBorder data-testid="national-entities">
            <Table.Caption>{t('change.byEntityTitle')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('change.entity')}</Table.Th>
                <Table.Th scope="col">{t('change.totals.initiatives')}</Table.Th>
                {n.gates.map((g) => (
                  <Table.Th key={g.gate_id} scope="col" fz="xs">
                    {gateName(g)}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('change.colLate')}</Table.Th>
                <Table.Th scope="col">{t('change.saturatedMonths')}</Table.Th>
                <Table.Th scope="col">{t('change.readiness')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {n.by_entity.map((e) => (
                <Table.Tr key={e.organization_id}>
                  <Table.Th scope="row">
                    <Link to="/change" search={{ org: e.organization_id }}>
                      {pick(e.name_ar, e.name_en)}
                    </Link>
                    {e.governance_project && (
                      <Text size="xs" c="dimmed">
                        {t('change.governanceProject')}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>{number(e.initiatives)}</Table.Td>
                  {n.gates.map((g, i) => (
                    <Table.Td key={g.gate_id}>{number(e.by_gate[i] ?? 0)}</Table.Td>
                  ))}
                  <Table.Td>{number(e.late_actions)}</Table.Td>
                  <Table.Td>{number(e.saturated_months)}</Table.Td>
                  <Table.Td>{fmtMean(number, e.readiness)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>

      {n.governance_project.length > 0 && (
        <Section id="nat-governance" title={t('change.governanceTitle')}>
          <Table.ScrollContainer minWidth={200 + n.governance_project.length * 120} {...scrollable}>
            <Table withTableBorder withColumnBorders data-testid="governance-table">
              <Table.Caption>{t('change.governanceTitle')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('change.measure')}</Table.Th>
                  {n.governance_project.map((e) => (
                    <Table.Th key={e.organization_id} scope="col" fz="xs">
                      <Link to="/change" search={{ org: e.organization_id }}>
                        {pick(e.name_ar, e.name_en)}
                      </Link>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th scope="row">{t('change.totals.initiatives')}</Table.Th>
                  {n.governance_project.map((e) => (
                    <Table.Td key={e.organization_id}>{number(e.initiatives)}</Table.Td>
                  ))}
                </Table.Tr>
                {n.gates.map((g, i) => (
                  <Table.Tr key={g.gate_id}>
                    <Table.Th scope="row" fz="xs">
                      {gateName(g)}
                    </Table.Th>
                    {n.governance_project.map((e) => (
                      <Table.Td key={e.organization_id}>{number(e.by_gate[i] ?? 0)}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
                {adkar.map((el) => (
                  <Table.Tr key={el}>
                    <Table.Th scope="row">{t(`change.adkar.${el}`)}</Table.Th>
                    {n.governance_project.map((e) => {
                      const h = adkarHeat(e[el]);
                      return (
                        <Table.Td key={e.organization_id} style={{ background: h.background, color: h.color }}>
                          {fmtMean(number, e[el])}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Th scope="row">{t('change.barrierPointCol')}</Table.Th>
                  {n.governance_project.map((e) => (
                    <Table.Td key={e.organization_id}>{e.barrier_point ? t(`change.adkar.${e.barrier_point}`) : '—'}</Table.Td>
                  ))}
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('change.colLate')}</Table.Th>
                  {n.governance_project.map((e) => (
                    <Table.Td key={e.organization_id}>{number(e.late_actions)}</Table.Td>
                  ))}
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('change.highRisks')}</Table.Th>
                  {n.governance_project.map((e) => (
                    <Table.Td key={e.organization_id}>{number(e.high_risks)}</Table.Td>
                  ))}
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('change.saturatedMonths')}</Table.Th>
                  {n.governance_project.map((e) => (
                    <Table.Td key={e.organization_id}>{number(e.saturated_months)}</Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Section>
      )}

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
        <Section id="nat-late" title={t('change.latePlansTitle')}>
          {n.late_plans.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('change.latePlansEmpty')}
            </Text>
          ) : (
            <Table striped>
              <Table.Caption>{t('change.latePlansTitle')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('change.colTitle')}</Table.Th>
                  <Table.Th>{t('change.colLate')}</Table.Th>
                  <Table.Th>{t('change.oldestDue')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {n.late_plans.map((p) => (
                  <Table.Tr key={p.initiative_id}>
                    <Table.Td>
                      <Link to="/change/$id" params={{ id: String(p.initiative_id) }} search={{ tab: 'plans' }}>
                        {pick(p.title_ar, p.title_en)}
                      </Link>
                      <Text size="xs" c="dimmed">
                        {pick(p.organization_name_ar, p.organization_name_en)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{number(p.late_actions)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(p.oldest_due_on)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Section>
        <Section id="nat-saturated" title={t('change.saturatedTitle')}>
          {n.saturated.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('change.saturatedEmpty')}
            </Text>
          ) : (
            <Table striped>
              <Table.Caption>{t('change.saturatedTitle')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('change.entity')}</Table.Th>
                  <Table.Th>{t('change.saturatedMonths')}</Table.Th>
                  <Table.Th>{t('change.worstMonth')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {n.saturated.map((s) => (
                  <Table.Tr key={s.organization_id}>
                    <Table.Td>
                      <Link to="/change/saturation" search={{ org: s.organization_id }}>
                        {pick(s.name_ar, s.name_en)}
                      </Link>
                    </Table.Td>
                    <Table.Td>{number(s.months_over)}</Table.Td>
                    <Table.Td>{t('change.worstLoad', { month: month(s.worst_month), load: number(s.worst_load), capacity: number(s.capacity) })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Section>
      </SimpleGrid>
    </Stack>
  );
}

export function NationalPage() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['change', 'national'], queryFn: () => unwrap(api.GET('/api/v1/change/national')) });
  return (
    <Stack gap="md">
      <PageHeader title={t('change.nationalTitle')} description={t('change.nationalIntro')} actions={<ExportEntities />} />
      {q.isLoading ? <LoadingState /> : q.error || !q.data ? <ErrorState error={q.error} onRetry={() => q.refetch()} /> : <Content n={q.data} />}
    </Stack>
  );
}
