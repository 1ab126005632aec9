// One change initiative: its header (entity, type, status, the gate stepper with the current gate marked) and
// its tabs — overview with the gate history, impact grid, readiness surveys, stakeholders, plans, risks, gates.
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconLock, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { gatesQuery, initiativeQuery, statusColor, type InitiativeDetail, scrollable } from './api';
import { GatesTab } from './GatesTab';
import { ImpactTab } from './ImpactTab';
import { InitiativeModal } from './InitiativeForm';
import { PlansTab } from './PlansTab';
import { ReadinessTab } from './ReadinessTab';
import { RisksTab } from './RisksTab';
import { initiativeRoute, type InitiativeTab } from './routes';
import { StakeholdersTab } from './StakeholdersTab';

/** Every gate in order, the initiative's own marked as the current step. */
function GateStepper({ detail }: { detail: InitiativeDetail }) {
  const { t, pick, number } = useI18n();
  const gates = useQuery(gatesQuery);
  if (!gates.data) return null;
  return (
    <nav aria-label={t('change.gatesStepper')}>
      <Group component="ol" gap={6} m={0} p={0} style={{ listStyle: 'none' }} data-testid="gate-stepper">
        {gates.data.map((g) => {
          const current = g.id === detail.gate_id;
          const passed = g.position < detail.gate_position;
          return (
            <li key={g.id} aria-current={current ? 'step' : undefined}>
              <Badge
                size="lg"
                radius="sm"
                tt="none"
                variant={current ? 'filled' : passed ? 'light' : 'outline'}
                color={current ? 'teal.9' : passed ? 'teal' : 'gray.7'}
                styles={passed ? { root: { color: 'var(--mantine-color-teal-9)' } } : undefined}
              >
                {t('change.gateLabel', { position: number(g.position), name: pick(g.name_ar, g.name_en) })}
                {current ? ` · ${t('change.currentGate')}` : ''}
              </Badge>
            </li>
          );
        })}
      </Group>
    </nav>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children || '—'}</Text>
    </div>
  );
}

