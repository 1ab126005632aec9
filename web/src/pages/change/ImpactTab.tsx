// The impact assessment: one row per affected stakeholder group (size, location), the degree of impact 0–5 on
// each of the ten aspects with the row's total, as a heat grid whose every cell shows its number; the aspect
// totals below. Managers edit a row in a dialog, add a group of the entity (or a new one) and remove a row.
import { ActionIcon, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useServerErrors } from '../../components/forms';
import { notifyError, notifySuccess } from '../../components/notify';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { aspects, choicesQuery, impactHeat, impactsQuery, totalHeat, type Aspect, type ImpactRow, type InitiativeDetail, scrollable } from './api';

const zero = Object.fromEntries(aspects.map((a) => [a, 0])) as Record<Aspect, number>;

function useRefresh(id: number) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: impactsQuery(id).queryKey }),
      qc.invalidateQueries({ queryKey: ['change', 'initiatives'] }),
      qc.invalidateQueries({ queryKey: ['change', 'choices'] }),
    ]);
}

/** A dialog with the ten aspects of one group: add (group picked or created) or edit. */
function RowEditor({ detail, row, opened, onClose, taken }: { detail: InitiativeDetail; row: ImpactRow | null; opened: boolean; onClose: () => void; taken: number[] }) {
  const { t, pick } = useI18n();
  const refresh = useRefresh(detail.id);
  const choices = useQuery({ ...choicesQuery(detail.organization_id), enabled: opened && !row });
  const form = useForm({
    initialValues: {
      group_id: row ? String(row.group_id) : '',
      new_group: false,
      name_ar: '',
      name_en: '',
      size: 1 as number | string,
      location_ar: '',
      location_en: '',
      ...(row ? (Object.fromEntries(aspects.map((a) => [a, row[a]])) as Record<Aspect, number>) : zero),
    },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    try {
      let groupId = Number(v.group_id);
      if (!row && v.new_group) {
        const group = await unwrap(
          api.POST('/api/v1/change/groups', {
            body: { organization_id: detail.organization_id, name_ar: v.name_ar, name_en: v.name_en, size: Number(v.size) || 0, location_ar: v.location_ar, location_en: v.location_en },
          }),
        );
        groupId = group.id;
        form.setFieldValue('new_group', false);
        form.setFieldValue('group_id', String(group.id));
      }
      const body = Object.fromEntries(aspects.map((a) => [a, Number(v[a])])) as Record<Aspect, number>;
      await unwrap(
        api.PUT('/api/v1/change/initiatives/{id}/impacts/{group_id}', {
          params: { path: { id: String(detail.id), group_id: String(groupId) } },
          body,
        }),
      );
      await refresh();
      notifySuccess(t('change.saved'));
      form.reset();
      onClose();
    } catch (e) {
      server.capture(e);
    }
  });
  const groups = (choices.data?.groups ?? []).filter((g) => !taken.includes(g.id));
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={row ? t('change.impactEditTitle', { group: pick(row.group_name_ar, row.group_name_en) }) : t('change.impactAddTitle')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {!row && !form.values.new_group && (
            <Group align="end">
              <Select
                label={t('change.group')}
                data={groups.map((g) => ({ value: String(g.id), label: pick(g.name_ar, g.name_en) }))}
                required
                searchable
                comboboxProps={{ withinPortal: true }}
                style={{ flex: 1 }}
                {...form.getInputProps('group_id')}
              />
              <Button variant="default" onClick={() => form.setFieldValue('new_group', true)}>
                {t('change.newGroup')}
              </Button>
            </Group>
          )}
          {!row && form.values.new_group && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('change.groupNameAr')} required dir="rtl" {...form.getInputProps('name_ar')} />
              <TextInput label={t('change.groupNameEn')} required dir="ltr" {...form.getInputProps('name_en')} />
              <NumberInput label={t('change.groupSize')} required min={1} allowDecimal={false} {...form.getInputProps('size')} />
              <div />
              <TextInput label={t('change.locationAr')} dir="rtl" {...form.getInputProps('location_ar')} />
              <TextInput label={t('change.locationEn')} dir="ltr" {...form.getInputProps('location_en')} />
            </SimpleGrid>
          )}
          <Text size="sm" c="dimmed">
            {t('change.impactScale')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 5 }}>
            {aspects.map((a) => (
              <NumberInput key={a} label={t(`change.aspect.${a}`)} min={0} max={5} allowDecimal={false} clampBehavior="none" {...form.getInputProps(a)} />
            ))}
          </SimpleGrid>
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

