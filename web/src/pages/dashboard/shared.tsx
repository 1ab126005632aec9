// Pieces both dashboard pages use: figure cards that link to the records behind them and health badges.
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react';
import { useRouter, type RegisteredRouter, type ValidateLinkOptions } from '@tanstack/react-router';
import { useId, type MouseEvent, type ReactNode } from 'react';
import type { Schemas } from '../../api/client';
import { useI18n } from '../../i18n';
import { AnchorLink } from '../editions/AnchorLink';

export type NationalFigures = Schemas['NationalFigures'];
export type EditionFigures = Schemas['EditionFigures'];
export type AdoptionMatrix = Schemas['AdoptionMatrix'];
export type AdoptionProgress = Schemas['AdoptionProgress'];
export type EntityDashboard = Schemas['EntityDashboard'];

/** An in-app link to a path built at run time (list pages of other areas, with their filters). */
export function PathLink({ href, children, ...rest }: { href: string; children: ReactNode; 'aria-label'?: string; fw?: number; size?: string }) {
  const router = useRouter();
  const go = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    router.history.push(href);
  };
  return (
    <Anchor href={href} onClick={go} {...rest}>
      {children}
    </Anchor>
  );
}

/**
 * One figure: its name, its value, and a link to the records it counts. The link is the router's own (`to` and
 * `search` checked against the target list's search schema), e.g.
 * `link={{ to: '/adoptions', search: { edition: 2, health: 'late' } }}`, so a filter the list does not read is a
 * type error rather than a link that lands on the unfiltered list.
 */
export interface FigureCardProps<TRouter extends RegisteredRouter = RegisteredRouter, TOptions = unknown> {
  label: string;
  value: number;
  link: ValidateLinkOptions<TRouter, TOptions>;
  linkLabel: string;
  testId: string;
  children?: ReactNode;
}

export function FigureCard<TRouter extends RegisteredRouter, TOptions>(props: FigureCardProps<TRouter, TOptions>): ReactNode;
export function FigureCard({ label, value, link, linkLabel, testId, children }: FigureCardProps): ReactNode {
  const { number, dir } = useI18n();
  const labelId = useId();
  const Arrow = dir === 'rtl' ? IconArrowLeft : IconArrowRight;
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Stack gap="xs" h="100%" justify="space-between">
        <Stack gap={2}>
          <Text size="sm" c="dimmed" fw={500} id={labelId}>
            {label}
          </Text>
          <Text fz={28} fw={600} lh={1.2} data-testid={`${testId}-value`} data-count={value}>
            {number(value)}
          </Text>
          {children}
        </Stack>
        {/* The link's name says where it goes; the figure's name (described by) says which records. */}
        <AnchorLink {...link} size="sm" fw={500} aria-describedby={labelId}>
          <Group gap={4} wrap="nowrap" component="span">
            {linkLabel}
            <Arrow size={14} aria-hidden />
          </Group>
        </AnchorLink>
      </Stack>
    </Paper>
  );
}

// Filled badges with white text; every colour passes 4.5:1 against white (WCAG AA for small text).
const healthColor: Record<string, string> = { on_track: '#0b6e4f', late: '#b02525', stalled: '#8a4b00', not_started: '#495057' };
const statusColor: Record<string, string> = { completed: '#1864ab', submitted: '#495057', draft: '#495057', withdrawn: '#495057', approved: '#0b6e4f' };

/** An adoption's state as a badge: the plan's health when approved, else its status. */
export function ProgressBadge({ cell }: { cell: Pick<AdoptionProgress, 'health' | 'status'> }) {
  const { t } = useI18n();
  const health = cell.health ?? undefined;
  const key = health ? `dashboard.health.${health}` : `dashboard.status.${cell.status}`;
  const color = health ? healthColor[health] : statusColor[cell.status];
  return (
    <Badge variant="filled" color={color ?? '#495057'} radius="sm" style={{ textTransform: 'none' }}>
      {t(key)}
    </Badge>
  );
}
