// Change saturation: for one entity, month by month, the load every stakeholder group carries from all the
// overlapping initiatives (the sum of their impact) against the entity's capacity. Each cell shows its load;
// a cell over capacity is marked in words and colour; choosing a cell names the initiatives behind it.
// National roles pick the entity and may set its capacity; entity staff see their own.
import { Alert, Button, Card, Group, Modal, NumberInput, Stack, Switch, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { can, meQuery } from '../../auth/session';
import { useServerErrors } from '../../components/forms';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { OrganizationPicker } from '../admin/organizations/OrganizationPicker';
import { isNational, loadHeat, ownEntity, stringify, type Saturation, scrollable } from './api';
import { saturationRoute } from './routes';

type Cell = Saturation['groups'][number]['cells'][number];

/** "2026-03" in the reader's calendar and digits, e.g. "Mar 2026" or "مارس ٢٠٢٦". */
export function useMonthLabel() {
  const { tag } = useI18n();
  const fmt = new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return (month: string) => fmt.format(new Date(`${month}-01T00:00:00Z`));
}

function CapacityModal({ sat, opened, onClose }: { sat: Saturation; opened: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const entity = useQuery({
    queryKey: ['change', 'entity', sat.organization_id],
    // The entities list has no id filter: search by the name and pick the row by id.
    queryFn: () => unwrap(api.GET('/api/v1/change/entities', { params: { query: stringify({ q: sat.organization_name_en || sat.organization_name_ar, 'page[size]': 50 }) } })),
    enabled: opened,
  });
  const row = entity.data?.items.find((e) => e.organization_id === sat.organization_id);
  const form = useForm({ initialValues: { capacity: sat.capacity as number | string, governance_project: false } });
  // The form starts from the stored settings once they arrive (the flag is sent back unchanged with the capacity).
  useEffect(() => {
    if (row) form.setValues({ capacity: row.capacity, governance_project: row.governance_project });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [row?.organization_id, row?.version]);
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    try {
      await unwrap(
        api.PUT('/api/v1/change/entities/{organization_id}', {
          params: { path: { organization_id: String(sat.organization_id) } },
          body: { capacity: Number(v.capacity) || 0, governance_project: v.governance_project, version: row?.version ?? 0 },
        }),
      );
      await qc.invalidateQueries({ queryKey: ['change'] });
      notifySuccess(t('change.saved'));
      onClose();
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={opened} onClose={onClose} title={t('change.capacityTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <NumberInput label={t('change.capacity')} description={t('change.capacityHint')} min={1} max={500} allowDecimal={false} clampBehavior="none" required data-autofocus {...form.getInputProps('capacity')} />
          <Switch label={t('change.governanceProject')} {...form.getInputProps('governance_project', { type: 'checkbox' })} />
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

function SaturationGrid({ sat }: { sat: Saturation }) {
  const { t, pick, number } = useI18n();
  const month = useMonthLabel();
  const [chosen, setChosen] = useState<{ group: string; cell: Cell } | null>(null);
  return (
    <Stack>
      <Table.ScrollContainer minWidth={Math.max(700, 180 + sat.months.length * 64)} {...scrollable}>
        <Table withTableBorder withColumnBorders verticalSpacing={4} data-testid="saturation-grid">
          <Table.Caption>{t('change.saturationCaption', { entity: pick(sat.organization_name_ar, sat.organization_name_en), capacity: number(sat.capacity) })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('change.group')}</Table.Th>
              {sat.months.map((m) => (
                <Table.Th key={m} scope="col" ta="center" fz="xs" style={{ whiteSpace: 'nowrap' }}>
                  {month(m)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sat.groups.map((g) => {
              const name = pick(g.group_name_ar, g.group_name_en);
              return (
                <Table.Tr key={g.group_id}>
                  <Table.Th scope="row">
                    <Text size="sm" fw={600}>
                      {name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('change.people', { count: g.size })}
                    </Text>
                  </Table.Th>
                  {g.cells.map((c) => {
                    const heat = loadHeat(c.load, sat.capacity, c.over);
                    const label = t(c.over ? 'change.cellOver' : 'change.cellLoad', { group: name, month: month(c.month), load: number(c.load), capacity: number(sat.capacity) });
                    const selected = chosen?.cell === c;
                    return (
                      <Table.Td key={c.month} p={0} style={{ background: heat.background }}>
                        <UnstyledButton
                          w="100%"
                          p={6}
                          ta="center"
                          aria-label={label}
                          aria-pressed={selected}
                          title={label}
                          onClick={() => setChosen({ group: name, cell: c })}
                          onFocus={() => c.initiatives.length && setChosen({ group: name, cell: c })}
                          style={{ color: heat.color, fontWeight: 600, outline: selected ? '2px solid #1a1b1e' : undefined, outlineOffset: -2 }}
                        >
                          {number(c.load)}
                          {c.over ? ` ${t('change.overMark')}` : ''}
                        </UnstyledButton>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="xs" aria-hidden>
        <Text size="xs" c="dimmed">
          {t('change.legendLoad')}
        </Text>
        {[
          [loadHeat(0, 1, false), t('change.legendNone')],
          [loadHeat(1, 4, false), t('change.legendLow')],
          [loadHeat(3, 5, false), t('change.legendMid')],
          [loadHeat(9, 10, false), t('change.legendHigh')],
          [loadHeat(1, 1, true), t('change.legendOver')],
        ].map(([h, text]) => (
          <span key={text as string} style={{ ...(h as object), padding: '0 8px', borderRadius: 3, fontSize: 12 }}>
            {text as string}
          </span>
        ))}
      </Group>
      <Card withBorder aria-live="polite" data-testid="saturation-cell">
        {chosen ? (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              {t('change.cellTitle', { group: chosen.group, month: month(chosen.cell.month), load: number(chosen.cell.load), capacity: number(sat.capacity) })}
            </Text>
            {chosen.cell.initiatives.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('change.cellEmpty')}
              </Text>
            ) : (
              <Stack component="ul" gap={2} m={0} ps="md">
                {chosen.cell.initiatives.map((i) => (
                  <li key={i.id}>
                    <Link to="/change/$id" params={{ id: String(i.id) }}>
                      {pick(i.title_ar, i.title_en)}
                    </Link>{' '}
                    <Text span size="sm">
                      {t('change.impactOf', { total: number(i.total) })}
                    </Text>
                  </li>
                ))}
              </Stack>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('change.cellHint')}
          </Text>
        )}
      </Card>
    </Stack>
  );
}

export function SaturationPage() {
  const { t, pick, number } = useI18n();
  const search = saturationRoute.useSearch();
  const navigate = saturationRoute.useNavigate();
  const { data: me } = useQuery(meQuery);
  const national = isNational(me);
  const org = search.org ?? ownEntity(me);
  const [editing, setEditing] = useState(false);
  const q = useQuery({
    queryKey: ['change', 'saturation', org, search.from],
    queryFn: () => unwrap(api.GET('/api/v1/change/saturation', { params: { query: stringify({ organization_id: org, from: search.from, months: 12 }) } })),
    enabled: !!org,
  });
  const sat = q.data;
  return (
    <Stack gap="md">
      <PageHeader
        title={t('change.saturationTitle')}
        description={t('change.saturationIntro')}
        actions={sat && can(me, 'change.govern') ? <Button variant="default" onClick={() => setEditing(true)}>{t('change.editCapacity')}</Button> : undefined}
      />
      <Group align="end">
        {national && (
          <OrganizationPicker
            label={t('change.entity')}
            value={org ? String(org) : null}
            onChange={(v) => navigate({ search: { ...search, org: v ? Number(v) : undefined } })}
            comboboxProps={{ withinPortal: true }}
            w={320}
          />
        )}
        <TextInput
          type="month"
          label={t('change.fromMonth')}
          value={search.from ?? ''}
          onChange={(e) => navigate({ search: { ...search, from: e.currentTarget.value || undefined }, replace: true })}
          w={200}
          dir="ltr"
        />
      </Group>
      {!org ? (
        <EmptyState title={t('change.pickEntity')} />
      ) : q.isLoading ? (
        <LoadingState />
      ) : q.error || !sat ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <>
          <Group gap="lg">
            <Title order={3} size="h4">
              {pick(sat.organization_name_ar, sat.organization_name_en)}
            </Title>
            <Text size="sm" data-testid="capacity">
              {t('change.capacityIs', { capacity: number(sat.capacity) })}
            </Text>
          </Group>
          {sat.over_cells > 0 && (
            <Alert color="red" variant="light" title={t('change.overTitle')}>
              {t('change.overCells', { count: sat.over_cells })}
            </Alert>
          )}
          {sat.groups.length === 0 ? <EmptyState title={t('change.saturationEmpty')}>{t('change.saturationEmptyHint')}</EmptyState> : <SaturationGrid sat={sat} />}
          {editing && <CapacityModal sat={sat} opened={editing} onClose={() => setEditing(false)} />}
        </>
      )}
    </Stack>
  );
}
