// Risks: likelihood × impact with the level (≤4 low, 5–12 medium, ≥15 high), owner, mitigation and status;
// a 5 × 5 matrix counts the open risks per cell (each cell shows its number); managers add and edit.
import { ActionIcon, Badge, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useServerErrors } from '../../components/forms';
import { notifyError, notifySuccess } from '../../components/notify';
import { EmptyState, ErrorState, FormError, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { choicesQuery, levelColor, riskStatuses, risksQuery, type ChangeRisk, type InitiativeDetail, type RiskStatus, scrollable } from './api';

const scale = [1, 2, 3, 4, 5];

function cellHeat(score: number) {
  if (score >= 15) return { background: '#ffc9c9', color: '#1a1b1e' };
  if (score >= 5) return { background: '#ffe8cc', color: '#1a1b1e' };
  return { background: '#d3f9d8', color: '#1a1b1e' };
}

function RiskModal({ detail, item, onClose }: { detail: InitiativeDetail; item: ChangeRisk | 'new' | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const qc = useQueryClient();
  const r = item && item !== 'new' ? item : null;
  const choices = useQuery({ ...choicesQuery(detail.organization_id), enabled: !!item });
  const form = useForm({
    initialValues: {
      title_ar: r?.title_ar ?? '',
      title_en: r?.title_en ?? '',
      likelihood: (r?.likelihood ?? 3) as number | string,
      impact: (r?.impact ?? 3) as number | string,
      owner_id: r?.owner_id ? String(r.owner_id) : '',
      mitigation_ar: r?.mitigation_ar ?? '',
      mitigation_en: r?.mitigation_en ?? '',
      status: (r?.status ?? 'open') as string,
    },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    const body = {
      title_ar: v.title_ar,
      title_en: v.title_en,
      likelihood: Number(v.likelihood),
      impact: Number(v.impact),
      owner_id: v.owner_id ? Number(v.owner_id) : null,
      mitigation_ar: v.mitigation_ar,
      mitigation_en: v.mitigation_en,
      status: v.status as RiskStatus,
    };
    try {
      if (r) {
        await unwrap(api.PUT('/api/v1/change/initiatives/{id}/risks/{rid}', { params: { path: { id: String(detail.id), rid: String(r.id) } }, body: { ...body, version: r.version } }));
      } else {
        await unwrap(api.POST('/api/v1/change/initiatives/{id}/risks', { params: { path: { id: String(detail.id) } }, body }));
      }
      await qc.invalidateQueries({ queryKey: risksQuery(detail.id).queryKey });
      notifySuccess(t('change.saved'));
      onClose();
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={!!item} onClose={onClose} title={r ? t('change.editRisk') : t('change.addRisk')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('change.riskTitleAr')} required dir="rtl" data-autofocus {...form.getInputProps('title_ar')} />
            <TextInput label={t('change.riskTitleEn')} required dir="ltr" {...form.getInputProps('title_en')} />
            <NumberInput label={t('change.likelihood')} min={1} max={5} allowDecimal={false} clampBehavior="none" {...form.getInputProps('likelihood')} />
            <NumberInput label={t('change.riskImpact')} min={1} max={5} allowDecimal={false} clampBehavior="none" {...form.getInputProps('impact')} />
            <Select
              label={t('change.owner')}
              placeholder={t('change.none')}
              data={(choices.data?.users ?? []).map((u) => ({ value: String(u.id), label: pick(u.name_ar, u.name_en) }))}
              clearable
              searchable
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('owner_id')}
            />
            <Select
              label={t('change.status')}
              data={riskStatuses.map((s) => ({ value: s, label: t(`change.riskStatus.${s}`) }))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('status')}
            />
          </SimpleGrid>
          <Textarea label={t('change.mitigationAr')} dir="rtl" autosize minRows={2} {...form.getInputProps('mitigation_ar')} />
          <Textarea label={t('change.mitigationEn')} dir="ltr" autosize minRows={2} {...form.getInputProps('mitigation_en')} />
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

export function RisksTab({ detail }: { detail: InitiativeDetail }) {
  const { t, pick, number, locale } = useI18n();
  const qc = useQueryClient();
  const q = useQuery(risksQuery(detail.id));
  const [item, setItem] = useState<ChangeRisk | 'new' | null>(null);
  if (q.isLoading) return <LoadingState />;
  if (q.error || !q.data) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const risks = q.data;
  const manage = detail.can_manage;
  const remove = async (r: ChangeRisk) => {
    try {
      await unwrap(api.DELETE('/api/v1/change/initiatives/{id}/risks/{rid}', { params: { path: { id: String(detail.id), rid: String(r.id) } } }));
      await qc.invalidateQueries({ queryKey: risksQuery(detail.id).queryKey });
    } catch (e) {
      notifyError(e, locale);
    }
  };
  const addButton = manage ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setItem('new')}>
      {t('change.addRisk')}
    </Button>
  ) : undefined;
  const open = risks.filter((r) => r.status !== 'closed');
  return (
    <Stack>
      <Group justify="flex-end">{addButton}</Group>
      {risks.length === 0 ? (
        <EmptyState title={t('change.risksEmpty')} action={addButton} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={480} {...scrollable}>
            <Table withTableBorder withColumnBorders layout="fixed" maw={640} data-testid="risk-matrix">
              <Table.Caption>{t('change.riskMatrix')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" fz="xs">
                    {t('change.likelihoodByImpact')}
                  </Table.Th>
                  {scale.map((i) => (
                    <Table.Th key={i} scope="col" ta="center">
                      {t('change.impactLevel', { value: number(i) })}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...scale].reverse().map((l) => (
                  <Table.Tr key={l}>
                    <Table.Th scope="row">{t('change.likelihoodLevel', { value: number(l) })}</Table.Th>
                    {scale.map((i) => {
                      const n = open.filter((r) => r.likelihood === l && r.impact === i).length;
                      return (
                        <Table.Td key={i} ta="center" style={{ ...cellHeat(l * i), fontWeight: n ? 700 : 400 }}>
                          {number(n)}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Table.ScrollContainer minWidth={760} {...scrollable}>
            <Table striped>
              <Table.Caption>{t('change.riskList')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('change.risk')}</Table.Th>
                  <Table.Th>{t('change.score')}</Table.Th>
                  <Table.Th>{t('change.owner')}</Table.Th>
                  <Table.Th>{t('change.mitigation')}</Table.Th>
                  <Table.Th>{t('change.status')}</Table.Th>
                  {manage && <Table.Th>{t('change.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {risks.map((r) => {
                  const title = pick(r.title_ar, r.title_en);
                  return (
                    <Table.Tr key={r.id}>
                      <Table.Td>{title}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {t('change.scoreOf', { likelihood: number(r.likelihood), impact: number(r.impact), score: number(r.score) })}{' '}
                        <Badge color={levelColor[r.level]} variant="filled" tt="none" radius="sm">
                          {t(`change.level.${r.level}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{r.owner_id ? pick(r.owner_name_ar, r.owner_name_en) : '—'}</Table.Td>
                      <Table.Td>{pick(r.mitigation_ar, r.mitigation_en) || '—'}</Table.Td>
                      <Table.Td>{t(`change.riskStatus.${r.status}`)}</Table.Td>
                      {manage && (
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <ActionIcon variant="subtle" aria-label={t('change.editNamed', { name: title })} onClick={() => setItem(r)}>
                              <IconPencil size={16} aria-hidden />
                            </ActionIcon>
                            <ActionIcon variant="subtle" color="red.9" aria-label={t('change.removeNamed', { name: title })} onClick={() => remove(r)}>
                              <IconTrash size={16} aria-hidden />
                            </ActionIcon>
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      {item && <RiskModal detail={detail} item={item} onClose={() => setItem(null)} />}
    </Stack>
  );
}