function HeatCell({ value, label }: { value: number; label: string }) {
  const { number } = useI18n();
  const heat = impactHeat(value);
  return (
    <Table.Td ta="center" style={{ background: heat.background, color: heat.color, fontWeight: 600 }} aria-label={label} title={label}>
      {number(value)}
    </Table.Td>
  );
}

export function ImpactTab({ detail }: { detail: InitiativeDetail }) {
  const { t, pick, number, locale } = useI18n();
  const q = useQuery(impactsQuery(detail.id));
  const refresh = useRefresh(detail.id);
  const [editing, setEditing] = useState<ImpactRow | null>(null);
  const [adding, setAdding] = useState(false);
  if (q.isLoading) return <LoadingState />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const grid = q.data;
  const manage = detail.can_manage;
  const remove = async (r: ImpactRow) => {
    try {
      await unwrap(api.DELETE('/api/v1/change/initiatives/{id}/impacts/{group_id}', { params: { path: { id: String(detail.id), group_id: String(r.group_id) } } }));
      await refresh();
    } catch (e) {
      notifyError(e, locale);
    }
  };
  const addButton = manage ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
      {t('change.impactAdd')}
    </Button>
  ) : undefined;

  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm">
          {t('change.impactSummary', { total: number(grid.total), people: number(grid.affected_people), groups: grid.rows.length })}
        </Text>
        {addButton}
      </Group>
      {grid.rows.length === 0 ? (
        <EmptyState title={t('change.impactEmpty')} action={addButton}>
          {manage ? t('change.impactEmptyHint') : undefined}
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={1100} {...scrollable}>
          <Table withTableBorder withColumnBorders verticalSpacing={6} data-testid="impact-grid">
            <Table.Caption>{t('change.impactCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('change.group')}</Table.Th>
                <Table.Th scope="col">{t('change.groupSize')}</Table.Th>
                {aspects.map((a) => (
                  <Table.Th key={a} scope="col" ta="center" fz="xs">
                    {t(`change.aspect.${a}`)}
                  </Table.Th>
                ))}
                <Table.Th scope="col" ta="center">
                  {t('change.total')}
                </Table.Th>
                {manage && <Table.Th scope="col">{t('change.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {grid.rows.map((r) => {
                const name = pick(r.group_name_ar, r.group_name_en);
                const th = totalHeat(r.total);
                return (
                  <Table.Tr key={r.group_id}>
                    <Table.Th scope="row">
                      <Text size="sm" fw={600}>
                        {name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {pick(r.location_ar, r.location_en)}
                      </Text>
                    </Table.Th>
                    <Table.Td>{number(r.size)}</Table.Td>
                    {aspects.map((a) => (
                      <HeatCell key={a} value={r[a]} label={t('change.impactCell', { group: name, aspect: t(`change.aspect.${a}`), value: number(r[a]) })} />
                    ))}
                    <Table.Td ta="center" style={{ background: th.background, color: th.color, fontWeight: 700 }}>
                      {number(r.total)}
                    </Table.Td>
                    {manage && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <ActionIcon variant="subtle" aria-label={t('change.impactEdit', { group: name })} onClick={() => setEditing(r)}>
                            <IconPencil size={16} aria-hidden />
                          </ActionIcon>
                          <ActionIcon variant="subtle" color="red.9" aria-label={t('change.impactRemove', { group: name })} onClick={() => remove(r)}>
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t('change.aspectTotals')}</Table.Th>
                <Table.Td>{number(grid.affected_people)}</Table.Td>
                {aspects.map((a) => (
                  <Table.Td key={a} ta="center" fw={700}>
                    {number(grid.aspect_totals[a])}
                  </Table.Td>
                ))}
                <Table.Td ta="center" fw={700}>
                  {number(grid.total)}
                </Table.Td>
                {manage && <Table.Td />}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group gap="xs" aria-hidden>
        <Text size="xs" c="dimmed">
          {t('change.legendImpact')}
        </Text>
        {[0, 1, 2, 3, 4, 5].map((v) => (
          <span key={v} style={{ ...impactHeat(v), padding: '0 8px', borderRadius: 3, fontSize: 12 }}>
            {number(v)}
          </span>
        ))}
      </Group>
      {adding && <RowEditor detail={detail} row={null} opened={adding} onClose={() => setAdding(false)} taken={grid.rows.map((r) => r.group_id)} />}
      {editing && <RowEditor detail={detail} row={editing} opened={!!editing} onClose={() => setEditing(null)} taken={[]} />}
    </Stack>
  );
}