function OverviewTab({ detail }: { detail: InitiativeDetail }) {
  const { t, pick, date, dateTime, number } = useI18n();
  const d = detail;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <Field label={t('change.entity')}>{pick(d.organization_name_ar, d.organization_name_en)}</Field>
        <Field label={t('change.type')}>{t(`change.typeName.${d.type}`)}</Field>
        <Field label={t('change.sponsor')}>{pick(d.sponsor_ar, d.sponsor_en)}</Field>
        <Field label={t('change.head')}>{d.head_id ? pick(d.head_name_ar, d.head_name_en) : ''}</Field>
        <Field label={t('change.team')}>{d.team_id ? pick(d.team_name_ar, d.team_name_en) : ''}</Field>
        <Field label={t('change.period')}>{`${date(d.starts_on)} – ${date(d.ends_on)}`}</Field>
        <Field label={t('change.program')}>{pick(d.program_ar, d.program_en)}</Field>
        <Field label={t('change.programTarget')}>{pick(d.program_target_ar, d.program_target_en)}</Field>
        <Field label={t('change.gateReachedAt')}>{dateTime(d.gate_reached_at)}</Field>
      </SimpleGrid>
      {pick(d.description_ar, d.description_en) && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {pick(d.description_ar, d.description_en)}
        </Text>
      )}
      <section aria-labelledby="gate-history">
        <Title order={3} size="h4" id="gate-history" mb="xs">
          {t('change.gateHistory')}
        </Title>
        {d.moves.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('change.noMoves')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={600} {...scrollable}>
            <Table striped>
              <Table.Caption>{t('change.gateHistory')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('change.movedAt')}</Table.Th>
                  <Table.Th>{t('change.move')}</Table.Th>
                  <Table.Th>{t('change.reason')}</Table.Th>
                  <Table.Th>{t('change.movedBy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.moves.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(m.moved_at)}</Table.Td>
                    <Table.Td>{t('change.moveFromTo', { from: number(m.from_position), to: number(m.to_position) })}</Table.Td>
                    <Table.Td>{m.review_id ? t('change.byReview') : m.reason}</Table.Td>
                    <Table.Td>{pick(m.moved_by_name_ar, m.moved_by_name_en)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
    </Stack>
  );
}

export function InitiativePage() {
  const { t, pick, number } = useI18n();
  const { id } = initiativeRoute.useParams();
  const search = initiativeRoute.useSearch();
  const navigate = initiativeRoute.useNavigate();
  const q = useQuery(initiativeQuery(Number(id)));
  const [editing, setEditing] = useState(false);

  if (q.isLoading) return <LoadingState />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  // A completed or cancelled initiative is a record: the server refuses every change (409 initiative_closed), so
  // its pages and tabs show it as read-only rather than offer buttons that fail.
  const closed = q.data.status === 'completed' || q.data.status === 'cancelled';
  const d = closed ? { ...q.data, can_manage: false } : q.data;
  const tab = search.tab ?? 'overview';

  return (
    <Stack gap="md">
      <Link to="/change" style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
        {t('change.back')}
      </Link>
      <PageHeader
        title={pick(d.title_ar, d.title_en)}
        description={pick(d.organization_name_ar, d.organization_name_en)}
        actions={
          d.can_manage ? (
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
              {t('change.edit')}
            </Button>
          ) : undefined
        }
      />
      <Group gap="sm">
        <Badge color={statusColor[d.status]} variant="filled" tt="none" radius="sm" size="lg">
          {t(`change.statusName.${d.status}`)}
        </Badge>
        <Badge color="gray.7" variant="outline" tt="none" radius="sm" size="lg">
          {t(`change.typeName.${d.type}`)}
        </Badge>
        <Text size="sm" data-testid="current-gate">
          {t('change.atGate', { gate: t('change.gateLabel', { position: number(d.gate_position), name: pick(d.gate_name_ar, d.gate_name_en) }) })}
        </Text>
      </Group>
      {closed && (
        <Alert color="gray" variant="light" icon={<IconLock size={18} aria-hidden />} data-testid="initiative-closed">
          {t(`change.initiativeClosed.${d.status as 'completed' | 'cancelled'}`)}
        </Alert>
      )}
      <Card withBorder padding="sm">
        <GateStepper detail={d} />
      </Card>
      <Tabs value={tab} onChange={(v) => navigate({ search: { tab: (v as InitiativeTab) ?? undefined }, replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview">{t('change.tab.overview')}</Tabs.Tab>
          <Tabs.Tab value="impact">{t('change.tab.impact')}</Tabs.Tab>
          <Tabs.Tab value="readiness">{t('change.tab.readiness')}</Tabs.Tab>
          <Tabs.Tab value="stakeholders">{t('change.tab.stakeholders')}</Tabs.Tab>
          <Tabs.Tab value="plans">{t('change.tab.plans')}</Tabs.Tab>
          <Tabs.Tab value="risks">{t('change.tab.risks')}</Tabs.Tab>
          <Tabs.Tab value="gates">{t('change.tab.gates')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <OverviewTab detail={d} />
        </Tabs.Panel>
        <Tabs.Panel value="impact" pt="md">
          <ImpactTab detail={d} />
        </Tabs.Panel>
        <Tabs.Panel value="readiness" pt="md">
          <ReadinessTab detail={d} />
        </Tabs.Panel>
        <Tabs.Panel value="stakeholders" pt="md">
          <StakeholdersTab detail={d} />
        </Tabs.Panel>
        <Tabs.Panel value="plans" pt="md">
          <PlansTab detail={d} />
        </Tabs.Panel>
        <Tabs.Panel value="risks" pt="md">
          <RisksTab detail={d} />
        </Tabs.Panel>
        <Tabs.Panel value="gates" pt="md">
          <GatesTab detail={d} />
        </Tabs.Panel>
      </Tabs>
      {editing && <InitiativeModal opened={editing} onClose={() => setEditing(false)} detail={d} />}
    </Stack>
  );
}
