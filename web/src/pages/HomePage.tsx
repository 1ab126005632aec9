// The first page after signing in: who the user is, the counts their role can see (each linking to its records),
// and for national roles the platform's indicators. The chart and heat map load on demand (chart.js is large),
// so this page, which ships with the first bundle, stays light.
import { Anchor, Group, Paper, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconBuildingCommunity, IconKey, IconListCheck, IconSparkles, IconUsers } from '@tabler/icons-react';
import { useQueries, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { lazy, Suspense, useMemo, type ComponentType, type ReactNode } from 'react';
import { api, unwrap, type Me, type Role } from '../api/client';
import { can, meQuery, primaryMembership, roles } from '../auth/session';
import { usePageTitle } from '../components/PageHeader';
import { ErrorState, LoadingState } from '../components/States';
import { useI18n } from '../i18n';

const Chart = lazy(() => import('../components/Chart'));
const Heatmap = lazy(() => import('../components/Heatmap'));


const AUDIT_DAYS = 7;
const HEATMAP_ENTRIES = 200;

/** The `total` of a list, asking for a single row. */
function useTotal(key: string, enabled: boolean, fetch: () => Promise<{ total: number }>) {
  return useQuery({ queryKey: ['home', key], queryFn: async () => (await fetch()).total, enabled });
}

export function HomePage() {
  const { t, pick } = useI18n();
  const { data: me } = useSuspenseQuery(meQuery);
  usePageTitle(t('home.title'));
  if (!me) return null;
  const membership = primaryMembership(me);
  const national = can(me, 'administration');

  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={2}>{t('home.greeting', { name: pick(me.user.name_ar, me.user.name_en) })}</Title>
        {membership && (
          <Text c="dimmed" data-testid="home-role">
            {t('home.roleAt', {
              role: t(`common.role.${membership.role}`),
              organization: pick(membership.organization_name_ar, membership.organization_name_en),
            })}
          </Text>
        )}
      </Stack>

      <Counts me={me} />

      {national ? <Indicators /> : membership && <Coming role={membership.role} />}
    </Stack>
  );
}

