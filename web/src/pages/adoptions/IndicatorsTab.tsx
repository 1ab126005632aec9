// Outcome indicators: baseline, target and actual values by period (one per period; recording it again
// replaces it), with a small chart of actual against target.
import { Button, Card, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useServerErrors } from '../../components/forms';
import { notifySuccess } from '../../components/notify';
import { EmptyState, FormError, LoadingState } from '../../components/States';
import { useI18n } from '../../i18n';
import { adoptionQuery, type AdoptionDetail, type Indicator } from './api';

const Chart = lazy(() => import('../../components/Chart'));

function RecordValue({ detail, indicator }: { detail: AdoptionDetail; indicator: Indicator }) {
  const { t, pick } = useI18n();
  const qc = useQueryClient();
  const id = detail.adoption.id;
  const form = useForm({ initialValues: { period: new Date().toISOString().slice(0, 7), actual: '' as number | string } });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    try {
      await unwrap(
        api.PUT('/api/v1/adoptions/{id}/indicators/{indicator_id}/values/{period}', {
          params: { path: { id: String(id), indicator_id: String(indicator.id), period: String(v.period.trim()) } },
          body: { actual: Number(v.actual) },
        }),
      );
      await qc.invalidateQueries({ queryKey: adoptionQuery(id).queryKey });
      notifySuccess(t('adoptions.saved'));
      form.setFieldValue('actual', '');
    } catch (e) {
      server.capture(e);
    }
  });
  const name = pick(indicator.name_ar, indicator.name_en);
  return (
    <form onSubmit={submit} noValidate aria-label={`${t('adoptions.recordValue')}: ${name}`}>
      <Group align="end" gap="sm">
        <TextInput label={t('adoptions.periodLabel')} dir="ltr" w={200} required {...form.getInputProps('period')} />
        <NumberInput label={t('adoptions.actual')} w={140} required {...form.getInputProps('actual')} />
        <Button type="submit" variant="light" loading={form.submitting}>{t('adoptions.recordValue')}</Button>
      </Group>
      <FormError error={server.formError} />
    </form>
  );
}

function IndicatorCard({ detail, indicator }: { detail: AdoptionDetail; indicator: Indicator }) {
  const { t, pick, number } = useI18n();
  const name = pick(indicator.name_ar, indicator.name_en);
  const periods = indicator.values.map((v) => v.period);
  return (
    <Card withBorder>
      <Stack>
        <div>
          <Text fw={700}>{name}</Text>
          <Text size="sm" c="dimmed">
            {t('adoptions.baselineTarget', { baseline: number(indicator.baseline), target: number(indicator.target), unit: indicator.unit })} ·{' '}
            {t('adoptions.direction')} {t(`adoptions.direction.${indicator.direction}`)}
          </Text>
        </div>
        {indicator.values.length === 0 ? (
          <Text size="sm" c="dimmed">{t('adoptions.noValues')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Table striped>
              <Table.Caption>{name}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('adoptions.colPeriod')}</Table.Th>
                  <Table.Th>{t('adoptions.colActual')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {indicator.values.map((v) => (
                  <Table.Tr key={v.period}>
                    <Table.Td><span className="ltr-value">{v.period}</span></Table.Td>
                    <Table.Td>{number(v.actual)} {indicator.unit}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Suspense fallback={<LoadingState />}>
              <Chart
                type="line"
                label={t('adoptions.chartLabel', { name })}
                categoryLabel={t('adoptions.colPeriod')}
                labels={periods}
                datasets={[
                  { label: t('adoptions.chartActual'), data: indicator.values.map((v) => v.actual) },
                  { label: t('adoptions.chartTarget'), data: periods.map(() => indicator.target) },
                ]}
                height={240}
              />
            </Suspense>
          </SimpleGrid>
        )}
        {detail.permissions.edit_plan && <RecordValue detail={detail} indicator={indicator} />}
      </Stack>
    </Card>
  );
}

export function IndicatorsTab({ detail }: { detail: AdoptionDetail }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const id = detail.adoption.id;
  const [adding, setAdding] = useState(false);
  const form = useForm({
    initialValues: { name_ar: '', name_en: '', unit: '', baseline: 0 as number | string, target: 0 as number | string, direction: 'increase' as 'increase' | 'decrease' },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit(async (v) => {
    server.clear();
    try {
      await unwrap(
        api.POST('/api/v1/adoptions/{id}/indicators', {
          params: { path: { id: String(id) } },
          body: { ...v, baseline: Number(v.baseline), target: Number(v.target) },
        }),
      );
      await qc.invalidateQueries({ queryKey: adoptionQuery(id).queryKey });
      notifySuccess(t('adoptions.saved'));
      form.reset();
      setAdding(false);
    } catch (e) {
      server.capture(e);
    }
  });
  return (
    <Stack>
      {detail.permissions.edit_plan && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>{t('adoptions.addIndicator')}</Button>
        </Group>
      )}
      {detail.indicators.length === 0 && <EmptyState title={t('adoptions.noIndicators')} />}
      {detail.indicators.map((i) => (
        <IndicatorCard key={i.id} detail={detail} indicator={i} />
      ))}
      <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={adding} onClose={() => setAdding(false)} title={t('adoptions.addIndicator')}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput label={t('adoptions.indicatorNameAr')} required dir="rtl" data-autofocus {...form.getInputProps('name_ar')} />
            <TextInput label={t('adoptions.indicatorNameEn')} required dir="ltr" {...form.getInputProps('name_en')} />
            <SimpleGrid cols={2}>
              <TextInput label={t('adoptions.unit')} {...form.getInputProps('unit')} />
              <Select
                label={t('adoptions.direction')}
                data={(['increase', 'decrease'] as const).map((d) => ({ value: d, label: t(`adoptions.direction.${d}`) }))}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('direction')}
              />
              <NumberInput label={t('adoptions.baseline')} required {...form.getInputProps('baseline')} />
              <NumberInput label={t('adoptions.target')} required {...form.getInputProps('target')} />
            </SimpleGrid>
            <FormError error={server.formError} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAdding(false)}>{t('adoptions.cancel')}</Button>
              <Button type="submit" loading={form.submitting}>{t('adoptions.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