function Counts({ me }: { me: Me }) {
  const { t } = useI18n();
  const national = can(me, 'administration');
  const canUsers = can(me, 'users.read');
  const canTokens = can(me, 'tokens.manage');
  const canAudit = can(me, 'audit.read');
  // A week back, to the minute, so the query key holds still between renders.
  const since = useMemo(() => {
    const d = new Date(Date.now() - AUDIT_DAYS * 86_400_000);
    d.setUTCSeconds(0, 0);
    return d.toISOString();
  }, []);

  const orgs = useTotal('organizations', true, () => unwrap(api.GET('/api/v1/organizations', { params: { query: { 'page[size]': '1' } } })));
  const users = useTotal('users', canUsers, () => unwrap(api.GET('/api/v1/users', { params: { query: { 'page[size]': '1' } } })));
  const tokens = useTotal('tokens', canTokens, () =>
    unwrap(api.GET('/api/v1/tokens', { params: { query: { 'page[size]': '1', 'filter[revoked]': 'false' } } })),
  );
  const audit = useTotal(`audit-${since}`, canAudit, () =>
    unwrap(api.GET('/api/v1/audit', { params: { query: { 'page[size]': '1', 'filter[from]': since } } })),
  );

  return (
    <section aria-labelledby="home-overview">
      <Title order={2} size="h4" id="home-overview" mb="sm">
        {t('home.overview')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
        <CountCard
          testId="home-count-organizations"
          icon={IconBuildingCommunity}
          title={t('home.cards.organizations')}
          query={orgs}
          message="home.cards.organizationsCount"
          link={national ? { to: '/admin/organizations', label: t('home.cards.organizationsLink') } : undefined}
        />
        {canUsers && (
          <CountCard
            testId="home-count-users"
            icon={IconUsers}
            title={t('home.cards.users')}
            query={users}
            message="home.cards.usersCount"
            link={{ to: national ? '/admin/users' : '/team', label: t('home.cards.usersLink') }}
          />
        )}
        {canTokens && (
          <CountCard
            testId="home-count-tokens"
            icon={IconKey}
            title={t('home.cards.tokens')}
            query={tokens}
            message="home.cards.tokensCount"
            link={{ to: '/admin/tokens', label: t('home.cards.tokensLink') }}
          />
        )}
        {canAudit && (
          <CountCard
            testId="home-count-audit"
            icon={IconListCheck}
            title={t('home.cards.audit', { days: AUDIT_DAYS })}
            query={audit}
            message="home.cards.auditCount"
            link={{ to: '/admin/audit', label: t('home.cards.auditLink') }}
          />
        )}
      </SimpleGrid>
    </section>
  );
}

type Icon = ComponentType<{ size?: number; stroke?: number; 'aria-hidden'?: boolean }>;

function CountCard(props: {
  testId: string;
  icon: Icon;
  title: string;
  query: { data?: number; isPending: boolean; isError: boolean };
  message: string;
  link?: { to: '/admin/organizations' | '/admin/users' | '/team' | '/admin/tokens' | '/admin/audit'; label: string };
}) {
  const { t, dir } = useI18n();
  const { query } = props;
  const Arrow = dir === 'rtl' ? IconArrowLeft : IconArrowRight;
  return (
    <Paper withBorder radius="md" p="md" data-testid={props.testId}>
      <Stack gap="xs" h="100%" justify="space-between">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
            <props.icon size={20} stroke={1.6} aria-hidden />
          </ThemeIcon>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="sm" c="dimmed" fw={500}>
              {props.title}
            </Text>
            {query.isError ? (
              <Text size="sm" c="red.8">
                {t('home.cards.unavailable')}
              </Text>
            ) : query.data === undefined ? (
              <Skeleton h={28} w={120} mt={2} />
            ) : (
              <Text fz={24} fw={600} lh={1.3} data-testid={`${props.testId}-value`} data-count={query.data}>
                {t(props.message, { count: query.data })}
              </Text>
            )}
          </Stack>
        </Group>
        {props.link && (
          <Anchor component={Link} to={props.link.to} size="sm" fw={500}>
            <Group gap={4} wrap="nowrap" component="span">
              {props.link.label}
              <Arrow size={14} aria-hidden />
            </Group>
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}

/** National roles: users by role (bar chart) and when the audit log is written (heat map). */
function Indicators() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="home-indicators">
      <Title order={2} size="h4" id="home-indicators" mb="sm">
        {t('home.charts.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <UsersByRole />
        <AuditActivity />
      </SimpleGrid>
    </section>
  );
}

function Panel({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" style={{ minWidth: 0 }}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      )}
      {children}
    </Paper>
  );
}

function UsersByRole() {
  const { t } = useI18n();
  const totals = useQueries({
    queries: roles.map((role) => ({
      queryKey: ['home', 'users-by-role', role],
      queryFn: async () =>
        (await unwrap(api.GET('/api/v1/users', { params: { query: { 'filter[role]': role, 'page[size]': '1' } } }))).total,
    })),
  });
  const error = totals.find((q) => q.isError)?.error;
  const done = totals.every((q) => q.data !== undefined);

  return (
    <Panel title={t('home.charts.usersByRole')} description={t('home.charts.usersByRoleDescription')}>
      {error ? (
        <ErrorState error={error} onRetry={() => totals.forEach((q) => q.isError && void q.refetch())} />
      ) : !done ? (
        <LoadingState />
      ) : (
        <Suspense fallback={<LoadingState />}>
          <Chart
            type="bar"
            horizontal
            label={t('home.charts.usersByRole')}
            categoryLabel={t('home.charts.role')}
            labels={roles.map((r) => t(`common.role.${r}`))}
            datasets={[{ label: t('home.charts.users'), data: totals.map((q) => q.data ?? 0) }]}
            height={300}
          />
        </Suspense>
      )}
    </Panel>
  );
}

// Oman keeps one offset all year: a timestamp's day and hour in Muscat are those of UTC + 4 h.
const MUSCAT_MS = 4 * 3_600_000;

function AuditActivity() {
  const { t, tag } = useI18n();
  const recent = useQuery({
    queryKey: ['home', 'audit-recent'],
    queryFn: () => unwrap(api.GET('/api/v1/audit', { params: { query: { 'page[size]': String(HEATMAP_ENTRIES) } } })),
  });

  const { days, hours, hourNames } = useMemo(() => {
    const dayFmt = new Intl.DateTimeFormat(tag, { weekday: 'long', timeZone: 'UTC' });
    const hourShort = new Intl.NumberFormat(tag, { minimumIntegerDigits: 2 });
    const hourLong = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
    // 2023-01-01 was a Sunday, the first working day of the week in Oman.
    const days = Array.from({ length: 7 }, (_, i) => dayFmt.format(new Date(Date.UTC(2023, 0, 1 + i))));
    const hours = Array.from({ length: 24 }, (_, h) => hourShort.format(h));
    const hourNames = new Map(hours.map((h, i) => [h, hourLong.format(new Date(Date.UTC(2023, 0, 1, i)))]));
    return { days, hours, hourNames };
  }, [tag]);

  const values = useMemo(() => {
    const grid = days.map(() => hours.map(() => 0));
    for (const e of recent.data?.items ?? []) {
      const at = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(e.at) ? e.at : `${e.at}Z`);
      if (Number.isNaN(at)) continue;
      const local = new Date(at + MUSCAT_MS);
      grid[local.getUTCDay()]![local.getUTCHours()]! += 1;
    }
    return grid;
  }, [recent.data, days, hours]);

  const count = recent.data?.items.length ?? 0;
  return (
    <Panel title={t('home.charts.activity')} description={recent.data ? t('home.charts.activityDescription', { count }) : undefined}>
      {recent.error ? (
        <ErrorState error={recent.error} onRetry={() => void recent.refetch()} />
      ) : !recent.data ? (
        <LoadingState />
      ) : (
        <Suspense fallback={<LoadingState />}>
          <Heatmap
            label={t('home.charts.activity')}
            rows={days}
            columns={hours}
            values={values}
            columnLabelEvery={3}
            legendLabel={t('home.charts.activityLegend')}
            describe={(day, hour, value) => t('home.charts.activityCell', { day, hour: hourNames.get(hour) ?? hour, count: value })}
          />
        </Suspense>
      )}
    </Panel>
  );
}

function Coming({ role }: { role: Role }) {
  const { t } = useI18n();
  if (role === 'platform_admin' || role === 'program_office') return null;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="home-coming" data-testid="home-coming">
      <Group gap="md" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" size="xl" radius="md" aria-hidden>
          <IconSparkles size={22} stroke={1.6} aria-hidden />
        </ThemeIcon>
        <Stack gap={6}>
          <Title order={2} size="h4" id="home-coming">
            {t('home.coming.title')}
          </Title>
          <Text>{t(`home.coming.${role}`)}</Text>
          <Text size="sm" c="dimmed">
            {t('home.coming.note')}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}
